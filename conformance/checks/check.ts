/**
 * A check: one named function over an exchange and its answer, returning typed failures. Every check has this one
 * signature; the registry (registry.ts) lists them and says which apply to an exchange.
 */
import type { Ajv } from "../../kernel/index.ts";
import type { CompiledExchange, ExchangeResponse, Finding, Severity } from "../exchange.ts";
import type { FollowedOperation } from "../runner/follow-operation.ts";

export interface CheckInput {
  exchange: CompiledExchange;
  /** Absent when no answer came (then only the transport check runs). */
  response?: ExchangeResponse;
  /** Why no answer came (timeout, connection reset, …). */
  transportError?: string;
  /** The answer to the previous step of the same scenario, when there is one. */
  previous?: ExchangeResponse | null;
  /** Ids sent with the request (a recording may have sent none: then there is nothing to echo). */
  sent: { clientRequestId?: string; correlationRequestId?: string };
  /** The target answers with the documented examples (the mock in example mode): bodies must equal them. */
  examplesMode: boolean;
  ajv: Ajv;
  /** Present when the answer was recorded rather than received (`rekey conform --replay`). */
  recorded?: RecordedContext;
  /** The long-running operation the runner followed after this accepted answer. */
  followed?: Followed;
}

export interface Followed {
  record: FollowedOperation;
  /** Each follow-up answer as reports may show it (by the index of its request): quote from these, never the raw ones. */
  shown: Array<ExchangeResponse | undefined>;
}

/** What a replay knows beside the recorded answer (conformance/replay/). */
export interface RecordedContext {
  /** A value the recorder put in place of the real one ("Sanitized", the zero GUID). */
  isPlaceholder(value: unknown): boolean;
  /** A placeholder broke a schema rule (`keyword`: format, pattern, …) that a real value would have kept. */
  excused(keyword: string, value: unknown): boolean;
  /** Response headers the recording's format is known to drop (lower-case): their absence is not judged. */
  droppedHeaders: readonly string[];
  /** Notes what a check could not judge on this recording, and why (the report's "not judged" list). */
  notJudged(note: string): void;
  /** Where the recorded request departs from the spec, as the mock's request steps find it. */
  requestViolations: RequestViolation[];
}

export interface RequestViolation {
  /** The parameter or body field, e.g. "accountName" or "body /keyType". */
  target: string;
  message: string;
}

export type CheckFailure = Omit<Finding, "check" | "exchange" | "severity" | "promoted"> & {
  /** Overrides the check's severity for this one finding (a check that mostly fails can find mere drift). */
  severity?: Severity;
  /**
   * `actual` is not taken from the answer's body: rekey's own words, a status, a header, a property's name. Without
   * this, `actual` is the body at `pointer` (the whole text when it is not JSON) and the runner shows it as it shows
   * the body — deny by default — whatever the check computed.
   */
  notFromBody?: true;
};

export interface Check {
  name: string;
  /** One line for `rekey conform --list-checks`. */
  summary: string;
  /** The severity of what it finds, unless a finding says otherwise. */
  severity: Severity;
  appliesTo(exchange: CompiledExchange): boolean;
  run(input: CheckInput): CheckFailure[];
}

export function jsonType(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (typeof value === "number") return Number.isInteger(value) ? "integer" : "number";
  return typeof value;
}
