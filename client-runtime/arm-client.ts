/**
 * The client every generated client is built on: options resolved and checked once, an openapi-fetch client
 * whose fetch is the pipeline (telemetry → retry → auth → transport), and `invoke`, which runs one operation
 * under its signal and turns any undocumented status into a redacted, typed RekeyServiceError, a timeout into a
 * RekeyTimeoutError and a network or TLS failure into a RekeyTransportError.
 *
 * Without caller middleware, `invoke` builds the URL with openapi-fetch's own serializers and hands the request
 * straight to the pipeline: openapi-fetch's Request/Response round trip cost more per call than the whole
 * transport. With middleware, calls go through openapi-fetch so the middleware sees every request and response.
 */
import createClient, { type Client, createFinalURL, createQuerySerializer, defaultPathSerializer, type Middleware } from "openapi-fetch";
import { insecureReason, bearerTokenPolicy } from "./auth.js";
import { type CloudOptions, resolveCloud } from "./clouds.js";
import { type Credential, isCredential, tokenProvider } from "./credentials.js";
import { RekeyError, RekeyOptionsError, RekeyResponseTooLargeError, RekeyServiceError, RekeyThrottledError, RekeyTimeoutError, RekeyTransportError } from "./errors.js";
import { composePipeline, type PipelineResponse, pipelineFetch } from "./pipeline.js";
import { createPoller, type LongRunningSpec, type PollAnswer, type Poller, type PollerOptions, type PollingChannel } from "./poller.js";
import { readResumeToken } from "./resume-token.js";
import { scrubber, shownBody, valuesAt } from "./redaction.js";
import { DEFAULT_MAX_RETRIES, RetryAfterTooLong, type RetryOptions, retryPolicy } from "./retry.js";
import { errorCode } from "./retry-strategies.js";
import { telemetryPolicy } from "./telemetry.js";
import { callSignal, DEFAULT_TIMEOUT_MS, MAX_TIMER_MS } from "./timeout.js";
import { defaultTransport, ResponseTooLarge } from "./transport.js";

export interface ArmClientOptions extends CloudOptions {
  /** A TokenCredential (e.g. from @azure/identity), a static bearer token, or a function returning one. */
  credential: Credential;
  /** Retries of throttled (429/503 with Retry-After), transient (408, 5xx) and network failures. */
  retry?: RetryOptions;
  /** Time limit of each call in ms, retries included (default 120000); a call's own timeoutMs wins. */
  timeoutMs?: number;
  /** The most bytes of a response body the client reads (default 4 MiB); a larger one fails the call. */
  maxResponseBytes?: number;
  /** A fetch implementation; by default Node's http(s) with keep-alive (the global fetch outside Node). */
  fetch?: (input: Request) => Promise<Response>;
  /** Extra trusted CA certificates (PEM) for the endpoint, e.g. a local mock's self-signed one. */
  ca?: string | string[];
  /** Put before the user-agent header rekey sends. */
  userAgentPrefix?: string;
  /** openapi-fetch middleware objects ({ onRequest, onResponse, onError }), run around every call. */
  middleware?: Middleware[];
}

export interface CallOptions {
  /** Cancels the call (and any retry wait); the call rejects with the signal's reason. */
  signal?: AbortSignal;
  /** Time limit of this call in ms, retries included (default: the client's, else 120000); it rejects with a DOMException named "TimeoutError". */
  timeoutMs?: number;
}

/** What the generated client knows about its document. */
export interface ClientSpec {
  defaultEndpoint: string;
  apiVersion: string;
  /** e.g. "rekey-clients/0.1.0 maps/2023-06-01" */
  userAgent: string;
}

/** What the generated method knows about its operation (all from the spec). */
export interface OperationSpec {
  operationId: string;
  successStatuses: readonly number[];
  /** x-ms-secret fields of any of the operation's responses, redacted from error bodies. */
  secretPaths: readonly string[];
  /**
   * Per documented error response ("404", "4XX", "default"): the body fields it declares and does not mark secret. An
   * error shows strings only there; any other string by its shape.
   */
  errorShownPaths: Readonly<Record<string, readonly string[]>>;
  /** How a long-running operation (x-ms-long-running-operation) is polled; absent for others. */
  longRunning?: LongRunningSpec;
}

/** One request of an operation, as the generated method describes it. */
export interface RequestSpec {
  method: "GET" | "PUT" | "POST" | "DELETE" | "OPTIONS" | "HEAD" | "PATCH" | "TRACE";
  /** The spec's path template, e.g. /subscriptions/{subscriptionId}/… */
  path: string;
  params: { path?: Record<string, unknown>; query?: Record<string, unknown>; header?: Record<string, unknown> };
  /** A JSON request body. */
  body?: unknown;
}

/** What came back, whichever way the request went. */
interface Outcome {
  status: number;
  header(name: string): string | null;
  /** The body: JSON parsed (throws when malformed), else text, else undefined when empty. */
  body(): unknown;
}

/** An answer and, when the retry policy refused a throttling wait, that refusal. */
interface Sent {
  outcome: Outcome;
  throttled: RetryAfterTooLong | undefined;
}

export interface ArmClient<Paths extends {}> {
  raw: Client<Paths>;
  invoke<T>(operation: OperationSpec, callOptions: CallOptions | undefined, request: RequestSpec): Promise<T>;
  /** Starts a long-running operation (its spec has `longRunning`): the poller follows it to its final result. */
  begin<T>(operation: OperationSpec, options: PollerOptions | undefined, request: RequestSpec): Poller<T>;
  /** Continues polling an operation begun elsewhere, from its poller's resumeToken; a bad token throws RekeyOptionsError. */
  resume<T>(operation: OperationSpec, resumeToken: string, options?: PollerOptions): Poller<T>;
}

function checkNumber(option: string, value: unknown, min: number): void {
  if (value !== undefined && (typeof value !== "number" || !Number.isFinite(value) || value < min)) {
    throw new RekeyOptionsError(option, `${JSON.stringify(value)} must be a number ≥ ${min}`);
  }
}

/** A time in ms that setTimeout can hold: a longer one would fire after 1 ms. */
function checkMs(option: string, value: unknown, min: number): void {
  if (value !== undefined && (typeof value !== "number" || !(value >= min && value <= MAX_TIMER_MS))) {
    throw new RekeyOptionsError(option, `${JSON.stringify(value)} must be a number of ms from ${min} to ${MAX_TIMER_MS} (about 24.8 days)`);
  }
}

function checkPollerOptions(options: PollerOptions | undefined): void {
  checkMs("timeoutMs", options?.timeoutMs, 1);
  checkMs("pollIntervalMs", options?.pollIntervalMs, 0);
}

function checkOptions(options: ArmClientOptions, spec: ClientSpec): void {
  if (!options || typeof options !== "object") throw new RekeyOptionsError("options", "pass an object with at least credential and subscriptionId");
  if (!isCredential(options.credential)) {
    throw new RekeyOptionsError("credential", "pass a TokenCredential (e.g. new DefaultAzureCredential() from @azure/identity), a bearer token string or a function returning one");
  }
  if ("apiVersion" in options) {
    throw new RekeyOptionsError("apiVersion", `this client is pinned to api-version ${spec.apiVersion}; import the entry point of the api-version you need instead`);
  }
  checkMs("timeoutMs", options.timeoutMs, 1);
  checkNumber("retry.maxRetries", options.retry?.maxRetries, 0);
  checkMs("retry.retryDelayInMs", options.retry?.retryDelayInMs, 0);
  checkMs("retry.maxRetryDelayInMs", options.retry?.maxRetryDelayInMs, 0);
  checkMs("retry.maxRetryAfterInMs", options.retry?.maxRetryAfterInMs, 0);
  checkNumber("maxResponseBytes", options.maxResponseBytes, 1);
}

function parseJson(text: unknown): unknown {
  if (typeof text !== "string") return text;
  return text === "" ? undefined : JSON.parse(text);
}

/** The shown paths of the error response documented for `status`: its own, else its range's (4XX), else default's. */
function errorResponsePaths(operation: OperationSpec, status: number): readonly string[] {
  const byStatus = operation.errorShownPaths;
  const range = `${String(status)[0]}XX`;
  const key = [String(status), range, range.toLowerCase(), "default"].find((k) => Object.hasOwn(byStatus, k));
  return key === undefined ? [] : byStatus[key]!;
}

const querySerializer = createQuerySerializer();
const decoder = new TextDecoder();
const encoder = new TextEncoder();

function outcomeOf(response: PipelineResponse): Outcome {
  return { status: response.status, header: (name) => response.headers[name] ?? null, body: () => parseJson(decoder.decode(response.body)) };
}

function responseTooLarge(operation: OperationSpec, error: ResponseTooLarge, clientRequestId: string): RekeyResponseTooLargeError {
  return new RekeyResponseTooLargeError({
    operationId: operation.operationId, status: error.status, requestId: error.headers["x-ms-request-id"], clientRequestId,
    maxResponseBytes: error.maxResponseBytes, contentLength: error.contentLength,
  });
}

/**
 * What a call that got no answer rejects with: the caller's own abort reason, as given; a RekeyTimeoutError when the
 * time limit ran out; a RekeyTransportError for a network or TLS failure (one with a Node error code); anything
 * else (a credential's own error, say) as it was thrown.
 */
function failure(operation: OperationSpec, error: unknown, signal: AbortSignal, callerSignal: AbortSignal | undefined, timeoutMs: number, clientRequestId: string): unknown {
  if (signal.aborted) {
    if (callerSignal?.aborted) return error;
    return new RekeyTimeoutError(operation.operationId, timeoutMs, clientRequestId, signal.reason);
  }
  const code = errorCode(error);
  return code === undefined ? error : new RekeyTransportError(operation.operationId, error, code, clientRequestId);
}

export function createArmClient<Paths extends {}>(options: ArmClientOptions, spec: ClientSpec): ArmClient<Paths> {
  checkOptions(options, spec);
  const { endpoint, scope } = resolveCloud(options, spec.defaultEndpoint);
  const insecure = insecureReason(new URL(endpoint));
  if (insecure) throw new RekeyOptionsError("endpoint", insecure);

  // The last few tokens sent and secret values received, scrubbed from whatever a service echoes into an error.
  const secrets: string[] = [];
  const remember = (secret: string) => {
    if (secrets.includes(secret)) return;
    secrets.push(secret);
    if (secrets.length > 16) secrets.shift();
  };
  if (typeof options.credential === "string") remember(options.credential);

  const transport = composePipeline(
    [
      telemetryPolicy({ product: spec.userAgent, userAgentPrefix: options.userAgentPrefix }),
      retryPolicy({ maxRetries: DEFAULT_MAX_RETRIES, ...options.retry }),
      bearerTokenPolicy(tokenProvider(options.credential, scope), remember),
    ],
    defaultTransport(options),
  );
  const raw = createClient<Paths>({ baseUrl: endpoint, fetch: pipelineFetch(transport), headers: { accept: "application/json" } });
  const middleware = options.middleware ?? [];
  for (const m of middleware) raw.use(m);

  const urlOf = (request: RequestSpec) =>
    createFinalURL(request.path, { baseUrl: endpoint, params: request.params, querySerializer, pathSerializer: defaultPathSerializer });

  const direct = async (request: RequestSpec, signal: AbortSignal | undefined, clientRequestId: string): Promise<Outcome> => {
    const headers: Record<string, string> = { accept: "application/json", "x-ms-client-request-id": clientRequestId };
    for (const [name, value] of Object.entries(request.params.header ?? {})) if (value !== undefined) headers[name.toLowerCase()] = String(value);
    let body: Uint8Array | undefined;
    if (request.body !== undefined) {
      headers["content-type"] = "application/json";
      body = encoder.encode(JSON.stringify(request.body));
    }
    return outcomeOf(await transport({ url: urlOf(request), method: request.method, headers, body, signal }));
  };

  const viaOpenapiFetch = async (request: RequestSpec, signal: AbortSignal | undefined, clientRequestId: string): Promise<Outcome> => {
    const send = raw.request as unknown as (method: string, path: string, init: object) => Promise<{ data?: unknown; error?: unknown; response: Response }>;
    const result = await send(request.method.toLowerCase(), request.path, {
      params: request.params,
      body: request.body,
      parseAs: "text",
      signal,
      headers: { "x-ms-client-request-id": clientRequestId },
    });
    const { response } = result;
    return { status: response.status, header: (name) => response.headers.get(name), body: () => (response.ok ? parseJson(result.data) : result.error) };
  };

  /** x-ms-request-id as the service sent it, scrubbed: a header is the service's text too. */
  const requestIdOf = (outcome: Outcome, scrub: (text: string) => string): string | undefined => {
    const id = outcome.header("x-ms-request-id");
    return id === null ? undefined : scrub(id);
  };

  const fail = (operation: OperationSpec, outcome: Outcome, body: unknown, clientRequestId: string): never => {
    const scrub = scrubber([...secrets, ...valuesAt(body, operation.secretPaths)]);
    const shown = errorResponsePaths(operation, outcome.status);
    throw new RekeyServiceError({
      operationId: operation.operationId,
      status: outcome.status,
      body: shownBody(body, { shown, secret: operation.secretPaths }, scrub),
      requestId: requestIdOf(outcome, scrub),
      clientRequestId,
      scrub,
    });
  };

  const settle = <T>(operation: OperationSpec, outcome: Outcome, clientRequestId: string): T => {
    const documented = operation.successStatuses.includes(outcome.status);
    let body: unknown;
    try {
      body = outcome.body();
    } catch {
      if (!documented) return fail(operation, outcome, undefined, clientRequestId);
      // Never quote the body: it may hold keys.
      throw new RekeyServiceError({
        operationId: operation.operationId,
        status: outcome.status,
        body: undefined,
        requestId: requestIdOf(outcome, scrubber(secrets)),
        clientRequestId,
        code: "PARSE_ERROR",
        message: `${operation.operationId}: the ${outcome.status} response body is not valid JSON`,
      });
    }
    if (!documented) return fail(operation, outcome, body, clientRequestId);
    for (const secret of valuesAt(body, operation.secretPaths)) remember(secret);
    return body as T;
  };

  /** One request of an operation; a refused throttling wait comes back as the answer it was, to be settled. */
  const send = async (operation: OperationSpec, clientRequestId: string, request: () => Promise<Outcome>): Promise<Sent> => {
    try {
      return { outcome: await request(), throttled: undefined };
    } catch (error) {
      if (error instanceof ResponseTooLarge) throw responseTooLarge(operation, error, clientRequestId);
      if (!(error instanceof RetryAfterTooLong)) throw error;
      // The service's answer is settled as any other, then named a wait the client refused.
      return { outcome: outcomeOf(error.response), throttled: error };
    }
  };

  const settleSent = <T>(operation: OperationSpec, sent: Sent, clientRequestId: string): T => {
    try {
      return settle<T>(operation, sent.outcome, clientRequestId);
    } catch (error) {
      const { throttled } = sent;
      throw throttled && error instanceof RekeyServiceError ? new RekeyThrottledError(error, throttled.retryAfterMs, throttled.maxRetryAfterInMs) : error;
    }
  };

  /** A request under the client's per-call time limit, inside `signal` (the operation's). */
  const underCallTimeout = async <T>(operation: OperationSpec, signal: AbortSignal | undefined, run: (signal: AbortSignal) => Promise<T>): Promise<T> => {
    const call = callSignal(signal, options.timeoutMs ?? DEFAULT_TIMEOUT_MS, operation.operationId);
    try {
      return await run(call.signal);
    } finally {
      call.dispose();
    }
  };

  /** The poller's view of this client: the same pipeline, settling and redaction as every call. */
  const channelFor = (operation: OperationSpec, request: RequestSpec | undefined): PollingChannel => {
    // What each answer the poller holds was, to settle it as invoke does.
    const sentOf = new WeakMap<PollAnswer, Sent>();
    const answer = (url: string, sent: Sent, clientRequestId: string): PollAnswer => {
      const polled: PollAnswer = {
        url, status: sent.outcome.status, header: (name) => sent.outcome.header(name), requestId: requestIdOf(sent.outcome, scrubber(secrets)), clientRequestId,
      };
      sentOf.set(polled, sent);
      return polled;
    };
    return {
      operationId: operation.operationId,
      origin: new URL(endpoint).origin,
      start: (signal) => underCallTimeout(operation, signal, async (callSignal) => {
        const clientRequestId = crypto.randomUUID();
        const sent = await send(operation, clientRequestId, () => (middleware.length === 0
          ? direct(request!, callSignal, clientRequestId)
          : viaOpenapiFetch(request!, callSignal, clientRequestId)));
        return answer(urlOf(request!), sent, clientRequestId);
      }),
      get: (url, signal) => underCallTimeout(operation, signal, async (callSignal) => {
        const clientRequestId = crypto.randomUUID();
        const headers = { accept: "application/json", "x-ms-client-request-id": clientRequestId };
        const sent = await send(operation, clientRequestId,
          async () => outcomeOf(await transport({ url, method: "GET", headers, body: undefined, signal: callSignal })));
        return answer(url, sent, clientRequestId);
      }),
      settle: <T>(polled: PollAnswer, statuses: readonly number[]) =>
        settleSent<T>({ ...operation, successStatuses: statuses }, sentOf.get(polled)!, polled.clientRequestId),
      scrub: (text) => scrubber(secrets)(text),
    };
  };

  const longRunningOf = (operation: OperationSpec) => {
    if (!operation.longRunning) throw new TypeError(`${operation.operationId} is not a long-running operation`);
    return operation.longRunning;
  };

  return {
    raw,
    async invoke<T>(operation: OperationSpec, callOptions: CallOptions | undefined, request: RequestSpec): Promise<T> {
      const timeoutMs = callOptions?.timeoutMs ?? options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
      checkMs("timeoutMs", timeoutMs, 1);
      const call = callSignal(callOptions?.signal, timeoutMs, operation.operationId);
      const clientRequestId = crypto.randomUUID();
      let sent;
      try {
        sent = await send(operation, clientRequestId, () => (middleware.length === 0
          ? direct(request, call.signal, clientRequestId)
          : viaOpenapiFetch(request, call.signal, clientRequestId)));
      } catch (error) {
        if (error instanceof RekeyError) throw error;
        throw failure(operation, error, call.signal, callOptions?.signal, timeoutMs, clientRequestId);
      } finally {
        call.dispose();
      }
      return settleSent<T>(operation, sent, clientRequestId);
    },
    begin<T>(operation: OperationSpec, pollerOptions: PollerOptions | undefined, request: RequestSpec): Poller<T> {
      checkPollerOptions(pollerOptions);
      return createPoller<T>({
        channel: channelFor(operation, request), spec: longRunningOf(operation), successStatuses: operation.successStatuses, options: pollerOptions,
      });
    },
    resume<T>(operation: OperationSpec, resumeToken: string, pollerOptions?: PollerOptions): Poller<T> {
      checkPollerOptions(pollerOptions);
      const spec = longRunningOf(operation);
      const resumed = readResumeToken(resumeToken, operation.operationId, new URL(endpoint).origin);
      return createPoller<T>({ channel: channelFor(operation, undefined), spec, successStatuses: operation.successStatuses, options: pollerOptions, resumed });
    },
  };
}
