/**
 * The mock's asynchronous operations (ARM's contract: Azure/azure-resource-manager-rpc v1.0/async-api-reference.md).
 * Each accepted request becomes an operation with a GUID, a start and an end time and an outcome; what it does when
 * it completes (rotate keys, build its final answer) runs once, lazily: `settle` completes every operation whose end
 * time has passed, and the server calls it before any request that reads state or an operation, so a read-back after
 * the end time shows the change whether or not anyone polled. Operations end in start order unless a fault holds one
 * forever, so the pending queue stays sorted by appending. The store is bounded: past its limit the oldest operation
 * is forgotten (its polling URLs then answer 404, as ARM's do for an unknown id).
 */
import { randomUUID } from "node:crypto";
import type { ArmError } from "./arm-errors.ts";
import type { Fault } from "./faults.ts";
import { isArmError, type MockResponse } from "./mock-exchange.ts";
import type { MockOperation } from "./mock-model.ts";

/** How long an operation stays InProgress unless told otherwise: short, so a conformance run stays fast. */
export const DEFAULT_LRO_DURATION_MS = 100;
/** Operations kept (finished or not) before the oldest is forgotten. */
export const DEFAULT_OPERATION_LIMIT = 10_000;

export type TerminalStatus = "Succeeded" | "Failed" | "Canceled";
export type OperationStatus = "InProgress" | TerminalStatus;

/** What an operation does when it ends well: its change to state, then its final answer (or the error it ends with). */
export type Completion = (at: Date) => MockResponse | ArmError;

export interface AcceptedOperation {
  id: string;
  /** Where it is polled: /subscriptions/{sub}/providers/{namespace}/locations/{location}, compared case-insensitively. */
  scope: string;
  apiVersion: string;
  operation?: MockOperation;
  /** The fault the start request carried: it stays with the operation, as its polls carry none. */
  fault?: Fault;
  startedAt: number;
  /** How long it was meant to run (Retry-After is derived from what is left of it). */
  durationMs: number;
  /** Infinity for an operation that never finishes. */
  endsAt: number;
  /** How it ends when its time comes. */
  outcome: TerminalStatus;
  status: OperationStatus;
  /** Set when it completes: the answer the Location URL gives (final result, or its error). */
  result?: MockResponse | ArmError;
  /** The error a Failed or Canceled operation names. */
  error?: ArmError;
  complete?: Completion;
}

export interface StartRequest {
  scope: string;
  apiVersion: string;
  operation?: MockOperation;
  fault?: Fault;
  outcome: TerminalStatus;
  /** The error it ends with when its outcome is Failed or Canceled. */
  error?: ArmError;
  durationMs: number;
  /** Stays InProgress for ever (a fault). */
  neverEnds?: boolean;
  complete: Completion;
}

export class OperationStore {
  private readonly byId = new Map<string, AcceptedOperation>();
  private pending: AcceptedOperation[] = [];

  constructor(private readonly limit = DEFAULT_OPERATION_LIMIT) {}

  get size(): number {
    return this.byId.size;
  }

  start(request: StartRequest, now: number): AcceptedOperation {
    const { neverEnds, ...rest } = request;
    const endsAt = neverEnds ? Infinity : now + request.durationMs;
    const accepted: AcceptedOperation = { ...rest, id: randomUUID(), startedAt: now, endsAt, status: "InProgress" };
    this.byId.set(accepted.id, accepted);
    if (this.byId.size > this.limit) this.byId.delete(this.byId.keys().next().value!);
    if (Number.isFinite(accepted.endsAt)) this.pending.push(accepted);
    return accepted;
  }

  /** The operation with this id under this scope, after completing what is due. */
  find(id: string, scope: string, now: number): AcceptedOperation | undefined {
    this.settle(now);
    const found = this.byId.get(id.toLowerCase());
    return found && found.scope.toLowerCase() === scope.toLowerCase() ? found : undefined;
  }

  /** Forgets every operation, finished or not (the state they would change was reset). */
  clear(): void {
    this.byId.clear();
    this.pending = [];
  }

  /** Completes every operation whose end time has passed, oldest first. */
  settle(now: number): void {
    if (this.pending.length === 0 || this.pending[0].endsAt > now) return;
    let done = 0;
    while (done < this.pending.length && this.pending[done].endsAt <= now) finish(this.pending[done++]);
    this.pending = this.pending.slice(done);
  }
}

function finish(op: AcceptedOperation): void {
  const complete = op.complete!;
  op.complete = undefined;
  if (op.outcome !== "Succeeded") {
    op.status = op.outcome;
    op.result = op.error;
    return;
  }
  const result = complete(new Date(op.endsAt));
  op.result = result;
  op.status = isArmError(result) ? "Failed" : "Succeeded";
  if (isArmError(result)) op.error = result;
}
