/** The openapi-fetch client every generated client is built on: base URL and bearer-token authentication. */
import createClient, { type Client, type Middleware } from "openapi-fetch";
import { type Credential, tokenProvider } from "./credentials.js";
import { RekeyError } from "./errors.js";

export interface ArmClientOptions {
  /** A TokenCredential (e.g. from @azure/identity), a static bearer token, or a function returning one. */
  credential: Credential;
  /** Base URL of Azure Resource Manager; defaults to the spec's server (https://management.azure.com). */
  endpoint?: string;
  /** OAuth scope requested from a TokenCredential; defaults to `<endpoint origin>/.default`. */
  scope?: string;
  /** A fetch implementation (defaults to the global fetch). */
  fetch?: (input: Request) => Promise<Response>;
  /** openapi-fetch middleware, run after authentication. */
  middleware?: Middleware[];
}

export interface CallOptions {
  signal?: AbortSignal;
}

const LOOPBACK = new Set(["localhost", "127.0.0.1", "[::1]", "::1"]);

export function isLoopback(hostname: string): boolean {
  return LOOPBACK.has(hostname) || /^127(\.\d{1,3}){3}$/.test(hostname);
}

export function bearerTokenMiddleware(getToken: (signal?: AbortSignal) => Promise<string>): Middleware {
  return {
    async onRequest({ request }) {
      const url = new URL(request.url);
      if (url.protocol !== "https:" && !isLoopback(url.hostname)) {
        throw new Error(`refusing to send a bearer token over ${url.protocol.replace(":", "")} to ${url.host}: use https (plain http is allowed only to loopback)`);
      }
      request.headers.set("Authorization", `Bearer ${await getToken(request.signal)}`);
      return request;
    },
  };
}

export function createArmFetchClient<Paths extends {}>(options: ArmClientOptions, defaultEndpoint: string): Client<Paths> {
  const endpoint = (options.endpoint ?? defaultEndpoint).replace(/\/+$/, "");
  const scope = options.scope ?? `${new URL(endpoint).origin}/.default`;
  const client = createClient<Paths>({ baseUrl: endpoint, fetch: options.fetch });
  client.use(bearerTokenMiddleware(tokenProvider(options.credential, scope)));
  for (const middleware of options.middleware ?? []) client.use(middleware);
  return client;
}

/** Returns the body of a documented success status; anything else becomes a RekeyError. */
export function expectStatus<T>(
  operationId: string,
  successStatuses: readonly number[],
  result: { data?: unknown; error?: unknown; response: Response },
): T {
  const { response } = result;
  if (successStatuses.includes(response.status)) return result.data as T;
  const body = result.error ?? result.data;
  throw new RekeyError(operationId, response.status, body, response.headers.get("x-ms-request-id") ?? undefined);
}
