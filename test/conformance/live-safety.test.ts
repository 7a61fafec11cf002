/**
 * `--target live` rotates nothing unless told to, and then only the resources the user named. ARM is stood in for
 * by the mock on loopback (--endpoint), so the test sees every request that reached "Azure".
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { conform } from "../../conformance/conform.ts";
import { startMock, type RunningMock } from "../../conformance/mock/start-mock.ts";
import { HELD_BACK } from "../../conformance/targets/live-target.ts";
import { productSpecs } from "../helpers/mock.ts";

const { docs, ajv } = await productSpecs();
const SUBSCRIPTION = "00000000-0000-0000-0000-000000000000"; // the Maps and API Management examples' subscription

describe("--target live safety", () => {
  let mock: RunningMock;
  const log: string[] = [];
  beforeAll(async () => {
    mock = await startMock({ docs, ajv, log: (line) => log.push(line) });
    process.env.REKEY_LIVE_TEST_TOKEN = "live-test-token-0b7e";
  });
  afterAll(() => mock.close());
  const live = { target: "live", endpoint: "", subscription: SUBSCRIPTION, tokenEnv: "REKEY_LIVE_TEST_TOKEN", docs, ajv };

  test("without --allow-mutations every exchange that could change state is held back, and none reaches the endpoint", async () => {
    log.length = 0;
    const { summary, results } = await conform({ ...live, endpoint: mock.url });
    const mutating = results.filter((r) => r.exchange.mutation !== "never");
    expect(mutating.length).toBeGreaterThan(40);
    for (const r of mutating) expect([r.exchange.id, r.outcome]).toEqual([r.exchange.id, "held-back"]);
    expect(summary.heldBack).toBe(mutating.length);
    expect(summary.heldBackReasons[HELD_BACK.rotates]).toBe(results.filter((r) => r.exchange.mutation === "always").length);
    expect(summary.heldBackReasons[HELD_BACK.mayRotate]).toBe(results.filter((r) => r.exchange.mutation === "if-accepted").length);
    // what was sent: negative cases that cannot address a resource, all refused; nothing answered 2xx
    expect(log.length).toBe(results.length - mutating.length);
    expect(log.filter((line) => / 2\d\d /.test(line))).toEqual([]);
    expect(summary.failed).toBe(0);
  });

  test("with --allow-mutations, only the named resources are changed", async () => {
    log.length = 0;
    const { results } = await conform({
      ...live, endpoint: mock.url, allowMutations: true,
      resources: { maps: { resourceGroupName: "myResourceGroup", accountName: "myMapsAccount" } },
    });
    const sentMutating = results.filter((r) => r.exchange.mutation !== "never" && r.outcome !== "held-back");
    expect(sentMutating.length).toBeGreaterThan(10);
    for (const r of sentMutating) {
      expect(r.exchange.service).toBe("maps");
      expect(r.exchange.resource).toMatch(/\/resourcegroups\/myresourcegroup\/providers\/microsoft\.maps\/accounts\/mymapsaccount$/);
    }
    const others = results.filter((r) => r.exchange.mutation !== "never" && r.exchange.service !== "maps");
    expect(others.length).toBeGreaterThan(10);
    for (const r of others) expect(r.reason).toBe(HELD_BACK.unnamed);
    expect(results.filter((r) => r.outcome === "failed")).toEqual([]);
  });

  test("a bad subscription or a resource flag for an unknown operation is a usage error", async () => {
    await expect(conform({ ...live, endpoint: mock.url, subscription: "nope" })).rejects.toThrow(/--subscription: "nope" is not a subscription id/);
    await expect(conform({ ...live, endpoint: mock.url, resources: { storage: { accountName: "x" } } })).rejects.toThrow(/"storage" names no operation/);
    await expect(conform({ ...live, endpoint: "http://example.com" })).rejects.toThrow(/plain http is allowed only to loopback/);
  });
});
