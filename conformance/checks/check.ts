/**
 * A check: one named function over an exchange and its answer, returning typed failures. Every check has this one
 * signature; the registry (registry.ts) lists them and says which apply to an exchange.
 */
import type { Ajv } from "../../kernel/index.ts";
import type { CompiledExchange, Exchange, ExchangeResponse, Finding, Severity } from "../exchange.ts";

export interface CheckInput {
  exchange: CompiledExchange;
  /** Absent when no answer came (then only the transport check runs). */
  response?: ExchangeResponse;
  /** Why no answer came (timeout, connection reset, …). */
  transportError?: string;
  /** The answer to the previous step of the same scenario, when there is one. */
  previous?: ExchangeResponse | null;
  /** Ids the runner sent with the request. */
  sent: { clientRequestId: string; correlationRequestId: string };
  /** The target answers with the documented examples (the mock in example mode): bodies must equal them. */
  examplesMode: boolean;
  ajv: Ajv;
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
  appliesTo(exchange: Exchange): boolean;
  run(input: CheckInput): CheckFailure[];
}

export function jsonType(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (typeof value === "number") return Number.isInteger(value) ? "integer" : "number";
  return typeof value;
}
