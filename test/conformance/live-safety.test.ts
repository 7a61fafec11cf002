/**
 * Targets that may be real Azure — `--target live`, and a URL (which may be a proxy in front of ARM) — rotate
 * nothing unless told to, and then only the resources the user named. ARM is stood in for by the mock on loopback
 * (--endpoint, or the URL itself), so the test sees every request that reached "Azure".
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { conform, type ConformOptions } from "../../conformance/conform.ts";
import { startMock, type RunningMock } from "../../conformance/mock/start-mock.ts";
import { HELD_BACK, type GatedTarget } from "../../conformance/targets/mutation-gate.ts";
import { compileExchanges } from "../../conformance/exchanges/compile-exchanges.ts";
import { operationKey } from "../../conformance/exchange.ts";
import { exampleResources } from "../helpers/example-resources.ts";
import { productSpecs } from "../helpers/mock.ts";
import { pickOperation, readOnlyExchanges } from "../helpers/picked-operation.ts";

const { docs, ajv } = await productSpecs();
const SUBSCRIPTION = "00000000-0000-0000-0000-000000000000";
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Exchanges of every product spec that may change state. */
const MUTATING = compileExchanges({ docs, ajv }).filter((e) => e.mutation !== "never").length;

// The resource a user names: the one the first example of an operation from specs/ addresses (the mock holds it), an
// operation that rotates keys in a subscription a user can name (a UUID).
const named = await pickOperation("rotating a resource of a UUID subscription", ({ operation, exchanges }) =>
  operation.armPath !== undefined && exchanges.some((e) => e.mutation !== "never")
  && UUID.test(String(operation.examples[0]?.parameters[operation.armPath.subscriptionParameter])));
const { [named.operation.armPath!.subscriptionParameter]: NAMED_SUBSCRIPTION, ...NAMED_NAMES } = exampleResources(docs)[named.key];
const NAMED_RESOURCES = { [named.key]: NAMED_NAMES };

let mock: RunningMock;
const log: string[] = [];
beforeAll(async () => {
  mock = await startMock({ docs, ajv, log: (line) => log.push(line) });
  process.env.REKEY_LIVE_TEST_TOKEN = "live-test-token-0b7e";
});
afterAll(() => mock.close());

/** The same stand-in, reached as a live target's --endpoint (with the subscription live needs) or as a bare URL target. */
const TARGETS: Array<[GatedTarget, (url: string) => ConformOptions]> = [
  ["live", (url) => ({ target: "live", endpoint: url, subscription: SUBSCRIPTION })],
  ["url", (url) => ({ target: url })],
];

describe.each(TARGETS)("--target %s safety", (kind, where) => {
  const reasons = HELD_BACK[kind];
  const run = (options: Partial<ConformOptions> = {}) =>
    conform({ ...where(mock.url), tokenEnv: "REKEY_LIVE_TEST_TOKEN", docs, ajv, ...options });

  test("without --allow-mutations every exchange that could change state is held back, and none reaches the endpoint", async () => {
    log.length = 0;
    const { summary, results } = await run();
    const mutating = results.filter((r) => r.exchange.mutation !== "never");
    expect(mutating.length).toBe(MUTATING);
    for (const r of mutating) expect([r.exchange.id, r.outcome]).toEqual([r.exchange.id, "held-back"]);
    // A scenario is held back whole: its read-back steps, which change nothing, go with the rotations between them.
    const heldBack = results.filter((r) => r.outcome === "held-back");
    for (const r of heldBack) expect(r.exchange.mutation !== "never" || r.exchange.kind === "scenario", r.exchange.id).toBe(true);
    expect(heldBack.length).toBeGreaterThan(mutating.length);
    expect(summary.heldBack).toBe(heldBack.length);
    expect(summary.heldBackReasons[reasons.rotates]).toBe(results.filter((r) => r.exchange.mutation === "always" || r.exchange.kind === "scenario").length);
    expect(summary.heldBackReasons[reasons.mayRotate]).toBe(results.filter((r) => r.exchange.mutation === "if-accepted").length);
    // what was sent: negative cases that cannot address a resource, all refused; nothing answered 2xx
    expect(log.length).toBe(results.length - heldBack.length);
    expect(log.filter((line) => / 2\d\d /.test(line))).toEqual([]);
    expect(summary.failed).toBe(0);
  });

  test("with --allow-mutations, only the named resources are changed", async () => {
    const { results } = await run({ allowMutations: true, subscription: NAMED_SUBSCRIPTION, resources: NAMED_RESOURCES });
    const sentMutating = results.filter((r) => r.exchange.mutation !== "never" && r.outcome !== "held-back");
    expect(sentMutating.map((r) => r.exchange.id).sort()).toEqual(named.exchanges.filter((e) => e.mutation !== "never").map((e) => e.id).sort());
    const resource = named.exchanges.find((e) => e.kind === "example")!.resource;
    for (const r of sentMutating) expect(r.exchange.resource).toBe(resource);
    const others = results.filter((r) => r.exchange.mutation !== "never" && operationKey(r.exchange) !== named.key);
    expect(others.length).toBe(MUTATING - sentMutating.length);
    expect(others.length).toBeGreaterThan(0);
    for (const r of others) expect(r.reason).toBe(reasons.unnamed);
    expect(results.filter((r) => r.outcome === "failed")).toEqual([]);
  });
});

describe("--target live", () => {
  const live = { target: "live", endpoint: "", subscription: SUBSCRIPTION, tokenEnv: "REKEY_LIVE_TEST_TOKEN", docs, ajv };

  test("a bad subscription or a resource flag for an unknown operation is a usage error", async () => {
    await expect(conform({ ...live, endpoint: mock.url, subscription: "nope" })).rejects.toThrow(/--subscription: "nope" is not a subscription id/);
    await expect(conform({ ...live, endpoint: mock.url, resources: { nosuchservice: { accountName: "x" } } })).rejects.toThrow(/"nosuchservice" names no operation/);
    await expect(conform({ ...live, endpoint: "http://example.com" })).rejects.toThrow(/plain http is allowed only to loopback/);
  });

  test("--insecure-tls is refused, and --ca needs an --endpoint", async () => {
    await expect(conform({ ...live, endpoint: mock.url, insecureTls: true })).rejects.toThrow(/--insecure-tls: a live target's certificate is always checked/);
    await expect(conform({ ...live, caFile: "ca.pem" })).rejects.toThrow(/--ca: --ca is for an --endpoint with its own CA/);
  });
});

describe("a URL target", () => {
  const url = () => ({ target: mock.url, tokenEnv: "REKEY_LIVE_TEST_TOKEN", docs, ajv });

  test("with --allow-mutations but no subscription named, keeps its hands off: the examples' subscription is not yours", async () => {
    log.length = 0;
    const { results } = await conform({ ...url(), allowMutations: true, resources: NAMED_RESOURCES });
    const mutating = results.filter((r) => r.exchange.mutation !== "never");
    expect(mutating.length).toBe(MUTATING);
    for (const r of mutating) expect([r.exchange.id, r.reason]).toEqual([r.exchange.id, HELD_BACK.url.unnamed]);
    expect(log.filter((line) => / 2\d\d /.test(line))).toEqual([]);
  });

  test("takes --subscription, --resource and --allow-mutations, but not the live-only --cloud and --endpoint", async () => {
    await expect(conform({ ...url(), subscription: "nope" })).rejects.toThrow(/--subscription: "nope" is not a subscription id/);
    await expect(conform({ ...url(), resources: { nosuchservice: { accountName: "x" } } })).rejects.toThrow(/"nosuchservice" names no operation/);
    await expect(conform({ ...url(), cloud: "china" })).rejects.toThrow(/--cloud: --cloud is for --target live/);
    await expect(conform({ ...url(), endpoint: mock.url })).rejects.toThrow(/--endpoint: --endpoint is for --target live/);
  });
});

describe("--target live --endpoint with --ca", () => {
  let tlsMock: RunningMock;
  const dir = mkdtempSync(join(tmpdir(), "rekey-live-ca-"));
  beforeAll(async () => {
    tlsMock = await startMock({ docs, ajv, tls: true });
    writeFileSync(join(dir, "ca.pem"), tlsMock.ca!);
  });
  afterAll(() => tlsMock.close());
  const live = () => ({ target: "live", endpoint: tlsMock.url, subscription: SUBSCRIPTION, tokenEnv: "REKEY_LIVE_TEST_TOKEN", docs, ajv, only: [named.only], retries: 0 });

  test("trusts the endpoint's certificate through the CA given", async () => {
    const { summary, results } = await conform({ ...live(), caFile: join(dir, "ca.pem") });
    const sent = results.filter((r) => r.outcome !== "held-back");
    expect(sent.length).toBe(readOnlyExchanges(named.exchanges).length);
    expect(summary.failed).toBe(0);
    expect(summary.passed).toBe(sent.length);
    expect(sent[0].curl).toContain("--cacert");
  });

  test("without it, the self-signed endpoint fails every exchange sent on transport", async () => {
    const { results } = await conform(live());
    const sent = results.filter((r) => r.outcome !== "held-back");
    expect(sent.length).toBe(readOnlyExchanges(named.exchanges).length);
    for (const r of sent) expect(r.failures.map((f) => f.check)).toEqual(["transport"]);
    expect(sent[0].failures[0].message).toMatch(/certificate/i);
  });
});
