/** Failures of generated clients: a typed error carrying the HTTP status and the service's own error body. */

/** The ARM error envelope every service's error schema shares: { error: { code, message, target?, details? } }. */
interface ArmErrorEnvelope {
  error?: { code?: string; message?: string; target?: string; details?: unknown[] };
}

export class RekeyError<TBody = unknown> extends Error {
  override readonly name = "RekeyError";
  readonly operationId: string;
  readonly status: number;
  readonly body: TBody | undefined;
  readonly code: string | undefined;
  readonly target: string | undefined;
  /** x-ms-request-id of the failed response, for support requests. */
  readonly requestId: string | undefined;

  constructor(operationId: string, status: number, body: TBody | undefined, requestId: string | undefined) {
    const envelope = (body && typeof body === "object" ? body : {}) as ArmErrorEnvelope;
    const code = envelope.error?.code;
    const detail = envelope.error?.message ?? (typeof body === "string" && body ? body : undefined);
    super(`${operationId} failed with status ${status}${code ? ` ${code}` : ""}${detail ? `: ${detail}` : ""}`);
    this.operationId = operationId;
    this.status = status;
    this.body = body;
    this.code = code;
    this.target = envelope.error?.target;
    this.requestId = requestId;
  }
}

export function isRekeyError(value: unknown): value is RekeyError {
  return value instanceof RekeyError;
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
