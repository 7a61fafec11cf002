/** The retry policy: asks the strategies after each attempt and waits (abortably) before the next. */
import type { PipelineResponse, Policy } from "./pipeline.js";
import { headerReader } from "./pipeline.js";
import { exponentialRetryStrategy, firstOpinion, type RetryStrategy, throttlingRetryStrategy } from "./retry-strategies.js";

export interface RetryOptions {
  /** Retries after the first attempt (default 3, so up to 4 attempts); 0 disables retries. */
  maxRetries?: number;
  /** Base of the exponential back-off (default 1000 ms). */
  retryDelayInMs?: number;
  /** Cap of the exponential back-off (default 64000 ms). */
  maxRetryDelayInMs?: number;
}

export const DEFAULT_MAX_RETRIES = 3;

/** Resolves after `ms`, or rejects with the signal's reason when it aborts first. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
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

/** Azure's default: throttling (Retry-After on 429/503) first, then exponential back-off. */
export function defaultRetryStrategy(options: RetryOptions = {}): RetryStrategy {
  return firstOpinion([throttlingRetryStrategy(), exponentialRetryStrategy(options)]);
}

export function retryPolicy(options: RetryOptions = {}, strategy: RetryStrategy = defaultRetryStrategy(options)): Policy {
  const maxRetries = options.maxRetries ?? DEFAULT_MAX_RETRIES;
  return async (request, next) => {
    for (let retryCount = 0; ; retryCount++) {
      let response: PipelineResponse;
      try {
        response = await next(request);
      } catch (error) {
        if (request.signal?.aborted || retryCount >= maxRetries) throw error;
        const delay = strategy({ retryCount, error });
        if (delay === undefined) throw error;
        await sleep(delay, request.signal);
        continue;
      }
      if (retryCount >= maxRetries) return response;
      const delay = strategy({ retryCount, status: response.status, headers: headerReader(response.headers) });
      if (delay === undefined) return response;
      await sleep(delay, request.signal);
    }
  };
}
