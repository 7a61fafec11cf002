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
import type { ExchangeResult, Finding, RunSummary } from "../../conformance/exchange.ts";
import type { RunningMock } from "../../conformance/mock/start-mock.ts";
import { startAzureLikeProxy, type AzureLikeProxy } from "../helpers/azure-like-proxy.ts";
import { runRekey } from "../helpers/cli.ts";
import { exampleResources } from "../helpers/example-resources.ts";
import { productSpecs, startProductMock } from "../helpers/mock.ts";

const { docs } = await productSpecs();
const MAPS = "maps/2026-12-01/Accounts_RegenerateKeys";
const APIM = "apimanagement/2024-05-01/TenantAccess_RegeneratePrimaryKey";
const ONLY = [`${MAPS}/**`, `${APIM}/**`];

let mock: RunningMock;
let proxy: AzureLikeProxy;
const dir = mkdtempSync(join(tmpdir(), "rekey-drift-"));
const config = join(dir, "config.json");

beforeAll(async () => {
  vi.stubEnv("REKEY_DRIFT_TOKEN", "drift-test-token");
  mock = await startProductMock();
  proxy = await startAzureLikeProxy(mock.url);
  writeFileSync(config, JSON.stringify({ subscription: "00000000-0000-0000-0000-000000000000", resources: exampleResources(docs) }));
});
afterAll(async () => {
  vi.unstubAllEnvs();
  await proxy.close();
  await mock.close();
});

interface Report { summary: RunSummary; results: ExchangeResult[] }

async function conformCli(...extra: string[]) {
  const [json, junit] = [join(dir, `r${extra.join("")}.json`), join(dir, `j${extra.join("")}.xml`)];
  const run = await runRekey(["conform", "--target", proxy.url, "--token-env", "REKEY_DRIFT_TOKEN", "--config", config, "--allow-mutations",
    ...ONLY.flatMap((glob) => ["--only", glob]), "--report", `json:${json},junit:${junit}`, ...extra]);
  return { ...run, report: JSON.parse(readFileSync(json, "utf8")) as Report, junit: readFileSync(junit, "utf8") };
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

    const example = results.find((r) => r.exchange.id === `${MAPS}/example/Regenerate Key`)!;
    expect(checksOf(example.warnings)).toEqual(["arm-headers", "example-match", "undeclared-fields"]);
    expect(example.warnings.find((w) => w.check === "undeclared-fields")).toMatchObject({ pointer: "/id", actual: "id" });
    expect(example.warnings.filter((w) => w.check === "example-match").map((w) => w.pointer).sort()).toEqual(["/primaryKeyLastUpdated", "/secondaryKeyLastUpdated"]);
    const step = results.find((r) => r.exchange.id === `${MAPS}/scenario/rotate-primary/2`)!;
    expect(step.outcome).toBe("passed");
    expect(step.warnings.filter((w) => w.check === "rotation").map((w) => w.message)).toEqual([
      "the answer has no /primaryKeyLastUpdated: only the primary key's value was checked",
      "the answer has no /secondaryKeyLastUpdated: only the secondary key's value was checked",
    ]);
    // the 204 without Content-Type and a body of charset JSON are no finding at all
    const noContent = results.find((r) => r.exchange.id === `${APIM}/example/ApiManagementTenantAccessRegenerateKey`)!;
    expect(noContent.response!.status).toBe(204);
    expect(noContent.response!.headers["content-type"]).toBeUndefined();
    expect(example.response!.headers["content-type"]).toBe("application/json; charset=utf-8");
    expect(results.flatMap((r) => r.warnings).filter((w) => w.check === "content-type" || w.check === "schema")).toEqual([]);

    // console: a warnings section after the (absent) failures, and the count in the final line
    expect(stdout).toMatch(new RegExp(`^${summary.warnings} warnings on ${summary.passedWithWarnings} exchanges \\(drift; --strict fails them\\)$`, "m"));
    // grouped: one line per kind of warning, and how many exchanges it was seen on
    const seenOn = (check: string) => results.filter((r) => r.warnings.some((w) => w.check === check)).length;
    expect(seenOn("undeclared-fields")).toBe(7); // the example and the six rotation steps
    expect(stdout).toContain(`  undeclared-fields  /id  property "id" is not declared by /components/schemas/MapsAccountKeys\n    on 7 exchanges, e.g. ${MAPS}/example/Regenerate Key\n`);
    expect(stdout).toContain(`  arm-headers  (whole answer)  no x-ms-correlation-request-id header (ARM echoes the id sent)\n    on ${results.length} exchanges, e.g. `);
    expect(stdout).toMatch(new RegExp(`passed \\(${summary.passedWithWarnings} with warnings\\), 0 failed, .*, ${summary.warnings} warnings \\(`));
    expect(stdout).not.toContain("✗");

    // JUnit: every sent testcase passes; warnings are properties and system-out text
    const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "", isArray: (name) => ["testsuite", "testcase", "property"].includes(name) }).parse(junit);
    expect(xml.testsuites.failures).toBe("0");
    const cases = xml.testsuites.testsuite.flatMap((s: { testcase: unknown[] }) => s.testcase) as Array<Record<string, any>>;
    expect(cases.some((c) => c.failure)).toBe(false);
    const exampleCase = cases.find((c) => c.name === "example/Regenerate Key")!;
    expect(exampleCase.properties.property).toContainEqual({ name: "warning", value: expect.stringMatching(/^undeclared-fields \/id: property "id" is not declared/) });
    expect(exampleCase["system-out"]).toContain("warnings (drift; --strict fails them):");
    expect(exampleCase["system-out"]).toContain("example-match  /primaryKeyLastUpdated  /primaryKeyLastUpdated is missing (the example shows it; the schema does not require it)");
  });

  test("--strict: the same warnings fail the run, exit 1", async () => {
    const { code, stdout, report } = await conformCli("--strict");
    expect(code, stdout).toBe(1);
    expect(stdout).toMatch(/^rekey conform: .*, strict: warnings fail$/m);
    const { summary, results } = report;
    expect(summary).toMatchObject({ strict: true, warnings: 0, passedWithWarnings: 0 });
    expect(summary.failed).toBeGreaterThan(0);
    const example = results.find((r) => r.exchange.id === `${MAPS}/example/Regenerate Key`)!;
    expect(example.outcome).toBe("failed");
    expect(example.warnings).toEqual([]);
    expect(checksOf(example.failures)).toEqual(["arm-headers", "example-match", "undeclared-fields"]);
    for (const failure of example.failures) expect(failure).toMatchObject({ severity: "failure", promoted: true });
    expect(stdout).toContain("(a warning; --strict fails it)");
  });
});
