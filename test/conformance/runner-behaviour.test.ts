/** The runner's edges: server-aware violating values, HTTPS targets (CA file, insecure TLS), and Ctrl-C. */
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { conform } from "../../conformance/conform.ts";
import type { CompiledExchange } from "../../conformance/exchange.ts";
import { compileExchanges } from "../../conformance/exchanges/compile-exchanges.ts";
import { violateString } from "../../conformance/exchanges/violating-values.ts";
import { get } from "../../kernel/index.ts";
import { startMock, type RunningMock } from "../../conformance/mock/start-mock.ts";
import { REPO_ROOT } from "../helpers/cli.ts";
import { exampleResources } from "../helpers/example-resources.ts";
import { productSpecs } from "../helpers/mock.ts";
import { pickOperation } from "../helpers/picked-operation.ts";

const { docs, ajv } = await productSpecs();
// One operation from specs/ whose example documents a JSON body (which an answer can differ from) and which has
// rotation scenarios (which --examples-only skips); counts come from the exchanges it compiles to.
const documentsBody = (e: CompiledExchange) => {
  const body = e.kind === "example" && e.expect.kind === "success" ? e.expect.example?.body : undefined;
  return typeof body === "object" && body !== null && Object.keys(body).length > 0;
};
const picked = await pickOperation("rotated in scenarios, with an example body", ({ exchanges }) =>
  exchanges.some(documentsBody) && exchanges.some((e) => e.scenario !== undefined));
const TOTAL = picked.exchanges.length;

describe("violating values", () => {
  const check = (regex: RegExp, max = 90) => (value: unknown) => [
    ...(typeof value === "string" && !regex.test(value) ? [{ keyword: "pattern", instancePath: "", schemaPointer: "", message: "" }] : []),
    ...(typeof value === "string" && value.length > max ? [{ keyword: "maxLength", instancePath: "", schemaPointer: "", message: "" }] : []),
    ...(typeof value === "string" && value.length < 1 ? [{ keyword: "minLength", instancePath: "", schemaPointer: "", message: "" }] : []),
  ];

  test("a pattern is broken in a way case-insensitive servers see too", () => {
    const lower = /^[a-z0-9]+$/;
    const found = violateString("pattern", { pattern: lower.source }, "account1", { inPath: true, check: check(lower) })!;
    expect(found.alsoBreaks).toEqual([]);
    expect(lower.test((found.value as string).toLowerCase())).toBe(false);
    expect(lower.test((found.value as string).toUpperCase())).toBe(false);
  });

  test("path values avoid characters front ends rewrite or route on", () => {
    const onlyUnsafe = /^[^/\\%]*$/; // only /, \ and % break it
    expect(violateString("pattern", { pattern: onlyUnsafe.source }, "acct", { inPath: true, check: check(onlyUnsafe) })).toBeUndefined();
    expect(violateString("pattern", { pattern: onlyUnsafe.source }, "acct", { inPath: false, check: check(onlyUnsafe) })?.value).toMatch(/%/);
  });

  test("an unavoidable second violation is named", () => {
    const found = violateString("minLength", { minLength: 1 }, "rg1", { inPath: true, check: check(/^[a-z0-9]+$/) })!;
    expect(found).toEqual({ keyword: "minLength", value: "", alsoBreaks: ["pattern"] });
  });

  test("enum values differ from every allowed one in any case", () => {
    const found = violateString("enum", { enum: ["rekeyNotAllowed", "primary"] }, "primary", { inPath: false, check: () => [{ keyword: "enum", instancePath: "", schemaPointer: "", message: "" }] })!;
    expect(found.value).toBe("rekey-not-allowed");
  });

  test("no derived enum negative sends a case variant of a member: ARM and the mock accept those", () => {
    const strings = (value: unknown): string[] =>
      typeof value === "string" ? [value] : value && typeof value === "object" ? Object.values(value).flatMap(strings) : [];
    const negatives = compileExchanges({ docs, ajv }).filter((e) => e.kind === "negative" && e.id.endsWith(".enum"));
    expect(negatives.length).toBeGreaterThan(0);
    for (const exchange of negatives) {
      const [file, pointer] = exchange.source.split("#");
      const doc = docs.find((d) => d.file === file)!;
      const members = (get(doc.raw, pointer) as unknown[]).filter((v): v is string => typeof v === "string");
      const url = new URL(exchange.request.url, "http://127.0.0.1");
      const sent = [
        ...url.pathname.split("/").map(decodeURIComponent),
        ...url.searchParams.values(),
        ...(exchange.request.body ? strings(JSON.parse(exchange.request.body)) : []),
      ];
      const variants = sent.filter((s) => members.some((m) => m !== s && m.toLowerCase() === s.toLowerCase()));
      expect(variants, exchange.id).toEqual([]);
    }
  });
});

describe("HTTPS targets", () => {
  let mock: RunningMock;
  const dir = mkdtempSync(join(tmpdir(), "rekey-tls-"));
  beforeAll(async () => {
    mock = await startMock({ docs, ajv, tls: true });
    writeFileSync(join(dir, "ca.pem"), mock.ca!);
    process.env.REKEY_TLS_TEST_TOKEN = "tls-test-token-51c9";
  });
  afterAll(() => mock.close());
  const only = [picked.only];
  const mutations = { allowMutations: true, resources: exampleResources(docs) };

  test("trusts the endpoint with --ca FILE", async () => {
    const { summary } = await conform({ target: mock.url, caFile: join(dir, "ca.pem"), tokenEnv: "REKEY_TLS_TEST_TOKEN", docs, ajv, only, ...mutations });
    expect(summary).toMatchObject({ exchanges: TOTAL, passed: TOTAL });
  });

  test("or with --insecure-tls; without either, every exchange fails on transport", async () => {
    expect((await conform({ target: mock.url, insecureTls: true, tokenEnv: "REKEY_TLS_TEST_TOKEN", docs, ajv, only, ...mutations })).summary.passed).toBe(TOTAL);
    const { results } = await conform({ target: mock.url, tokenEnv: "REKEY_TLS_TEST_TOKEN", docs, ajv, only, retries: 0, ...mutations });
    expect(results).toHaveLength(TOTAL);
    expect(results.every((r) => r.failures[0]?.check === "transport")).toBe(true);
    expect(results[0].failures[0].message).toMatch(/certificate/i);
    // One line that says how to trust the certificate: this command's own flag, or Node's.
    for (const r of results) {
      expect(r.failures[0].message).toContain("pass its CA certificate with --ca <ca.pem>, or run Node with NODE_EXTRA_CA_CERTS=<ca.pem>");
      expect(r.failures[0].message).not.toMatch(/[\r\n]/);
    }
  });
});

describe("Ctrl-C", () => {
  test("stops the run, writes a partial report and exits 1", async () => {
    const dir = mkdtempSync(join(tmpdir(), "rekey-sigint-"));
    const report = join(dir, "r.json");
    const child = spawn(process.execPath, ["cli/rekey.js", "conform", "--fault", "delay:20000", "--report", `json:${report}`], { cwd: REPO_ROOT, env: { ...process.env, NO_COLOR: "1" } });
    let stdout = "";
    let signalled = false;
    child.stdout.on("data", (chunk) => {
      stdout += chunk;
      if (!signalled && stdout.includes("rekey conform:")) {
        signalled = true;
        setTimeout(() => child.kill("SIGINT"), 300);
      }
    });
    // "close", not "exit": only then has all of stdout been read
    const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
    expect(code).toBe(1);
    expect(existsSync(report)).toBe(true);
    const { summary } = JSON.parse(readFileSync(report, "utf8"));
    expect(summary.interrupted).toBe(true);
    expect(summary.skipped).toBeGreaterThan(0);
    expect(stdout).toMatch(/interrupted/);
  }, 20_000);
});

describe("--examples-only", () => {
  const only = [picked.only];
  test("answers equal to the documented examples pass; scenarios are skipped, not failed", async () => {
    const { summary } = await conform({ target: "mock", examplesOnly: true, docs, ajv, only });
    const scenarioSteps = picked.exchanges.filter((e) => e.scenario !== undefined).length;
    expect(summary).toMatchObject({ exchanges: TOTAL, passed: TOTAL - scenarioSteps, skipped: scenarioSteps, failed: 0 });
  });

  test("a value that differs from the example fails example-match with a pointer", async () => {
    const { results } = await conform({ target: "mock", examplesOnly: true, fault: "wrong-type", docs, ajv, only });
    const example = results.find((r) => r.exchange.id === picked.exchanges.find(documentsBody)!.id)!;
    const mismatch = example.failures.filter((f) => f.check === "example-match");
    expect(mismatch.length).toBe(1);
    expect(mismatch[0].pointer).toMatch(/^\/\w+$/);
  });
});

describe("rotation timestamps", async () => {
  const { timestampAdvanced } = await import("../../conformance/checks/rotation.ts");
  test("seven-digit fractions are compared beyond the millisecond", () => {
    expect(timestampAdvanced("2026-11-22T04:20:42.4390010Z", "2026-11-22T04:20:42.4390011Z")).toBe(true);
    expect(timestampAdvanced("2026-11-22T04:20:42.4390011Z", "2026-11-22T04:20:42.4390011Z")).toBe(false);
    expect(timestampAdvanced("2026-11-22T04:20:42.439Z", "2026-11-22T04:20:43Z")).toBe(true);
    expect(timestampAdvanced("2026-11-22T04:20:43.0000000Z", "2026-11-22T04:20:42.9999999Z")).toBe(false);
  });
});
