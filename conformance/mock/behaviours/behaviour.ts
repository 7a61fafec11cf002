/** What an operation does once a request has passed every check: one plug-in per operation kind. */
import type { ArmError } from "../arm-errors.ts";
import type { MockExchange, MockResponse } from "../mock-exchange.ts";

export interface BehaviourOptions {
  /** A fault that changes what the behaviour does to state ("no-rotation", "rotate-both", "rotate-other"). */
  rotationFault?: "none" | "both" | "other";
}

export type Behaviour = (exchange: MockExchange, options: BehaviourOptions) => MockResponse | ArmError;
