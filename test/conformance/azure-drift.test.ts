/**
 * Drift is not a broken contract: an endpoint that answers as real Azure does (test/helpers/azure-like-proxy.ts in
 * front of the mock: an undeclared `id`, no *LastUpdated timestamps, charset JSON, a 204 without Content-Type, no
 * id echoes) passes every exchange with warnings and exits 0; `--strict` makes the same warnings fail it, exit 1.
 * Real HTTP on 127.0.0.1, through the CLI, reports included.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { XMLParser } from "fast-xml-parser";
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import { type CompiledExchange, type ExchangeResult, type Finding, operationKey, type RunSummary } from "../../conformance/exchange.ts";
import type { RunningMock } from "../../conformance/mock/start-mock.ts";
import { deref, keyName } from "../../kernel/index.ts";
import { startAzureLikeProxy, type AzureLikeProxy } from "../helpers/azure-like-proxy.ts";
import { runRekey } from "../helpers/cli.ts";
import { runInProcess } from "../helpers/in-process.ts";
import { exampleResources } from "../helpers/example-resources.ts";
import { productSpecs, startProductMock } from "../helpers/mock.ts";
import { pickOperation } from "../helpers/picked-operation.ts";

const { docs } = await productSpecs();

const TIMESTAMP = /LastUpdated$/; // what the proxy drops, as Azure's recorded answers lack them
const successOf = (e: CompiledExchange) => (e.expect.kind === "success" ? e.expect.example : undefined);
const bodyOf = (e: CompiledExchange) => {
  const body = e.kind === "example" ? successOf(e)?.body : undefined;
  return typeof body === "object" && body !== null && !Array.isArray(body) ? body as Record<string, unknown> : undefined;
};
// Operations from specs/: one whose example answer shows its keys' timestamps (optional fields the proxy drops) and
// whose rotation reads them from its own answer; one that answers 204.
const DRIFT = await pickOperation("answering keys with timestamps", ({ operation, exchanges }) => {
  const keys = Object.values(operation.rotation?.keys ?? {});
  const body = exchanges.map(bodyOf).find((b) => b !== undefined);
  return operation.rotation?.readBack === undefined && body !== undefined && keys.length > 0
    && keys.every((where) => where.lastUpdated !== undefined && TIMESTAMP.test(where.lastUpdated) && where.lastUpdated.slice(1) in body)
    && exchanges.some((e) => e.scenario?.step === 2);
});
const NO_CONTENT = await pickOperation("answering 204", ({ exchanges }) => exchanges.some((e) => e.kind === "example" && successOf(e)?.status === 204));
const ONLY = [DRIFT.only, NO_CONTENT.only];
const EXAMPLE = DRIFT.exchanges.find((e) => bodyOf(e) !== undefined)!;
const TIMESTAMPS = Object.keys(bodyOf(EXAMPLE)!).filter((name) => TIMESTAMP.test(name)).map((name) => `/${name}`).sort();
const STEP = DRIFT.exchanges.find((e) => e.scenario?.step === 2)!;
const NO_CONTENT_EXAMPLE = NO_CONTENT.exchanges.find((e) => e.kind === "example" && successOf(e)?.status === 204)!;
/** The success schema of DRIFT's example answer, where the proxy's `id` is not declared. */
const SUCCESS_SCHEMA = (() => {
  const response = DRIFT.operation.responses.find((r) => r.status === String(successOf(EXAMPLE)!.status))!;
  return deref(DRIFT.doc.raw, response.schema, response.schemaPointer!).pointer;
})();

let mock: RunningMock;
let proxy: AzureLikeProxy;
const dir = mkdtempSync(join(tmpdir(), "rekey-drift-"));
const config = join(dir, "config.json");

beforeAll(async () => {
  vi.stubEnv("REKEY_DRIFT_TOKEN", "drift-test-token");
  mock = await startProductMock();
  proxy = await startAzureLikeProxy(mock.url);
  // Each operation's example resource, subscription included (a URL target without --subscription keeps the examples').
  writeFileSync(config, JSON.stringify({ resources: exampleResources(docs) }));
});
afterAll(async () => {
  vi.unstubAllEnvs();
  await proxy.close();
  await mock.close();
});

interface Report { summary: RunSummary; results: ExchangeResult[] }

/** The command with JSON and JUnit reports: spawned, or its main() in this process. */
async function conformCli(extra: string[] = [], run: typeof runRekey = runRekey) {
  const [json, junit] = [join(dir, `r${extra.join("")}.json`), join(dir, `j${extra.join("")}.xml`)];
  const result = await run(["conform", "--target", proxy.url, "--token-env", "REKEY_DRIFT_TOKEN", "--config", config, "--allow-mutations",
    ...ONLY.flatMap((glob) => ["--only", glob]), "--report", `json:${json},junit:${junit}`, ...extra]);
  return { ...result, report: JSON.parse(readFileSync(json, "utf8")) as Report, junit: readFileSync(junit, "utf8") };
}

const checksOf = (findings: Finding[]) => [...new Set(findings.map((f) => f.check))].sort();

describe("an endpoint that answers like real Azure", () => {
  test("passes with warnings and exits 0: the warnings are listed apart in every report", async () => {
    const { code, stdout, stderr, report, junit } = await conformCli();
    expect(code, stdout + stderr).toBe(0);

    const { summary, results } = report;
    expect(summary).toMatchObject({ failed: 0, strict: false });
    expect(summary.passed).toBe(summary.exchanges - summary.heldBack - summary.skipped);
    expect(summary.warnings).toBe(results.reduce((n, r) => n + r.warnings.length, 0));
    expect(summary.passedWithWarnings).toBe(results.filter((r) => r.warnings.length > 0).length);
    for (const result of results) {
      expect(result.failures).toEqual([]);
      for (const warning of result.warnings) expect(warning.severity).toBe("warning");
    }

    const example = results.find((r) => r.exchange.id === EXAMPLE.id)!;
    expect(checksOf(example.warnings)).toEqual(["arm-headers", "example-match", "undeclared-fields"]);
    expect(example.warnings.find((w) => w.check === "undeclared-fields")).toMatchObject({ pointer: "/id", actual: "id" });
    expect(TIMESTAMPS.length).toBeGreaterThan(0);
    expect(example.warnings.filter((w) => w.check === "example-match").map((w) => w.pointer).sort()).toEqual(TIMESTAMPS);
    const step = results.find((r) => r.exchange.id === STEP.id)!;
    expect(step.outcome).toBe("passed");
    const rotation = DRIFT.operation.rotation!;
    expect(step.warnings.filter((w) => w.check === "rotation").map((w) => w.message)).toEqual(Object.entries(rotation.keys).map(([key, where]) =>
      `the answer has no ${where.lastUpdated}: only the ${keyName(rotation, key)} key's value was checked`));
    // the 204 without Content-Type and a body of charset JSON are no finding at all
    const noContent = results.find((r) => r.exchange.id === NO_CONTENT_EXAMPLE.id)!;
    expect(noContent.response!.status).toBe(204);
    expect(noContent.response!.headers["content-type"]).toBeUndefined();
    expect(example.response!.headers["content-type"]).toBe("application/json; charset=utf-8");
    expect(results.flatMap((r) => r.warnings).filter((w) => w.check === "content-type" || w.check === "schema")).toEqual([]);

    // console: a warnings section after the (absent) failures, and the count in the final line
    expect(stdout).toMatch(new RegExp(`^${summary.warnings} warnings on ${summary.passedWithWarnings} exchanges \\(drift; --strict fails them\\)$`, "m"));
    // grouped: one line per kind of warning, and how many exchanges it was seen on
    const undeclared = `property "id" is not declared by ${SUCCESS_SCHEMA}`;
    const seenOn = results.filter((r) => r.warnings.some((w) => w.check === "undeclared-fields" && w.message === undeclared));
    // the examples with a body and the rotation steps
    const answered = DRIFT.exchanges.filter((e) => bodyOf(e) !== undefined || e.scenario !== undefined).map((e) => e.id);
    expect(seenOn.filter((r) => operationKey(r.exchange) === DRIFT.key).map((r) => r.exchange.id).sort()).toEqual(answered.sort());
    expect(stdout).toContain(`  undeclared-fields  /id  ${undeclared}\n    on ${seenOn.length} exchanges, e.g. ${EXAMPLE.id}\n`);
    expect(stdout).toContain(`  arm-headers  (whole answer)  no x-ms-correlation-request-id header (ARM echoes the id sent)\n    on ${results.length} exchanges, e.g. `);
    expect(stdout).toMatch(new RegExp(`passed \\(${summary.passedWithWarnings} with warnings\\), 0 failed, .*, ${summary.warnings} warnings \\(`));
    expect(stdout).not.toContain("✗");

    // JUnit: every sent testcase passes; warnings are properties and system-out text
    const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "", isArray: (name) => ["testsuite", "testcase", "property"].includes(name) }).parse(junit);
    expect(xml.testsuites.failures).toBe("0");
    const cases = xml.testsuites.testsuite.flatMap((s: { testcase: unknown[] }) => s.testcase) as Array<Record<string, any>>;
    expect(cases.some((c) => c.failure)).toBe(false);
    const exampleCase = cases.find((c) => c.classname === DRIFT.key && c.name === EXAMPLE.id.slice(`${DRIFT.key}/`.length))!;
    expect(exampleCase.properties.property).toContainEqual({ name: "warning", value: expect.stringMatching(/^undeclared-fields \/id: property "id" is not declared/) });
    expect(exampleCase["system-out"]).toContain("warnings (drift; --strict fails them):");
    expect(exampleCase["system-out"]).toContain(`example-match  ${TIMESTAMPS[0]}  ${TIMESTAMPS[0]} is missing (the example shows it; the schema does not require it)`);
  });

  test("--strict: the same warnings fail the run, exit 1", async () => {
    // The same command through its main() in this process: the spawn above proved exit codes and streams.
    const { code, stdout, report } = await conformCli(["--strict"], runInProcess);
    expect(code, stdout).toBe(1);
    expect(stdout).toMatch(/^rekey conform: .*, strict: warnings fail$/m);
    const { summary, results } = report;
    expect(summary).toMatchObject({ strict: true, warnings: 0, passedWithWarnings: 0 });
    expect(summary.failed).toBeGreaterThan(0);
    const example = results.find((r) => r.exchange.id === EXAMPLE.id)!;
    expect(example.outcome).toBe("failed");
    expect(example.warnings).toEqual([]);
    expect(checksOf(example.failures)).toEqual(["arm-headers", "example-match", "undeclared-fields"]);
    for (const failure of example.failures) expect(failure).toMatchObject({ severity: "failure", promoted: true });
    expect(stdout).toContain("(a warning; --strict fails it)");
  });
});
