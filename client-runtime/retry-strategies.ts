/**
 * Pure retry decisions, compatible with Azure's default retry policy (core-rest-pipeline's throttling and
 * exponential strategies in its defaultRetryPolicy). Each strategy looks at one attempt's outcome and says how long to
 * wait before the next attempt, or undefined when it has no opinion.
 */

/** What an attempt produced: a response (status and lower-case headers) or a network error. */
export interface AttemptOutcome {
  /** 0 for the first retry decision, 1 for the second, … */
  retryCount: number;
  status?: number;
  headers?: { get(name: string): string | null };
  error?: unknown;
}

export type RetryStrategy = (outcome: AttemptOutcome) => number | undefined;

export interface ExponentialRetryOptions {
  /** Base delay; the n-th retry waits a random time in [d/2, d] with d = min(max, base × 2^n). Default 1000. */
  retryDelayInMs?: number;
  /** Cap of the exponential delay. Default 64000. */
  maxRetryDelayInMs?: number;
}

/** Milliseconds asked for by retry-after-ms, x-ms-retry-after-ms or Retry-After (seconds or an HTTP date). */
export function retryAfterMs(headers: { get(name: string): string | null }, now: number = Date.now()): number | undefined {
  for (const name of ["retry-after-ms", "x-ms-retry-after-ms"]) {
    const value = headers.get(name);
    if (value === null || value.trim() === "") continue;
    const ms = Number(value);
    if (Number.isFinite(ms) && ms >= 0) return ms;
  }
  const retryAfter = headers.get("retry-after");
  if (retryAfter === null || retryAfter.trim() === "") return undefined;
  const seconds = Number(retryAfter);
  if (Number.isFinite(seconds)) return seconds >= 0 ? seconds * 1000 : undefined;
  const date = Date.parse(retryAfter);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/**
 * 429 and 503 that say how long to wait are retried after exactly that long, as Azure does. The wait is returned as
 * asked (it may be days); the retry policy refuses one beyond retry.maxRetryAfterInMs.
 */
export function throttlingRetryStrategy(now: () => number = Date.now): RetryStrategy {
  return ({ status, headers }) => {
    if ((status !== 429 && status !== 503) || !headers) return undefined;
    return retryAfterMs(headers, now());
  };
}

/** Network failures Azure retries (Node system error codes). */
export const RETRIABLE_ERROR_CODES: readonly string[] = ["ETIMEDOUT", "ESOCKETTIMEDOUT", "ECONNREFUSED", "ECONNRESET", "ENOENT", "ENOTFOUND", "EPIPE", "EAI_AGAIN", "UND_ERR_SOCKET"];

/** The system error code of a failed request, looking through `cause` (fetch wraps it in a TypeError). */
export function errorCode(error: unknown): string | undefined {
  for (let e = error, depth = 0; e && typeof e === "object" && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string") return code;
  }
  return undefined;
}

export function isRetriableStatus(status: number): boolean {
  return status === 408 || (status >= 500 && status !== 501 && status !== 505);
}

/** The n-th exponential delay for a random number r in [0, 1): uniformly in [d/2, d]. */
export function exponentialDelay(retryCount: number, options: ExponentialRetryOptions = {}, random: number = Math.random()): number {
  const base = options.retryDelayInMs ?? 1000;
  const max = options.maxRetryDelayInMs ?? 64000;
  const delay = Math.min(max, base * 2 ** retryCount);
  return delay / 2 + random * (delay / 2);
}

/** 408, 5xx except 501/505, and network errors back off exponentially with jitter. */
export function exponentialRetryStrategy(options: ExponentialRetryOptions = {}, random: () => number = Math.random): RetryStrategy {
  return ({ retryCount, status, error }) => {
    if (error !== undefined) {
      const code = errorCode(error);
      return code && RETRIABLE_ERROR_CODES.includes(code) ? exponentialDelay(retryCount, options, random()) : undefined;
    }
    return status !== undefined && isRetriableStatus(status) ? exponentialDelay(retryCount, options, random()) : undefined;
  };
}
