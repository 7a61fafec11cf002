/**
 * The runner's words as types (docs/architecture.md, "Words"): an exchange is one request and what must be true of
 * its answer; a check turns an exchange and its response into typed failures; a run emits events that reporters
 * listen to. Everything a reporter receives is plain, already-redacted data.
 */
import type { DocumentModel, OperationModel, RotationSpec } from "../kernel/index.ts";
import type { HttpRequestSpec } from "./example-request.ts";

/** `replay`: an exchange read from a recording (`rekey conform --replay`), judged without sending anything. */
export type ExchangeKind = "example" | "negative" | "scenario" | "replay";

/**
 * Whether sending the exchange can change the target's state: `never` (the request cannot reach a resource, or is
 * refused before any handler: no token, unknown api-version, a name no resource can have, a resource that does not
 * exist); `if-accepted` (addresses a real resource and changes it if the endpoint wrongly accepts it); `always`.
 */
export type Mutation = "never" | "if-accepted" | "always";

export type Expectation =
  /** A documented success; `example` is the documented answer when the exchange comes from an example. */
  | { kind: "success"; statuses: number[]; example?: { status: number; body?: unknown } }
  /** A refusal: 4xx (a given status when ARM's answer is fixed), with a body in the operation's error schema. */
  | { kind: "rejection"; status?: number; violates: string }
  /** A recorded answer: whatever the endpoint answered, judged only against what the operation documents. */
  | { kind: "recorded"; status: number };

export interface ScenarioStep {
  /** e.g. "rotate-primary" */
  name: string;
  /** 1-based */
  step: number;
  of: number;
  /** The key this step regenerates, as x-rekey-rotation names it. */
  key: string;
  /** The resource's name in the path (the body must echo it where x-rekey-rotation says). */
  resourceName?: string;
  /** This step calls the rotation's read-back operation; its answer shows the keys (at readBack's pointers). */
  reads?: boolean;
  /** The step whose answer this one is compared with (default: the one before). */
  compareWith?: number;
}

export interface Exchange {
  /** Stable and readable: <service>/<api-version>/<operationId>/<kind>/<name>, e.g. maps/2026-12-01/Accounts_RegenerateKeys/negative/body.keyType.enum */
  id: string;
  kind: ExchangeKind;
  /** One line: what is sent and why. */
  title: string;
  service: string;
  apiVersion: string;
  operationId: string;
  request: HttpRequestSpec;
  /** Send the target's bearer token (false for the "no Authorization" case). */
  authorize: boolean;
  expect: Expectation;
  mutation: Mutation;
  /** The ARM resource id the request addresses (exchanges that change one resource run one at a time). */
  resource: string;
  scenario?: ScenarioStep;
  /** Where the example or the violated constraint is written: file#pointer. */
  source: string;
  /** Names of the checks that apply, in registry order. */
  checks: string[];
}

/** The spec side of an exchange, for checks (not serialised into reports). */
export interface ExchangeContext {
  doc: DocumentModel;
  operation: OperationModel;
  /** The rotation a scenario step belongs to (a read-back step's operation has none of its own). */
  rotation?: RotationSpec;
}

export interface CompiledExchange extends Exchange {
  context: ExchangeContext;
}

export interface ExchangeResponse {
  status: number;
  /** Lower-cased names; repeated headers joined with ", ". */
  headers: Record<string, string>;
  /** The body as text (UTF-8), "" when there was none. */
  text: string;
  /** The parsed body when `text` is JSON. */
  json?: unknown;
  durationMs: number;
}

/**
 * How much a finding matters. A `failure` breaks what a client relies on (transport, status, types, error envelope,
 * rotation, x-ms-request-id); a `warning` is drift a client survives (a property the schema does not declare, a field
 * the example shows but the schema does not require, a header ARM usually sends). `--strict` counts warnings as failures.
 */
export type Severity = "failure" | "warning";

/** One thing a check found wrong with the answer. `pointer` is a JSON pointer into the response body ("" for the whole answer). */
export interface Finding {
  check: string;
  exchange: string;
  severity: Severity;
  /** A warning counted as a failure because the run is strict (then `severity` is "failure"). */
  promoted?: true;
  pointer: string;
  expected: unknown;
  actual: unknown;
  message: string;
}

/** A finding that fails its exchange (severity "failure"). */
export type Failure = Finding;

export type Outcome = "passed" | "failed" | "held-back" | "skipped";

export interface ExchangeResult {
  exchange: Exchange;
  outcome: Outcome;
  /** Absent when held back, skipped, or when no answer came (a transport failure is a Failure of check "transport"). */
  response?: ExchangeResponse;
  /** Findings of severity "failure" (with `--strict`, the warnings too); any makes the outcome "failed". */
  failures: Failure[];
  /** Findings of severity "warning": drift that leaves the outcome "passed". Empty when the run is strict. */
  warnings: Finding[];
  /** Checks that ran (a failure of one does not stop the others). */
  checksRun: string[];
  /** What the checks could not judge (a replay: a header the recorder drops, a value it replaced), and why. */
  notJudged?: string[];
  /** Why the exchange was not sent (held-back / skipped). */
  reason?: string;
  /** Reproduces the request; the token appears as $TOKEN. */
  curl: string;
  attempts: number;
  /** A long-running operation the runner followed after its accepted answer: what it requested and saw. */
  operation?: OperationTrace;
}

/** One request the runner sent to follow an operation (always a GET), as reports may show it. */
export interface FollowUpRequest {
  /** poll: the polling URL; final: where final-state-via reads the result; read-while-running: a rotation's read-back before completion. */
  purpose: "poll" | "final" | "read-while-running";
  /** The polling header the URL came from. */
  header?: string;
  /** Origin and path, with api-version the only query value kept (ARM signs its polling URLs' other values). */
  url: string;
  status?: number;
  /** The state the answer shows (a status monitor's status, or running/succeeded/failed from a Location's status code). */
  state?: string;
  retryAfter?: string;
  transportError?: string;
  /** The body as reports may show it (deny by default). */
  body?: unknown;
}

export interface OperationTrace {
  finalStateVia: string;
  requests: FollowUpRequest[];
  /** Succeeded, Failed or Canceled, when reached. */
  terminal?: string;
  /** Why following stopped early (a polling URL never requested, the time bound). */
  stopped?: string;
  durationMs: number;
}

export interface TargetDescription {
  kind: "mock" | "url" | "live" | "replay";
  /** Base URL the requests went to (a replay: the recordings read). */
  url: string;
  /** Extra words for the header line, e.g. "fault wrong-type". */
  detail?: string;
}

export interface RunSummary {
  target: TargetDescription;
  exchanges: number;
  passed: number;
  failed: number;
  heldBack: number;
  skipped: number;
  /** Check evaluations performed (exchanges × applicable checks actually run). */
  checks: number;
  failures: number;
  /** Warning findings (0 when strict: they are counted in `failures`). */
  warnings: number;
  /** Exchanges that passed with at least one warning. */
  passedWithWarnings: number;
  /** Warnings counted as failures (`--strict`). */
  strict: boolean;
  durationMs: number;
  /** Ctrl-C (or another abort) stopped the run before every exchange was sent. */
  interrupted: boolean;
  /** Held-back exchanges grouped by reason. */
  heldBackReasons: Record<string, number>;
}

/**
 * Cuts every secret the run has seen so far out of a result. It travels with run-start so a report written before
 * run-end (a partial one) is scrubbed as thoroughly as the run-end results, without the secrets themselves travelling.
 */
export type Redact = (result: ExchangeResult) => ExchangeResult;

export type RunEvent =
  | { type: "run-start"; target: TargetDescription; total: number; redact?: Redact; strict?: boolean }
  | { type: "exchange-start"; exchange: Exchange }
  | { type: "exchange-end"; result: ExchangeResult }
  /** `results` are scrubbed once more with every secret seen during the run (a key may be issued after it was echoed). */
  | { type: "run-end"; summary: RunSummary; results: ExchangeResult[] };

/** A reporter listens to run events and writes what it reports; `close` finishes its output. */
export interface Reporter {
  onEvent(event: RunEvent): void;
  close(): Promise<void>;
}

/** Exchanges that must run together, in order: a scenario's steps share their scenario's key; others stand alone. */
export function unitKey(exchange: Pick<Exchange, "id" | "scenario">): string {
  return exchange.scenario ? exchange.id.replace(/\/\d+$/, "") : exchange.id;
}

export function operationKey(exchange: Pick<Exchange, "service" | "apiVersion" | "operationId">): string {
  return `${exchange.service}/${exchange.apiVersion}/${exchange.operationId}`;
}
