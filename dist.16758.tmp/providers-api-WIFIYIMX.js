import {
  isLoopback
} from "./chunk-ONDIZD5R.js";
import {
  ResponseTooLarge,
  defaultTransport
} from "./chunk-WG5EOB7M.js";
import {
  UserError,
  bytes,
  problem
} from "./chunk-ZOVCPWKV.js";

// client-runtime/retry-strategies.ts
function errorCode(error) {
  for (let e = error, depth = 0; e && typeof e === "object" && depth < 5; e = e.cause, depth++) {
    const code = e.code;
    if (typeof code === "string") return code;
  }
  return void 0;
}

// cli/providers-api.ts
var PROVIDERS_API_VERSION = "2021-04-01";
function fail(message, hint) {
  throw new UserError(problem("versions/live", { file: "providers API" }, message, hint));
}
function providerUrl(client, namespace) {
  let base;
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
async function providerResourceTypes(client, namespace) {
  const url = providerUrl(client, namespace);
  const shown = `GET ${url.origin}${url.pathname}`;
  let response;
  try {
    response = await defaultTransport({})({
      url: url.href,
      method: "GET",
      headers: { accept: "application/json", ...client.token ? { authorization: `Bearer ${client.token}` } : {} },
      body: void 0,
      signal: AbortSignal.timeout(3e4)
    });
  } catch (error) {
    if (error instanceof ResponseTooLarge) fail(`${shown} answered with a body over ${bytes(error.maxResponseBytes)}`, "is --endpoint an ARM endpoint?");
    const cause = errorCode(error) ?? error.name;
    fail(`${shown} failed: ${cause}`, "check --endpoint and the network");
  }
  const text = new TextDecoder().decode(response.body);
  let body;
  try {
    body = JSON.parse(text);
  } catch {
    body = void 0;
  }
  if (response.status < 200 || response.status > 299) {
    const code = body?.error?.code ? ` ${body.error.code}` : "";
    const message = body?.error?.message ? `: ${String(body.error.message).split("\n")[0]}` : "";
    const hint = response.status === 401 || response.status === 403 ? "pass a valid ARM token with --token-env NAME (e.g. from `az account get-access-token --query accessToken -o tsv`)" : "check --subscription and the namespace";
    fail(`${shown} answered ${response.status}${code}${message}`, hint);
  }
  if (!body || !Array.isArray(body.resourceTypes)) fail(`${shown} answered without resourceTypes[]`, "is --endpoint an ARM endpoint?");
  return body.resourceTypes;
}
export {
  PROVIDERS_API_VERSION,
  providerResourceTypes,
  providerUrl
};
