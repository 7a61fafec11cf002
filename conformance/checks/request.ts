/**
 * request: a recorded request keeps the spec — its path, query and header parameters and its body, judged by the
 * mock's own request steps (conformance/replay/request-violations.ts). Only recordings have a request to judge; the
 * runner's requests are rekey's own. A request the endpoint refused (4xx) may break the spec: refusing it was right.
 */
import type { Check } from "./check.ts";

export const request: Check = {
  name: "request",
  summary: "a recorded request keeps the spec: parameters and body (replay only; a refused request may break it)",
  severity: "failure",
  appliesTo: (exchange) => exchange.kind === "replay",
  run: ({ response, recorded }) => {
    const status = response!.status;
    if (!recorded || (status >= 400 && status < 500)) return [];
    return recorded.requestViolations.map((v) => ({
      pointer: "",
      expected: "a request the spec allows",
      actual: v.target,
      notFromBody: true,
      message: `the endpoint answered ${status} to a request that breaks the spec: ${v.message}`,
    }));
  },
};
