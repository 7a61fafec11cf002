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
  "rotate-other": "failure",
};

/** The lro-* faults (long-running operations), caught by the async-* checks and the rotation check. */
export const LRO_FAULT_CAUGHT_AS: Record<string, Severity> = {
  "lro-failed": "failure",
  "lro-canceled": "failure",
  "lro-never-finishes": "failure",
  "lro-status-404": "failure",
  // ARM asks for Retry-After; a client without one polls at its own interval.
  "lro-no-retry-after": "warning",
  "lro-no-polling-header": "failure",
  "lro-foreign-host": "failure",
  "lro-relative-url": "failure",
  "lro-bad-status-body": "failure",
  "lro-invalid-final-result": "failure",
  "lro-rotate-early": "failure",
};
