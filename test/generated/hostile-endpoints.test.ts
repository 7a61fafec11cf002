/**
 * The generated client against endpoints that answer badly, over real HTTP(S) on 127.0.0.1: bodies too large or
 * endless (maxResponseBytes), slow-drip bodies (timeoutMs, 120 s by default) and Retry-After waits beyond the
 * ceiling (retry.maxRetryAfterInMs). Each hostile server stops by itself after a while, so a client without the
 * limit fails its test rather than eating the machine or hanging.
 */
import { setTimeout as realDelay } from "node:timers/promises";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import {
  createMapsClient, isAccountsRegenerateKeysError, isRekeyError, RekeyError, RekeyResponseTooLargeError, RekeyThrottledError,
} from "@rekey/clients/maps/2023-06-01";
import * as packageRoot from "@rekey/clients";
import * as batch from "@rekey/clients/batch";
import { type ScriptedServer, startScriptedServer } from "../helpers/scripted-server.ts";

const MiB = 1024 * 1024;
const TOKEN = "eyJ0eXAi.secret-token-hostile.sig";
const FAST = { retryDelayInMs: 1, maxRetryDelayInMs: 4 };
const mapsArgs = { resourceGroupName: "rg", accountName: "acct", body: { keyType: "primary" as const } };
const keys = { primaryKey: "pk", secondaryKey: "sk", primaryKeyLastUpdated: "2026-01-01T00:00:00Z", secondaryKeyLastUpdated: "2026-01-01T00:00:00Z" };
const tooManyRequests = { error: { code: "TooManyRequests", message: "slow down" } };

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

type Options = Partial<Parameters<typeof createMapsClient>[0]>;
const maps = (server: ScriptedServer, options: Options = {}) =>
  createMapsClient({ credential: TOKEN, subscriptionId: "sub-1", endpoint: server.url, ca: server.cert, retry: FAST, ...options });

describe.each([
  ["node:http", () => http, {}],
  ["node:https", () => https, {}],
  ["a caller's fetch", () => http, { fetch: (request: Request) => fetch(request) }],
] as const)("response bodies through %s", (_, server, transport) => {
  it("refuses a body whose Content-Length is over maxResponseBytes (4 MiB by default) without reading it", async () => {
    server().script({ status: 200, headers: { "x-ms-request-id": "req-big" }, stream: { kind: "flood", contentLength: 1024 * MiB, upTo: 64 * MiB } });
    const failure = await maps(server(), transport).accounts.regenerateKeys(mapsArgs).catch((e: unknown) => e);
    expect(failure).toMatchObject({
      name: "RekeyResponseTooLargeError", code: "RESPONSE_TOO_LARGE", operationId: "Accounts_RegenerateKeys", status: 200,
      requestId: "req-big", maxResponseBytes: 4 * MiB, contentLength: 1024 * MiB, body: undefined,
      message: "Accounts_RegenerateKeys: the 200 response body was announced as 1 GiB (Content-Length), over the 4 MiB this client reads (maxResponseBytes); the connection was closed",
    });
    expect(isRekeyError(failure)).toBe(true);
    expect((failure as RekeyError).clientRequestId).toBe(server().requests[0].headers["x-ms-client-request-id"]);
    expect(await server().streams[0].closed).toEqual({ complete: false });
    expect(server().streams[0].sent).toBeLessThan(32 * MiB);
    expect(server().requests).toHaveLength(1); // not retried
  });

  it("cuts off an endless chunked body once it grows past maxResponseBytes, on an error status too", async () => {
    server().script({ status: 500, stream: { kind: "flood", upTo: 64 * MiB } });
    const failure = await maps(server(), { ...transport, maxResponseBytes: MiB }).accounts.regenerateKeys(mapsArgs).catch((e: unknown) => e);
    expect(failure).toMatchObject({
      name: "RekeyResponseTooLargeError", code: "RESPONSE_TOO_LARGE", status: 500, maxResponseBytes: MiB, contentLength: undefined,
      message: "Accounts_RegenerateKeys: the 500 response body grew past the 1 MiB this client reads (maxResponseBytes); the connection was closed",
    });
    expect(await server().streams[0].closed).toEqual({ complete: false });
    expect(server().streams[0].sent).toBeLessThan(32 * MiB);
    expect(server().requests).toHaveLength(1);
  });

  it("reads a body of exactly maxResponseBytes", async () => {
    const body = JSON.stringify(keys);
    server().script({ status: 200, body });
    expect(await maps(server(), { ...transport, maxResponseBytes: Buffer.byteLength(body) }).accounts.regenerateKeys(mapsArgs)).toEqual(keys);
  });

  it("aborts a slow-drip body mid-stream at the call's timeoutMs and closes the connection", async () => {
    server().script({ status: 200, stream: { kind: "drip", everyMs: 20, upTo: 500 } });
    const failure = await maps(server(), transport).accounts.regenerateKeys(mapsArgs, { timeoutMs: 300 }).catch((e: unknown) => e);
    expect(failure).toMatchObject({ name: "TimeoutError", message: "Accounts_RegenerateKeys timed out after 300 ms" });
    expect(await server().streams[0].closed).toEqual({ complete: false });
    expect(server().streams[0].sent).toBeGreaterThan(0); // it was mid-body
  });
});

it("abandons a dripping body at timeoutMs even through a caller's fetch that drops the signal", async () => {
  const forgetful = async (request: Request) => fetch(request.url, { method: request.method, headers: request.headers, body: await request.arrayBuffer() });
  http.script({ status: 200, stream: { kind: "drip", everyMs: 20, upTo: 500 } });
  const failure = await maps(http, { fetch: forgetful }).accounts.regenerateKeys(mapsArgs, { timeoutMs: 300 }).catch((e: unknown) => e);
  expect(failure).toMatchObject({ name: "TimeoutError", message: "Accounts_RegenerateKeys timed out after 300 ms" });
  expect(await http.streams[0].closed).toEqual({ complete: false });
});

describe("default overall timeout", () => {
  it("ends a call without timeoutMs after 120 s, even while its body drips", async () => {
    http.script({ status: 200, stream: { kind: "drip", everyMs: 10, upTo: 500 } });
    // Only the global setTimeout is faked: the server's drip, the sockets and realDelay keep real time.
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    try {
      let settled = false;
      const call = maps(http).accounts.regenerateKeys(mapsArgs).catch((e: unknown) => e).finally(() => (settled = true));
      while (!(http.streams[0]?.sent > 3)) await realDelay(10);
      vi.advanceTimersByTime(119_999);
      await realDelay(30);
      expect(settled).toBe(false);
      vi.advanceTimersByTime(1);
      expect(await call).toMatchObject({ name: "TimeoutError", message: "Accounts_RegenerateKeys timed out after 120000 ms" });
    } finally {
      vi.useRealTimers();
    }
    expect(await http.streams[0].closed).toEqual({ complete: false });
  });
});

describe("Retry-After beyond the ceiling (retry.maxRetryAfterInMs, 60 s by default)", () => {
  it.each([
    [429, { "retry-after": "99999999" }, 99_999_999_000, "1157 days"],
    [429, { "retry-after-ms": "2147483648" }, 2_147_483_648, "25 days"],
    [503, { "x-ms-retry-after-ms": "60001" }, 60_001, "60 s"],
  ])("%i with %j is not retried: a RekeyThrottledError says how long the service asked to wait", async (status, headers, asked, said) => {
    https.script({ status, headers: { ...headers, "x-ms-request-id": "req-throttled" }, body: tooManyRequests }, { status: 200, body: keys });
    const failure = await maps(https).accounts.regenerateKeys(mapsArgs).catch((e: unknown) => e);
    expect(failure).toMatchObject({
      name: "RekeyThrottledError", status, code: "TooManyRequests", serviceMessage: "slow down", body: tooManyRequests,
      requestId: "req-throttled", retryAfterMs: asked, maxRetryAfterInMs: 60_000,
      message: `Accounts_RegenerateKeys failed with status ${status} TooManyRequests: slow down — not retried: the service asked to wait ${said}, more than retry.maxRetryAfterInMs (60 s)`,
    });
    expect(isAccountsRegenerateKeysError(failure)).toBe(true);
    expect(JSON.parse(JSON.stringify(failure))).toMatchObject({ name: "RekeyThrottledError", retryAfterMs: asked, status });
    expect(https.requests).toHaveLength(1);
  });

  it("retry.maxRetryAfterInMs moves the ceiling", async () => {
    https.script({ status: 429, headers: { "retry-after-ms": "30" }, body: tooManyRequests }, { status: 200, body: keys });
    const failure = await maps(https, { retry: { ...FAST, maxRetryAfterInMs: 29 } }).accounts.regenerateKeys(mapsArgs).catch((e: unknown) => e);
    expect(failure).toMatchObject({ name: "RekeyThrottledError", retryAfterMs: 30, maxRetryAfterInMs: 29 });
    expect(https.requests).toHaveLength(1);
    https.reset();
    https.script({ status: 429, headers: { "retry-after-ms": "30" }, body: tooManyRequests }, { status: 200, body: keys });
    expect(await maps(https, { retry: { ...FAST, maxRetryAfterInMs: 30 } }).accounts.regenerateKeys(mapsArgs)).toEqual(keys);
    expect(https.requests).toHaveLength(2);
  });
});

describe("through openapi-fetch (a caller's middleware)", () => {
  const middleware = [{ onRequest: ({ request }: { request: Request }) => request }];
  it("the same typed errors for a body too large and a wait too long", async () => {
    https.script({ status: 200, stream: { kind: "flood", upTo: 64 * MiB } });
    expect(await maps(https, { middleware }).accounts.regenerateKeys(mapsArgs).catch((e: unknown) => e))
      .toMatchObject({ name: "RekeyResponseTooLargeError", status: 200, maxResponseBytes: 4 * MiB });
    expect(await https.streams[0].closed).toEqual({ complete: false });
    https.script({ status: 503, headers: { "retry-after": "99999999" }, body: tooManyRequests }, { status: 200, body: keys });
    expect(await maps(https, { middleware }).accounts.regenerateKeys(mapsArgs).catch((e: unknown) => e))
      .toMatchObject({ name: "RekeyThrottledError", status: 503, code: "TooManyRequests", retryAfterMs: 99_999_999_000 });
    expect(https.requests).toHaveLength(2);
  });
});

describe("the new error classes", () => {
  it("are exported from every entry point and narrow with instanceof", async () => {
    https.script({ status: 429, headers: { "retry-after": "3600" }, body: tooManyRequests });
    const throttled = await maps(https).accounts.regenerateKeys(mapsArgs).catch((e: unknown) => e);
    expect(throttled).toBeInstanceOf(RekeyThrottledError);
    expect(throttled).toBeInstanceOf(RekeyError);
    if (throttled instanceof RekeyThrottledError) expect(throttled.retryAfterMs).toBe(3_600_000);
    https.script({ status: 200, stream: { kind: "flood", upTo: 8 * MiB } });
    expect(await maps(https).accounts.regenerateKeys(mapsArgs).catch((e: unknown) => e)).toBeInstanceOf(RekeyResponseTooLargeError);
    for (const entry of [packageRoot, batch]) {
      expect(entry.RekeyThrottledError).toBe(RekeyThrottledError);
      expect(entry.RekeyResponseTooLargeError).toBe(RekeyResponseTooLargeError);
    }
  });

  it.each([
    [{ timeoutMs: 2 ** 31 }, "timeoutMs: 2147483648 must be a number of ms from 1 to 2147483647 (about 24.8 days)"],
    [{ retry: { maxRetryAfterInMs: -1 } }, "retry.maxRetryAfterInMs: -1 must be a number of ms from 0 to 2147483647 (about 24.8 days)"],
    [{ retry: { maxRetryDelayInMs: 1e12 } }, "retry.maxRetryDelayInMs: 1000000000000 must be a number of ms from 0 to 2147483647 (about 24.8 days)"],
    [{ maxResponseBytes: 0 }, "maxResponseBytes: 0 must be a number ≥ 1"],
  ])("a limit setTimeout cannot hold, or no body at all, is a bad option: %j", (bad, message) => {
    const create = () => createMapsClient({ credential: TOKEN, subscriptionId: "s", ...(bad as object) });
    expect(create).toThrow(message);
  });
});

describe("an error body nested deeper than the call stack", () => {
  it("is a RekeyError whose body shows the nesting's shape below 100 levels, not a RangeError", async () => {
    const depth = 100_000; // 200 KB of brackets: well within maxResponseBytes
    http.script({ status: 400, headers: { "content-type": "application/json" }, body: "[".repeat(depth) + "]".repeat(depth) });
    const failure = await maps(http, { retry: { maxRetries: 0 } }).accounts.regenerateKeys(mapsArgs).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(RekeyError);
    expect((failure as RekeyError).status).toBe(400);
    let shown: unknown = (failure as RekeyError).body;
    for (let level = 0; level < 100; level++) shown = (shown as unknown[])[0];
    expect(shown).toBe("<array, 1 items>");
    expect(() => JSON.stringify(failure)).not.toThrow();
  });
});
