/**
 * The mock's long-running operations over real HTTP on loopback, on the gizmos fixture (test/mock/fixtures): one
 * operation polled with Azure-AsyncOperation and Location that finishes with a bodiless 200 and is read back with a
 * list operation, one that declares only Location and delivers the keys as its final result. 202 and its headers,
 * InProgress → Succeeded over the configured time, keys rotated at completion and not before, the final result at
 * Location, every lro-* fault, ARM's refusals on the polling URLs, --examples-only and the store's bound.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fileURLToPath } from "node:url";
import { compiledSchema, keyValue, loadSpecs } from "../../kernel/index.ts";
import { listFaults } from "../../conformance/mock/faults.ts";
import { startMock, type MockOptions, type RunningMock } from "../../conformance/mock/start-mock.ts";
import { runRekey } from "../helpers/cli.ts";
import { operationsUnderTest, productSpecs, send, startProductMock } from "../helpers/mock.ts";

const FIXTURES = fileURLToPath(new URL("./fixtures", import.meta.url));
const SUBSCRIPTION = "00000000-1111-2222-3333-444444444444";
const RG = `/subscriptions/${SUBSCRIPTION}/resourceGroups/rg1/providers/Example.Gizmos`;
const Q = "?api-version=2025-01-01";
const TOKEN = { authorization: "Bearer lro-test-token" };
const JSON_TYPE = { "content-type": "application/json" };
const GUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
/**
 * Long enough to be seen InProgress on a busy machine while the file's other tests run beside it (they run
 * concurrently, so the wait is shared); under a second, where the mock's Retry-After is 0.
 */
const DURATION = 900;

const loaded = loadSpecs(FIXTURES);
const mocks: RunningMock[] = [];
async function mockWith(options: MockOptions = {}): Promise<RunningMock> {
  const { docs, ajv } = await loaded;
  const mock = await startMock({ docs, ajv, lroDurationMs: DURATION, ...options });
  mocks.push(mock);
  return mock;
}
afterAll(async () => {
  for (const running of mocks) await running.close();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Answer {
  status: number;
  headers: Headers;
  body: any;
  text: string;
}

async function call(url: string, init: RequestInit = {}): Promise<Answer> {
  const response = await fetch(url, { ...init, headers: { ...TOKEN, ...(init.headers as Record<string, string>) } });
  const text = await response.text();
  return { status: response.status, headers: response.headers, text, body: text ? JSON.parse(text) : undefined };
}

const regenerateGizmo = (mock: RunningMock, headers: Record<string, string> = {}, keyKind = "primary") =>
  call(`${mock.url}${RG}/gizmos/gizmo1/regenerateKey${Q}`, { method: "POST", headers: { ...JSON_TYPE, ...headers }, body: JSON.stringify({ keyKind }) });
const regenerateSignal = (mock: RunningMock, headers: Record<string, string> = {}) =>
  call(`${mock.url}${RG}/signals/signal-1/regenerateKey${Q}`, { method: "POST", headers: { ...JSON_TYPE, ...headers }, body: JSON.stringify({ keyType: "Primary" }) });
/** The read-back: Gizmos_ListKeys. */
const gizmoKeys = async (mock: RunningMock) => (await call(`${mock.url}${RG}/gizmos/gizmo1/listKeys${Q}`, { method: "POST" })).body;
const signalKeys = async (mock: RunningMock) => {
  const { resources } = await (await fetch(`${mock.url}/_rekey/state`)).json();
  const keys = resources.find((r: { id: string }) => r.id.endsWith("/signals/signal-1")).keys;
  return { primaryKey: keys.Primary.value, secondaryKey: keys.Secondary.value };
};
const poll = (url: string, headers: Record<string, string> = {}) => call(url, { headers });

/** Polls the status URL until a terminal status, within a bound. */
async function terminal(url: string, boundMs = 5000): Promise<Answer> {
  const until = Date.now() + boundMs;
  for (;;) {
    const answer = await poll(url);
    if (answer.body?.status !== "InProgress" || Date.now() > until) return answer;
    await sleep(50);
  }
}

function expectArmError(answer: Answer, status: number, code: string) {
  expect(answer.status).toBe(status);
  expect(answer.headers.get("content-type")).toMatch(/^application\/json/);
  expect(answer.body).toEqual({ error: { code, message: expect.any(String) } });
  expect(answer.headers.get("x-ms-request-id")).toMatch(new RegExp(`^${GUID}$`));
}

// A mock per test: an operation one test leaves running must not rotate keys under another. The tests mostly wait for
// operations to run their course, so each describe runs its tests concurrently; the first mock and request (which load
// the server's modules) come before any, so no test's operation runs out while another loads them.
beforeAll(async () => {
  await gizmoKeys(await mockWith());
});

describe.concurrent("the accepted answer", () => {
  it("is 202 with the polling headers the 202 declares, on the mock's own origin, Retry-After and ARM's headers", async () => {
    const mock = await mockWith();
    const accepted = await regenerateGizmo(mock);
    expect(accepted.status).toBe(202);
    expect(accepted.text).toBe("");
    const scope = `${mock.url}/subscriptions/${SUBSCRIPTION}/providers/Example.Gizmos/locations/eastus`;
    const status = accepted.headers.get("azure-asyncoperation")!;
    const location = accepted.headers.get("location")!;
    expect(status).toMatch(new RegExp(`^${scope.replace(/[.]/g, "\\.")}/operationStatuses/${GUID}\\?api-version=2025-01-01$`));
    expect(location).toBe(status.replace("/operationStatuses/", "/operationResults/"));
    expect(accepted.headers.get("retry-after")).toMatch(/^\d+$/);
    expect(accepted.headers.get("x-ms-request-id")).toMatch(new RegExp(`^${GUID}$`));
    expect(accepted.headers.get("x-ms-ratelimit-remaining-subscription-writes")).toMatch(/^\d+$/);

    // Two starts are two operations.
    const again = await regenerateGizmo(mock);
    expect(again.headers.get("azure-asyncoperation")).not.toBe(status);
  });

  it("sends only the polling headers declared (Location alone), and the declared 202 body with the new keys, which take effect at completion", async () => {
    const mock = await mockWith();
    const before = await signalKeys(mock);
    const accepted = await regenerateSignal(mock);
    expect(accepted.status).toBe(202);
    expect(accepted.headers.get("azure-asyncoperation")).toBeNull();
    expect(accepted.headers.get("location")).toMatch(new RegExp(`/operationResults/${GUID}\\?api-version=2025-01-01$`));
    expect(accepted.headers.get("retry-after")).toBe("0");
    expect(accepted.body.primaryKey).not.toBe(before.primaryKey);
    expect(accepted.body.secondaryKey).toBe(before.secondaryKey);
    expect(await signalKeys(mock)).toEqual(before);
    await sleep(DURATION + 50);
    expect(await signalKeys(mock)).toMatchObject({ primaryKey: accepted.body.primaryKey, secondaryKey: before.secondaryKey });
  });

  it("is refused synchronously, as ARM refuses it, when the request is bad: nothing is started", async () => {
    const mock = await mockWith();
    const refused = await regenerateGizmo(mock, {}, "tertiary");
    expect(refused.status).toBe(400);
    expect(refused.headers.get("location")).toBeNull();
    expect(refused.body.error.code).toBe("InvalidParameter");
  });
});

describe.concurrent("an operation's life", () => {
  it("moves InProgress → Succeeded over the configured duration, with Retry-After while in progress", async () => {
    const mock = await mockWith();
    const accepted = await regenerateGizmo(mock);
    const url = accepted.headers.get("azure-asyncoperation")!;
    const running = await poll(url);
    expect(running.status).toBe(200);
    const id = new URL(url).pathname;
    expect(running.body).toEqual({ id, name: id.split("/").at(-1), status: "InProgress", startTime: expect.any(String), percentComplete: expect.any(Number) });
    expect(running.headers.get("retry-after")).toMatch(/^\d+$/);
    expect(running.body.percentComplete).toBeGreaterThanOrEqual(0);
    expect(running.body.percentComplete).toBeLessThan(100);

    await sleep(DURATION + 50);
    const done = await poll(url);
    expect(done.body).toMatchObject({ id, status: "Succeeded", percentComplete: 100 });
    expect(Date.parse(done.body.endTime) - Date.parse(done.body.startTime)).toBe(DURATION);
    expect(done.headers.get("retry-after")).toBeNull();
  });

  it("rotates the selected key at completion and not before — read back through the list operation, with nobody polling", async () => {
    const mock = await mockWith();
    const before = await gizmoKeys(mock);
    const accepted = await regenerateGizmo(mock);
    expect(await gizmoKeys(mock)).toEqual(before);
    const status = await poll(accepted.headers.get("azure-asyncoperation")!);
    expect(status.body.status).toBe("InProgress");
    expect(await gizmoKeys(mock)).toEqual(before);

    await sleep(DURATION + 50);
    const after = await gizmoKeys(mock); // the first request after the end time: no poll came before it
    expect(after.primaryMasterKey).not.toBe(before.primaryMasterKey);
    expect(after.secondaryMasterKey).toBe(before.secondaryMasterKey);
    expect(Buffer.from(after.primaryMasterKey, "base64")).toHaveLength(64);
  });

  it("the Location URL answers 202 + Location + Retry-After while running, then the final 2xx as declared (a bodiless 200)", async () => {
    const mock = await mockWith();
    const accepted = await regenerateGizmo(mock);
    const location = accepted.headers.get("location")!;
    const running = await poll(location);
    expect(running.status).toBe(202);
    expect(running.headers.get("location")).toBe(location);
    expect(running.headers.get("retry-after")).toMatch(/^\d+$/);
    await sleep(DURATION + 50);
    const final = await poll(location);
    expect(final.status).toBe(200);
    expect(final.text).toBe("");
    expect((await poll(location)).status).toBe(200); // polling is read-only: the answer stays
  });

  it("final-state-via location delivers the keys as the final result: the rotated ones", async () => {
    const mock = await mockWith();
    const before = await signalKeys(mock);
    const accepted = await regenerateSignal(mock);
    await sleep(DURATION + 50);
    const final = await poll(accepted.headers.get("location")!);
    expect(final.status).toBe(200);
    const after = await signalKeys(mock);
    expect(after.primaryKey).not.toBe(before.primaryKey);
    expect(after.secondaryKey).toBe(before.secondaryKey);
    expect(final.body).toEqual(after);
    expect(accepted.body).toMatchObject(after);
    expect(final.headers.get("content-type")).toMatch(/^application\/json/);
  });

  it("polling changes no state: many polls of a finished operation leave the keys as they are", async () => {
    const mock = await mockWith();
    const accepted = await regenerateGizmo(mock);
    await sleep(DURATION + 50);
    const keys = await gizmoKeys(mock);
    for (let i = 0; i < 3; i++) {
      await poll(accepted.headers.get("azure-asyncoperation")!);
      await poll(accepted.headers.get("location")!);
    }
    expect(await gizmoKeys(mock)).toEqual(keys);
  });
});

describe.concurrent("the polling URLs refuse as ARM does", () => {
  const statusUrl = (m: RunningMock, id: string, query = Q, subscription = SUBSCRIPTION) =>
    `${m.url}/subscriptions/${subscription}/providers/Example.Gizmos/locations/eastus/operationStatuses/${id}${query}`;

  it("an unknown operation id, or one polled under another subscription or location, is a 404 in ARM's error envelope", async () => {
    const mock = await mockWith();
    expectArmError(await poll(statusUrl(mock, "8b1f2c3d-0000-4000-8000-000000000000")), 404, "OperationNotFound");
    expectArmError(await poll(statusUrl(mock, "8b1f2c3d-0000-4000-8000-000000000000").replace("operationStatuses", "operationResults")), 404, "OperationNotFound");
    const url = (await regenerateGizmo(mock)).headers.get("azure-asyncoperation")!;
    expect((await poll(url)).status).toBe(200);
    expectArmError(await poll(url.replace(SUBSCRIPTION, "99999999-1111-2222-3333-444444444444")), 404, "OperationNotFound");
    expectArmError(await poll(url.replace("/locations/eastus/", "/locations/westus/")), 404, "OperationNotFound");
    // Paths match case-insensitively, as ARM matches them.
    expect((await poll(url.replace("/providers/Example.Gizmos/", "/providers/example.gizmos/").toUpperCase().replace("HTTP://", "http://").replace("?API-VERSION=", "?api-version="))).status).toBe(200);
  });

  it("api-version must be one the specs hold for the namespace; a token is required; only GET is served", async () => {
    const mock = await mockWith();
    const url = (await regenerateGizmo(mock)).headers.get("azure-asyncoperation")!;
    expectArmError(await poll(url.replace(Q, "")), 400, "MissingApiVersionParameter");
    const unknown = await poll(url.replace("2025-01-01", "2019-01-01"));
    expectArmError(unknown, 400, "NoRegisteredProviderFound");
    expect(unknown.body.error.message).toContain("'2025-01-01'");
    expectArmError(await poll(url.replace("Example.Gizmos", "Example.Nothing")), 404, "InvalidResourceNamespace");
    const anonymous = await fetch(url);
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get("www-authenticate")).toMatch(/^Bearer /);
    const posted = await call(url, { method: "POST" });
    expectArmError(posted, 405, "MethodNotAllowed");
    expect(posted.headers.get("allow")).toBe("GET");
  });
});

describe.concurrent("lro-* faults (chosen on the start request only: the operation keeps its fault)", () => {
  const fault = (name: string) => ({ "x-rekey-fault": name });

  it("every lro-* fault is listed with one line", () => {
    const names = listFaults().filter((f) => f.name.startsWith("lro-"));
    expect(names.map((f) => f.name).sort()).toEqual([
      "lro-bad-status-body", "lro-canceled", "lro-failed", "lro-foreign-host", "lro-invalid-final-result", "lro-never-finishes",
      "lro-no-polling-header", "lro-no-retry-after", "lro-relative-url", "lro-rotate-early", "lro-status-404",
    ]);
    for (const f of names) expect(f.summary).toMatch(/^[^\n]{10,100}$/);
  });

  it("lro-failed: ends Failed with an error object; the Location URL answers the error; no key changes", async () => {
    const mock = await mockWith();
    const before = await gizmoKeys(mock);
    const accepted = await regenerateGizmo(mock, fault("lro-failed"));
    expect(accepted.status).toBe(202);
    const status = await terminal(accepted.headers.get("azure-asyncoperation")!);
    expect(status.body).toMatchObject({ status: "Failed", endTime: expect.any(String), error: { code: "OperationFailed", message: expect.any(String) } });
    expectArmError(await poll(accepted.headers.get("location")!), 400, "OperationFailed");
    expect(await gizmoKeys(mock)).toEqual(before);
  });

  it("lro-canceled: ends Canceled with an error object; no key changes", async () => {
    const mock = await mockWith();
    const before = await gizmoKeys(mock);
    const accepted = await regenerateGizmo(mock, fault("lro-canceled"));
    const status = await terminal(accepted.headers.get("azure-asyncoperation")!);
    expect(status.body).toMatchObject({ status: "Canceled", error: { code: "OperationCanceled", message: expect.any(String) } });
    expectArmError(await poll(accepted.headers.get("location")!), 409, "OperationCanceled");
    expect(await gizmoKeys(mock)).toEqual(before);
  });

  it("lro-never-finishes: still InProgress long after the duration; the Location URL keeps answering 202; no key changes", async () => {
    const mock = await mockWith();
    const before = await gizmoKeys(mock);
    const accepted = await regenerateGizmo(mock, fault("lro-never-finishes"));
    await sleep(DURATION * 2);
    const status = await poll(accepted.headers.get("azure-asyncoperation")!);
    expect(status.body.status).toBe("InProgress");
    expect(status.headers.get("retry-after")).toMatch(/^\d+$/);
    expect((await poll(accepted.headers.get("location")!)).status).toBe(202);
    expect(await gizmoKeys(mock)).toEqual(before);
  });

  it("lro-status-404: both polling URLs answer 404, though the operation itself completes", async () => {
    const mock = await mockWith();
    const before = await gizmoKeys(mock);
    const accepted = await regenerateGizmo(mock, fault("lro-status-404"));
    expectArmError(await poll(accepted.headers.get("azure-asyncoperation")!), 404, "OperationNotFound");
    expectArmError(await poll(accepted.headers.get("location")!), 404, "OperationNotFound");
    await sleep(DURATION + 50);
    expect((await gizmoKeys(mock)).primaryMasterKey).not.toBe(before.primaryMasterKey);
  });

  it("lro-no-retry-after: no Retry-After on the 202, the status or the Location answer", async () => {
    const mock = await mockWith();
    const accepted = await regenerateGizmo(mock, fault("lro-no-retry-after"));
    expect(accepted.status).toBe(202);
    expect(accepted.headers.get("retry-after")).toBeNull();
    const status = await poll(accepted.headers.get("azure-asyncoperation")!);
    expect(status.body.status).toBe("InProgress");
    expect(status.headers.get("retry-after")).toBeNull();
    const location = await poll(accepted.headers.get("location")!);
    expect(location.status).toBe(202);
    expect(location.headers.get("retry-after")).toBeNull();
  });

  it("lro-no-polling-header: a 202 with neither Azure-AsyncOperation nor Location", async () => {
    const mock = await mockWith();
    const accepted = await regenerateGizmo(mock, fault("lro-no-polling-header"));
    expect(accepted.status).toBe(202);
    expect(accepted.headers.get("azure-asyncoperation")).toBeNull();
    expect(accepted.headers.get("location")).toBeNull();
    expect(accepted.headers.get("retry-after")).toMatch(/^\d+$/);
  });

  it("lro-foreign-host and lro-relative-url: the same operation's URLs, on another host or without one", async () => {
    const mock = await mockWith();
    const foreign = await regenerateGizmo(mock, fault("lro-foreign-host"));
    for (const header of ["azure-asyncoperation", "location"]) {
      const url = foreign.headers.get(header)!;
      expect(url).toMatch(/^https:\/\/elsewhere\.invalid\/subscriptions\//);
      expect((await poll(url.replace("https://elsewhere.invalid", mock.url))).status).toBeLessThan(300);
    }
    const relative = await regenerateGizmo(mock, fault("lro-relative-url"));
    for (const header of ["azure-asyncoperation", "location"]) {
      const url = relative.headers.get(header)!;
      expect(url).toMatch(new RegExp(`^/subscriptions/${SUBSCRIPTION}/providers/Example\\.Gizmos/locations/eastus/operation(Statuses|Results)/${GUID}\\?api-version=2025-01-01$`));
      expect((await poll(mock.url + url)).status).toBeLessThan(300);
    }
    // While running, the Location answer's own Location is as faulty as the first.
    expect((await poll(mock.url + relative.headers.get("location")!)).headers.get("location")).toMatch(/^\/subscriptions\//);
  });

  it("lro-bad-status-body: the status body has no status", async () => {
    const mock = await mockWith();
    const accepted = await regenerateGizmo(mock, fault("lro-bad-status-body"));
    const status = await poll(accepted.headers.get("azure-asyncoperation")!);
    expect(status.status).toBe(200);
    expect(status.body).not.toHaveProperty("status");
    expect(status.body.name).toMatch(new RegExp(`^${GUID}$`));
  });

  it("lro-invalid-final-result: a key of the wrong type in a declared body; a body where none is declared", async () => {
    const mock = await mockWith();
    const signal = await regenerateSignal(mock, fault("lro-invalid-final-result"));
    await sleep(DURATION + 50);
    const final = await poll(signal.headers.get("location")!);
    expect(final.status).toBe(200);
    expect(final.body.primaryKey).toBe(12345);
    const gizmo = await regenerateGizmo(mock, fault("lro-invalid-final-result"));
    await sleep(DURATION + 50);
    const bodiless = await poll(gizmo.headers.get("location")!);
    expect(bodiless.status).toBe(200);
    expect(bodiless.body).toEqual({ rekeyUndocumentedField: true });
  });

  it("lro-rotate-early: the read-back shows the new key while the operation is still InProgress", async () => {
    const mock = await mockWith();
    const before = await gizmoKeys(mock);
    const accepted = await regenerateGizmo(mock, fault("lro-rotate-early"));
    const early = await gizmoKeys(mock);
    expect((await poll(accepted.headers.get("azure-asyncoperation")!)).body.status).toBe("InProgress");
    expect(early.primaryMasterKey).not.toBe(before.primaryMasterKey);
    await sleep(DURATION + 50);
    expect(await gizmoKeys(mock)).toEqual(early); // completing rotates nothing more
  });

  it("--fault lro-failed applies to every operation started, and a sync operation is untouched by it", async () => {
    const faulty = await mockWith({ fault: "lro-failed" });
    const accepted = await regenerateGizmo(faulty);
    expect((await terminal(accepted.headers.get("azure-asyncoperation")!)).body.status).toBe("Failed");
    const list = await call(`${faulty.url}${RG}/gizmos/gizmo1/listKeys${Q}`, { method: "POST" });
    expect(list.status).toBe(200);
  });
});

describe.concurrent("configuration", () => {
  it("a second --lro-duration value is honoured, with Retry-After in whole seconds rounded up", async () => {
    const slow = await mockWith({ lroDurationMs: 1500 });
    const accepted = await regenerateGizmo(slow);
    expect(accepted.headers.get("retry-after")).toBe("2");
    await sleep(700);
    const running = await poll(accepted.headers.get("azure-asyncoperation")!);
    expect(running.body.status).toBe("InProgress");
    expect(Number(running.headers.get("retry-after"))).toBeLessThanOrEqual(1);
    const done = await terminal(accepted.headers.get("azure-asyncoperation")!);
    expect(done.body.status).toBe("Succeeded");
    expect(Date.parse(done.body.endTime) - Date.parse(done.body.startTime)).toBe(1500);
  });

  it("the store is bounded: past its limit the oldest operation is forgotten (404)", async () => {
    const small = await mockWith({ lroOperationLimit: 3 });
    const urls: string[] = [];
    for (let i = 0; i < 4; i++) urls.push((await regenerateGizmo(small)).headers.get("azure-asyncoperation")!);
    expectArmError(await poll(urls[0]), 404, "OperationNotFound");
    for (const url of urls.slice(1)) expect((await poll(url)).status).toBe(200);
  });

  it("--examples-only: the example's 202 shape with the mock's own URLs (never management.azure.com), the example's final result, no state change", async () => {
    const examples = await mockWith({ examplesOnly: true });
    const before = await signalKeys(examples);
    const gizmo = await regenerateGizmo(examples);
    expect(gizmo.status).toBe(202);
    for (const header of ["azure-asyncoperation", "location"]) expect(gizmo.headers.get(header)!.startsWith(`${examples.url}/subscriptions/`)).toBe(true);
    const signal = await regenerateSignal(examples);
    expect(signal.status).toBe(202);
    expect(signal.headers.get("azure-asyncoperation")).toBeNull();
    expect(signal.headers.get("location")!.startsWith(`${examples.url}/subscriptions/`)).toBe(true);
    expect(signal.body.primaryKey).toBe("primary-key-example");
    await sleep(DURATION + 50);
    const final = await poll(signal.headers.get("location")!);
    expect(final.status).toBe(200);
    expect(final.body).toEqual({}); // the example's 200
    expect(await signalKeys(examples)).toEqual(before);
    for (const answer of [gizmo, signal]) answer.headers.forEach((value) => expect(value).not.toContain("management.azure.com"));
  });

  it("resetting the state forgets the operations in flight: they change nothing after, and their URLs answer 404", async () => {
    const mock = await mockWith();
    const accepted = await regenerateGizmo(mock);
    expect((await fetch(`${mock.url}/_rekey/state/reset`, { method: "POST" })).status).toBe(204);
    const reset = await gizmoKeys(mock);
    await sleep(DURATION + 50);
    expect(await gizmoKeys(mock)).toEqual(reset);
    expectArmError(await poll(accepted.headers.get("azure-asyncoperation")!), 404, "OperationNotFound");
  });

  it("Prefer: code=200 asks for the synchronous example instead of starting an operation", async () => {
    const mock = await mockWith();
    const answer = await regenerateGizmo(mock, { prefer: "code=200" });
    expect(answer.status).toBe(200);
    expect(answer.headers.get("location")).toBeNull();
  });

  it("rekey mock: --list-faults lists the lro-* faults; a bad --lro-duration is one line and exit 2", async () => {
    const listed = await runRekey(["mock", "--list-faults"]);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toMatch(/^lro-invalid-final-result +the final result at Location breaks its schema$/m);
    const bad = await runRekey(["mock", "--specs", FIXTURES, "--lro-duration", "soon"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr.trim().split("\n")).toHaveLength(1);
    expect(bad.stderr).toContain("--lro-duration");
  });
});

describe.concurrent("every long-running operation specs/ holds", async () => {
  const operations = (await operationsUnderTest()).filter(({ operation }) => operation.longRunning);
  const all = await operationsUnderTest();

  it("there are some", () => expect(operations.length).toBeGreaterThan(0));

  it.each(operations.map((o) => [`${o.doc.service}/${o.doc.apiVersion}/${o.operation.operationId}`, o] as const))(
    "%s: 202 with exactly its declared polling headers, keys unchanged until completion, the final result as declared",
    async (_name, { doc, operation, values }) => {
      const { ajv } = await productSpecs();
      const running = await startProductMock({ lroDurationMs: DURATION });
      mocks.push(running);
      const lr = operation.longRunning!;
      const readBack = operation.rotation?.readBack;
      const reader = readBack && all.find((o) => o.doc === doc && o.operation.operationId === readBack.operationId)!;
      const keys = async () => {
        const answer = await send(running, reader!.operation, reader!.values);
        return Object.values(readBack!.keys).map((where) => keyValue(where, "value", answer.json));
      };
      const before = reader ? await keys() : [];

      const accepted = await send(running, operation, values);
      expect(accepted.status).toBe(Number(lr.acceptedStatus));
      for (const header of ["Azure-AsyncOperation", "Location", "Operation-Location"]) {
        const value = accepted.headers.get(header);
        if (lr.declaredHeaders.includes(header)) expect(value?.startsWith(`${running.url}/subscriptions/`), header).toBe(true);
        else expect(value, header).toBeNull();
      }
      expect(accepted.headers.get("retry-after")).toMatch(/^\d+$/);
      if (reader) expect(await keys()).toEqual(before);

      const location = accepted.headers.get("location") ?? accepted.headers.get("azure-asyncoperation")!.replace("/operationStatuses/", "/operationResults/");
      let final = await call(location);
      for (const until = Date.now() + 5000; final.status === 202 && Date.now() < until; final = await call(location)) await sleep(50);
      const declared = operation.responses.find((r) => r.status === String(final.status));
      expect(declared && /^2/.test(declared.status) && declared.status !== lr.acceptedStatus, `final status ${final.status}`).toBe(true);
      if (declared!.schema) {
        const validate = compiledSchema(ajv, doc, declared!.schemaPointer!);
        expect(validate(final.body), JSON.stringify(validate.errors)).toBe(true);
      } else expect(final.text).toBe("");
      if (reader) expect(await keys()).not.toEqual(before);
    });
});
