/**
 * The mock's per-subscription rate-limit buckets (x-ms-ratelimit-remaining-subscription-writes) stay bounded: a
 * client cycling made-up subscription ids cannot grow them without end. Time is given, not waited for.
 */
import { describe, expect, it } from "vitest";
import { RemainingWrites, TRACKED_SUBSCRIPTIONS, WriteCounters } from "../../conformance/mock/arm-headers.ts";

const NOW = 1_800_000_000_000;
const HOSTILE_CLIENT_SUBSCRIPTIONS = 50_000;
const made = (i: number) => `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`;

describe("RemainingWrites", () => {
  it(`keeps at most ${TRACKED_SUBSCRIPTIONS} subscriptions however many a client makes up`, () => {
    const writes = new RemainingWrites();
    for (let i = 0; i < HOSTILE_CLIENT_SUBSCRIPTIONS; i++) writes.take(made(i), NOW);
    expect(TRACKED_SUBSCRIPTIONS).toBe(10_000);
    expect(writes.size).toBe(TRACKED_SUBSCRIPTIONS);
    // ever-longer ids do not grow the keys either: a 10 000-character "subscription" is kept by its start
    const long = new RemainingWrites(200, 10, 2);
    expect([long.take("a".repeat(10_000), NOW), long.take("a".repeat(9_000), NOW)]).toEqual([199, 198]);
  });

  it("forgets the least recently used: a subscription in use keeps its count, a forgotten one comes back full", () => {
    const writes = new RemainingWrites();
    const [busy, idle] = ["busy-subscription", "idle-subscription"];
    for (let i = 0; i < 5; i++) writes.take(idle, NOW);
    let busyLeft = 0;
    for (let i = 0; i < HOSTILE_CLIENT_SUBSCRIPTIONS; i++) {
      if (i % 1000 === 0) busyLeft = writes.take(busy, NOW);
      writes.take(made(i), NOW);
    }
    expect(busyLeft).toBe(200 - HOSTILE_CLIENT_SUBSCRIPTIONS / 1000);
    expect(writes.take(busy, NOW)).toBe(busyLeft - 1);
    expect(writes.take(idle, NOW)).toBe(199); // not 194: its bucket was forgotten
  });

  it("reports the principal's and the global bucket, 15 times as large, each refilled over time", () => {
    const counters = new WriteCounters();
    expect(counters.take("s", NOW)).toEqual({
      "x-ms-ratelimit-remaining-subscription-writes": "199",
      "x-ms-ratelimit-remaining-subscription-global-writes": "2999",
    });
    expect(counters.take("s", NOW)).toEqual({
      "x-ms-ratelimit-remaining-subscription-writes": "198",
      "x-ms-ratelimit-remaining-subscription-global-writes": "2998",
    });
    expect(counters.take("s", NOW + 1000)).toEqual({
      "x-ms-ratelimit-remaining-subscription-writes": "199",
      "x-ms-ratelimit-remaining-subscription-global-writes": "2999",
    });
  });
});
