/** negative-rejected: a request that breaks the contract is refused with a 4xx — not accepted (2xx), not a crash (5xx). */
import type { Check } from "./check.ts";

export const negativeRejected: Check = {
  name: "negative-rejected",
  summary: "a request that breaks a constraint is refused with a 4xx (never 2xx, never 5xx)",
  severity: "failure",
  appliesTo: (exchange) => exchange.expect.kind === "rejection",
  run: ({ exchange, response }) => {
    const actual = response!.status;
    if (actual >= 400 && actual < 500) return [];
    const violates = exchange.expect.kind === "rejection" ? exchange.expect.violates : "";
    const what = actual < 400 ? "accepted" : "answered with a server error";
    return [{ pointer: "", expected: "4xx", actual, notFromBody: true, message: `${what} (${actual}) a request that breaks ${violates}` }];
  },
};
