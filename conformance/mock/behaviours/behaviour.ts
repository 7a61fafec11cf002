/** What an operation does once a request has passed every check: one plug-in per operation kind. */
import type { ArmError } from "../arm-errors.ts";
import type { Fault } from "../faults.ts";
import type { MockExchange, MockResponse } from "../mock-exchange.ts";
import type { OperationStore } from "../operations.ts";

export interface BehaviourOptions {
  /** A fault that changes what the behaviour does to state ("no-rotation", "rotate-both", "rotate-other"). */
  rotationFault?: "none" | "both" | "other";
  /** The request's fault: a long-running operation keeps it, and its lro-* part changes how the operation runs. */
  fault?: Fault;
  /** Where long-running operations are kept, and how long each stays InProgress. */
  operations: OperationStore;
  lroDurationMs: number;
}

export type Behaviour = (exchange: MockExchange, options: BehaviourOptions) => MockResponse | ArmError;
