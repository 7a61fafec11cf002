/**
 * A hand-written ARM-like endpoint for two key-regeneration operations — Maps `Accounts_RegenerateKeys` 2026-12-01
 * and Batch `BatchAccount_RegenerateKey` 2024-02-01 — coded from the spec files and ARM's documented behaviour, not from
 * rekey's mock or spec model: an independent implementation the conformance runner must not raise alarms against.
 * Order of refusals (as the mock's pipeline.ts gives ARM's): route, method, api-version, authentication, path names, Content-Type,
 * resource existence, body. A `bug` breaks the contract in one named way (tests that the runner notices).
 */
import { randomBytes, randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { listenOnLoopback } from "./loopback.ts";

export type ServerBug = "accept-unknown-key-type" | "no-correlation-echo" | "regenerate-both-keys";

export interface ConformingArmServerOptions {
  /** The bearer token the server accepts. */
  token: string;
  bug?: ServerBug;
}

export interface ConformingArmServer {
  url: string;
  close(): Promise<void>;
}

interface Account {
  name: string;
  keys: Record<string, string>;
  /** When each key was last regenerated (Maps reports it). */
  updated: Record<string, string>;
}

interface Provider {
  namespace: string;
  type: string;
  action: string;
  apiVersion: string;
  subscriptionValid(value: string): boolean;
  accountNameValid(value: string): boolean;
  /** The body property naming the key, and its values as the spec spells them. */
  keyField: string;
  keyNames: string[];
  newKey(): string;
  answer(account: Account): Record<string, string>;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const RESOURCE_GROUP = /^[-\w._()]{1,90}$/;

const MAPS: Provider = {
  namespace: "Microsoft.Maps", type: "accounts", action: "regenerateKey", apiVersion: "2026-12-01",
  subscriptionValid: (value) => UUID.test(value),
  accountNameValid: (value) => /^[^%&:\\/#?]+$/.test(value),
  keyField: "keyType", keyNames: ["primary", "secondary"],
  newKey: () => randomBytes(32).toString("base64url"),
  answer: (a) => ({
    primaryKey: a.keys.primary, primaryKeyLastUpdated: a.updated.primary,
    secondaryKey: a.keys.secondary, secondaryKeyLastUpdated: a.updated.secondary,
  }),
};

const BATCH: Provider = {
  namespace: "Microsoft.Batch", type: "batchAccounts", action: "regenerateKeys", apiVersion: "2024-02-01",
  // Batch's own 2024-02-01 subscriptionId parameter has no format (common-types only arrive in 2025-06-01).
  subscriptionValid: (value) => value.length > 0,
  accountNameValid: (value) => /^[a-zA-Z0-9]{3,24}$/.test(value),
  keyField: "keyName", keyNames: ["Primary", "Secondary"],
  newKey: () => randomBytes(64).toString("base64"),
  answer: (a) => ({ accountName: a.name, primary: a.keys.Primary, secondary: a.keys.Secondary }),
};

/** The accounts the spec examples address. */
const SEEDS: Array<[Provider, string, string, string]> = [
  [MAPS, "00000000-0000-0000-0000-000000000000", "myResourceGroup", "myMapsAccount"],
  [BATCH, "subid", "default-azurebatch-japaneast", "sampleacct"],
];

class HttpError extends Error {
  constructor(readonly status: number, readonly code: string, message: string, readonly headers: Record<string, string> = {}) {
    super(message);
  }
}

const lower = (s: string) => s.toLowerCase();
const accountKey = (p: Provider, subscription: string, group: string, name: string) =>
  lower(`${subscription}/${group}/${p.namespace}/${p.type}/${name}`);

/** /subscriptions/{s}/resourceGroups/{rg}/providers/{ns}/{type}/{name}/{action}, fixed segments compared case-insensitively. */
function route(pathname: string): { provider: Provider; raw: [string, string, string] } | undefined {
  const s = pathname.split("/");
  if (s.length !== 10 || s[0] !== "" || lower(s[1]) !== "subscriptions" || lower(s[3]) !== "resourcegroups" || lower(s[5]) !== "providers") return undefined;
  const provider = [MAPS, BATCH].find((p) => lower(s[6]) === lower(p.namespace) && lower(s[7]) === lower(p.type) && lower(s[9]) === lower(p.action));
  return provider && { provider, raw: [s[2], s[4], s[8]] };
}

function decode(segment: string, what: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw new HttpError(400, "InvalidParameter", `The ${what} '${segment}' is not correctly percent-encoded.`);
  }
}

export async function startConformingArmServer(options: ConformingArmServerOptions): Promise<ConformingArmServer> {
  const accounts = new Map<string, Account>();
  let lastStamp = 0;
  /** ISO timestamps that strictly advance, even within one millisecond. */
  const stamp = () => new Date((lastStamp = Math.max(Date.now(), lastStamp + 1))).toISOString();
  for (const [provider, subscription, group, name] of SEEDS) {
    const keys = Object.fromEntries(provider.keyNames.map((k) => [k, provider.newKey()]));
    const updated = Object.fromEntries(provider.keyNames.map((k) => [k, stamp()]));
    accounts.set(accountKey(provider, subscription, group, name), { name, keys, updated });
  }

  const regenerate = (req: IncomingMessage, url: URL, text: string): Record<string, string> => {
    const found = route(url.pathname);
    if (!found) throw new HttpError(404, "NotFound", `No HTTP resource was found that matches the request URI '${url.pathname}'.`);
    const { provider: p } = found;
    if (req.method !== "POST") throw new HttpError(405, "MethodNotAllowed", `The requested resource does not support http method '${req.method}'.`, { allow: "POST" });
    const version = url.searchParams.get("api-version");
    if (!version) throw new HttpError(400, "MissingApiVersionParameter", "The api-version query parameter (?api-version=) is required for all requests.");
    if (version !== p.apiVersion) {
      throw new HttpError(400, "NoRegisteredProviderFound", `No registered resource provider found for location 'westus' and API version '${version}' for type '${p.type}'. The supported api-versions are '${p.apiVersion}'. The supported locations are 'westus'.`);
    }
    const authorization = req.headers.authorization;
    if (!authorization) throw unauthorized("AuthenticationFailed", "Authentication failed. The 'Authorization' header is missing.");
    const bearer = /^Bearer (\S+)$/i.exec(authorization);
    if (!bearer) throw unauthorized("AuthenticationFailedInvalidHeader", "Authentication failed. The 'Authorization' header is provided in an invalid format.");
    if (bearer[1] !== options.token) throw unauthorized("InvalidAuthenticationToken", "The access token is invalid.");

    const [subscription, group, name] = [decode(found.raw[0], "subscription id"), decode(found.raw[1], "resource group name"), decode(found.raw[2], "account name")];
    if (!p.subscriptionValid(subscription)) throw new HttpError(400, "InvalidSubscriptionId", `The provided subscription identifier '${subscription}' is malformed or invalid.`);
    if (!RESOURCE_GROUP.test(group)) throw new HttpError(400, "InvalidParameter", `The resource group name '${group}' is invalid: 1 to 90 letters, digits, '-', '_', '.', '(' or ')'.`);
    if (!p.accountNameValid(name)) throw new HttpError(400, "InvalidParameter", `The account name '${name}' is invalid.`);

    const mediaType = req.headers["content-type"]?.split(";")[0].trim().toLowerCase();
    if (mediaType !== "application/json") {
      throw new HttpError(415, "UnsupportedMediaType", `The content media type '${req.headers["content-type"] ?? "<null>"}' is not supported. Only 'application/json' is supported.`);
    }
    const account = accounts.get(accountKey(p, subscription, group, name));
    if (!account) {
      throw new HttpError(404, "ResourceNotFound", `The Resource '${p.namespace}/${p.type}/${name}' under resource group '${group}' was not found. For more details please go to https://aka.ms/ARMResourceNotFoundFix`);
    }

    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch (error) {
      throw new HttpError(400, "InvalidRequestContent", `The request content was invalid and could not be deserialized: '${(error as Error).message}'.`);
    }
    if (body === null || typeof body !== "object" || Array.isArray(body)) {
      throw new HttpError(400, "InvalidRequestContent", "The request content was invalid and could not be deserialized: a JSON object is expected.");
    }
    const value = (body as Record<string, unknown>)[p.keyField];
    if (value === undefined) throw new HttpError(400, "InvalidParameter", `The '${p.keyField}' property is required.`);
    if (typeof value !== "string") throw new HttpError(400, "InvalidRequestContent", `The '${p.keyField}' property must be a string.`);
    // Azure RPs parse enum values case-insensitively.
    const key = p.keyNames.find((k) => lower(k) === lower(value));
    if (!key) {
      if (options.bug === "accept-unknown-key-type") return p.answer(account);
      throw new HttpError(400, "InvalidParameter", `The ${p.keyField} '${value}' is invalid. Valid values are ${p.keyNames.map((k) => `'${k}'`).join(" and ")}.`);
    }
    for (const k of options.bug === "regenerate-both-keys" ? p.keyNames : [key]) {
      account.keys[k] = p.newKey();
      account.updated[k] = stamp();
    }
    return p.answer(account);
  };

  const handle = (req: IncomingMessage, res: ServerResponse, text: string): void => {
    const returnClientId = lower(String(req.headers["x-ms-return-client-request-id"] ?? "")) === "true";
    const correlation = req.headers["x-ms-correlation-request-id"];
    const headers: Record<string, string> = {
      // ARM's own are GUIDs, a resource provider's need not be: the runner must not require one
      "x-ms-request-id": `rp-${randomBytes(6).toString("hex")}`,
      "x-ms-correlation-request-id": typeof correlation === "string" && options.bug !== "no-correlation-echo" ? correlation : randomUUID(),
      "cache-control": "no-cache",
      "content-type": "application/json; charset=utf-8",
    };
    const clientId = req.headers["x-ms-client-request-id"];
    if (returnClientId && typeof clientId === "string") headers["x-ms-client-request-id"] = clientId;
    let status = 200;
    let payload: unknown;
    try {
      payload = regenerate(req, new URL(req.url ?? "/", "http://127.0.0.1"), text);
    } catch (error) {
      if (!(error instanceof HttpError)) throw error;
      [status, payload] = [error.status, { error: { code: error.code, message: error.message } }];
      Object.assign(headers, error.headers);
    }
    res.writeHead(status, headers).end(JSON.stringify(payload));
  };

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => handle(req, res, Buffer.concat(chunks).toString("utf8")));
  });
  const { port, close } = await listenOnLoopback(server);
  return { url: `http://127.0.0.1:${port}`, close };
}

/** ARM's 401 carries a Bearer challenge (as ARM answers an anonymous call). */
function unauthorized(code: string, message: string): HttpError {
  return new HttpError(401, code, message, {
    "www-authenticate": `Bearer authorization_uri="https://login.windows.net/", error="invalid_token", error_description="${message.replace(/"/g, "'")}"`,
  });
}
