/**
 * The runner follows a long-running operation after its 202 — polls, Retry-After, the final result where
 * final-state-via says — and each async-* check fails on the endpoint that breaks its part of ARM's contract. The
 * endpoint is a loopback server answering the widgets fixture made long-running; every request it saw is asserted.
 * The read a rotation takes while its operation runs is judged against the real mock (specs/) and its fault.
 */
import { afterAll, describe, expect, test } from "vitest";
import { conform } from "../../conformance/conform.ts";
import type { ExchangeResult } from "../../conformance/exchange.ts";
import { loadSpecs } from "../../kernel/index.ts";
import { type AnsweredRequest, type Answer, startAnsweringServer } from "../helpers/answering-server.ts";
import { removeTempDirs } from "../helpers/files.ts";
import { LRO_EXAMPLE_ID, longRunningWidgets } from "../helpers/long-running-widgets.ts";

const TOKEN = "lro-runner-token-5c1f0e";
process.env.REKEY_LRO_TEST_TOKEN = TOKEN;
const specsDir = longRunningWidgets();
const { docs, ajv } = await loadSpecs(specsDir);
const KEY = "new-widget-key-c0ffee";
const STATUS_PATH = "/subscriptions/sub1/providers/Example.Widgets/locations/westus/operationStatuses/op1?api-version=2024-01-01";
const RESULT_PATH = "/subscriptions/sub1/providers/Example.Widgets/locations/westus/operationResults/op1?api-version=2024-01-01";

interface Behaviour {
  /** Headers of the 202 (origin: the server's). */
  accepted?: (origin: string) => Record<string, string>;
  /** The status monitor's answer to its n-th poll (0-based). */
  status?: (n: number) => Answer;
  /** The Location URL's answer to its n-th request (origin: the server's). */
  result?: (n: number, origin: string) => Answer;
}

const running = (n: number, polls = 2): Answer => ({ status: 200, headers: { "retry-after": "0" }, body: { id: "/op1", name: "op1", status: n + 1 < polls ? "InProgress" : "Succeeded", startTime: "2026-01-01T00:00:00Z" } });
const keys: Answer = { status: 200, body: { primaryKey: KEY, lastRotated: "2026-01-01T00:00:01Z" } };
const bothHeaders = (origin: string) => ({ "azure-asyncoperation": origin + STATUS_PATH, location: origin + RESULT_PATH, "retry-after": "0" });

afterAll(removeTempDirs);

const viaStatus = await loadSpecs(longRunningWidgets("azure-async-operation"));

async function run(behaviour: Behaviour, options: { lroTimeoutMs?: number; lroIntervalMs?: number; only?: string; specs?: typeof viaStatus; signal?: AbortSignal } = {}) {
  const counts = { status: 0, result: 0 };
  // A server per run: the tests run concurrently (they mostly wait on polls), each against its own.
  const server = await startAnsweringServer((request: AnsweredRequest, _index, origin) => {
    if (request.method === "POST") return { status: 202, headers: (behaviour.accepted ?? bothHeaders)(origin) };
    if (request.url.includes("/operationStatuses/")) return (behaviour.status ?? running)(counts.status++);
    if (request.url.includes("/operationResults/")) return (behaviour.result ?? (() => keys))(counts.result++, origin);
    return { status: 404, body: { error: { code: "NotFound", message: "no such route" } } };
  });
  try {
    const outcome = await conform({
      target: server.url, docs: (options.specs ?? { docs }).docs, ajv: options.specs?.ajv ?? ajv, tokenEnv: "REKEY_LRO_TEST_TOKEN", allowMutations: true, subscription: undefined,
      resources: { Widgets_RegenerateKey: { subscriptionId: "sub1", widgetName: "widget1" } },
      only: [options.only ?? LRO_EXAMPLE_ID], concurrency: 1, lroTimeoutMs: options.lroTimeoutMs, lroIntervalMs: options.lroIntervalMs, signal: options.signal,
    });
    return { ...outcome, result: outcome.results[0]!, requests: server.requests };
  } finally {
    await server.close();
  }
}

const findings = (result: ExchangeResult, check: string) => [...result.failures, ...result.warnings].filter((f) => f.check === check);

describe.concurrent("following an operation", () => {
  test("polls the status monitor with the token, reads the final result at Location, and passes", async () => {
    const { result, requests } = await run({});
    expect(result.failures).toEqual([]);
    expect(result.warnings).toEqual([]);
    expect(result.outcome).toBe("passed");
    expect(result.checksRun).toEqual(expect.arrayContaining(["async-accepted", "async-polling-url", "async-terminal", "async-final-result", "async-retry-after"]));
    expect(requests.map((r) => `${r.method} ${r.url.split("?")[0].split("/").at(-2)}`)).toEqual(["POST widget1", "GET operationStatuses", "GET operationStatuses", "GET operationResults"]);
    for (const request of requests) expect(request.headers.authorization).toBe(`Bearer ${TOKEN}`);
    const trace = result.operation!;
    expect(trace).toMatchObject({ finalStateVia: "location", terminal: "Succeeded" });
    expect(trace.requests.map((r) => [r.purpose, r.header, r.status, r.state])).toEqual([
      ["poll", "Azure-AsyncOperation", 200, "InProgress"], ["poll", "Azure-AsyncOperation", 200, "Succeeded"], ["final", "Location", 200, undefined],
    ]);
    // The final result's key is a secret (x-ms-secret): redacted in the report, like the token.
    expect(trace.requests[2].body).toEqual({ primaryKey: "[REDACTED]", lastRotated: "2026-01-01T00:00:01Z" });
    expect(JSON.stringify(result)).not.toContain(KEY);
    expect(JSON.stringify(result)).not.toContain(TOKEN);
  });

  test("a Location-only operation is polled at Location until it stops answering 202", async () => {
    const { result, requests } = await run({
      accepted: (origin) => ({ location: origin + RESULT_PATH, "retry-after": "0" }),
      result: (n, origin) => (n < 2 ? { status: 202, headers: { location: origin + RESULT_PATH, "retry-after": "0" } } : keys),
    });
    expect([...result.failures, ...result.warnings]).toEqual([]);
    expect(requests.filter((r) => r.method === "GET").every((r) => r.url.includes("/operationResults/"))).toBe(true);
    expect(result.operation!.requests.map((r) => [r.purpose, r.state])).toEqual([["poll", "running"], ["poll", "running"], ["poll", "succeeded"]]);
  });

  test("Retry-After is honoured: the first poll waits the seconds the 202 asks", async () => {
    const started = Date.now();
    const times: number[] = [];
    const { result } = await run({
      accepted: (origin) => ({ ...bothHeaders(origin), "retry-after": "1" }),
      status: (n) => (times.push(Date.now() - started), running(n, 1)),
    });
    expect(result.outcome).toBe("passed");
    expect(times[0]).toBeGreaterThanOrEqual(950);
  });

  test("Ctrl-C while polling stops at once: the run is interrupted, no async check blames the endpoint", async () => {
    const controller = new AbortController();
    const started = Date.now();
    const { result, summary } = await run({ status: () => (setTimeout(() => controller.abort(), 50), { ...running(0, 99), headers: { "retry-after": "10" } }) }, { signal: controller.signal });
    expect(Date.now() - started).toBeLessThan(5000);
    expect(summary.interrupted).toBe(true);
    expect(result.operation).toMatchObject({ stopped: "interrupted" });
    expect(result.failures.filter((f) => f.check.startsWith("async-"))).toEqual([]);
  });

  test("an answer to a request meant to be refused is never followed", async () => {
    const { result, requests } = await run({}, { only: "widgets/2024-01-01/Widgets_RegenerateKey/negative/body.keyName.enum" });
    expect(result.outcome).toBe("failed");
    expect(result.failures.map((f) => f.check)).toContain("negative-rejected");
    expect(result.failures.find((f) => f.check === "negative-rejected")!.message).toMatch(/^accepted \(202\)/);
    expect(result.operation).toBeUndefined();
    expect(requests).toHaveLength(1);
  });
});

describe.concurrent("each async check fails on the endpoint that breaks its part", () => {
  test("async-accepted: a 202 without a polling header", async () => {
    const { result, requests } = await run({ accepted: () => ({ "retry-after": "0" }) });
    expect(findings(result, "async-accepted")).toMatchObject([{ severity: "failure", message: expect.stringMatching(/carries no polling header/) }]);
    expect(requests).toHaveLength(1);
  });

  test("async-accepted: a 202 without the Location final-state-via reads", async () => {
    const { result } = await run({ accepted: (origin) => ({ "azure-asyncoperation": origin + STATUS_PATH, "retry-after": "0" }) });
    expect(findings(result, "async-accepted")).toMatchObject([{ severity: "failure", message: expect.stringMatching(/no Location, where final-state-via location reads/) }]);
  });

  test("async-polling-url: relative polling URLs are never requested", async () => {
    const { result, requests } = await run({ accepted: () => ({ "azure-asyncoperation": STATUS_PATH, location: RESULT_PATH, "retry-after": "0" }) });
    expect(findings(result, "async-polling-url").map((f) => f.message)).toEqual([
      "Azure-AsyncOperation is not an absolute URL: it was never requested", "Location is not an absolute URL: it was never requested",
    ]);
    expect(requests).toHaveLength(1);
    expect(findings(result, "async-terminal")).toEqual([]);
  });

  test("async-polling-url: polling URLs on another host are never requested, with or without the token", async () => {
    const elsewhere = await startAnsweringServer(() => running(1));
    try {
      const { result, requests } = await run({ accepted: () => ({ "azure-asyncoperation": elsewhere.url + STATUS_PATH, location: elsewhere.url + RESULT_PATH, "retry-after": "0" }) });
      expect(findings(result, "async-polling-url").map((f) => f.message)).toEqual([
        expect.stringMatching(/^Azure-AsyncOperation points to another host: it was never requested/), expect.stringMatching(/^Location points to another host/),
      ]);
      expect(elsewhere.requests).toEqual([]);
      expect(requests).toHaveLength(1);
    } finally {
      await elsewhere.close();
    }
  });

  test("async-polling-url: a status URL that answers 404", async () => {
    const { result } = await run({ status: () => ({ status: 404, body: { error: { code: "NotFound", message: "gone" } } }) });
    expect(findings(result, "async-polling-url")).toMatchObject([{ severity: "failure", message: "poll 1: the status monitor answered 404, not 200 with the operation's status" }]);
  });

  test("async-polling-url: a status body without a valid status", async () => {
    const { result } = await run({ status: () => ({ status: 200, body: { id: "/op1", status: 7 } }) });
    expect(findings(result, "async-polling-url")).toMatchObject([{ message: expect.stringMatching(/^poll 1: the status monitor's answer has no status/) }]);
  });

  test("async-terminal: an operation that ends Failed is named with its error", async () => {
    const { result } = await run({ status: () => ({ status: 200, body: { id: "/op1", name: "op1", status: "Failed", error: { code: "KeyRotationFailed", message: "the key store refused" } } }) });
    expect(findings(result, "async-terminal")).toMatchObject([{ severity: "failure", pointer: "/error", message: "the operation ended Failed (poll 1): KeyRotationFailed: the key store refused" }]);
    expect(findings(result, "async-final-result")).toEqual([]);
  });

  test("async-terminal: Canceled (any case) without an error object", async () => {
    const { result } = await run({ status: () => ({ status: 200, body: { id: "/op1", name: "op1", status: "canceled" } }) });
    expect(findings(result, "async-terminal")).toMatchObject([{ message: "the operation ended Canceled (poll 1), without an error object (code and message)" }]);
  });

  // Alone: its bound on the follow's duration must not count the other tests' work on this event loop.
  test.sequential("async-terminal: an operation that never finishes, within --lro-timeout", async () => {
    const { result, requests } = await run({ status: () => running(0, 99) }, { lroTimeoutMs: 300 });
    expect(findings(result, "async-terminal")).toMatchObject([{ severity: "failure", message: expect.stringMatching(/^no terminal state within 300 ms/) }]);
    // Retry-After: 0 forever is not a tight loop.
    expect(requests.length).toBeLessThan(40);
    expect(result.operation!.durationMs).toBeLessThan(1000);
  });

  test("async-final-result: a final result that breaks its schema", async () => {
    const { result } = await run({ result: () => ({ status: 200, body: { primaryKey: 12345 } }) });
    expect(findings(result, "async-final-result")).toMatchObject([{ severity: "failure", pointer: "/primaryKey", message: "the final result: /primaryKey must be string" }]);
  });

  test("async-final-result: a final result with an undocumented status", async () => {
    const { result } = await run({ result: () => ({ status: 201, body: { primaryKey: KEY } }) });
    expect(findings(result, "async-final-result")).toMatchObject([{ message: "the final result answered 201; the operation's final answer is 200" }]);
  });

  test("a Location-only operation: its last poll is the final result, an error status its failure", async () => {
    const locationOnly = (origin: string) => ({ location: origin + RESULT_PATH, "retry-after": "0" });
    const invalid = await run({ accepted: locationOnly, result: () => ({ status: 200, body: { primaryKey: 5 } }) });
    expect(findings(invalid.result, "async-final-result")).toMatchObject([{ pointer: "/primaryKey", message: "the final result (poll 1): /primaryKey must be string" }]);
    const failed = await run({ accepted: locationOnly, result: () => ({ status: 500, body: { error: { code: "InternalServerError", message: "rotation failed" } } }) });
    expect(findings(failed.result, "async-terminal")).toMatchObject([{ message: "the operation ended Failed (poll 1): InternalServerError: rotation failed" }]);
  });

  test("async-retry-after: no Retry-After anywhere is a warning, and the default interval is used", async () => {
    const { result, summary } = await run({
      accepted: (origin) => ({ "azure-asyncoperation": origin + STATUS_PATH, location: origin + RESULT_PATH }),
      status: (n) => ({ ...running(n), headers: {} }),
    }, { lroIntervalMs: 20 });
    expect(result.outcome).toBe("passed");
    expect(result.failures).toEqual([]);
    expect(findings(result, "async-retry-after").map((f) => [f.severity, f.message])).toEqual([
      ["warning", "the 202 answer has no Retry-After: a client polls at its own interval"],
      ["warning", "1 of 1 answers showing the operation running had no Retry-After"],
    ]);
    expect(summary.warnings).toBe(2);
  });

  test("async-retry-after: a Retry-After that is not whole seconds", async () => {
    const { result } = await run({ accepted: (origin) => ({ ...bothHeaders(origin), "retry-after": "Wed, 21 Oct 2026 07:28:00 GMT" }) }, { lroIntervalMs: 20 });
    expect(findings(result, "async-retry-after")).toMatchObject([{ severity: "warning", message: "the 202 answer has a Retry-After that is not whole seconds" }]);
  });
});

describe.concurrent("final-state-via azure-async-operation: the result is the status monitor's", () => {
  const done = (properties: unknown): Answer => ({ status: 200, body: { id: "/op1", name: "op1", status: "Succeeded", properties } });

  test("its properties are the result: judged by the final answer's schema, its keys redacted, Location never read", async () => {
    const { result, requests } = await run({ status: (n) => (n === 0 ? running(0) : done({ primaryKey: KEY, lastRotated: "2026-01-01T00:00:01Z" })) }, { specs: viaStatus });
    expect([...result.failures, ...result.warnings]).toEqual([]);
    expect(requests.some((r) => r.url.includes("/operationResults/"))).toBe(false);
    expect(result.operation!.requests.at(-1)!.body).toMatchObject({ status: "Succeeded", properties: { primaryKey: "[REDACTED]" } });
    expect(JSON.stringify(result)).not.toContain(KEY);
  });

  test("async-final-result: properties that break the schema (the key field quoted redacted)", async () => {
    const { result } = await run({ status: () => done({ primaryKey: 7 }) }, { specs: viaStatus });
    expect(findings(result, "async-final-result")).toMatchObject([{ pointer: "/primaryKey", actual: "[REDACTED]", message: "the result the status monitor gave (poll 1): /primaryKey must be string" }]);
  });
});

describe.concurrent("live safety", () => {
  test("starting the operation is a mutation: held back without --allow-mutations, nothing sent", async () => {
    const server = await startAnsweringServer(() => ({ status: 500 }));
    try {
      const { results } = await conform({
        target: server.url, docs, ajv, tokenEnv: "REKEY_LRO_TEST_TOKEN",
        resources: { Widgets_RegenerateKey: { subscriptionId: "sub1", widgetName: "widget1" } }, only: [LRO_EXAMPLE_ID],
      });
      expect(results.map((r) => [r.outcome, r.reason])).toEqual([["held-back", expect.stringMatching(/pass --allow-mutations/)]]);
      expect(server.requests).toEqual([]);
    } finally {
      await server.close();
    }
  });
});

describe.concurrent("the sender", () => {
  test("refuses an absolute URL off the target's origin before connecting", async () => {
    const { createSender } = await import("../../conformance/runner/http-sender.ts");
    const elsewhere = await startAnsweringServer(() => ({ status: 200 }));
    const server = await startAnsweringServer(() => ({ status: 200, body: { ok: true } }));
    const sender = createSender({ baseUrl: server.url, timeoutMs: 2000 });
    try {
      await expect(sender.send({ method: "GET", url: `${elsewhere.url}/x`, headers: { authorization: `Bearer ${TOKEN}` } })).rejects.toThrow(/not on the target's host/);
      await expect(sender.send({ method: "GET", url: `${server.url}/y?api-version=1`, headers: {} })).resolves.toMatchObject({ status: 200 });
      expect(elsewhere.requests).toEqual([]);
      expect(server.requests.map((r) => r.url)).toEqual(["/y?api-version=1"]);
    } finally {
      sender.close();
      await Promise.all([elsewhere.close(), server.close()]);
    }
  });
});

describe("keys are judged before completion only when a poll proves the operation still ran", () => {
  test("lro-rotate-early: flagged when the read lands while InProgress, not judged when the operation was already done", async () => {
    const { pickOperation } = await import("../helpers/picked-operation.ts");
    const { productSpecs } = await import("../helpers/mock.ts");
    const product = await productSpecs();
    const picked = await pickOperation("long-running, its keys read back", ({ operation, exchanges }) =>
      operation.longRunning !== undefined && operation.rotation?.readBack !== undefined && exchanges.some((e) => e.scenario !== undefined));
    const rotating = picked.exchanges.find((e) => e.scenario !== undefined && !e.scenario.reads)!;
    const early = (result: ExchangeResult) => result.failures.filter((f) => f.check === "rotation" && f.message.startsWith("keys changed before the operation completed"));
    const runWith = (lroDurationMs: number) => conform({ target: "mock", ...product, fault: "lro-rotate-early", only: [rotating.id], lroDurationMs });

    const running = (await runWith(400)).results.find((r) => r.exchange.id === rotating.id)!;
    expect(running.operation!.requests[0]).toMatchObject({ purpose: "read-while-running", state: "InProgress" });
    expect(early(running).length).toBeGreaterThan(0);

    // Done at once: the read may come after completion, so it proves nothing and nothing is flagged.
    const done = (await runWith(0)).results.find((r) => r.exchange.id === rotating.id)!;
    expect(done.operation!.requests[0]).toMatchObject({ purpose: "read-while-running" });
    expect(done.operation!.requests[0].state).toBeUndefined();
    expect(early(done)).toEqual([]);
  });
});
