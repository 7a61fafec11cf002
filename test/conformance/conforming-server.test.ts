/**
 * No false alarm: the conformance runner, pointed at a conforming endpoint that is not rekey's mock (a hand-written
 * ARM-like server, test/helpers/conforming-arm-server.ts), passes every exchange for Maps 2026-12-01 and Batch
 * 2024-02-01. Not vacuous: the same server with one contract break (a one-line switch) fails the expected check.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { conform } from "../../conformance/conform.ts";
import type { ExchangeResult } from "../../conformance/exchange.ts";
import { runInProcess } from "../helpers/in-process.ts";
import { startConformingArmServer, type ServerBug } from "../helpers/conforming-arm-server.ts";
import { exampleResources } from "../helpers/example-resources.ts";
import { productSpecs } from "../helpers/mock.ts";

const { docs, ajv } = await productSpecs();
const TOKEN = "conforming-server-test-token";
const ONLY = ["maps/2026-12-01/**", "batch/2024-02-01/**"];
const MAPS = "maps/2026-12-01/Accounts_RegenerateKeys";
const BATCH = "batch/2024-02-01/BatchAccount_RegenerateKey";

beforeAll(() => vi.stubEnv("REKEY_TEST_TOKEN", TOKEN));
afterAll(() => vi.unstubAllEnvs());

async function runAgainst(bug?: ServerBug) {
  const server = await startConformingArmServer({ token: TOKEN, bug });
  try {
    // a stand-in: every exchange may be sent, so the run names the examples' resources and allows mutations
    return await conform({ target: server.url, tokenEnv: "REKEY_TEST_TOKEN", only: ONLY, docs, ajv, allowMutations: true, resources: exampleResources(docs) });
  } finally {
    await server.close();
  }
}

/** One line per failure: exchange, check, pointer, message, expected vs actual, and the status that came back. */
function readable(results: ExchangeResult[]): string {
  const lines = results.filter((r) => r.outcome !== "passed").flatMap((r) => [
    `${r.exchange.id} — ${r.outcome}${r.response ? ` (HTTP ${r.response.status})` : ""}${r.reason ? `: ${r.reason}` : ""}`,
    ...r.failures.map((f) => `    [${f.check}] ${f.pointer || "(answer)"}: ${f.message} — expected ${JSON.stringify(f.expected)}, got ${JSON.stringify(f.actual)}`),
  ]);
  return lines.length > 0 ? `\n${lines.join("\n")}` : "";
}

const failedWith = (results: ExchangeResult[], check: string) =>
  results.filter((r) => r.failures.some((f) => f.check === check)).map((r) => r.exchange.id).sort();

describe("the conformance runner against a hand-written conforming ARM endpoint", () => {
  it("passes every exchange the two operations list", async () => {
    const listed = await runInProcess(["conform", "--list", ...ONLY.flatMap((glob) => ["--only", glob])]);
    expect(listed.code, listed.stderr).toBe(0);
    const listedIds = listed.stdout.trim().split("\n").map((line) => line.split("\t")[0]);
    expect(listedIds.length).toBeGreaterThan(40);

    const { summary, results } = await runAgainst();

    expect(readable(results), "exchanges that did not pass").toBe("");
    expect(summary.failed).toBe(0);
    expect(summary.passed).toBe(listedIds.length);
    expect(summary.exchanges).toBe(listedIds.length);
    expect(results.map((r) => r.exchange.id).sort()).toEqual([...listedIds].sort());
    expect(results.every((r) => r.outcome === "passed")).toBe(true);
  });

  // Each run has its own server: they overlap.
  describe.concurrent("notices one contract break in the same server", () => {
    it("accept-unknown-key-type: the enum negatives fail negative-rejected, nothing else does", async () => {
      const { summary, results } = await runAgainst("accept-unknown-key-type");
      expect(summary.failed).toBe(2);
      expect(failedWith(results, "negative-rejected"), readable(results)).toEqual([`${BATCH}/negative/body.keyName.enum`, `${MAPS}/negative/body.keyType.enum`]);
      const failure = results.find((r) => r.exchange.id === `${MAPS}/negative/body.keyType.enum`)!.failures.find((f) => f.check === "negative-rejected")!;
      expect(failure).toMatchObject({ expected: "4xx", actual: 200 });
    });

    it("no-correlation-echo: every exchange fails arm-headers", async () => {
      const { summary, results } = await runAgainst("no-correlation-echo");
      expect(summary.passed).toBe(0);
      expect(failedWith(results, "arm-headers")).toEqual(results.map((r) => r.exchange.id).sort());
      const failure = results[0].failures.find((f) => f.check === "arm-headers")!;
      expect(failure.message).toBe("x-ms-correlation-request-id does not echo the id sent");
    });

    it("regenerate-both-keys: the later rotation steps fail rotation", async () => {
      const { results } = await runAgainst("regenerate-both-keys");
      const steps = ["rotate-primary/2", "rotate-primary/3", "rotate-secondary/2", "rotate-secondary/3"];
      expect(failedWith(results, "rotation")).toEqual([BATCH, MAPS].flatMap((op) => steps.map((s) => `${op}/scenario/${s}`)).sort());
      const mapsStep = results.find((r) => r.exchange.id === `${MAPS}/scenario/rotate-primary/2`)!;
      expect(mapsStep.failures.map((f) => f.pointer)).toEqual(expect.arrayContaining(["/secondaryKey", "/secondaryKeyLastUpdated"]));
    });
  });
});
