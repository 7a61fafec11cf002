/**
 * Failures of generated clients. A RekeyError carries the HTTP status and the service's own error body; each
 * operation's error type is a union that TypeScript narrows by `status`. Bodies and messages are redacted
 * before they reach the error (see redaction.ts), so printing or serialising an error never shows a secret.
 */
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

export class RekeyError<Status extends number = number, Body = unknown> extends Error {
  override readonly name: string = "RekeyError";
  readonly operationId: string;
  readonly status: Status;
  /** The service's error body as redaction.ts's shownBody shows it: declared, non-secret strings; others by shape. */
  readonly body: Body | undefined;
  /** error.code of the ARM error envelope. */
  readonly code: string | undefined;
  /** error.message of the ARM error envelope (or a text body). */
  readonly serviceMessage: string | undefined;
  readonly target: string | undefined;
  readonly details: unknown[] | undefined;
  /** x-ms-request-id of the failed response, for support requests. */
  readonly requestId: string | undefined;
  /** x-ms-client-request-id the client sent (the same on every retry). */
  readonly clientRequestId: string | undefined;

  constructor(init: RekeyErrorInit<Status, Body>) {
    const { body, status, operationId } = init;
    const object = (body && typeof body === "object" ? body : {}) as ArmErrorEnvelope;
    const envelope = (object.error && typeof object.error === "object" ? object.error : object) as ArmErrorEnvelope;
    const code = init.code ?? text(envelope.code);
    const serviceMessage = text(envelope.message) ?? (typeof body === "string" ? text(body) : undefined);
    const scrub = init.scrub ?? ((s: string) => s);
    super(init.message ?? scrub(`${operationId} failed with status ${status}${code ? ` ${code}` : ""}${serviceMessage ? `: ${serviceMessage}` : ""}`));
    this.operationId = operationId;
    this.status = status;
    this.body = body;
    this.code = code;
    this.serviceMessage = serviceMessage === undefined ? undefined : scrub(serviceMessage);
    this.target = text(envelope.target);
    this.details = Array.isArray(envelope.details) ? envelope.details : undefined;
    this.requestId = init.requestId;
    this.clientRequestId = init.clientRequestId;
  }

  toJSON(): object {
    return {
      name: this.name, message: this.message, operationId: this.operationId, status: this.status, code: this.code,
      target: this.target, details: this.details, requestId: this.requestId, clientRequestId: this.clientRequestId, body: this.body,
    };
  }
}

/**
 * A 429 or 503 whose Retry-After (or retry-after-ms) asks for a longer wait than the client accepts
 * (retry.maxRetryAfterInMs, 60 s by default): the call is not retried. Otherwise the service's error, as RekeyError.
 */
export class RekeyThrottledError<Status extends number = number, Body = unknown> extends RekeyError<Status, Body> {
  override readonly name: string = "RekeyThrottledError";
  /** How long the service asked to wait before the next attempt, in ms. */
  readonly retryAfterMs: number;
  /** The longest wait this client accepts (retry.maxRetryAfterInMs). */
  readonly maxRetryAfterInMs: number;

  constructor(answer: RekeyError<Status, Body>, retryAfterMs: number, maxRetryAfterInMs: number) {
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
export class RekeyOperationFailedError<Body = unknown> extends RekeyError<number, Body> {
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
export class RekeyResponseTooLargeError extends RekeyError<number, undefined> {
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

/**
 * True for a RekeyError; with `operationId`, only for that operation's. Generated clients export one typed guard
 * per operation (e.g. isAccountsRegenerateKeysError) whose result narrows `body` by `status`.
 */
export function isRekeyError<E extends AnyRekeyError = RekeyError>(value: unknown, operationId?: string): value is E {
  return value instanceof RekeyError && (operationId === undefined || value.operationId === operationId);
}

/** A parameter or body that breaks the spec; thrown before any request is sent. */
export class RekeyValidationError extends Error {
  override readonly name = "RekeyValidationError";
  readonly operationId: string;
  /** The parameter (or body) at fault, e.g. "accountName" or "body.keyType". */
  readonly parameter: string;
  /** The schema keyword that failed, e.g. "pattern", "maxLength", "enum", "required". */
  readonly rule: string;

  constructor(operationId: string, parameter: string, rule: string, detail: string) {
    super(`${operationId}: ${parameter} ${detail}`);
    this.operationId = operationId;
    this.parameter = parameter;
    this.rule = rule;
  }
}

/** A client option that cannot work (unknown cloud, token over plain http, …); thrown by the factory. */
export class RekeyOptionsError extends Error {
  override readonly name = "RekeyOptionsError";
  /** The option at fault, e.g. "cloud" or "endpoint". */
  readonly option: string;

  constructor(option: string, detail: string) {
    super(`${option}: ${detail}`);
    this.option = option;
  }
}
