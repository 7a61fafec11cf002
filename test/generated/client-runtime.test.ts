/**
 * The generated clients' runtime over real HTTP and HTTPS on 127.0.0.1 against a scripted server: retries,
 * timeouts and cancellation, typed errors in each service's own schema, redaction, telemetry, clouds and scopes.
 * Retry waits here are a few milliseconds (retryDelayInMs); the waiting itself is tested with fake timers in
 * test/runtime/retry.test.ts.
 */
import { inspect } from "node:util";
import { afterAll, beforeAll, beforeEach, describe, expect, expectTypeOf, it } from "vitest";
import {
  type TenantAccessRegeneratePrimaryKeyError, createApiManagementClient, isTenantAccessRegeneratePrimaryKeyError,
} from "@rekey/clients/apimanagement/2022-08-01";
import { type BatchAccountRegenerateKeyError, createBatchClient, isBatchAccountRegenerateKeyError } from "@rekey/clients/batch/2024-02-01";
import {
  type AccountsRegenerateKeysError, type components as MapsComponents, createMapsClient, isAccountsRegenerateKeysError,
  isRekeyError, RekeyError, RekeyOptionsError,
} from "@rekey/clients/maps/2023-06-01";
import { PACKAGE_VERSION } from "@rekey/clients";
import type { components as ApimComponents } from "@rekey/clients/apimanagement/2022-08-01";
import type { components as BatchComponents } from "@rekey/clients/batch/2024-02-01";
import { type ScriptedServer, startScriptedServer } from "../helpers/scripted-server.ts";

const TOKEN = "eyJ0eXAi.secret-token-9d1e.sig";
const PRIMARY = "pk-7c4f0a-SECRET-primary";
const SECONDARY = "sk-18b2e9-SECRET-secondary";
const FAST = { retryDelayInMs: 1, maxRetryDelayInMs: 4 };
const mapsArgs = { resourceGroupName: "rg", accountName: "acct", body: { keyType: "primary" as const } };
const keys = { primaryKey: PRIMARY, secondaryKey: SECONDARY, primaryKeyLastUpdated: "2026-01-01T00:00:00Z", secondaryKeyLastUpdated: "2026-01-01T00:00:00Z" };

let http: ScriptedServer;
let https: ScriptedServer;
beforeAll(async () => {
  [http, https] = await Promise.all([startScriptedServer(), startScriptedServer({ https: true })]);
});
afterAll(() => Promise.all([http.close(), https.close()]));
beforeEach(() => {
  http.reset();
  https.reset();
});

const maps = (server: ScriptedServer, extra: Partial<Parameters<typeof createMapsClient>[0]> = {}) =>
  createMapsClient({ credential: TOKEN, subscriptionId: "sub-1", endpoint: server.url, ca: server.cert, retry: FAST, ...extra });

/** Everything a log of the error could show. */
const printed = (e: unknown) => [String(e), (e as Error).stack ?? "", inspect(e, { depth: 10, showHidden: true }), JSON.stringify(e)].join("\n");

describe.each([["http", () => http], ["https", () => https]])("over %s", (_, server) => {
  it("returns the keys and sends the telemetry headers", async () => {
    server().script({ status: 200, body: keys });
    expect(await maps(server()).accounts.regenerateKeys(mapsArgs)).toEqual(keys);
    const [request] = server().requests;
    expect(request.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(request.headers["x-ms-client-request-id"]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(request.headers["user-agent"]).toMatch(new RegExp(`^rekey-clients/${PACKAGE_VERSION} maps/2023-06-01 Node/\\d+\\.\\d+\\.\\d+ \\(\\w+; \\w+\\)$`));
    expect(request.headers.accept).toBe("application/json");
    expect(request.query).toEqual({ "api-version": "2023-06-01" });
  });

  it("retries 429 and 503 after their retry-after headers, 500 and 408 with back-off, keeping the client request id", async () => {
    server().script(
      { status: 429, headers: { "retry-after-ms": "5" }, body: { error: { code: "TooManyRequests", message: "slow down" } } },
      { status: 503, headers: { "x-ms-retry-after-ms": "5" } },
      { status: 500, body: { error: { code: "InternalServerError", message: "oops" } } },
      { status: 200, body: keys },
    );
    expect(await maps(server()).accounts.regenerateKeys(mapsArgs)).toEqual(keys);
    const ids = server().requests.map((r) => r.headers["x-ms-client-request-id"]);
    expect(ids).toHaveLength(4);
    expect(new Set(ids).size).toBe(1);
    server().reset();
    server().script({ status: 408 }, { status: 200, body: keys });
    await maps(server()).accounts.regenerateKeys(mapsArgs);
    expect(server().requests).toHaveLength(2);
  });

  it("gives up after maxRetries and throws the last response as a typed error; 429 without retry-after is not retried", async () => {
    server().script(...Array.from({ length: 4 }, () => ({ status: 500, body: { error: { code: "InternalServerError", message: "still down" } } })));
    const failure = await maps(server()).accounts.regenerateKeys(mapsArgs).catch((e: unknown) => e);
    expect(failure).toMatchObject({ status: 500, code: "InternalServerError" });
    expect(server().requests).toHaveLength(4);
    server().reset();
    server().script({ status: 500 }, { status: 500 });
    await maps(server(), { retry: { ...FAST, maxRetries: 1 } }).accounts.regenerateKeys(mapsArgs).catch(() => {});
    expect(server().requests).toHaveLength(2);
    server().reset();
    server().script({ status: 429, body: { error: { code: "TooManyRequests", message: "no hint" } } });
    expect(await maps(server()).accounts.regenerateKeys(mapsArgs).catch((e: unknown) => e)).toMatchObject({ status: 429 });
    expect(server().requests).toHaveLength(1);
  });

  it("retries a dropped connection", async () => {
    server().script({ drop: true }, { status: 200, body: keys });
    expect(await maps(server()).accounts.regenerateKeys(mapsArgs)).toEqual(keys);
    expect(server().requests).toHaveLength(2);
  });

  it("times out a call (timeoutMs) and cancels one (signal)", async () => {
    server().script({ hang: true });
    const timedOut = await maps(server()).accounts.regenerateKeys(mapsArgs, { timeoutMs: 50 }).catch((e: unknown) => e);
    expect(timedOut).toMatchObject({ name: "TimeoutError", message: "Accounts_RegenerateKeys timed out after 50 ms" });
    server().script({ hang: true });
    const controller = new AbortController();
    const pending = maps(server()).accounts.regenerateKeys(mapsArgs, { signal: controller.signal }).catch((e: unknown) => e);
    setTimeout(() => controller.abort(), 20);
    expect(await pending).toMatchObject({ name: "AbortError" });
    // a timeout covers retry waits too
    server().script({ status: 503, headers: { "retry-after": "30" } });
    const before = server().requests.length;
    // The 503 must be answered before the timeout (so the wait it asks for is what times out), even on a loaded
    // machine: a request still in flight when the test ends would take the next test's scripted answer.
    const waiting = await maps(server(), { timeoutMs: 1_000 }).accounts.regenerateKeys(mapsArgs).catch((e: unknown) => e);
    expect(waiting).toMatchObject({ name: "TimeoutError" });
    expect(server().requests).toHaveLength(before + 1);
  });
});

describe("errors in each service's own schema, narrowed by status", () => {
  it("Maps: ARM ErrorResponse with code, message, target, details and x-ms-request-id", async () => {
    const body = { error: { code: "InvalidKeyType", message: "bad key type", target: "keyType", details: [{ code: "Inner", message: "more" }] } };
    https.script({ status: 400, headers: { "x-ms-request-id": "req-400" }, body });
    const failure = await maps(https).accounts.regenerateKeys(mapsArgs).catch((e: unknown) => e);
    expect(isAccountsRegenerateKeysError(failure)).toBe(true);
    expect(isRekeyError(failure)).toBe(true);
    expect(failure).toMatchObject({
      status: 400, code: "InvalidKeyType", serviceMessage: "bad key type", target: "keyType",
      details: [{ code: "Inner", message: "more" }], requestId: "req-400", body, operationId: "Accounts_RegenerateKeys",
    });
    expect((failure as RekeyError).clientRequestId).toBe(https.requests[0].headers["x-ms-client-request-id"]);
  });

  it("API Management: its ErrorResponse, and 200 instead of the documented 204 is an error", async () => {
    const apim = createApiManagementClient({ credential: TOKEN, subscriptionId: "sub", endpoint: https.url, ca: https.cert, retry: FAST });
    const args = { resourceGroupName: "rg1", serviceName: "apim1", accessName: "access" as const };
    https.script({ status: 404, body: { error: { code: "ResourceNotFound", message: "no such service" } } }, { status: 200, body: {} });
    const notFound = await apim.tenantAccess.regeneratePrimaryKey(args).catch((e: unknown) => e);
    expect(isTenantAccessRegeneratePrimaryKeyError(notFound) && notFound.status === 404 && notFound.body?.error?.code).toBe("ResourceNotFound");
    const unexpected = await apim.tenantAccess.regeneratePrimaryKey(args).catch((e: unknown) => e);
    expect(unexpected).toMatchObject({ status: 200, message: "TenantAccess_RegeneratePrimaryKey failed with status 200" });
  });

  it("Batch: CloudError", async () => {
    const batch = createBatchClient({ credential: TOKEN, subscriptionId: "sub", endpoint: https.url, ca: https.cert, retry: FAST });
    https.script({ status: 409, body: { error: { code: "AccountKeysDisabled", message: "shared keys are disabled", target: "allowedAuthenticationModes" } } });
    const failure = await batch.batchAccount.regenerateKey({ resourceGroupName: "rg", accountName: "acct1", body: { keyName: "Primary" } })
      .catch((e: unknown) => e);
    expect(isBatchAccountRegenerateKeyError(failure)).toBe(true);
    expect(isAccountsRegenerateKeysError(failure)).toBe(false);
    expect(failure).toMatchObject({ status: 409, code: "AccountKeysDisabled", target: "allowedAuthenticationModes" });
  });

  it("type-level: status narrows body to the service's error schema (unknown for an undocumented success)", () => {
    const check = (e: AccountsRegenerateKeysError, a: TenantAccessRegeneratePrimaryKeyError, b: BatchAccountRegenerateKeyError) => {
      if (e.status === 404) expectTypeOf(e.body).toEqualTypeOf<MapsComponents["schemas"]["ErrorResponse"] | undefined>();
      if (e.status === 201) expectTypeOf(e.body).toEqualTypeOf<unknown>();
      // @ts-expect-error 200 is Maps' documented success, never an error status
      if (e.status === 200) return;
      if (a.status === 500) expectTypeOf(a.body).toEqualTypeOf<ApimComponents["schemas"]["ErrorResponse"] | undefined>();
      if (a.status === 200) expectTypeOf(a.body).toEqualTypeOf<unknown>();
      if (b.status === 409) expectTypeOf(b.body).toEqualTypeOf<BatchComponents["schemas"]["CloudError"] | undefined>();
      expectTypeOf(e.code).toEqualTypeOf<string | undefined>();
      expectTypeOf(e.requestId).toEqualTypeOf<string | undefined>();
    };
    expect(check).toBeTypeOf("function");
  });
});

describe("redaction: errors never show the token or a key; results do", () => {
  it("an undocumented success carrying keys, an error echoing the token, and a broken body", async () => {
    https.script(
      { status: 200, body: keys },
      { status: 201, body: keys },
      { status: 401, body: { error: { code: "InvalidAuthenticationToken", message: `The access token '${TOKEN}' is invalid.`, details: [{ message: `key ${PRIMARY}` }] } } },
      { status: 200, headers: { "content-type": "application/json" }, body: `{"primaryKey":"${PRIMARY}","secondaryKey":"${SECONDARY}` },
      { status: 200, body: keys },
    );
    const client = maps(https);
    expect(await client.accounts.regenerateKeys(mapsArgs)).toEqual(keys); // the client has now seen the keys
    const failures = [];
    for (let i = 0; i < 3; i++) failures.push(await client.accounts.regenerateKeys(mapsArgs).catch((e: unknown) => e));
    expect(failures.map((f) => (f as RekeyError).status)).toEqual([201, 401, 200]);
    // 201 is not documented: its body is read against the error response, which declares none of these fields
    expect((failures[0] as RekeyError).body).toEqual({
      primaryKey: "[REDACTED]", secondaryKey: "[REDACTED]", primaryKeyLastUpdated: "<string, 20 chars>", secondaryKeyLastUpdated: "<string, 20 chars>",
    });
    expect((failures[1] as RekeyError).message).toBe("Accounts_RegenerateKeys failed with status 401 InvalidAuthenticationToken: The access token '[REDACTED]' is invalid.");
    expect((failures[2] as RekeyError).code).toBe("PARSE_ERROR");
    for (const failure of failures) {
      const text = printed(failure);
      for (const secret of [TOKEN, PRIMARY, SECONDARY]) expect(text).not.toContain(secret);
    }
    expect(await client.accounts.regenerateKeys(mapsArgs)).toEqual(keys);
  });

  it("deny by default: an error shows only the fields its schema declares, and never the token as a property name", async () => {
    const UNDECLARED = "pk-v2-6d1e-SECRET-undeclared";
    const LISTED = ["ak-1-SECRET-listed", "ak-2-SECRET-listed"];
    const error = {
      code: "KeyConflict", message: "the key is in use", target: "keyType",
      details: [{ code: "Inner", message: "declared detail", [TOKEN]: "token as a name", primary_key_v2: UNDECLARED }],
      primary_key_v2: UNDECLARED, keys: LISTED, [TOKEN]: TOKEN,
    };
    for (const middleware of [[], [{ onRequest: ({ request }: { request: Request }) => request }]]) {
      https.script(
        { status: 409, headers: { "x-ms-request-id": `req-${TOKEN}` }, body: { error, [TOKEN]: { keys: LISTED } } },
        { status: 202, body: { ...keys, primary_key_v2: UNDECLARED, keys: LISTED } },
        { status: 500, headers: { "content-type": "text/plain" }, body: `upstream said ${UNDECLARED}` },
      );
      const client = maps(https, { middleware, retry: { maxRetries: 0 } });
      const failures: RekeyError[] = [];
      for (let i = 0; i < 3; i++) failures.push(await client.accounts.regenerateKeys(mapsArgs).then(() => { throw new Error("resolved"); }, (e: RekeyError) => e));
      expect(failures.map((f) => f.status)).toEqual([409, 202, 500]);
      for (const failure of failures) {
        const text = printed(failure);
        for (const secret of [TOKEN, UNDECLARED, ...LISTED]) expect(text, `${failure.status}: ${secret}`).not.toContain(secret);
      }
      const [conflict, accepted] = failures;
      expect(conflict.message).toBe("Accounts_RegenerateKeys failed with status 409 KeyConflict: the key is in use");
      expect(conflict).toMatchObject({ code: "KeyConflict", serviceMessage: "the key is in use", target: "keyType", requestId: "req-[REDACTED]" });
      expect(conflict.details).toEqual([{ code: "Inner", message: "declared detail", "[REDACTED]": "<string, 15 chars>", primary_key_v2: `<string, ${UNDECLARED.length} chars>` }]);
      expect((conflict.body as { error: Record<string, unknown> }).error.keys).toEqual(LISTED.map((k) => `<string, ${k.length} chars>`));
      expect(accepted.body).toMatchObject({ primaryKey: "[REDACTED]", primary_key_v2: `<string, ${UNDECLARED.length} chars>` });
    }
  });

  it("a TokenCredential's token is scrubbed too", async () => {
    https.script({ status: 403, body: { error: { code: "AuthorizationFailed", message: `token ${TOKEN}-from-cred denied` } } });
    const credential = { getToken: async () => ({ token: `${TOKEN}-from-cred`, expiresOnTimestamp: Date.now() + 3_600_000 }) };
    const failure = await maps(https, { credential }).accounts.regenerateKeys(mapsArgs).catch((e: unknown) => e);
    expect(printed(failure)).not.toContain(TOKEN);
  });
});

describe("clouds, scopes and endpoints", () => {
  const scopesAsked = () => {
    const scopes: unknown[] = [];
    return { scopes, credential: { getToken: async (s: string | string[]) => (scopes.push(s), { token: "t", expiresOnTimestamp: Date.now() + 3_600_000 }) } };
  };

  it.each([
    // a custom endpoint without cloud or scope asks for the endpoint's own scope, as Azure's SDK does
    [{}, "<endpoint>/.default"],
    [{ cloud: "public" as const }, "https://management.azure.com/.default"],
    [{ cloud: "china" as const }, "https://management.chinacloudapi.cn/.default"],
    [{ cloud: "usgov" as const }, "https://management.usgovcloudapi.net/.default"],
    [{ scope: "https://management.core.windows.net//.default" }, "https://management.core.windows.net//.default"],
  ])("%j asks for %s (requests go to the test server through endpoint)", async (cloud, scope) => {
    const { scopes, credential } = scopesAsked();
    https.script({ status: 200, body: keys });
    await createMapsClient({ credential, subscriptionId: "s", ...cloud, endpoint: https.url, ca: https.cert }).accounts.regenerateKeys(mapsArgs);
    expect(scopes).toEqual([[scope.replace("<endpoint>", https.url)]]);
  });

  it("a cloud alone sets the endpoint", async () => {
    const seen: string[] = [];
    const client = createMapsClient({
      credential: TOKEN, subscriptionId: "s", cloud: "china", retry: { maxRetries: 0 },
      fetch: async (request) => (seen.push(request.url), new Response(JSON.stringify(keys), { status: 200, headers: { "content-type": "application/json" } })),
    });
    await client.accounts.regenerateKeys(mapsArgs);
    expect(seen[0]).toMatch(/^https:\/\/management\.chinacloudapi\.cn\/subscriptions\/s\//);
  });

  it.each([
    [{ cloud: "germany" }, 'cloud: unknown cloud "germany": use one of "public", "china", "usgov", or set endpoint and scope'],
    [{ endpoint: "management.azure.com" }, 'endpoint: "management.azure.com" is not an absolute URL: use e.g. "https://management.azure.com"'],
    [{ endpoint: "http://10.0.0.1:8080" }, "endpoint: refusing to send a bearer token over http to 10.0.0.1:8080: use https:// (plain http is allowed only to loopback)"],
    [{ apiVersion: "2021-02-01" }, "apiVersion: this client is pinned to api-version 2023-06-01; import the entry point of the api-version you need instead"],
    [{ credential: undefined }, "credential: pass a TokenCredential (e.g. new DefaultAzureCredential() from @azure/identity), a bearer token string or a function returning one"],
    [{ retry: { maxRetries: -1 } }, "retry.maxRetries: -1 must be a number ≥ 0"],
  ])("bad option %j → one clear line", (bad, message) => {
    const create = () => createMapsClient({ credential: TOKEN, subscriptionId: "s", ...(bad as object) } as Parameters<typeof createMapsClient>[0]);
    expect(create).toThrow(RekeyOptionsError);
    expect(create).toThrow(message);
  });

  it("sends plain http to loopback only", async () => {
    for (const host of ["127.0.0.1", "localhost"]) {
      http.script({ status: 200, body: keys });
      const url = http.url.replace("127.0.0.1", host);
      await createMapsClient({ credential: TOKEN, subscriptionId: "s", endpoint: url }).accounts.regenerateKeys(mapsArgs);
    }
    expect(http.requests).toHaveLength(2);
  });
});

describe.each([
  ["straight to the pipeline", []],
  ["through openapi-fetch (caller middleware)", [{ onRequest: ({ request }: { request: Request }) => request }]],
])("a call going %s", (_, middleware) => {
  const client = () => maps(https, { middleware });
  it("resolves keys, retries, narrows errors and redacts", async () => {
    https.script({ status: 503, headers: { "retry-after-ms": "1" } }, { status: 200, body: keys });
    expect(await client().accounts.regenerateKeys(mapsArgs)).toEqual(keys);
    expect(https.requests.map((r) => r.headers["x-ms-client-request-id"])).toEqual([https.requests[0].headers["x-ms-client-request-id"], https.requests[0].headers["x-ms-client-request-id"]]);
    expect(JSON.parse(https.requests[0].body)).toEqual({ keyType: "primary" });
    expect(https.requests[0].headers["content-type"]).toBe("application/json");
    https.script({ status: 202, body: keys }, { status: 404, headers: { "x-ms-request-id": "r-404" }, body: { error: { code: "ResourceNotFound", message: "gone" } } });
    const c = client();
    const unexpected = await c.accounts.regenerateKeys(mapsArgs).catch((e: unknown) => e);
    expect(unexpected).toMatchObject({ status: 202, body: { primaryKey: "[REDACTED]", secondaryKey: "[REDACTED]" } });
    expect(printed(unexpected)).not.toContain(PRIMARY);
    expect(await c.accounts.regenerateKeys(mapsArgs).catch((e: unknown) => e)).toMatchObject({ status: 404, code: "ResourceNotFound", requestId: "r-404" });
  });

  it("sends API Management's bodiless POST and resolves 204 to undefined", async () => {
    const apim = createApiManagementClient({ credential: TOKEN, subscriptionId: "sub", endpoint: https.url, ca: https.cert, middleware });
    https.script({ status: 204 });
    expect(await apim.tenantAccess.regeneratePrimaryKey({ resourceGroupName: "rg1", serviceName: "apim1", accessName: "access" })).toBeUndefined();
    expect(https.requests[0].headers["content-type"]).toBeUndefined();
    expect(https.requests[0].headers["content-length"]).toBe("0");
    expect(https.requests[0].body).toBe("");
  });
});

describe("middleware and api-version", () => {
  it("runs the caller's openapi-fetch middleware objects and keeps the pinned api-version", async () => {
    const seen: string[] = [];
    https.script({ status: 200, body: keys });
    const client = maps(https, {
      middleware: [{
        onRequest: ({ request }) => {
          seen.push(`request ${new URL(request.url).searchParams.get("api-version")}`);
          request.headers.set("x-custom", "yes");
          return request;
        },
        onResponse: ({ response }) => void seen.push(`response ${response.status}`),
      }],
    });
    await client.accounts.regenerateKeys(mapsArgs);
    expect(seen).toEqual(["request 2023-06-01", "response 200"]);
    expect(https.requests[0].headers["x-custom"]).toBe("yes");
  });
});
