/**
 * Failures of generated clients, all `instanceof RekeyError` with a `kind` to switch on. A service answer
 * (RekeyServiceError) carries the HTTP status and the service's own error body; each operation's error type is a
 * union that TypeScript narrows by `status` or `statusClass`. Bodies and messages are redacted before they reach
 * the error (see redaction.ts), so printing or serialising an error never shows a secret.
 */
import { isTlsTrustCode, tlsTrustHint } from "./tls-hint.js";
import { bytes, duration } from "./units.js";

type Digit = 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9;
/** The hundred statuses First00–First99, e.g. HttpStatusRange<4> for a "4XX" response. */
export type HttpStatusRange<First extends number> = `${First}${Digit}${Digit}` extends `${infer N extends number}` ? N : never;

/** 400–599: the statuses a `default` (or `4XX`/`5XX`) error response covers. */
export type HttpErrorStatus = HttpStatusRange<4> | HttpStatusRange<5>;
/** 100–399: a status the spec does not document is an error, whose body is not the service's error schema. */
export type HttpOtherStatus = HttpStatusRange<1> | HttpStatusRange<2> | HttpStatusRange<3>;

/** The ARM error envelope every service's error schema shares: { error: { code, message, target?, details? } }. */
interface ArmErrorEnvelope {
  error?: { code?: unknown; message?: unknown; target?: unknown; details?: unknown };
  code?: unknown;
  message?: unknown;
  target?: unknown;
  details?: unknown;
}

/** What went wrong, for a `switch`: the service answered with an error, or the call never got that far. */
export type RekeyErrorKind = "service" | "validation" | "options" | "timeout" | "transport";

/** The class of an HTTP status: its first digit. */
export type StatusClass = "1xx" | "2xx" | "3xx" | "4xx" | "5xx";

/**
 * The status class of each status in `Status`, e.g. "4xx" for 404 and "4xx" | "5xx" for HttpErrorStatus: on an
 * operation's error union, `e.statusClass === "4xx"` keeps the members whose statuses are 4xx, so `body` narrows.
 */
export type StatusClassOf<Status extends number> = number extends Status
  ? StatusClass
  : Status extends unknown
    ? `${Status}` extends `${infer First extends 1 | 2 | 3 | 4 | 5}${Digit}${Digit}` ? `${First}xx` : never
    : never;

/** What every RekeyError carries; the fields of a service answer are undefined on the other kinds. */
export interface RekeyErrorFields<Status extends number | undefined, Body> {
  kind: RekeyErrorKind;
  message: string;
  operationId?: string;
  status: Status;
  body?: Body;
  code?: string;
  serviceMessage?: string;
  target?: string;
  details?: unknown[];
  requestId?: string;
  clientRequestId?: string;
  cause?: unknown;
}

/**
 * The base of every error a generated client throws: `kind` says which (see RekeyErrorKind), and each kind has its
 * own class — RekeyServiceError, RekeyValidationError, RekeyOptionsError, RekeyTimeoutError, RekeyTransportError.
 * `status`, `body` and the envelope's fields are set only on a service answer (kind "service").
 */
export class RekeyError<Status extends number | undefined = number | undefined, Body = unknown> extends Error {
  override readonly name: string = "RekeyError";
  readonly kind: RekeyErrorKind;
  /** The operation called (undefined for a bad client option, found before any call). */
  readonly operationId: string | undefined;
  /** The HTTP status of the service's answer; undefined when no answer came. */
  readonly status: Status;
  /** The service's error body as redaction.ts's shownBody shows it: declared, non-secret strings; others by shape. */
  readonly body: Body | undefined;
  /** error.code of the ARM error envelope; for a transport failure, Node's code (ECONNREFUSED, UNABLE_TO_VERIFY_LEAF_SIGNATURE, …). */
  readonly code: string | undefined;
  /** error.message of the ARM error envelope (or a text body). */
  readonly serviceMessage: string | undefined;
  readonly target: string | undefined;
  readonly details: unknown[] | undefined;
  /** x-ms-request-id of the failed response, for support requests. */
  readonly requestId: string | undefined;
  /** x-ms-client-request-id the client sent (the same on every retry). */
  readonly clientRequestId: string | undefined;

  constructor(fields: RekeyErrorFields<Status, Body>) {
    super(fields.message, fields.cause === undefined ? undefined : { cause: fields.cause });
    this.kind = fields.kind;
    this.operationId = fields.operationId;
    this.status = fields.status;
    this.body = fields.body;
    this.code = fields.code;
    this.serviceMessage = fields.serviceMessage;
    this.target = fields.target;
    this.details = fields.details;
    this.requestId = fields.requestId;
    this.clientRequestId = fields.clientRequestId;
  }

  toJSON(): object {
    return {
      name: this.name, kind: this.kind, message: this.message, operationId: this.operationId, status: this.status, code: this.code,
      target: this.target, details: this.details, requestId: this.requestId, clientRequestId: this.clientRequestId, body: this.body,
    };
  }
}

export interface RekeyErrorInit<Status extends number, Body> {
  operationId: string;
  status: Status;
  /** The parsed response body, already redacted. */
  body: Body | undefined;
  requestId: string | undefined;
  /** x-ms-client-request-id sent with the request. */
  clientRequestId?: string;
  /** Removes secrets from text (the service may echo them); applied to the message. */
  scrub?: (text: string) => string;
  /** Overrides the envelope's code and the derived message (e.g. PARSE_ERROR). */
  code?: string;
  message?: string;
}

function text(value: unknown): string | undefined {
  return typeof value === "string" && value ? value : undefined;
}

function statusClassOf(status: number): StatusClass {
  return `${Math.trunc(status / 100)}xx` as StatusClass;
}

/**
 * The service answered with a status the operation does not document as success. Each operation's error type is
 * a union of these that TypeScript narrows by `status` (exact) or by `statusClass` ("4xx", "5xx").
 */
export class RekeyServiceError<Status extends number = number, Body = unknown> extends RekeyError<Status, Body> {
  override readonly name: string = "RekeyServiceError";
  declare readonly kind: "service";
  declare readonly operationId: string;
  /** "4xx" for 404, …: narrows an operation's error union (and its `body`) by status class. */
  readonly statusClass: StatusClassOf<Status>;

  constructor(init: RekeyErrorInit<Status, Body>) {
    const { body, status, operationId } = init;
    const object = (body && typeof body === "object" ? body : {}) as ArmErrorEnvelope;
    const envelope = (object.error && typeof object.error === "object" ? object.error : object) as ArmErrorEnvelope;
    const code = init.code ?? text(envelope.code);
    const serviceMessage = text(envelope.message) ?? (typeof body === "string" ? text(body) : undefined);
    const scrub = init.scrub ?? ((s: string) => s);
    super({
      kind: "service",
      message: init.message ?? scrub(`${operationId} failed with status ${status}${code ? ` ${code}` : ""}${serviceMessage ? `: ${serviceMessage}` : ""}`),
      operationId, status, body, code,
      serviceMessage: serviceMessage === undefined ? undefined : scrub(serviceMessage),
      target: text(envelope.target),
      details: Array.isArray(envelope.details) ? envelope.details : undefined,
      requestId: init.requestId,
      clientRequestId: init.clientRequestId,
    });
    this.statusClass = statusClassOf(status) as StatusClassOf<Status>;
  }

  /** 400–499: the request was refused (not found, conflict, bad request, …). Narrows an operation's error union. */
  isClientError(): this is this & { readonly statusClass: "4xx" } {
    return this.status >= 400 && this.status <= 499;
  }

  /** 500–599: the service failed. Narrows an operation's error union. */
  isServerError(): this is this & { readonly statusClass: "5xx" } {
    return this.status >= 500 && this.status <= 599;
  }

  override toJSON(): object {
    return { ...super.toJSON(), statusClass: this.statusClass };
  }
}

/**
 * A 429 or 503 whose Retry-After (or retry-after-ms) asks for a longer wait than the client accepts
 * (retry.maxRetryAfterInMs, 60 s by default): the call is not retried. Otherwise the service's error, as RekeyServiceError.
 */
export class RekeyThrottledError<Status extends number = number, Body = unknown> extends RekeyServiceError<Status, Body> {
  override readonly name: string = "RekeyThrottledError";
  /** How long the service asked to wait before the next attempt, in ms. */
  readonly retryAfterMs: number;
  /** The longest wait this client accepts (retry.maxRetryAfterInMs). */
  readonly maxRetryAfterInMs: number;

  constructor(answer: RekeyServiceError<Status, Body>, retryAfterMs: number, maxRetryAfterInMs: number) {
    super({
      operationId: answer.operationId, status: answer.status, body: answer.body, requestId: answer.requestId,
      clientRequestId: answer.clientRequestId, code: answer.code,
      message: `${answer.message} — not retried: the service asked to wait ${duration(retryAfterMs)}, more than retry.maxRetryAfterInMs (${duration(maxRetryAfterInMs)})`,
    });
    this.retryAfterMs = retryAfterMs;
    this.maxRetryAfterInMs = maxRetryAfterInMs;
  }

  override toJSON(): object {
    return { ...super.toJSON(), retryAfterMs: this.retryAfterMs, maxRetryAfterInMs: this.maxRetryAfterInMs };
  }
}

/** How a long-running operation ended when it did not succeed (the status monitor's `status`, case folded). */
export type FailedOperationStatus = "Failed" | "Canceled";

export interface RekeyOperationFailedInit<Body> extends RekeyErrorInit<number, Body> {
  operationStatus: FailedOperationStatus;
}

/**
 * A long-running operation that the service ended Failed or Canceled (its status monitor said so). `status` is the
 * HTTP status of that poll (usually 200); `code`, `serviceMessage`, `target` and `details` come from the status
 * body's `error` object, which `body.error` holds as redaction.ts shows it.
 */
export class RekeyOperationFailedError<Body = unknown> extends RekeyServiceError<number, Body> {
  override readonly name: string = "RekeyOperationFailedError";
  readonly operationStatus: FailedOperationStatus;

  constructor(init: RekeyOperationFailedInit<Body>) {
    super(init);
    this.operationStatus = init.operationStatus;
  }

  override toJSON(): object {
    return { ...super.toJSON(), operationStatus: this.operationStatus };
  }
}

export interface RekeyResponseTooLargeInit {
  operationId: string;
  status: number;
  requestId: string | undefined;
  clientRequestId: string | undefined;
  maxResponseBytes: number;
  /** The Content-Length the response announced, when that alone was over the limit. */
  contentLength: number | undefined;
}

/**
 * A response body larger than the client reads (maxResponseBytes, 4 MiB by default): the connection was closed
 * without reading the rest and the call is not retried. `code` is "RESPONSE_TOO_LARGE"; `body` is undefined.
 */
export class RekeyResponseTooLargeError extends RekeyServiceError<number, undefined> {
  override readonly name: string = "RekeyResponseTooLargeError";
  readonly maxResponseBytes: number;
  /** The Content-Length the response announced, when that alone was over the limit. */
  readonly contentLength: number | undefined;

  constructor(init: RekeyResponseTooLargeInit) {
    const { operationId, status, maxResponseBytes, contentLength } = init;
    const what = contentLength === undefined ? "body grew past" : `body was announced as ${bytes(contentLength)} (Content-Length), over`;
    super({
      operationId, status, body: undefined, requestId: init.requestId, clientRequestId: init.clientRequestId, code: "RESPONSE_TOO_LARGE",
      message: `${operationId}: the ${status} response ${what} the ${bytes(maxResponseBytes)} this client reads (maxResponseBytes); the connection was closed`,
    });
    this.maxResponseBytes = maxResponseBytes;
    this.contentLength = contentLength;
  }

  override toJSON(): object {
    return { ...super.toJSON(), maxResponseBytes: this.maxResponseBytes, contentLength: this.contentLength };
  }
}

/** Any RekeyError of any operation. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyRekeyError = RekeyError<any, any>;

/** A parameter or body that breaks the spec; thrown before any request is sent. */
export class RekeyValidationError extends RekeyError<undefined, undefined> {
  override readonly name: string = "RekeyValidationError";
  declare readonly kind: "validation";
  declare readonly operationId: string;
  /** The parameter (or body) at fault, e.g. "accountName" or "body.keyType". */
  readonly parameter: string;
  /** The schema keyword that failed, e.g. "pattern", "maxLength", "enum", "required". */
  readonly rule: string;

  constructor(operationId: string, parameter: string, rule: string, detail: string) {
    super({ kind: "validation", message: `${operationId}: ${parameter} ${detail}`, operationId, status: undefined });
    this.parameter = parameter;
    this.rule = rule;
  }

  override toJSON(): object {
    return { ...super.toJSON(), parameter: this.parameter, rule: this.rule };
  }
}

/** A client option that cannot work (unknown cloud, token over plain http, …); thrown by the factory or the call. */
export class RekeyOptionsError extends RekeyError<undefined, undefined> {
  override readonly name: string = "RekeyOptionsError";
  declare readonly kind: "options";
  /** The option at fault, e.g. "cloud" or "endpoint". */
  readonly option: string;

  constructor(option: string, detail: string) {
    super({ kind: "options", message: `${option}: ${detail}`, status: undefined });
    this.option = option;
  }

  override toJSON(): object {
    return { ...super.toJSON(), option: this.option };
  }
}

/**
 * The call ran out of time (timeoutMs, retries and reading the body included); the connection was closed. Its
 * `name` is "TimeoutError", as AbortSignal.timeout's is, so code that checks the name keeps working.
 */
export class RekeyTimeoutError extends RekeyError<undefined, undefined> {
  override readonly name: string = "TimeoutError";
  declare readonly kind: "timeout";
  declare readonly operationId: string;
  /** The limit that ran out, in ms. */
  readonly timeoutMs: number;

  constructor(operationId: string, timeoutMs: number, clientRequestId: string | undefined, cause?: unknown) {
    super({ kind: "timeout", message: `${operationId} timed out after ${timeoutMs} ms`, operationId, status: undefined, clientRequestId, cause });
    this.timeoutMs = timeoutMs;
  }

  override toJSON(): object {
    return { ...super.toJSON(), timeoutMs: this.timeoutMs };
  }
}

/**
 * No answer came: the connection was refused or broken, the name did not resolve, or TLS failed (after the retries
 * network failures get). `code` is Node's (ECONNREFUSED, UNABLE_TO_VERIFY_LEAF_SIGNATURE, …), `cause` the original
 * error; for a certificate the client does not trust, `hint` (also in the message) says how to trust it.
 */
export class RekeyTransportError extends RekeyError<undefined, undefined> {
  override readonly name: string = "RekeyTransportError";
  declare readonly kind: "transport";
  declare readonly operationId: string;
  /** How to fix a TLS trust failure, in one line; undefined for other failures. */
  readonly hint: string | undefined;

  constructor(operationId: string, cause: unknown, code: string | undefined, clientRequestId: string | undefined) {
    const hint = isTlsTrustCode(code) ? tlsTrustHint(code!, "the client's `ca` option") : undefined;
    const what = cause instanceof Error ? cause.message : String(cause);
    super({
      kind: "transport", operationId, status: undefined, code, clientRequestId, cause,
      message: `${operationId}: the request failed before any answer${code ? ` (${code})` : ""}: ${what}${hint ? ` — ${hint}` : ""}`,
    });
    this.hint = hint;
  }

  override toJSON(): object {
    return { ...super.toJSON(), hint: this.hint };
  }
}

/** Every error a generated client throws, discriminated by `kind`. */
export type RekeyFailure = RekeyServiceError | RekeyValidationError | RekeyOptionsError | RekeyTimeoutError | RekeyTransportError;

/**
 * True for any error a generated client throws (every kind; `switch (e.kind)` then narrows); with `operationId`,
 * only for that operation's. Generated clients export one typed guard per operation (e.g. isAccountsRegenerateKeysError)
 * for its service errors, whose result narrows `body` by `status` or `statusClass`.
 */
export function isRekeyError<E extends AnyRekeyError = RekeyFailure>(value: unknown, operationId?: string): value is E {
  return value instanceof RekeyError && (operationId === undefined || value.operationId === operationId);
}

/** True for the service's error answer to `operationId` (not a validation, timeout or transport failure of it). */
export function isRekeyServiceError<E extends AnyRekeyError = RekeyServiceError>(value: unknown, operationId?: string): value is E {
  return value instanceof RekeyServiceError && (operationId === undefined || value.operationId === operationId);
}
