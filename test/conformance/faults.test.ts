/**
 * Every fault the mock can commit is caught by the check made for it on the exchange it should: proof that each
 * check can fail. A fault that breaks the contract fails the run; one that is drift (FAULT_CAUGHT_AS says which)
 * leaves the exchange passing with a warning, and fails it under --strict. A new fault without a row here fails the
 * first test.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { conform } from "../../conformance/conform.ts";
import { listFaults } from "../../conformance/mock/faults.ts";
import { REPO_ROOT } from "../helpers/cli.ts";
import { FAULT_CAUGHT_AS } from "../helpers/fault-severity.ts";
import { copyTree, removeTempDirs, tempDir } from "../helpers/files.ts";
import { productSpecs } from "../helpers/mock.ts";

const { docs, ajv } = await productSpecs();

const MAPS = "maps/2026-12-01/Accounts_RegenerateKeys";
const APIM = "apimanagement/2024-05-01/TenantAccess_RegeneratePrimaryKey";
const MAPS_EXAMPLE = `${MAPS}/example/Regenerate Key`;

interface Expected {
  check: string;
  exchange: string;
  /** The fault as given to the mock (default: its name). */
  fault?: string;
  timeoutMs?: number;
}

const EXPECTED: Record<string, Expected> = {
  "wrong-success-status": { check: "status", exchange: `${APIM}/example/ApiManagementTenantAccessRegenerateKey` },
  "missing-field": { check: "example-match", exchange: MAPS_EXAMPLE },
  "wrong-type": { check: "schema", exchange: MAPS_EXAMPLE },
  "extra-field": { check: "undeclared-fields", exchange: MAPS_EXAMPLE },
  "error-schema": { check: "error-contract", exchange: `${MAPS}/negative/body.keyType.enum` },
  "wrong-content-type": { check: "content-type", exchange: MAPS_EXAMPLE },
  "missing-content-type": { check: "content-type", exchange: `${MAPS}/negative/auth.missing` },
  "missing-request-id": { check: "arm-headers", exchange: MAPS_EXAMPLE },
  "body-on-204": { check: "content-type", exchange: `${APIM}/example/ApiManagementTenantAccessRegenerateKey` },
  "malformed-json": { check: "schema", exchange: MAPS_EXAMPLE },
  "server-error": { check: "negative-rejected", exchange: `${MAPS}/negative/path.accountName.pattern` },
  throttle: { check: "status", exchange: MAPS_EXAMPLE },
  delay: { check: "transport", exchange: MAPS_EXAMPLE, fault: "delay:1500", timeoutMs: 300 },
  "connection-reset": { check: "transport", exchange: MAPS_EXAMPLE },
  "no-rotation": { check: "rotation", exchange: `${MAPS}/scenario/rotate-primary/2` },
  "rotate-both": { check: "rotation", exchange: `${MAPS}/scenario/rotate-secondary/3` },
};

describe("each mock fault is caught by the check made for it", () => {
  test("every fault the mock offers has an expectation here and a severity", () => {
    expect(Object.keys(EXPECTED).sort()).toEqual(listFaults().map((f) => f.name).sort());
    expect(Object.keys(FAULT_CAUGHT_AS).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  const run = (name: string, expected: Expected, strict: boolean) => conform({
    target: "mock", docs, ajv, fault: expected.fault ?? name, timeoutMs: expected.timeoutMs, retries: 1, strict,
    only: [`${MAPS}/**`, `${APIM}/**`],
  });

  const failures = Object.entries(EXPECTED).filter(([name]) => FAULT_CAUGHT_AS[name] === "failure");
  test.each(failures.map(([name, expected]) => [name, expected.check, expected] as const))("%s → %s fails", async (name, _check, expected) => {
    const { summary, results } = await run(name, expected, false);
    expect(summary.failed).toBeGreaterThan(0);
    const result = results.find((r) => r.exchange.id === expected.exchange)!;
    expect(result.outcome).toBe("failed");
    const caught = result.failures.filter((f) => f.check === expected.check);
    expect(caught.length, JSON.stringify(result.failures, null, 1)).toBeGreaterThan(0);
    for (const failure of caught) expect([failure.severity, failure.promoted]).toEqual(["failure", undefined]);
    for (const failure of result.failures) {
      expect(failure.exchange).toBe(expected.exchange);
      expect(failure.message.length).toBeGreaterThan(5);
      expect(typeof failure.pointer).toBe("string");
    }
  });

  const warnings = Object.entries(EXPECTED).filter(([name]) => FAULT_CAUGHT_AS[name] === "warning");
  test.each(warnings.map(([name, expected]) => [name, expected.check, expected] as const))("%s → %s warns; --strict fails", async (name, _check, expected) => {
    const lenient = (await run(name, expected, false)).results.find((r) => r.exchange.id === expected.exchange)!;
    expect(lenient.outcome, JSON.stringify(lenient.failures, null, 1)).toBe("passed");
    expect(lenient.failures).toEqual([]);
    const warned = lenient.warnings.filter((w) => w.check === expected.check);
    expect(warned.length, JSON.stringify(lenient.warnings, null, 1)).toBeGreaterThan(0);
    for (const warning of warned) expect(warning.severity).toBe("warning");

    const { summary, results } = await run(name, expected, true);
    expect(summary.strict).toBe(true);
    expect(summary.warnings).toBe(0);
    const strict = results.find((r) => r.exchange.id === expected.exchange)!;
    expect(strict.outcome).toBe("failed");
    expect(strict.warnings).toEqual([]);
    const promoted = strict.failures.filter((f) => f.check === expected.check);
    expect(promoted.length).toBe(warned.length);
    for (const failure of promoted) expect([failure.severity, failure.promoted]).toEqual(["failure", true]);
  });
});

describe("what is drift in one spec is a failure in another", () => {
  afterAll(removeTempDirs);

  test("missing-field: a field the schema requires fails example-match (and schema), --strict or not", async () => {
    const specsDir = join(tempDir("rekey-required-"), "specs");
    const folder = copyTree(join(REPO_ROOT, "specs/maps/2026-12-01"), join(specsDir, "maps/2026-12-01"));
    const file = join(folder, "openapi.yaml");
    const text = readFileSync(file, "utf8");
    const edited = text.replace(/( {4}MapsAccountKeys:\n {6}type: object\n)/, "$1      required: [primaryKey]\n");
    expect(edited).not.toBe(text);
    writeFileSync(file, edited);

    const { results } = await conform({ target: "mock", specsDir, fault: "missing-field", only: [MAPS_EXAMPLE] });
    const [result] = results;
    expect(result!.outcome).toBe("failed");
    const missing = result!.failures.find((f) => f.check === "example-match")!;
    expect(missing).toMatchObject({ pointer: "/primaryKey", severity: "failure", message: "/primaryKey is missing (the example shows it and the schema requires it)" });
    expect(missing.promoted).toBeUndefined();
    expect(result!.failures.map((f) => f.check)).toContain("schema");
  });

  test("missing-field: a key x-rekey-rotation names stays a rotation failure on every scenario step", async () => {
    const { results } = await conform({ target: "mock", docs, ajv, fault: "missing-field", only: [`${MAPS}/scenario/**`] });
    expect(results.length).toBeGreaterThan(0);
    for (const result of results) {
      expect(result.outcome).toBe("failed");
      expect(result.failures.find((f) => f.check === "rotation" && f.pointer === "/primaryKey")).toMatchObject({
        severity: "failure", message: "the answer has no /primaryKey (x-rekey-rotation names it as the primary key)",
      });
    }
  });
});
