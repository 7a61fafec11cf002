/** Per-call cancellation: the caller's signal and a timeout, combined into the one signal a call runs under. */

/** The longest delay setTimeout holds (2³¹ − 1 ms, about 24.8 days); a longer one fires after 1 ms instead. */
export const MAX_TIMER_MS = 2_147_483_647;

/** A call's time limit, retries included, when neither the client nor the call sets `timeoutMs`. */
export const DEFAULT_TIMEOUT_MS = 120_000;

export interface CallSignal {
  signal: AbortSignal;
  /** Stops the timer and detaches from the caller's signal; call when the call settles. */
  dispose(): void;
}

/**
 * A timeout aborts with a DOMException named "TimeoutError" (as AbortSignal.timeout does); the caller's abort
 * passes its own reason through. setTimeout is used (not AbortSignal.timeout) so fake timers drive it in tests.
 */
export function callSignal(signal: AbortSignal | undefined, timeoutMs: number, what: string): CallSignal {
  if (!(timeoutMs >= 0 && timeoutMs <= MAX_TIMER_MS)) throw new RangeError(`timeoutMs ${timeoutMs} is beyond what setTimeout holds (0–${MAX_TIMER_MS})`);
  const controller = new AbortController();
  const onAbort = () => controller.abort(signal!.reason);
  if (signal?.aborted) controller.abort(signal.reason);
  else signal?.addEventListener("abort", onAbort, { once: true });
  const timer = setTimeout(() => controller.abort(new DOMException(`${what} timed out after ${timeoutMs} ms`, "TimeoutError")), timeoutMs);
  return {
    signal: controller.signal,
    dispose: () => {
      clearTimeout(timer);
      signal?.removeEventListener("abort", onAbort);
    },
  };
}
