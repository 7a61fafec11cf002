/**
 * The poller of an ARM long-running operation: created from the start request, it follows the polling URL the
 * service gave until the operation is Succeeded, Failed or Canceled, then reads the final result where
 * final-state-via says. `await poller` runs it to the end; `poll()` takes one step.
 *
 * Behaviour follows @azure/core-lro (Azure/azure-sdk-for-js sdk/core/core-lro/src/http/operation.ts and
 * src/poller/operation.ts), the reference for how Azure's own SDKs read ARM's contract
 * (Azure/azure-resource-manager-rpc v1.0/async-api-reference.md):
 * - Operation-Location, else Azure-AsyncOperation, names a status monitor whose body's `status` is read case-
 *   insensitively (Succeeded, Failed, Canceled/Cancelled end it; anything else is still in progress); a status
 *   monitor answer may move the polling URL (its own header) and name `resourceLocation`, where the result is read.
 * - Otherwise Location is polled: 202 is in progress, another 2xx is the final result, an error status fails.
 * - The final result after a status monitor: PUT reads the request URL; otherwise final-state-via location reads
 *   the Location header, original-uri the request URL, azure-async-operation no URL (the status body is the result).
 * - Retry-After (seconds or an HTTP date; retry-after-ms too) sets the next wait, else pollIntervalMs (2000 ms, as
 *   core-lro's POLL_INTERVAL_IN_MS). Unlike core-lro, which ignores a 0, Retry-After: 0 means "poll again soon":
 *   MIN_RETRY_AFTER_WAIT_MS (or pollIntervalMs, if shorter), never a busy loop.
 * Where rekey is stricter than core-lro: every polling URL is pinned to the endpoint (polling-url.ts); a 202
 * without any polling header is an error (core-lro calls it succeeded, so a caller would read keys too early);
 * and results never enter the resume token.
 */
import { type FailedOperationStatus, RekeyError, RekeyOperationFailedError, RekeyServiceError } from "./errors.js";
import { pollingUrlProblem } from "./polling-url.js";
import { shownBody } from "./redaction.js";
import { type PollingMode, type ResumeState, writeResumeToken } from "./resume-token.js";
import { sleep } from "./retry.js";
import { retryAfterMs } from "./retry-strategies.js";
import { callSignal, MAX_TIMER_MS } from "./timeout.js";

export type OperationStatus = "InProgress" | "Succeeded" | "Failed" | "Canceled";

export interface PollerOptions {
  /** Cancels the operation's polling (not the operation itself): `await poller` rejects with the signal's reason. */
  signal?: AbortSignal;
  /**
   * Time limit of the whole operation in ms — the start request, every poll and every wait — counted from the begin
   * (or resume) call (default 1800000, 30 minutes). Each request also keeps the client's per-call `timeoutMs`.
   */
  timeoutMs?: number;
  /** The wait between polls when the service sends no Retry-After (default 2000 ms). */
  pollIntervalMs?: number;
}

export const DEFAULT_OPERATION_TIMEOUT_MS = 1_800_000;
export const DEFAULT_POLL_INTERVAL_MS = 2000;
/**
 * The shortest wait a service's Retry-After gets (unless pollIntervalMs is shorter): "Retry-After: 0" means poll
 * again soon, and a literal 0 would be a busy loop of requests for as long as the operation runs (measured against
 * the mock: about 40 polls for a 100 ms operation).
 */
export const MIN_RETRY_AFTER_WAIT_MS = 50;

/**
 * A long-running operation in progress. `await poller` resolves to the final result or rejects with the error;
 * `poll()` sends one polling request (no wait) and resolves to the new status.
 */
export interface Poller<Result> extends PromiseLike<Result> {
  /** "InProgress" until the service says otherwise. */
  readonly status: OperationStatus;
  readonly isDone: boolean;
  /** The final result, once Succeeded. */
  readonly result: Result | undefined;
  /** Why it ended without a result: a RekeyOperationFailedError (Failed/Canceled) or the service's RekeyError. */
  readonly error: RekeyError | undefined;
  /** percentComplete of the last status body, when the service sends one. */
  readonly percentComplete: number | undefined;
  /**
   * Continues this operation in another process (`resume<Method>(token)` on a client with the same endpoint). Holds
   * the polling URLs, never a token or key. Undefined until the service accepted the operation, and when it finished
   * at once (no polling needed).
   */
  readonly resumeToken: string | undefined;
  /** Resolves once the service answered the start request (rejects as the start does). */
  submitted(): Promise<void>;
  /** One polling request, no wait; rejects when the operation ends without a result, as `await poller` does. */
  poll(options?: { signal?: AbortSignal }): Promise<OperationStatus>;
  /** Called after every poll that got an answer; returns a function that unsubscribes. */
  onProgress(listener: (poller: Poller<Result>) => void): () => void;
}

/** An answer as the poller reads it. */
export interface PollAnswer {
  /** The URL requested. */
  url: string;
  status: number;
  header(name: string): string | null;
  requestId: string | undefined;
  clientRequestId: string;
}

/** What the poller needs from the client: requests through its pipeline, and its error and redaction rules. */
export interface PollingChannel {
  operationId: string;
  /** The client endpoint's origin, every polling URL's. */
  origin: string;
  /** The operation's request (the first call). */
  start(signal: AbortSignal | undefined): Promise<PollAnswer>;
  /** A GET through the client's pipeline (auth, retries, telemetry, its per-call timeout) to a pinned URL. */
  get(url: string, signal: AbortSignal | undefined): Promise<PollAnswer>;
  /** The body when the answer's status is one of `statuses`; else the operation's typed, redacted RekeyError. */
  settle<T>(answer: PollAnswer, statuses: readonly number[]): T;
  /** Cuts every known secret (tokens sent, keys received) out of service text. */
  scrub(text: string): string;
}

/** What a generated method knows about its long-running operation (from the operation model). */
export interface LongRunningSpec {
  method: string;
  finalStateVia: "azure-async-operation" | "location" | "original-uri" | "operation-location";
  /** The accepted status (202, or 201 for some PUTs). */
  acceptedStatus: number;
  /** Statuses of the final result (the operation's other 2xx). */
  finalStatuses: readonly number[];
}

/** Status body fields shown in errors: ARM's operation-status resource (async-api-reference.md). */
const STATUS_BODY_PATHS = {
  shown: ["/id", "/name", "/status", "/startTime", "/endTime", "/error/code", "/error/message", "/error/target", "/error/details/*/code", "/error/details/*/message", "/error/details/*/target"],
  secret: [],
};

function readStatus(value: unknown): OperationStatus | undefined {
  if (typeof value !== "string") return undefined;
  switch (value.toLowerCase()) {
    case "succeeded": return "Succeeded";
    case "failed": return "Failed";
    case "canceled":
    case "cancelled": return "Canceled";
    default: return "InProgress";
  }
}

interface PollerState {
  status: OperationStatus;
  mode?: PollingMode;
  pollingUrl?: string;
  resultUrl?: string;
  /** The wait the last answer asked for. */
  retryAfterMs?: number;
  percentComplete?: number;
  result?: unknown;
  error?: RekeyError;
}

export interface PollerInit {
  channel: PollingChannel;
  spec: LongRunningSpec;
  /** Every documented 2xx of the start request. */
  successStatuses: readonly number[];
  options: PollerOptions | undefined;
  /** A resumed operation's state; without it the poller sends the start request. */
  resumed?: ResumeState;
}

export function createPoller<Result>(init: PollerInit): Poller<Result> {
  const { channel, spec } = init;
  const options = init.options ?? {};
  const timeoutMs = options.timeoutMs ?? DEFAULT_OPERATION_TIMEOUT_MS;
  const pollIntervalMs = options.pollIntervalMs ?? DEFAULT_POLL_INTERVAL_MS;
  // The overall deadline counts from now; timers start only while someone waits, so an idle poller holds no process open.
  const deadline = Date.now() + timeoutMs;
  const state: PollerState = { status: "InProgress" };
  const listeners = new Set<(poller: Poller<Result>) => void>();

  /** A signal for one stretch of work: the caller's, and the time left of the operation. */
  const operationSignal = (signal: AbortSignal | undefined) => callSignal(signal, Math.max(0, deadline - Date.now()), `${channel.operationId} (long-running)`);

  const refuse = (answer: PollAnswer, what: string, problem: string): never => {
    throw new RekeyServiceError({
      operationId: channel.operationId, status: answer.status, body: undefined, requestId: answer.requestId, clientRequestId: answer.clientRequestId,
      code: "POLLING_URL_REFUSED",
      message: `${channel.operationId}: the ${what} ${problem}; refusing to send a request there (polling URLs must be absolute and on the client's endpoint)`,
    });
  };
  const pinned = (answer: PollAnswer, what: string, url: string | null | undefined): string | undefined => {
    if (url === null || url === undefined) return undefined;
    const problem = pollingUrlProblem(url, channel.origin);
    return problem ? refuse(answer, what, problem) : url;
  };
  const protocolError = (answer: PollAnswer, code: string, detail: string): RekeyError => new RekeyServiceError({
    operationId: channel.operationId, status: answer.status, body: undefined, requestId: answer.requestId, clientRequestId: answer.clientRequestId,
    code, message: `${channel.operationId}: ${detail}`,
  });

  const succeed = (result: unknown) => {
    state.status = "Succeeded";
    state.result = result;
  };

  const ended = (answer: PollAnswer, body: unknown, status: FailedOperationStatus) => {
    const shown = shownBody(body, STATUS_BODY_PATHS, channel.scrub) as { error?: { code?: unknown; message?: unknown } } | undefined;
    const error = shown && typeof shown === "object" && shown.error && typeof shown.error === "object" ? shown.error : undefined;
    const code = typeof error?.code === "string" ? error.code : undefined;
    const message = typeof error?.message === "string" ? error.message : undefined;
    state.status = status;
    state.error = new RekeyOperationFailedError({
      operationId: channel.operationId, status: answer.status, body: shown, requestId: answer.requestId, clientRequestId: answer.clientRequestId,
      operationStatus: status,
      message: `${channel.operationId}: the long-running operation ended ${status}${code ? ` ${code}` : ""}${message ? `: ${message}` : ""}`,
    });
  };

  /** The start request's answer: done at once, or where to poll. */
  const accept = (answer: PollAnswer) => {
    // Documented statuses only; this also reads (and remembers for redaction) any keys a 202 body carries.
    const body = channel.settle(answer, init.successStatuses);
    state.retryAfterMs = retryAfterMs({ get: answer.header });
    const statusMonitor = answer.header("operation-location") ?? answer.header("azure-asyncoperation");
    const location = answer.header("location");
    // A 201 with a status monitor is running too (ARM's PUT), as core-lro reads it.
    const running = answer.status === spec.acceptedStatus || answer.status === 202 || (answer.status === 201 && statusMonitor !== null);
    if (!running) return succeed(body);
    if (statusMonitor !== null) {
      state.mode = "status";
      state.pollingUrl = pinned(answer, "status monitor URL", statusMonitor);
      state.resultUrl = pinned(answer, "final result URL", resultUrlAfterStatus(spec, answer.url, location));
    } else if (location !== null) {
      state.mode = "location";
      state.pollingUrl = pinned(answer, "Location URL", location);
    } else {
      throw protocolError(answer, "NO_POLLING_URL", `the service accepted the operation (${answer.status}) without Azure-AsyncOperation, Operation-Location or Location: there is no way to learn when it completes`);
    }
  };

  /** One answer of the polling URL. */
  const advance = async (answer: PollAnswer, signal: AbortSignal | undefined) => {
    state.retryAfterMs = retryAfterMs({ get: answer.header });
    if (state.mode === "location") {
      if (answer.status === 202) {
        state.pollingUrl = pinned(answer, "Location URL", answer.header("location")) ?? state.pollingUrl;
        return;
      }
      return succeed(channel.settle(answer, finalStatuses(spec)));
    }
    const body = channel.settle<Record<string, unknown> | undefined>(answer, [200, 201, 202]);
    const status = readStatus(body?.status);
    if (status === undefined) throw protocolError(answer, "INVALID_STATUS_BODY", "the status monitor answered without a string `status`");
    state.percentComplete = typeof body?.percentComplete === "number" ? body.percentComplete : state.percentComplete;
    if (status === "Failed" || status === "Canceled") return ended(answer, body, status);
    if (status === "InProgress") {
      const moved = answer.header("operation-location") ?? answer.header("azure-asyncoperation");
      state.pollingUrl = pinned(answer, "status monitor URL", moved) ?? state.pollingUrl;
      return;
    }
    const named = typeof body?.resourceLocation === "string" ? body.resourceLocation : undefined;
    const resultUrl = pinned(answer, "final result URL", named) ?? state.resultUrl;
    if (resultUrl === undefined) return succeed(body);
    return succeed(channel.settle(await channel.get(resultUrl, signal), finalStatuses(spec)));
  };

  let started: Promise<void>;
  if (init.resumed) {
    state.mode = init.resumed.mode;
    state.pollingUrl = init.resumed.pollingUrl;
    state.resultUrl = init.resumed.resultUrl;
    started = Promise.resolve();
  } else {
    started = (async () => {
      const call = operationSignal(options.signal);
      try {
        accept(await channel.start(call.signal));
      } catch (error) {
        if (error instanceof RekeyError) fail(error);
        throw error;
      } finally {
        call.dispose();
      }
    })();
    started.catch(() => {}); // surfaced by submitted(), poll() and await; never an unhandled rejection
  }

  function fail(error: RekeyError): void {
    state.status = state.status === "InProgress" ? "Failed" : state.status;
    state.error = error;
  }

  let inFlight: Promise<OperationStatus> | undefined;
  /**
   * One poll; a RekeyError ends the operation, other failures (abort, timeout, network) leave it in progress.
   * Concurrent callers share the request in flight (under the first caller's signal).
   */
  const pollOnce = (signal: AbortSignal | undefined): Promise<OperationStatus> => {
    inFlight ??= (async () => {
      try {
        await started;
        if (state.status === "InProgress") {
          try {
            await advance(await channel.get(state.pollingUrl!, signal), signal);
          } catch (error) {
            if (!(error instanceof RekeyError)) throw error;
            fail(error);
          }
          for (const listener of listeners) {
            try {
              listener(poller);
            } catch {
              // A listener's failure is the listener's, not the operation's.
            }
          }
        }
        if (state.error) throw state.error;
        return state.status;
      } finally {
        inFlight = undefined;
      }
    })();
    return inFlight;
  };

  let finished: Promise<Result> | undefined;
  const untilDone = async (): Promise<Result> => {
    const call = operationSignal(options.signal);
    try {
      await abortable(started, call.signal);
      while (!poller.isDone) {
        await sleep(nextWait(state.retryAfterMs, pollIntervalMs), call.signal);
        await pollOnce(call.signal);
      }
      if (state.error) throw state.error;
      return state.result as Result;
    } finally {
      call.dispose();
    }
  };

  const poller: Poller<Result> = {
    get status() {
      return state.status;
    },
    get isDone() {
      return state.status !== "InProgress";
    },
    get result() {
      return state.result as Result | undefined;
    },
    get error() {
      return state.error;
    },
    get percentComplete() {
      return state.percentComplete;
    },
    get resumeToken() {
      if (state.mode === undefined || state.pollingUrl === undefined) return undefined;
      return writeResumeToken({ operationId: channel.operationId, mode: state.mode, pollingUrl: state.pollingUrl, resultUrl: state.resultUrl });
    },
    submitted: () => started,
    poll: (pollOptions) => pollOnce(pollOptions?.signal),
    onProgress(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    then(onFulfilled, onRejected) {
      finished ??= untilDone();
      const settled = finished;
      // After an abort or a timeout the operation goes on at the service: a later await may poll again.
      settled.catch(() => {
        if (!poller.isDone && finished === settled) finished = undefined;
      });
      return settled.then(onFulfilled, onRejected);
    },
  };
  return poller;
}

/** The wait before the next poll: what the service asked, at least MIN_RETRY_AFTER_WAIT_MS (or pollIntervalMs, if shorter). */
function nextWait(retryAfterMs: number | undefined, pollIntervalMs: number): number {
  if (retryAfterMs === undefined) return pollIntervalMs;
  return Math.min(Math.max(retryAfterMs, Math.min(MIN_RETRY_AFTER_WAIT_MS, pollIntervalMs)), MAX_TIMER_MS);
}

/** `promise`, or the signal's reason if it aborts first. */
function abortable<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener("abort", onAbort));
  });
}

/** The final result's statuses; an operation that declares none finishes with 200 or 204 (ARM's defaults). */
function finalStatuses(spec: LongRunningSpec): readonly number[] {
  return spec.finalStatuses.length > 0 ? spec.finalStatuses : [200, 204];
}

/** Where the final result is read after a status monitor says Succeeded (core-lro's findResourceLocation). */
function resultUrlAfterStatus(spec: LongRunningSpec, requestUrl: string, location: string | null): string | undefined {
  const method = spec.method.toUpperCase();
  if (method === "PUT") return requestUrl;
  if (method === "DELETE") return undefined;
  const byFinalState = spec.finalStateVia === "original-uri" ? requestUrl
    : spec.finalStateVia === "location" ? location ?? undefined
    : undefined;
  return method === "PATCH" ? byFinalState ?? requestUrl : byFinalState;
}
