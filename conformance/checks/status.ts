/** status: the status code is one the operation documents, and the one the exchange expects. */
import type { Check } from "./check.ts";
import { documentedResponse } from "./documented-response.ts";

export const status: Check = {
  name: "status",
  summary: "the status code is documented for the operation and is the one expected",
  severity: "failure",
  appliesTo: () => true,
  run: ({ exchange, response }) => {
    const actual = response!.status;
    const documented = exchange.context.operation.responses.map((r) => r.status);
    if (!documentedResponse(exchange.context.operation, actual)) {
      return [{ pointer: "", expected: documented, actual, notFromBody: true, message: `status ${actual} is not documented (the spec has ${documented.join(", ")})` }];
    }
    const expect = exchange.expect;
    if (expect.kind === "success" && !expect.statuses.includes(actual)) {
      return [{ pointer: "", expected: expect.statuses, actual, notFromBody: true, message: `expected ${expect.statuses.join(" or ")}, got ${actual}` }];
    }
    if (expect.kind === "rejection" && expect.status !== undefined && actual !== expect.status && actual >= 400 && actual < 500) {
      return [{ pointer: "", expected: expect.status, actual, notFromBody: true, message: `expected ${expect.status} (${expect.violates}), got ${actual}` }];
    }
    return [];
  },
};
