/**
 * How the conformance run catches each of the mock's faults: as a failure (the run fails), or as a warning (drift:
 * the run passes and lists it; only --strict fails it). Both fault tests read this one table.
 */
import type { Severity } from "../../conformance/exchange.ts";

export const FAULT_CAUGHT_AS: Record<string, Severity> = {
  "wrong-success-status": "failure",
  // The example shows the field, the schema does not require it: a real answer may leave it out.
  "missing-field": "warning",
  "wrong-type": "failure",
  // Azure lets answers gain properties (added response properties are not breaking).
  "extra-field": "warning",
  "error-schema": "failure",
  "wrong-content-type": "failure",
  "missing-content-type": "failure",
  "missing-request-id": "failure",
  "body-on-204": "failure",
  "malformed-json": "failure",
  "server-error": "failure",
  throttle: "failure",
  delay: "failure",
  "connection-reset": "failure",
  "no-rotation": "failure",
  "rotate-both": "failure",
};
