/** transport: a whole HTTP answer came back within the timeout and the body limit (no reset connection, no hang, no flood). */
import type { Check } from "./check.ts";

export const transport: Check = {
  name: "transport",
  summary: "a whole HTTP answer arrives within the per-request timeout and body limit",
  severity: "failure",
  // A recording holds a whole answer by construction.
  appliesTo: (exchange) => exchange.kind !== "replay",
  run: ({ response, transportError }) =>
    response ? [] : [{ pointer: "", expected: "an HTTP answer", actual: transportError ?? "no answer", notFromBody: true, message: `no answer: ${transportError ?? "unknown error"}` }],
};
