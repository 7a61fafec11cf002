/**
 * The generated clients' long-running methods over real HTTP against the real mock (`startMock` over specs/): the
 * Cosmos DB regeneration (Azure-AsyncOperation and Location, final-state-via location, no body; keys read back with
 * listKeys) and the SignalR one (Location only, the keys as final result, checked against the mock's stored keys). Awaited, step by step, Retry-After,
 * resume in a new client from the token alone, abort and timeout, and the lro-* faults a client must notice.
 * Off-host polling URLs are answered by a scripted server, with a second one on another port as the other host.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createCosmosDbClient, examples as cosmosExamples, RekeyError, RekeyOperationFailedError, RekeyOptionsError } from "@rekey/clients/cosmosdb/2026-07-15";
import { createSignalRClient, examples as signalrExamples } from "@rekey/clients/signalr/2024-03-01";
import type { RunningMock } from "../../conformance/mock/start-mock.ts";
import { startProductMock, TOKEN } from "../helpers/mock.ts";
import { type ScriptedServer, startScriptedServer } from "../helpers/scripted-server.ts";

const cosmosValues = cosmosExamples.DatabaseAccounts_RegenerateKey.CosmosDBDatabaseAccountRegenerateKey!.parameters as Record<string, any>;
const signalrValues = signalrExamples.SignalR_RegenerateKey.SignalR_RegenerateKey!.parameters as Record<string, any>;
const account = { resourceGroupName: cosmosValues.resourceGroupName, accountName: cosmosValues.accountName };
const signalr = { resourceGroupName: signalrValues.resourceGroupName, resourceName: signalrValues.resourceName };
const FAST = { pollIntervalMs: 10 };

/** Every request a client sent, with when it left: polls go through the client's transport, so through `fetch`. */
function recordingFetch() {
  const sent: Array<{ method: string; url: string; at: number }> = [];
  const fetcher = (input: Request) => {
    sent.push({ method: input.method, url: input.url, at: Date.now() });
    return fetch(input);
  };
  return { sent, fetcher };
}

const mocks: RunningMock[] = [];
/**
 * A mock of its own for each test: the tests against the mock run concurrently (they mostly wait for operations to
 * finish), and one test's rotation must not land under another's. Its operations stay InProgress long enough to be
 * seen so on a busy machine with the other tests running beside them.
 */
async function mock(options: { fault?: string; lroDurationMs?: number } = {}): Promise<RunningMock> {
  const running = await startProductMock({ lroDurationMs: 600, ...options });
  mocks.push(running);
  return running;
}
// The first mock and client call load the server's and the client's modules, before any test's operation runs.
beforeAll(async () => {
  await cosmos(await mock()).databaseAccounts.listKeys(account);
});
afterAll(async () => {
  for (const running of mocks) await running.close();
});

const cosmos = (running: RunningMock, extra: object = {}) =>
  createCosmosDbClient({ credential: TOKEN, subscriptionId: cosmosValues.subscriptionId, endpoint: running.url, ...extra });
const signalR = (running: RunningMock, extra: object = {}) =>
  createSignalRClient({ credential: TOKEN, subscriptionId: signalrValues.subscriptionId, endpoint: running.url, ...extra });
/** The SignalR keys the mock holds (its admin view of state: SignalR_ListKeys is not the rotation's read-back). */
async function storedSignalRKeys(running: RunningMock): Promise<{ primaryKey: string; secondaryKey: string }> {
  const { resources } = await (await fetch(`${running.url}/_rekey/state`)).json() as { resources: Array<{ id: string; keys: Record<string, { value: string }> }> };
  const { keys } = resources.find((r) => r.id.toLowerCase().endsWith(`/signalr/${signalr.resourceName}`.toLowerCase()))!;
  return { primaryKey: keys.Primary!.value, secondaryKey: keys.Secondary!.value };
}
const regenerateCosmos = { ...account, body: { keyKind: "primary" as const } };
const regenerateSignalR = { ...signalr, body: { keyType: "Primary" as const } };

describe.concurrent("awaiting the operation", () => {
  it("Cosmos DB: resolves when the operation succeeded, and only then do the keys read back new", async () => {
    const running = await mock();
    const client = cosmos(running);
    const before = await client.databaseAccounts.listKeys(account);
    const poller = client.databaseAccounts.beginRegenerateKey(regenerateCosmos, FAST);
    await poller.submitted();
    expect(poller.status).toBe("InProgress");
    expect((await client.databaseAccounts.listKeys(account)).primaryMasterKey).toBe(before.primaryMasterKey);
    expect(await poller).toBeUndefined();
    expect(poller.status).toBe("Succeeded");
    const after = await client.databaseAccounts.listKeys(account);
    expect(after.primaryMasterKey).not.toBe(before.primaryMasterKey);
    expect(after.secondaryMasterKey).toBe(before.secondaryMasterKey);
  });

  it("SignalR: the final result read at Location holds the new keys, as listKeys then shows them", async () => {
    const running = await mock();
    const client = signalR(running);
    const before = await storedSignalRKeys(running);
    const keys = await client.signalR.regenerateKey(regenerateSignalR, FAST);
    expect(keys?.primaryKey).toEqual(expect.any(String));
    expect(keys?.primaryKey).not.toBe(before.primaryKey);
    expect(await storedSignalRKeys(running)).toEqual({ primaryKey: keys?.primaryKey, secondaryKey: before.secondaryKey });
  });

  it("step by step: poll() until done, percentComplete and onProgress along the way", async () => {
    const running = await mock({ lroDurationMs: 900 });
    const poller = cosmos(running).databaseAccounts.beginRegenerateKey(regenerateCosmos);
    const heard: string[] = [];
    poller.onProgress((p) => heard.push(p.status));
    await poller.submitted();
    let polls = 0;
    while (!poller.isDone && polls < 200) {
      await poller.poll();
      polls += 1;
      if (!poller.isDone) await new Promise((resolve) => setTimeout(resolve, 25));
    }
    expect(poller.status).toBe("Succeeded");
    expect(heard.at(-1)).toBe("Succeeded");
    expect(heard.slice(0, -1).every((s) => s === "InProgress")).toBe(true);
    expect(polls).toBeGreaterThan(1);
    expect(poller.percentComplete).toBe(100);
  });

  it("waits as long as Retry-After asks before polling", async () => {
    const running = await mock({ lroDurationMs: 1500 });
    const { sent, fetcher } = recordingFetch();
    await cosmos(running, { fetch: fetcher }).databaseAccounts.regenerateKey(regenerateCosmos, FAST);
    const [start, firstPoll] = sent;
    expect(start!.method).toBe("POST");
    // The 202 asked for Retry-After: 2 (1.5 s left, rounded up); timing tolerance for a busy machine.
    expect(firstPoll!.at - start!.at).toBeGreaterThanOrEqual(1900);
    expect(sent.length).toBeLessThanOrEqual(4);
  });

  it("without Retry-After (lro-no-retry-after) it polls every pollIntervalMs", async () => {
    const running = await mock({ fault: "lro-no-retry-after", lroDurationMs: 900 });
    const { sent, fetcher } = recordingFetch();
    await cosmos(running, { fetch: fetcher }).databaseAccounts.regenerateKey(regenerateCosmos, { pollIntervalMs: 100 });
    const gaps = sent.slice(1).map((r, i) => r.at - sent[i]!.at);
    expect(gaps.length).toBeGreaterThanOrEqual(2);
    expect(Math.min(...gaps.slice(0, -1))).toBeGreaterThanOrEqual(90);
  });
});

describe.concurrent("resume after a restart", () => {
  it("a new client continues from the token alone; the token holds no bearer token and no key", async () => {
    const running = await mock({ lroDurationMs: 300 });
    const first = signalR(running).signalR.beginRegenerateKey(regenerateSignalR, FAST);
    await first.submitted();
    const token = first.resumeToken!;
    expect(token).toMatch(/^rekey-lro\.1\./);
    const decoded = Buffer.from(token.slice("rekey-lro.1.".length), "base64url").toString("utf8");
    expect(decoded).not.toContain(TOKEN);
    // The simulated restart: another client, another credential, nothing but the token.
    const keys = await signalR(running, { credential: "after-restart-token" }).signalR.resumeRegenerateKey(token, FAST);
    expect(keys?.primaryKey).toEqual(expect.any(String));
    expect(decoded).not.toContain(keys!.primaryKey);
    expect((await storedSignalRKeys(running)).primaryKey).toBe(keys?.primaryKey);
  });

  it("a tampered token, or one of another operation, is refused before any request", async () => {
    const running = await mock();
    const first = signalR(running).signalR.beginRegenerateKey(regenerateSignalR, FAST);
    await first.submitted();
    const fields = JSON.parse(Buffer.from(first.resumeToken!.slice(12), "base64url").toString("utf8"));
    const tampered = `rekey-lro.1.${Buffer.from(JSON.stringify({ ...fields, pollingUrl: "https://elsewhere.invalid/x" })).toString("base64url")}`;
    expect(() => signalR(running).signalR.resumeRegenerateKey(tampered)).toThrow(RekeyOptionsError);
    expect(() => cosmos(running).databaseAccounts.resumeRegenerateKey(first.resumeToken!)).toThrow(/belongs to "SignalR_RegenerateKey"/);
    expect(() => signalR(running).signalR.resumeRegenerateKey(first.resumeToken!.slice(0, 30))).toThrow(/^resumeToken: /);
    await first;
  });
});

describe.concurrent("abort and timeout", () => {
  it("an abort mid-poll rejects with the signal's reason", async () => {
    const running = await mock({ fault: "lro-never-finishes" });
    const controller = new AbortController();
    const poller = cosmos(running).databaseAccounts.beginRegenerateKey(regenerateCosmos, { ...FAST, signal: controller.signal });
    let polls = 0;
    poller.onProgress(() => {
      if (++polls === 2) controller.abort(new Error("operator stopped it"));
    });
    await expect(poller.then()).rejects.toThrow("operator stopped it");
    expect(poller.status).toBe("InProgress");
  });

  it("the operation's timeoutMs rejects with a TimeoutError", async () => {
    const running = await mock({ fault: "lro-never-finishes" });
    const failure = await cosmos(running).databaseAccounts.regenerateKey(regenerateCosmos, { ...FAST, timeoutMs: 400 }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(DOMException);
    expect((failure as DOMException).name).toBe("TimeoutError");
  });
});

describe.concurrent("an operation that ends without a result", () => {
  it.each([["lro-failed", "Failed"], ["lro-canceled", "Canceled"]])("%s rejects with a RekeyOperationFailedError carrying the error object; keys unchanged", async (fault, status) => {
    const running = await mock({ fault });
    const client = cosmos(running);
    const before = await client.databaseAccounts.listKeys(account);
    const failure = await client.databaseAccounts.regenerateKey(regenerateCosmos, FAST).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(RekeyOperationFailedError);
    const error = failure as RekeyOperationFailedError<{ error: { code: string; message: string } }>;
    expect(error.operationStatus).toBe(status);
    expect(error.code).toEqual(expect.any(String));
    expect(error.body?.error.code).toBe(error.code);
    expect(JSON.stringify(error)).not.toContain(TOKEN);
    expect((await client.databaseAccounts.listKeys(account)).primaryMasterKey).toBe(before.primaryMasterKey);
  });

  it.each([
    ["lro-status-404", { status: 404 }],
    ["lro-no-polling-header", { code: "NO_POLLING_URL" }],
    ["lro-bad-status-body", { code: "INVALID_STATUS_BODY" }],
    ["lro-foreign-host", { code: "POLLING_URL_REFUSED" }],
    ["lro-relative-url", { code: "POLLING_URL_REFUSED" }],
  ])("%s rejects with a RekeyError that says what went wrong", async (fault, want) => {
    const running = await mock({ fault });
    const failure = await cosmos(running, { retry: { maxRetries: 0 } }).databaseAccounts.regenerateKey(regenerateCosmos, FAST).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(RekeyError);
    expect(failure).toMatchObject(want);
  });
});

describe("host pinning against another loopback port", () => {
  let arm: ScriptedServer;
  let other: ScriptedServer;
  beforeAll(async () => {
    [arm, other] = await Promise.all([startScriptedServer(), startScriptedServer()]);
  });
  afterAll(() => Promise.all([arm.close(), other.close()]));
  beforeEach(() => {
    arm.reset();
    other.reset();
  });

  it("a Location on another port is refused: that server never sees a request, let alone the token", async () => {
    arm.script({ status: 202, headers: { location: `${other.url}/operationResults/1?api-version=2024-03-01`, "retry-after": "0" }, body: {} });
    const client = createSignalRClient({ credential: TOKEN, subscriptionId: signalrValues.subscriptionId, endpoint: arm.url });
    const failure = await client.signalR.regenerateKey(regenerateSignalR, FAST).catch((e: unknown) => e);
    expect(failure).toMatchObject({ code: "POLLING_URL_REFUSED" });
    expect((failure as Error).message).toContain(other.url);
    expect(arm.requests).toHaveLength(1);
    expect(other.requests).toHaveLength(0);
  });

  it("so is a resume token whose URL was moved to the other port", async () => {
    arm.script({ status: 202, headers: { location: `${arm.url}/operationResults/1?api-version=2024-03-01`, "retry-after": "0" }, body: {} });
    const client = createSignalRClient({ credential: TOKEN, subscriptionId: signalrValues.subscriptionId, endpoint: arm.url });
    const poller = client.signalR.beginRegenerateKey(regenerateSignalR, FAST);
    await poller.submitted();
    const moved = poller.resumeToken!.replace(/^rekey-lro\.1\.(.*)$/, (_, b64: string) =>
      `rekey-lro.1.${Buffer.from(Buffer.from(b64, "base64url").toString("utf8").split(arm.url).join(other.url)).toString("base64url")}`);
    expect(() => client.signalR.resumeRegenerateKey(moved)).toThrow(RekeyOptionsError);
    expect(other.requests).toHaveLength(0);
  });
});
