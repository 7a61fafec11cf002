/**
 * async-accepted: the accepted answer of a long-running operation says where to follow it — at least one polling
 * header (Azure-AsyncOperation, Location, Operation-Location), and the one final-state-via reads the result from.
 * ARM: Azure/azure-resource-manager-rpc v1.0/async-api-reference.md ("202 Accepted and Location Headers").
 */
import type { Check } from "./check.ts";
import { isAccepted, judgesLongRunning } from "./async-operation.ts";

const FINAL_HEADER: Record<string, string | undefined> = { location: "Location", "azure-async-operation": "Azure-AsyncOperation", "operation-location": "Operation-Location" };

export const asyncAccepted: Check = {
  name: "async-accepted",
  summary: "a long-running operation's accepted answer carries a polling header, and the one final-state-via reads",
  severity: "failure",
  appliesTo: judgesLongRunning,
  run: (input) => {
    if (!isAccepted(input)) return [];
    const { longRunning } = input.exchange.context.operation;
    const headers = input.response!.headers;
    const carried = ["Azure-AsyncOperation", "Location", "Operation-Location"].filter((h) => headers[h.toLowerCase()] !== undefined);
    if (carried.length === 0) {
      const declared = longRunning!.declaredHeaders.filter((h) => h !== "Retry-After");
      return [{ pointer: "", expected: declared, actual: "no polling header", notFromBody: true, message: `the ${input.response!.status} answer carries no polling header (the spec declares ${declared.join(", ")}): a client cannot follow the operation` }];
    }
    const needed = FINAL_HEADER[longRunning!.finalStateVia];
    if (needed && !carried.includes(needed) && longRunning!.declaredHeaders.includes(needed)) {
      return [{ pointer: "", expected: needed, actual: carried, notFromBody: true, message: `the ${input.response!.status} answer has no ${needed}, where final-state-via ${longRunning!.finalStateVia} reads the result` }];
    }
    return [];
  },
};
