/** transport: an HTTP answer came back within the timeout (no reset connection, no hang). */
import type { Check } from "./check.ts";

export const transport: Check = {
  name: "transport",
  summary: "an HTTP answer arrives within the per-request timeout",
  appliesTo: () => true,
  run: ({ response, transportError }) =>
    response ? [] : [{ pointer: "", expected: "an HTTP answer", actual: transportError ?? "no answer", message: `no answer: ${transportError ?? "unknown error"}` }],
};
