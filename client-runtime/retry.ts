/** The retry policy: asks the strategies after each attempt and waits (abortably) before the next. */
import type { PipelineResponse, Policy } from "./pipeline.js";
import { headerReader } from "./pipeline.js";
import { exponentialRetryStrategy, throttlingRetryStrategy } from "./retry-strategies.js";
import { MAX_TIMER_MS } from "./timeout.js";

export interface RetryOptions {
  /** Retries after the first attempt (default 3, so up to 4 attempts); 0 disables retries. */
  maxRetries?: number;
  /** Base of the exponential back-off (default 1000 ms). */
  retryDelayInMs?: number;
  /** Cap of the exponential back-off (default 64000 ms). */
  maxRetryDelayInMs?: number;
  /**
   * The longest wait a 429/503 may ask for with Retry-After, retry-after-ms or x-ms-retry-after-ms (default
   * 60000 ms). A longer one is not retried: the call fails with a RekeyThrottledError saying how long it asked.
   */
  maxRetryAfterInMs?: number;
}

export const DEFAULT_MAX_RETRIES = 3;
export const DEFAULT_MAX_RETRY_AFTER_MS = 60_000;

/** A 429/503 asked to wait longer than maxRetryAfterInMs: the policy stops and hands its response up. */
export class RetryAfterTooLong extends Error {
  override readonly name = "RetryAfterTooLong";
  readonly response: PipelineResponse;
  /** How long the service asked to wait, in ms. */
  readonly retryAfterMs: number;
  readonly maxRetryAfterInMs: number;

  constructor(response: PipelineResponse, retryAfterMs: number, maxRetryAfterInMs: number) {
    super(`status ${response.status}: the service asked to wait ${retryAfterMs} ms before retrying, more than retry.maxRetryAfterInMs (${maxRetryAfterInMs} ms)`);
    this.response = response;
    this.retryAfterMs = retryAfterMs;
    this.maxRetryAfterInMs = maxRetryAfterInMs;
  }
}

/** Resolves after `ms`, or rejects with the signal's reason when it aborts first. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    // setTimeout would fire a longer wait after 1 ms: a bug upstream, never a reason to hammer a service.
    if (!(ms >= 0 && ms <= MAX_TIMER_MS)) return reject(new RangeError(`sleep(${ms}): a wait must be 0–${MAX_TIMER_MS} ms, what setTimeout holds`));
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal!.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

/**
 * Azure's default: throttling (Retry-After on 429/503) first, then exponential back-off — except that a throttling
 * wait beyond maxRetryAfterInMs stops retrying (RetryAfterTooLong) instead of holding the call for hours.
 */
export function retryPolicy(options: RetryOptions = {}, now: () => number = Date.now): Policy {
  const maxRetries = options.maxRetries ?? DEFAULT_MAX_RETRIES;
  const maxRetryAfterInMs = options.maxRetryAfterInMs ?? DEFAULT_MAX_RETRY_AFTER_MS;
  const throttling = throttlingRetryStrategy(now);
  const exponential = exponentialRetryStrategy(options);
  return async (request, next) => {
    for (let retryCount = 0; ; retryCount++) {
      let response: PipelineResponse;
      try {
        response = await next(request);
      } catch (error) {
        if (request.signal?.aborted || retryCount >= maxRetries) throw error;
        const delay = exponential({ retryCount, error });
        if (delay === undefined) throw error;
        await sleep(delay, request.signal);
        continue;
      }
      if (retryCount >= maxRetries) return response;
      const outcome = { retryCount, status: response.status, headers: headerReader(response.headers) };
      const asked = throttling(outcome);
      if (asked !== undefined && asked > maxRetryAfterInMs) throw new RetryAfterTooLong(response, asked, maxRetryAfterInMs);
      const delay = asked ?? exponential(outcome);
      if (delay === undefined) return response;
      await sleep(delay, request.signal);
    }
  };
}
