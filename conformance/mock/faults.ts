/**
 * Faults on purpose: each makes the mock break the contract in exactly one named way, so a test can prove that
 * the conformance check for it fails. Chosen with `--fault NAME` or per request with `x-rekey-fault: NAME`.
 *
 * A fault acts at one stage: before the pipeline (the request never reaches state), inside the behaviour (what
 * regeneration does), on the response (its status, headers or body), or on the wire.
 */
import { MAX_TIMER_MS } from "../../client-runtime/timeout.ts";
import { armErrors, type ArmError } from "./arm-errors.ts";
import type { MockResponse } from "./mock-exchange.ts";
import type { MockOperation } from "./mock-model.ts";

export const FAULT_HEADER = "x-rekey-fault";

export interface FaultContext {
  operation?: MockOperation;
  /** The response came from a refusal (an error), not from the behaviour. */
  isError: boolean;
}

/** How a fault breaks ARM's asynchronous contract (operations.ts, behaviours/long-running.ts, polling.ts). */
export type LroFault =
  | "failed" | "canceled" | "never-finishes" | "status-404" | "no-retry-after" | "no-polling-header"
  | "foreign-host" | "relative-url" | "bad-status-body" | "invalid-final-result" | "rotate-early";

export interface Fault {
  name: string;
  summary: string;
  /** Acts on long-running operations only: how the operation, its 202 or its polling answers break the contract. */
  lro?: LroFault;
  /** Answer instead of running the pipeline (the request does not reach state). */
  before?: (subscription: string) => ArmError;
  rotation?: "none" | "both" | "other";
  response?: (response: MockResponse, context: FaultContext) => MockResponse;
  /** Close the connection without an answer. */
  reset?: boolean;
  /** Hold the answer this long (default beyond ARM's own 60 s limit). */
  delayMs?: number;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

function successOnly(change: (r: MockResponse, c: FaultContext) => MockResponse) {
  return (r: MockResponse, c: FaultContext) => (c.isError ? r : change(r, c));
}

/** The first property the documented example of this status shows, else the body's first. */
function documentedField(body: Record<string, unknown>, context: FaultContext, status: number): string | undefined {
  for (const example of context.operation?.operation.examples ?? []) {
    const documented = example.responses[String(status)]?.body;
    if (isObject(documented)) {
      const name = Object.keys(documented).find((k) => k in body);
      if (name) return name;
    }
  }
  return Object.keys(body)[0];
}

function withoutHeader(headers: Record<string, string>, name: string): Record<string, string> {
  const { [name]: _removed, ...rest } = headers;
  return rest;
}

const FAULTS: Fault[] = [
  {
    name: "wrong-success-status",
    summary: "success answered with an undocumented 2xx (204 → 200, 200 → 201)",
    response: successOnly((r) => ({ ...r, status: r.status === 204 ? 200 : r.status === 200 ? 201 : 200 })),
  },
  {
    name: "missing-field",
    summary: "success body lacks a field the example shows",
    response: successOnly((r, c) => {
      if (!isObject(r.json)) return r;
      const field = documentedField(r.json, c, r.status);
      if (!field) return r;
      const { [field]: _dropped, ...rest } = r.json;
      return { ...r, json: rest };
    }),
  },
  {
    name: "wrong-type",
    summary: "a success body field has the wrong JSON type",
    response: successOnly((r, c) => (isObject(r.json) && documentedField(r.json, c, r.status) ? invalidBody(r, c) : r)),
  },
  {
    name: "extra-field",
    summary: "success body carries a field the schema does not declare",
    response: successOnly((r) => (isObject(r.json) ? { ...r, json: { ...r.json, rekeyUndocumentedField: true } } : r)),
  },
  {
    name: "error-schema",
    summary: "error bodies not in the service's error schema (no error envelope)",
    response: (r, c) => {
      if (!c.isError || !isObject(r.json)) return r;
      const inner = isObject(r.json.error) ? r.json.error : r.json;
      return { ...r, json: { status: r.status, detail: inner.message } };
    },
  },
  {
    name: "wrong-content-type",
    summary: "JSON bodies sent as text/plain",
    response: (r) => (r.json === undefined ? r : { ...r, contentType: "text/plain; charset=utf-8" }),
  },
  {
    name: "missing-content-type",
    summary: "JSON bodies sent without Content-Type",
    response: (r) => (r.json === undefined ? r : { ...r, contentType: null }),
  },
  {
    name: "missing-request-id",
    summary: "no x-ms-request-id header",
    response: (r) => ({ ...r, headers: withoutHeader(r.headers, "x-ms-request-id") }),
  },
  {
    name: "body-on-204",
    summary: "a 204 carries a JSON body and Content-Type",
    response: (r) => (r.status === 204 ? { ...r, json: {}, forceBody: true } : r),
  },
  {
    name: "malformed-json",
    summary: "success body is truncated JSON",
    response: successOnly((r) => (r.json === undefined ? r : { ...r, text: JSON.stringify(r.json).slice(0, -1) })),
  },
  {
    name: "server-error",
    summary: "500 InternalServerError for every request",
    before: () => armErrors.internal(),
  },
  {
    name: "throttle",
    summary: "429 SubscriptionRequestsThrottled with Retry-After: 1",
    before: (subscription) => armErrors.throttled(subscription, "POST", 1),
  },
  { name: "delay", summary: "answers after 65 s (beyond ARM's 60 s); delay:MS sets the time", delayMs: 65_000 },
  { name: "connection-reset", summary: "closes the connection without answering", reset: true },
  { name: "no-rotation", summary: "regeneration answers but changes no key", rotation: "none" },
  { name: "rotate-both", summary: "regeneration changes every key, not just the selected one", rotation: "both" },
  { name: "rotate-other", summary: "regeneration changes another key (or array element) instead of the selected one", rotation: "other" },
  { name: "lro-failed", summary: "a long-running operation ends Failed with an error object; no key changes", lro: "failed" },
  { name: "lro-canceled", summary: "a long-running operation ends Canceled with an error object; no key changes", lro: "canceled" },
  { name: "lro-never-finishes", summary: "a long-running operation stays InProgress forever", lro: "never-finishes" },
  { name: "lro-status-404", summary: "the polling URLs of a long-running operation answer 404", lro: "status-404" },
  { name: "lro-no-retry-after", summary: "no Retry-After on the 202 or on any polling answer", lro: "no-retry-after" },
  { name: "lro-no-polling-header", summary: "the 202 carries neither Azure-AsyncOperation nor Location", lro: "no-polling-header" },
  { name: "lro-foreign-host", summary: "polling URLs point at another host (https://elsewhere.invalid/…)", lro: "foreign-host" },
  { name: "lro-relative-url", summary: "polling URLs are relative (path and query only)", lro: "relative-url" },
  { name: "lro-bad-status-body", summary: "the operation-status body has no status", lro: "bad-status-body" },
  { name: "lro-invalid-final-result", summary: "the final result at Location breaks its schema", lro: "invalid-final-result" },
  { name: "lro-rotate-early", summary: "keys rotate when the operation is accepted, not when it completes", lro: "rotate-early" },
];

/** The wrong type in the body's documented field, or a body where the spec declares none (a 204 becomes a 200). */
export function invalidBody(response: MockResponse, context: FaultContext): MockResponse {
  if (!isObject(response.json)) return { ...response, status: response.status === 204 ? 200 : response.status, json: { rekeyUndocumentedField: true } };
  const field = documentedField(response.json, context, response.status);
  if (!field) return { ...response, json: { ...response.json, rekeyUndocumentedField: true } };
  const value = response.json[field];
  return { ...response, json: { ...response.json, [field]: typeof value === "number" ? String(value) : 12345 } };
}

export function listFaults(): Array<Pick<Fault, "name" | "summary">> {
  return FAULTS.map(({ name, summary }) => ({ name, summary }));
}

/** setTimeout's longest wait: a longer delay would not hold the answer but send it at once. */
export const MAX_DELAY_MS = MAX_TIMER_MS;

/** The fault a spec names, or why it names none (what is wrong, and how to say it right). */
export type FaultLookup = { fault: Fault } | { refusal: string; hint: string };

/** Parses NAME or NAME:ARG (delay:MS, 0 ≤ MS ≤ MAX_DELAY_MS). */
export function findFault(spec: string): FaultLookup {
  const [name, ...args] = spec.trim().split(":");
  const fault = FAULTS.find((f) => f.name === name.toLowerCase());
  if (!fault) return { refusal: `unknown fault "${spec}"`, hint: `use one of ${FAULTS.map((f) => f.name).join(", ")} (delay takes delay:MS)` };
  if (args.length === 0) return { fault };
  const delayHint = `give delay:MS with MS a whole number of milliseconds from 0 to ${MAX_DELAY_MS}`;
  if (fault.delayMs === undefined) return { refusal: `"${spec}": ${fault.name} takes no argument`, hint: `use ${fault.name} alone` };
  if (args.length > 1 || !/^\d+$/.test(args[0])) return { refusal: `"${spec}" is not a delay in milliseconds`, hint: delayHint };
  const ms = Number(args[0]);
  if (ms > MAX_DELAY_MS) return { refusal: `"${spec}" is beyond the longest delay, ${MAX_DELAY_MS} ms (about 24.8 days)`, hint: delayHint };
  return { fault: { ...fault, delayMs: ms } };
}
