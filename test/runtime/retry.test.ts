/** Retry decisions (pure strategies) and the retry policy, driven by fake timers: no test waits for real time. */
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { headerReader, type PipelineRequest, type PipelineResponse } from "../../client-runtime/pipeline.ts";
import { retryPolicy, sleep } from "../../client-runtime/retry.ts";
import {
  errorCode, exponentialDelay, exponentialRetryStrategy, isRetriableStatus, retryAfterMs, throttlingRetryStrategy,
} from "../../client-runtime/retry-strategies.ts";

const NOW = Date.parse("2026-01-01T00:00:00Z");
const headers = (h: Record<string, string>) => headerReader(h);

describe("retryAfterMs", () => {
  it.each([
    [{ "retry-after-ms": "250" }, 250],
    [{ "x-ms-retry-after-ms": "1500" }, 1500],
    [{ "retry-after": "2" }, 2000],
    [{ "retry-after": "Thu, 01 Jan 2026 00:00:05 GMT" }, 5000],
    [{ "retry-after": "Wed, 31 Dec 2025 23:59:00 GMT" }, 0],
    [{ "retry-after-ms": "100", "retry-after": "9" }, 100],
    [{ "retry-after-ms": "soon", "retry-after": "3" }, 3000],
    [{ "retry-after": "soon" }, undefined],
    [{}, undefined],
    // as asked, however long: the policy, not the parser, refuses what is too long
    [{ "retry-after": "99999999" }, 99_999_999_000],
    [{ "retry-after-ms": "2147483648" }, 2_147_483_648],
    [{ "retry-after-ms": "1e400", "retry-after": "4" }, 4000],
  ])("%j → %s", (given, want) => expect(retryAfterMs(headers(given), NOW)).toBe(want));
});

describe("throttlingRetryStrategy", () => {
  const strategy = throttlingRetryStrategy(() => NOW);
  it.each([
    [429, { "retry-after": "1" }, 1000],
    [503, { "retry-after-ms": "20" }, 20],
    [429, {}, undefined], // Azure does not retry a 429 that says nothing
    [429, { "retry-after": "99999999" }, 99_999_999_000],
    [500, { "retry-after": "1" }, undefined],
    [200, { "retry-after": "1" }, undefined],
  ])("%i %j → %s", (status, h, want) => expect(strategy({ retryCount: 0, status, headers: headers(h) })).toBe(want));
});

describe("exponentialRetryStrategy", () => {
  it.each([[408, true], [500, true], [502, true], [503, true], [504, true], [599, true], [501, false], [505, false], [400, false], [404, false], [429, false], [200, false]])(
    "status %i retriable: %s", (status, want) => expect(isRetriableStatus(status)).toBe(want));

  it("waits uniformly in [d/2, d], d = min(max, base × 2^n)", () => {
    expect(exponentialDelay(0, {}, 0)).toBe(500);
    expect(exponentialDelay(0, {}, 0.999999)).toBeCloseTo(1000, 2);
    expect(exponentialDelay(2, {}, 0.5)).toBe(3000);
    expect(exponentialDelay(10, {}, 0)).toBe(32000); // capped at 64000
    expect(exponentialDelay(3, { retryDelayInMs: 10, maxRetryDelayInMs: 40 }, 1)).toBe(40);
  });

  it("retries network errors by code, looking through fetch's cause", () => {
    const strategy = exponentialRetryStrategy({}, () => 0);
    const refused = Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" });
    expect(strategy({ retryCount: 1, error: refused })).toBe(1000);
    expect(strategy({ retryCount: 0, error: new TypeError("fetch failed", { cause: refused }) })).toBe(500);
    expect(errorCode(new TypeError("fetch failed", { cause: refused }))).toBe("ECONNREFUSED");
    expect(strategy({ retryCount: 0, error: new Error("something else") })).toBeUndefined();
    expect(strategy({ retryCount: 0, status: 500 })).toBe(500);
    expect(strategy({ retryCount: 0, status: 404 })).toBeUndefined();
  });
});

describe("retry policy with fake timers", () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(NOW);
  });
  afterEach(() => vi.useRealTimers());

  const request = (signal?: AbortSignal): PipelineRequest => ({ url: "https://h/x", method: "POST", headers: { "x-ms-client-request-id": "id-1" }, body: undefined, signal });
  const answers = (...list: Array<PipelineResponse | Error>) => {
    const seen: Array<{ at: number; id: string }> = [];
    const next = vi.fn(async (r: PipelineRequest) => {
      seen.push({ at: Date.now() - NOW, id: r.headers["x-ms-client-request-id"] });
      const answer = list.shift() ?? { status: 200, headers: {}, body: new Uint8Array() };
      if (answer instanceof Error) throw answer;
      return answer;
    });
    return { next, seen };
  };
  const res = (status: number, h: Record<string, string> = {}): PipelineResponse => ({ status, headers: h, body: new Uint8Array() });

  it("honours Retry-After on 429 exactly, with the same client request id", async () => {
    const { next, seen } = answers(res(429, { "retry-after": "1" }), res(503, { "retry-after-ms": "300" }));
    const done = retryPolicy()(request(), next);
    await vi.advanceTimersByTimeAsync(999);
    expect(seen).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(seen).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(300);
    expect((await done).status).toBe(200);
    expect(seen).toEqual([{ at: 0, id: "id-1" }, { at: 1000, id: "id-1" }, { at: 1300, id: "id-1" }]);
  });

  it("backs off exponentially on 500 and gives up after maxRetries (default 3: 4 attempts), returning the last response", async () => {
    vi.spyOn(Math, "random").mockReturnValue(1);
    const { next, seen } = answers(res(500), res(502), res(504), res(500, { "x-last": "yes" }));
    const done = retryPolicy()(request(), next);
    await vi.advanceTimersByTimeAsync(1000 + 2000 + 4000);
    const last = await done;
    expect(last.headers["x-last"]).toBe("yes");
    expect(seen.map((s) => s.at)).toEqual([0, 1000, 3000, 7000]);
    vi.mocked(Math.random).mockRestore();
  });

  it("respects a configured maxRetries and does not retry 501, 429 without Retry-After, or 4xx", async () => {
    const once = answers(res(500), res(500));
    const done = retryPolicy({ maxRetries: 1 })(request(), once.next);
    await vi.advanceTimersByTimeAsync(10_000);
    expect((await done).status).toBe(500);
    expect(once.next).toHaveBeenCalledTimes(2);
    for (const status of [501, 505, 429, 400, 404, 409]) {
      const { next } = answers(res(status));
      expect((await retryPolicy()(request(), next)).status).toBe(status);
      expect(next).toHaveBeenCalledTimes(1);
    }
  });

  it("retries a network error and rethrows it when retries run out", async () => {
    const reset = () => Object.assign(new Error("socket hang up"), { code: "ECONNRESET" });
    const { next } = answers(reset(), reset(), reset(), reset());
    const done = retryPolicy()(request(), next).catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(64_000);
    expect(await done).toMatchObject({ code: "ECONNRESET" });
    expect(next).toHaveBeenCalledTimes(4);
  });

  it("stops waiting when the call is aborted", async () => {
    const controller = new AbortController();
    const { next } = answers(res(503, { "retry-after": "60" }));
    const done = retryPolicy()(request(controller.signal), next).catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(10);
    controller.abort(new Error("user gave up"));
    expect(await done).toMatchObject({ message: "user gave up" });
    expect(next).toHaveBeenCalledTimes(1);
    await expect(sleep(5, controller.signal)).rejects.toThrow("user gave up");
  });

  describe("a Retry-After beyond maxRetryAfterInMs (default 60 s)", () => {
    const throttled = (h: Record<string, string>) => res(429, { ...h, "x-ms-request-id": "req-9" });

    it.each([
      [{ "retry-after": "99999999" }, 99_999_999_000],
      [{ "retry-after-ms": "2147483648" }, 2_147_483_648],
      [{ "x-ms-retry-after-ms": "60001" }, 60_001],
      [{ "retry-after": "Fri, 01 Jan 2027 00:00:00 GMT" }, 365 * 86_400_000],
    ])("%j stops at once, handing up the response and the wait asked for", async (h, asked) => {
      const { next } = answers(throttled(h));
      const done = retryPolicy()(request(), next).catch((e: unknown) => e);
      await vi.advanceTimersByTimeAsync(1); // where an overflowing setTimeout would have fired
      expect(next).toHaveBeenCalledTimes(1);
      expect(await done).toMatchObject({ name: "RetryAfterTooLong", retryAfterMs: asked, maxRetryAfterInMs: 60_000, response: { status: 429, headers: { "x-ms-request-id": "req-9" } } });
      expect(vi.getTimerCount()).toBe(0);
    });

    it("a wait of exactly the ceiling is honoured; maxRetryAfterInMs raises it", async () => {
      const atCeiling = answers(throttled({ "retry-after": "60" }));
      const done = retryPolicy()(request(), atCeiling.next);
      await vi.advanceTimersByTimeAsync(60_000);
      expect((await done).status).toBe(200);
      expect(atCeiling.seen.map((s) => s.at)).toEqual([0, 60_000]);
      const raised = answers(throttled({ "retry-after": "90" }));
      const later = retryPolicy({ maxRetryAfterInMs: 120_000 })(request(), raised.next);
      await vi.advanceTimersByTimeAsync(90_000);
      expect((await later).status).toBe(200);
      expect(raised.seen.map((s) => s.at)).toEqual([60_000, 150_000]);
    });

    it("only bounds what the service asks for: the exponential back-off keeps its own cap", async () => {
      vi.spyOn(Math, "random").mockReturnValue(1);
      const { next, seen } = answers(res(500), res(500));
      const done = retryPolicy({ maxRetryAfterInMs: 10, retryDelayInMs: 100_000, maxRetryDelayInMs: 200_000 })(request(), next);
      await vi.advanceTimersByTimeAsync(100_000 + 200_000);
      expect((await done).status).toBe(200);
      expect(seen.map((s) => s.at)).toEqual([0, 100_000, 300_000]);
      vi.mocked(Math.random).mockRestore();
    });

    it("with no retries left, the 429 is returned as any last response", async () => {
      const { next } = answers(throttled({ "retry-after": "99999999" }));
      expect((await retryPolicy({ maxRetries: 0 })(request(), next)).status).toBe(429);
    });
  });

  it.each([2 ** 31, 99_999_999_000, -1, Number.NaN, Number.POSITIVE_INFINITY])("sleep(%d) refuses a wait setTimeout cannot hold", async (ms) => {
    await expect(sleep(ms)).rejects.toThrow(RangeError);
    expect(vi.getTimerCount()).toBe(0);
  });
});
