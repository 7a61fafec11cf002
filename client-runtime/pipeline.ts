/**
 * The request pipeline under openapi-fetch: openapi-fetch builds a Request, and its `fetch` is this chain of
 * policies (telemetry → retry → auth, like Azure's core-rest-pipeline) ending in a transport. Requests and
 * responses travel as plain objects with bytes, so a retry can resend the body without cloning streams.
 */

export interface PipelineRequest {
  url: string;
  method: string;
  /** Lower-case header names. */
  headers: Record<string, string>;
  body: Uint8Array | undefined;
  signal: AbortSignal | undefined;
}

export interface PipelineResponse {
  status: number;
  /** Lower-case header names. */
  headers: Record<string, string>;
  body: Uint8Array;
}

export type Transport = (request: PipelineRequest) => Promise<PipelineResponse>;
export type Policy = (request: PipelineRequest, next: Transport) => Promise<PipelineResponse>;

export function composePipeline(policies: readonly Policy[], transport: Transport): Transport {
  return policies.reduceRight<Transport>((next, policy) => (request) => policy(request, next), transport);
}

/** A `get(name)` view of lower-case headers, as retry strategies read them. */
export function headerReader(headers: Record<string, string>): { get(name: string): string | null } {
  return { get: (name) => headers[name.toLowerCase()] ?? null };
}

const NULL_BODY_STATUSES = new Set([101, 103, 204, 205, 304]);

/** False for answers that carry no body whatever their headers say (HEAD, 204, 304, …). */
export function responseHasBody(method: string, status: number): boolean {
  return !NULL_BODY_STATUSES.has(status) && method !== "HEAD";
}

/** Adapts a pipeline to the `fetch` openapi-fetch calls. */
export function pipelineFetch(transport: Transport): (input: Request) => Promise<Response> {
  return async (input) => {
    const headers: Record<string, string> = {};
    input.headers.forEach((value, name) => {
      headers[name] = value;
    });
    const body = input.body ? new Uint8Array(await input.arrayBuffer()) : undefined;
    const response = await transport({ url: input.url, method: input.method, headers, body, signal: input.signal });
    return new Response(responseHasBody(input.method, response.status) ? (response.body as BodyInit) : null, { status: response.status, headers: response.headers });
  };
}
