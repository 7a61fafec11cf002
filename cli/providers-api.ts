/**
 * ARM's providers API, for `rekey versions --live`: `GET {endpoint}/subscriptions/{id}/providers/{namespace}` →
 * `resourceTypes[].apiVersions`. The bearer token is never printed and never sent over plain HTTP except to
 * loopback; failures are one-line user errors.
 */
import { problem, UserError } from "../kernel/index.ts";
import type { ProviderResourceType } from "../generator/diff/resource-types.ts";
import { isLoopback } from "../client-runtime/auth.ts";
import type { PipelineResponse } from "../client-runtime/pipeline.ts";
import { errorCode } from "../client-runtime/retry-strategies.ts";
import { defaultTransport, ResponseTooLarge } from "../client-runtime/transport.ts";
import { bytes } from "../client-runtime/units.ts";

export const PROVIDERS_API_VERSION = "2021-04-01";

export interface ProvidersClient {
  endpoint: string;
  subscriptionId: string;
  token?: string;
}

function fail(message: string, hint: string): never {
  throw new UserError(problem("versions/live", { file: "providers API" }, message, hint));
}

export function providerUrl(client: ProvidersClient, namespace: string): URL {
  let base: URL;
  try {
    base = new URL(client.endpoint);
  } catch {
    fail(`--endpoint "${client.endpoint}" is not a URL`, "pass e.g. https://management.azure.com");
  }
  if (client.token && base.protocol !== "https:" && !isLoopback(base.hostname)) {
    fail(`refusing to send a bearer token over ${base.protocol.replace(":", "")} to ${base.hostname}`, "use an https:// endpoint");
  }
  const url = new URL(`${base.pathname.replace(/\/$/, "")}/subscriptions/${encodeURIComponent(client.subscriptionId)}/providers/${encodeURIComponent(namespace)}`, base);
  url.searchParams.set("api-version", PROVIDERS_API_VERSION);
  return url;
}

export async function providerResourceTypes(client: ProvidersClient, namespace: string): Promise<ProviderResourceType[]> {
  const url = providerUrl(client, namespace);
  const shown = `GET ${url.origin}${url.pathname}`;
  let response: PipelineResponse;
  try {
    // The runtime's transport: the answer is read up to its body limit, so an endpoint cannot flood memory.
    response = await defaultTransport({})({
      url: url.href,
      method: "GET",
      headers: { accept: "application/json", ...(client.token ? { authorization: `Bearer ${client.token}` } : {}) },
      body: undefined,
      signal: AbortSignal.timeout(30_000),
    });
  } catch (error) {
    if (error instanceof ResponseTooLarge) fail(`${shown} answered with a body over ${bytes(error.maxResponseBytes)}`, "is --endpoint an ARM endpoint?");
    const cause = errorCode(error) ?? (error as Error).name;
    fail(`${shown} failed: ${cause}`, "check --endpoint and the network");
  }
  const text = new TextDecoder().decode(response.body);
  let body: any;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  if (response.status < 200 || response.status > 299) {
    const code = body?.error?.code ? ` ${body.error.code}` : "";
    const message = body?.error?.message ? `: ${String(body.error.message).split("\n")[0]}` : "";
    const hint = response.status === 401 || response.status === 403
      ? "pass a valid ARM token with --token-env NAME (e.g. from `az account get-access-token --query accessToken -o tsv`)"
      : "check --subscription and the namespace";
    fail(`${shown} answered ${response.status}${code}${message}`, hint);
  }
  if (!body || !Array.isArray(body.resourceTypes)) fail(`${shown} answered without resourceTypes[]`, "is --endpoint an ARM endpoint?");
  return body.resourceTypes as ProviderResourceType[];
}
