/**
 * The client every generated client is built on: options resolved and checked once, an openapi-fetch client
 * whose fetch is the pipeline (telemetry → retry → auth → transport), and `invoke`, which runs one operation
 * under its signal and turns any undocumented status into a redacted, typed RekeyError.
 */
import createClient, { type Client, type Middleware } from "openapi-fetch";
import { insecureReason, bearerTokenPolicy } from "./auth.js";
import { type CloudOptions, resolveCloud } from "./clouds.js";
import { type Credential, isCredential, tokenProvider } from "./credentials.js";
import { RekeyError, RekeyOptionsError } from "./errors.js";
import { composePipeline, pipelineFetch } from "./pipeline.js";
import { redactPaths, scrubber, scrubDeep, valuesAt } from "./redaction.js";
import { DEFAULT_MAX_RETRIES, type RetryOptions, retryPolicy } from "./retry.js";
import { telemetryPolicy } from "./telemetry.js";
import { callSignal } from "./timeout.js";
import { defaultTransport } from "./transport.js";

export interface ArmClientOptions extends CloudOptions {
  /** A TokenCredential (e.g. from @azure/identity), a static bearer token, or a function returning one. */
  credential: Credential;
  /** Retries of throttled (429/503 with Retry-After), transient (408, 5xx) and network failures. */
  retry?: RetryOptions;
  /** Default time limit of each call in ms, retries included; a call's own timeoutMs wins. */
  timeoutMs?: number;
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
  /** Time limit of this call in ms, retries included; it rejects with a DOMException named "TimeoutError". */
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
}

export interface FetchResult {
  data?: unknown;
  error?: unknown;
  response: Response;
}

/** What `invoke` adds to the openapi-fetch call: the call's signal and its client request id. */
export interface CallInit {
  signal: AbortSignal | undefined;
  headers: { "x-ms-client-request-id": string };
}

export interface ArmClient<Paths extends {}> {
  raw: Client<Paths>;
  invoke<T>(operation: OperationSpec, callOptions: CallOptions | undefined, send: (init: CallInit) => Promise<FetchResult>): Promise<T>;
}

function checkNumber(option: string, value: unknown, min: number): void {
  if (value !== undefined && (typeof value !== "number" || !Number.isFinite(value) || value < min)) {
    throw new RekeyOptionsError(option, `${JSON.stringify(value)} must be a number ≥ ${min}`);
  }
}

function checkOptions(options: ArmClientOptions, spec: ClientSpec): void {
  if (!options || typeof options !== "object") throw new RekeyOptionsError("options", "pass an object with at least credential and subscriptionId");
  if (!isCredential(options.credential)) {
    throw new RekeyOptionsError("credential", "pass a TokenCredential (e.g. new DefaultAzureCredential() from @azure/identity), a bearer token string or a function returning one");
  }
  if ("apiVersion" in options) {
    throw new RekeyOptionsError("apiVersion", `this client is pinned to api-version ${spec.apiVersion}; import the entry point of the api-version you need instead`);
  }
  checkNumber("timeoutMs", options.timeoutMs, 1);
  checkNumber("retry.maxRetries", options.retry?.maxRetries, 0);
  checkNumber("retry.retryDelayInMs", options.retry?.retryDelayInMs, 0);
  checkNumber("retry.maxRetryDelayInMs", options.retry?.maxRetryDelayInMs, 0);
}

function parseJson(text: unknown): unknown {
  if (typeof text !== "string" || text === "") return text === "" ? undefined : text;
  return JSON.parse(text);
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
  for (const middleware of options.middleware ?? []) raw.use(middleware);

  const fail = (operation: OperationSpec, result: FetchResult, body: unknown, clientRequestId: string): never => {
    const { response } = result;
    const redacted = redactPaths(body, operation.secretPaths);
    const scrub = scrubber([...secrets, ...valuesAt(body, operation.secretPaths)]);
    throw new RekeyError({
      operationId: operation.operationId,
      status: response.status,
      body: scrubDeep(redacted, scrub),
      requestId: response.headers.get("x-ms-request-id") ?? undefined,
      clientRequestId,
      scrub,
    });
  };

  return {
    raw,
    async invoke<T>(operation: OperationSpec, callOptions: CallOptions | undefined, send: (init: CallInit) => Promise<FetchResult>): Promise<T> {
      const timeoutMs = callOptions?.timeoutMs ?? options.timeoutMs;
      checkNumber("timeoutMs", timeoutMs, 1);
      const call = callSignal(callOptions?.signal, timeoutMs, operation.operationId);
      const clientRequestId = crypto.randomUUID();
      try {
        const result = await send({ signal: call.signal, headers: { "x-ms-client-request-id": clientRequestId } });
        const documented = operation.successStatuses.includes(result.response.status);
        let body: unknown;
        try {
          body = result.response.ok ? parseJson(result.data) : result.error;
        } catch {
          if (!documented) return fail(operation, result, undefined, clientRequestId);
          // Never quote the body: it may hold keys.
          throw new RekeyError({
            operationId: operation.operationId,
            status: result.response.status,
            body: undefined,
            requestId: result.response.headers.get("x-ms-request-id") ?? undefined,
            clientRequestId,
            code: "PARSE_ERROR",
            message: `${operation.operationId}: the ${result.response.status} response body is not valid JSON`,
          });
        }
        if (documented) {
          for (const secret of valuesAt(body, operation.secretPaths)) remember(secret);
          return body as T;
        }
        return fail(operation, result, body, clientRequestId);
      } finally {
        call.dispose();
      }
    },
  };
}
