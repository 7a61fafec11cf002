/**
 * The long-running poller over real HTTP on 127.0.0.1, against scripted servers playing ARM's asynchronous contract
 * step by step: status monitor and Location polling, final-state-via, Retry-After, terminal states and their typed
 * errors, resume tokens, abort and overall timeout, and host pinning (a second server on another port is another
 * host, and must never see a request).
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type ArmClientOptions, createArmClient, type OperationSpec, type RequestSpec } from "../../client-runtime/arm-client.ts";
import { RekeyError, RekeyOperationFailedError, RekeyOptionsError } from "../../client-runtime/errors.ts";
import type { LongRunningSpec } from "../../client-runtime/poller.ts";
import { type ScriptedServer, startScriptedServer } from "../helpers/scripted-server.ts";

const TOKEN = "lro-bearer-token-5e2a";
const KEY = "regenerated-key-SECRET-77f1";

let server: ScriptedServer;
let elsewhere: ScriptedServer;
beforeAll(async () => {
  [server, elsewhere] = await Promise.all([startScriptedServer(), startScriptedServer()]);
});
afterAll(() => Promise.all([server.close(), elsewhere.close()]));
beforeEach(() => {
  server.reset();
  elsewhere.reset();
});

const lro = (longRunning: Partial<LongRunningSpec> = {}): OperationSpec => ({
  operationId: "Widgets_RegenerateKey",
  successStatuses: [200, 202],
  secretPaths: ["/key"],
  errorShownPaths: { default: ["/error/code", "/error/message"] },
  longRunning: { method: "POST", finalStateVia: "location", acceptedStatus: 202, finalStatuses: [200], ...longRunning },
});
const REQUEST: RequestSpec = { method: "POST", path: "/widgets/{name}/regenerateKey", params: { path: { name: "w1" }, query: { "api-version": "2024-01-01" } }, body: { keyName: "key1" } };
const client = (extra: Partial<ArmClientOptions> = {}) =>
  createArmClient<{}>({ credential: TOKEN, endpoint: server.url, retry: { maxRetries: 0 }, ...extra }, { defaultEndpoint: server.url, apiVersion: "2024-01-01", userAgent: "test" });

const statusUrl = (base = server.url) => `${base}/subscriptions/s/providers/Example.Widgets/locations/westus/operationStatuses/op-1?api-version=2024-01-01`;
const resultUrl = (base = server.url) => `${base}/subscriptions/s/providers/Example.Widgets/locations/westus/operationResults/op-1?api-version=2024-01-01`;
const accepted = (headers: Record<string, string>) => ({ status: 202, headers: { "retry-after": "0", ...headers } });
const status = (value: string, extra: object = {}) => ({ status: 200, headers: { "retry-after": "0" }, body: { id: "/op", name: "op-1", status: value, ...extra } });
const FAST = { pollIntervalMs: 1 };

describe("following the operation to its final result", () => {
  it("status monitor, then the final result at Location (final-state-via location), every request authorised", async () => {
    server.script(
      accepted({ "azure-asyncoperation": statusUrl(), location: resultUrl() }),
      status("InProgress", { percentComplete: 50 }),
      status("succeeded"),
      { status: 200, body: { key: KEY } },
    );
    const poller = client().begin<{ key: string }>(lro(), FAST, REQUEST);
    expect(await poller).toEqual({ key: KEY });
    expect(poller).toMatchObject({ status: "Succeeded", isDone: true, result: { key: KEY }, percentComplete: 50 });
    expect(server.requests.map((r) => `${r.method} ${r.path.split("/").at(-2)}`)).toEqual(
      ["POST w1", "GET operationStatuses", "GET operationStatuses", "GET operationResults"]);
    expect(server.requests.every((r) => r.headers.authorization === `Bearer ${TOKEN}`)).toBe(true);
    expect(server.requests.every((r) => r.headers["user-agent"]?.startsWith("test "))).toBe(true);
    expect(new Set(server.requests.map((r) => r.headers["x-ms-client-request-id"])).size).toBe(4);
  });

  it("Location only: 202 while in progress (the Location may move), then the final 200", async () => {
    const moved = `${server.url}/moved?api-version=2024-01-01`;
    server.script(accepted({ location: resultUrl() }), accepted({ location: moved }), { status: 200, body: { key: KEY } });
    expect(await client().begin(lro(), FAST, REQUEST)).toEqual({ key: KEY });
    expect(server.requests.map((r) => r.path.split("/").at(-1))).toEqual(["regenerateKey", "op-1", "moved"]);
  });

  it("final-state-via azure-async-operation: the status body is the result, no further request", async () => {
    server.script(accepted({ "azure-asyncoperation": statusUrl(), location: resultUrl() }), status("Succeeded"));
    expect(await client().begin(lro({ finalStateVia: "azure-async-operation" }), FAST, REQUEST)).toMatchObject({ status: "Succeeded" });
    expect(server.requests).toHaveLength(2);
  });

  it("final-state-via original-uri reads the request URL back", async () => {
    server.script(accepted({ "azure-asyncoperation": statusUrl() }), status("Succeeded"), { status: 200, body: { key: KEY } });
    expect(await client().begin(lro({ finalStateVia: "original-uri" }), FAST, REQUEST)).toEqual({ key: KEY });
    expect(server.requests.at(-1)).toMatchObject({ method: "GET", path: "/widgets/w1/regenerateKey", query: { "api-version": "2024-01-01" } });
  });

  it("a PUT answered 201 with a status monitor is running too, and its result is read at the request URL", async () => {
    server.script({ status: 201, headers: { "azure-asyncoperation": statusUrl(), "retry-after": "0" }, body: { key: "creating" } }, status("Succeeded"), { status: 200, body: { key: KEY } });
    const put = { ...lro({ method: "PUT", finalStateVia: "original-uri" }), successStatuses: [200, 201, 202] };
    expect(await client().begin(put, FAST, { ...REQUEST, method: "PUT" })).toEqual({ key: KEY });
    expect(server.requests.map((r) => r.method)).toEqual(["PUT", "GET", "GET"]);
    expect(server.requests[2]!.path).toBe("/widgets/w1/regenerateKey");
  });

  it("a start answered 200 is done at once: no polling, no resume token", async () => {
    server.script({ status: 200, body: { key: KEY } });
    const poller = client().begin(lro(), FAST, REQUEST);
    await poller.submitted();
    expect(poller).toMatchObject({ isDone: true, status: "Succeeded", resumeToken: undefined });
    expect(await poller).toEqual({ key: KEY });
    expect(server.requests).toHaveLength(1);
  });

  it("step by step: poll() sends one request and says the status; onProgress hears each answer", async () => {
    server.script(accepted({ location: resultUrl() }), accepted({}), { status: 200, body: { key: KEY } });
    const poller = client().begin(lro(), undefined, REQUEST);
    const heard: string[] = [];
    poller.onProgress((p) => heard.push(p.status));
    await poller.submitted();
    expect(server.requests).toHaveLength(1);
    expect(await poller.poll()).toBe("InProgress");
    expect(poller.isDone).toBe(false);
    expect(await poller.poll()).toBe("Succeeded");
    expect(await poller.poll()).toBe("Succeeded"); // done: no request
    expect(server.requests).toHaveLength(3);
    expect(heard).toEqual(["InProgress", "Succeeded"]);
    expect(poller.result).toEqual({ key: KEY });
  });
});

describe("waiting", () => {
  it("waits as long as Retry-After asks (whole seconds), and pollIntervalMs when it is absent", async () => {
    server.script(accepted({ location: resultUrl(), "retry-after": "1" }), { status: 202 }, { status: 200, body: {} });
    await client().begin(lro(), { pollIntervalMs: 300 }, REQUEST);
    expect(server.requests).toHaveLength(3);
    const [start, first, second] = server.requests.map((r) => r.receivedAt);
    expect(first! - start!).toBeGreaterThanOrEqual(950);
    expect(second! - first!).toBeGreaterThanOrEqual(280);
  });

  it("Retry-After: 0 means soon, not a busy loop: 50 ms apart by default, as short as a shorter pollIntervalMs", async () => {
    server.script(accepted({ location: resultUrl() }), accepted({}), accepted({}), { status: 200, body: {} });
    await client().begin(lro(), undefined, REQUEST);
    const gaps = server.requests.slice(1).map((r, i) => r.receivedAt - server.requests[i]!.receivedAt);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(45);
    expect(Math.max(...gaps)).toBeLessThan(1500); // not the 2000 ms pollIntervalMs: the service's 0 was read
    server.reset();
    server.script(accepted({ location: resultUrl() }), accepted({}), { status: 200, body: {} });
    const start = Date.now();
    await client().begin(lro(), { pollIntervalMs: 1 }, REQUEST);
    expect(server.requests).toHaveLength(3);
    expect(Date.now() - start).toBeLessThan(1000);
  });

  it("an abort mid-poll rejects with the signal's reason; the operation can be awaited again later", async () => {
    server.script(accepted({ location: resultUrl() }), { hang: true });
    const controller = new AbortController();
    const poller = client().begin(lro(), { ...FAST, signal: controller.signal }, REQUEST);
    const outcome = poller.then(() => "resolved", (e: unknown) => e);
    while (server.requests.length < 2) await new Promise((r) => setTimeout(r, 5));
    controller.abort(new Error("stop polling"));
    expect(await outcome).toMatchObject({ message: "stop polling" });
    expect(poller.isDone).toBe(false);
  });

  it("the operation's timeoutMs bounds the whole operation and rejects with a TimeoutError", async () => {
    server.script(accepted({ location: resultUrl() }), { hang: true });
    const failure = await client().begin(lro(), { ...FAST, timeoutMs: 300 }, REQUEST).then(() => undefined, (e: unknown) => e);
    expect(failure).toBeInstanceOf(DOMException);
    expect((failure as DOMException).name).toBe("TimeoutError");
  });
});

describe("ending without a result", () => {
  it.each([["Failed", "failed"], ["Canceled", "Cancelled"]])("%s rejects with a RekeyOperationFailedError carrying the error object", async (name, written) => {
    server.script(accepted({ "azure-asyncoperation": statusUrl() }), status(written, { error: { code: "KeyVaultUnreachable", message: `could not store ${KEY}` } }));
    const poller = client().begin(lro(), FAST, REQUEST);
    const failure = await poller.then(() => undefined, (e: unknown) => e);
    expect(failure).toBeInstanceOf(RekeyOperationFailedError);
    expect(failure).toBeInstanceOf(RekeyError);
    const error = failure as RekeyOperationFailedError<{ error: { code: string } }>;
    expect(error).toMatchObject({ operationStatus: name, code: "KeyVaultUnreachable", operationId: "Widgets_RegenerateKey", status: 200 });
    expect(error.body?.error.code).toBe("KeyVaultUnreachable");
    expect(error.message).toMatch(new RegExp(`ended ${name} KeyVaultUnreachable`));
    expect(poller).toMatchObject({ status: name, isDone: true, error });
    await expect(poller.poll()).rejects.toBe(error);
  });

  it("onProgress hears the poll that ended the operation, whether by status or by an error status", async () => {
    for (const ending of [status("Failed"), { status: 404, body: { error: { code: "NotFound", message: "gone" } } }]) {
      server.reset();
      server.script(accepted({ "azure-asyncoperation": statusUrl() }), ending);
      const poller = client().begin(lro(), FAST, REQUEST);
      const heard: string[] = [];
      poller.onProgress((p) => heard.push(p.status));
      await poller.then(() => undefined, () => undefined);
      expect(heard).toEqual(["Failed"]);
    }
  });

  it("an error status from a poll rejects with the service's error", async () => {
    server.script(accepted({ location: resultUrl() }), { status: 409, body: { error: { code: "Conflict", message: "another rotation runs" } } });
    const failure = await client().begin(lro(), FAST, REQUEST).then(() => undefined, (e: unknown) => e);
    expect(failure).toBeInstanceOf(RekeyError);
    expect(failure).toMatchObject({ status: 409, code: "Conflict", serviceMessage: "another rotation runs" });
  });

  it("a 202 without any polling header, and a status body without a status, are errors that say so", async () => {
    server.script(accepted({}));
    await expect(client().begin(lro(), FAST, REQUEST).then()).rejects.toMatchObject({ code: "NO_POLLING_URL" });
    server.script(accepted({ "azure-asyncoperation": statusUrl() }), { status: 200, body: { name: "op-1" } });
    await expect(client().begin(lro(), FAST, REQUEST).then()).rejects.toMatchObject({ code: "INVALID_STATUS_BODY" });
  });
});

describe("secrets", () => {
  it("keys a 202 carried and the bearer token are scrubbed from a later poll's error", async () => {
    server.script(
      { status: 202, headers: { location: resultUrl(), "retry-after": "0" }, body: { key: KEY } },
      { status: 400, body: { error: { code: "BadKey", message: `key ${KEY} rejected for ${TOKEN}` } } },
    );
    const failure = await client().begin(lro(), FAST, REQUEST).then(() => undefined, (e: unknown) => e) as RekeyError;
    expect(failure.code).toBe("BadKey");
    const printed = `${failure.message} ${JSON.stringify(failure)}`;
    expect(printed).toContain("[REDACTED]");
    expect(printed).not.toContain(KEY);
    expect(printed).not.toContain(TOKEN);
  });
});

describe("host pinning", () => {
  it.each([
    ["a status monitor on another port", () => accepted({ "azure-asyncoperation": statusUrl(elsewhere.url) })],
    ["a Location on another port", () => accepted({ location: resultUrl(elsewhere.url) })],
    ["a relative Location", () => accepted({ location: "/subscriptions/s/operationResults/op-1" })],
    ["a status monitor over another scheme", () => accepted({ "azure-asyncoperation": statusUrl().replace("http:", "https:") })],
  ])("%s is refused without a request", async (_, answer) => {
    server.script(answer());
    const failure = await client().begin(lro(), FAST, REQUEST).then(() => undefined, (e: unknown) => e);
    expect(failure).toMatchObject({ code: "POLLING_URL_REFUSED" });
    expect(server.requests).toHaveLength(1);
    expect(elsewhere.requests).toHaveLength(0);
  });

  it("so are a polling URL moved off the host mid-way and a resourceLocation elsewhere", async () => {
    server.script(accepted({ location: resultUrl() }), accepted({ location: resultUrl(elsewhere.url) }));
    await expect(client().begin(lro(), FAST, REQUEST).then()).rejects.toMatchObject({ code: "POLLING_URL_REFUSED" });
    server.script(accepted({ "azure-asyncoperation": statusUrl() }), status("Succeeded", { resourceLocation: resultUrl(elsewhere.url) }));
    await expect(client().begin(lro(), FAST, REQUEST).then()).rejects.toMatchObject({ code: "POLLING_URL_REFUSED" });
    expect(elsewhere.requests).toHaveLength(0);
  });
});

describe("resume tokens", () => {
  const begun = async () => {
    server.script(accepted({ "azure-asyncoperation": statusUrl(), location: resultUrl() }));
    const poller = client().begin(lro(), FAST, REQUEST);
    await poller.submitted();
    return poller.resumeToken!;
  };
  const decoded = (token: string) => Buffer.from(token.replace(/^rekey-lro\.1\./, ""), "base64url").toString("utf8");
  const encoded = (fields: object) => `rekey-lro.1.${Buffer.from(JSON.stringify(fields)).toString("base64url")}`;

  it("a new client continues from the token alone; the token holds URLs, never the bearer token", async () => {
    const token = await begun();
    expect(decoded(token)).not.toContain(TOKEN);
    expect(JSON.parse(decoded(token))).toEqual({ operationId: "Widgets_RegenerateKey", mode: "status", pollingUrl: statusUrl(), resultUrl: resultUrl() });
    server.script(status("InProgress"), status("Succeeded"), { status: 200, body: { key: KEY } });
    const resumed = client({ credential: "another-token" }).resume<{ key: string }>(lro(), token, FAST);
    expect(await resumed).toEqual({ key: KEY });
    expect(server.requests.slice(1).map((r) => r.headers.authorization)).toEqual(["Bearer another-token", "Bearer another-token", "Bearer another-token"]);
    expect(resumed.resumeToken).not.toContain(KEY);
  });

  it.each([
    ["not a string", () => 42],
    ["another format", () => "eyJzdGF0ZSI6e319"],
    ["damaged base64", () => "rekey-lro.1.%%%"],
    ["truncated", async () => (await begun()).slice(0, -6)],
    ["an extra field", () => encoded({ operationId: "Widgets_RegenerateKey", mode: "status", pollingUrl: statusUrl(), resultUrl: null, token: "x" })],
    ["another operation", () => encoded({ operationId: "Other_Op", mode: "location", pollingUrl: statusUrl(), resultUrl: null })],
    ["a URL edited to another host", () => encoded({ operationId: "Widgets_RegenerateKey", mode: "location", pollingUrl: resultUrl(elsewhere.url), resultUrl: null })],
    ["a result URL edited to another host", () => encoded({ operationId: "Widgets_RegenerateKey", mode: "status", pollingUrl: statusUrl(), resultUrl: resultUrl(elsewhere.url) })],
  ])("%s is refused with a RekeyOptionsError before any request", async (_, token) => {
    const value = await token();
    server.reset();
    expect(() => client().resume(lro(), value as string, FAST)).toThrow(RekeyOptionsError);
    expect(() => client().resume(lro(), value as string, FAST)).toThrow(/^resumeToken: /);
    expect(server.requests).toHaveLength(0);
    expect(elsewhere.requests).toHaveLength(0);
  });
});
