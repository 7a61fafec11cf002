/**
 * docs/report.schema.json is the JSON report's contract: reports written by `rekey conform --report json:FILE`
 * — green, failed by a mock fault, with warnings, strict, with transport failures, held back by the live-safety gate,
 * and a --replay — all validate against it; a field the schema does not document fails validation (so a reporter
 * change that adds one fails here until the schema and docs/reports.md say what it is); and docs/reports.md names
 * every field the schema has.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningMock } from "../../conformance/mock/start-mock.ts";
import { reportJson } from "../../conformance/reporters/json-reporter.ts";
import type { ExchangeResult, RunSummary } from "../../conformance/exchange.ts";
import { REPO_ROOT } from "../../kernel/index.ts";
import { runInProcess } from "../helpers/in-process.ts";
import { removeTempDirs, tempDir } from "../helpers/files.ts";
import { startProductMock, TOKEN } from "../helpers/mock.ts";

type Json = Record<string, any>;

const SCHEMA = JSON.parse(readFileSync(join(REPO_ROOT, "docs/report.schema.json"), "utf8")) as Json;
const validate = new Ajv2020({ allErrors: true, strict: true }).compile(SCHEMA);

function problems(report: unknown): string[] {
  return validate(report) ? [] : validate.errors!.map((e) => `${e.instancePath || "/"} ${e.message} ${JSON.stringify(e.params)}`);
}

const dir = tempDir();
let mock: RunningMock;
const TOKEN_ENV = "REKEY_REPORT_SCHEMA_TOKEN";

/**
 * The report the command writes for these arguments, and its exit code: its own main() in this process (the file is
 * what is judged here; test/conformance/cli-conform.test.ts has a spawned command write one).
 */
async function report(name: string, args: string[]): Promise<{ code: number; report: Json }> {
  const file = join(dir, `${name}.json`);
  const result = await runInProcess(["conform", "--quiet", "--report", `json:${file}`, ...args]);
  expect(result.stderr).not.toMatch(/rekey crashed/);
  return { code: result.code, report: JSON.parse(readFileSync(file, "utf8")) as Json };
}

const all = (r: Json, pick: (result: Json) => Json[]) => (r.results as Json[]).flatMap(pick);

beforeAll(async () => {
  process.env[TOKEN_ENV] = TOKEN;
  mock = await startProductMock();
});
afterAll(async () => {
  delete process.env[TOKEN_ENV];
  await mock?.close();
  removeTempDirs();
});

describe("reports `rekey conform` writes validate against docs/report.schema.json", () => {
  it("a green run against the embedded mock", async () => {
    const { code, report: r } = await report("green", []);
    expect(code).toBe(0);
    expect(r.summary.failed).toBe(0);
    expect(new Set(all(r, (x) => [x.exchange.kind]))).toEqual(new Set(["example", "negative", "scenario"]));
    expect(problems(r)).toEqual([]);
  });

  it("a run failed by a mock fault", async () => {
    const { code, report: r } = await report("missing-field", ["--fault", "missing-field"]);
    expect(code).toBe(1);
    expect(all(r, (x) => x.failures).length).toBeGreaterThan(0);
    expect(problems(r)).toEqual([]);
  });

  it("a run with warnings, and the same run strict (warnings promoted to failures)", async () => {
    const { code, report: warned } = await report("extra-field", ["--fault", "extra-field"]);
    expect(code).toBe(0);
    expect(warned.summary.passedWithWarnings).toBeGreaterThan(0);
    expect(problems(warned)).toEqual([]);
    const { code: strictCode, report: strict } = await report("extra-field-strict", ["--fault", "extra-field", "--strict"]);
    expect(strictCode).toBe(1);
    expect(all(strict, (x) => x.failures).some((f) => f.promoted === true)).toBe(true);
    expect(problems(strict)).toEqual([]);
  });

  it("a run whose answers never come (transport failures: no response in the result)", async () => {
    const { code, report: r } = await report("connection-reset", ["--fault", "connection-reset", "--retries", "0", "--only", "maps/**"]);
    expect(code).toBe(1);
    expect((r.results as Json[]).some((x) => x.response === undefined && x.failures.some((f: Json) => f.check === "transport"))).toBe(true);
    expect(problems(r)).toEqual([]);
  });

  it("a run against a URL where the live-safety gate holds exchanges back", async () => {
    const { code, report: r } = await report("held-back", ["--target", mock.url, "--token-env", TOKEN_ENV, "--only", "maps/**"]);
    expect(code).toBe(0);
    expect(r.summary.heldBack).toBeGreaterThan(0);
    expect(Object.keys(r.summary.heldBackReasons).length).toBeGreaterThan(0);
    expect(problems(r)).toEqual([]);
  });

  it("a --replay of recordings: matched, skipped, failed and not-judged exchanges", async () => {
    const fixtures = join(REPO_ROOT, "test/replay/fixtures");
    const files = readdirSync(fixtures).map((name) => join(fixtures, name));
    const { code, report: r } = await report("replay", ["--replay", ...files]);
    expect(code).toBe(1);
    const outcomes = new Set(all(r, (x) => [x.outcome]));
    expect(outcomes).toEqual(new Set(["passed", "failed", "skipped"]));
    expect(all(r, (x) => x.notJudged ?? []).length).toBeGreaterThan(0);
    expect(r.summary.target.kind).toBe("replay");
    expect(problems(r)).toEqual([]);
  });
});

/** A result with every optional field the types allow, so the schema is checked against all of them at once. */
function everyField(): { summary: RunSummary; results: ExchangeResult[] } {
  const finding = { check: "undeclared-fields", exchange: "svc/2024-01-01/Op/scenario/rotate-primary/2", severity: "failure" as const,
    promoted: true as const, pointer: "/extra", expected: ["id"], actual: "extra", message: "property \"extra\" is not declared" };
  const result: ExchangeResult = {
    exchange: {
      id: finding.exchange, kind: "scenario", title: "rotate primary, step 2 of 3", service: "svc", apiVersion: "2024-01-01", operationId: "Op",
      request: { method: "POST", url: "/subscriptions/s/x?api-version=2024-01-01", headers: { authorization: "[REDACTED]" }, body: "{\"keyName\":\"primary\"}" },
      authorize: true, expect: { kind: "success", statuses: [200], example: { status: 200, body: { primaryKey: "[REDACTED]" } } },
      mutation: "always", resource: "/subscriptions/s/x",
      scenario: { name: "rotate-primary", step: 2, of: 3, key: "primary", resourceName: "x", reads: true, compareWith: 1 },
      source: "specs/svc/2024-01-01/openapi.yaml#/paths/x", checks: ["status", "rotation"],
    },
    outcome: "failed",
    response: { status: 200, headers: { "x-ms-request-id": "r" }, text: "{}", json: {}, durationMs: 1.5 },
    failures: [finding],
    warnings: [],
    checksRun: ["status", "rotation"],
    notJudged: ["x-ms-request-id: the recording's format drops it"],
    reason: "a reason",
    curl: "curl -sS -i -X POST 'https://h/x' -H \"Authorization: Bearer $TOKEN\"",
    attempts: 1,
  };
  const summary: RunSummary = {
    target: { kind: "url", url: "https://h", detail: "fault x" }, exchanges: 1, passed: 0, failed: 1, heldBack: 0, skipped: 0, checks: 2,
    failures: 1, warnings: 0, passedWithWarnings: 0, strict: true, durationMs: 3, interrupted: true, heldBackReasons: { "a reason": 1 },
  };
  return { summary, results: [result] };
}

describe("the schema documents every field, and no more", () => {
  const full = () => JSON.parse(reportJson(everyField())) as Json;

  it("a report using every optional field validates", () => {
    expect(problems(full())).toEqual([]);
  });

  it.each([
    ["the document", (r: Json) => r],
    ["the summary", (r: Json) => r.summary],
    ["the target", (r: Json) => r.summary.target],
    ["a result", (r: Json) => r.results[0]],
    ["an exchange", (r: Json) => r.results[0].exchange],
    ["a request", (r: Json) => r.results[0].exchange.request],
    ["an expectation", (r: Json) => r.results[0].exchange.expect],
    ["a scenario step", (r: Json) => r.results[0].exchange.scenario],
    ["a response", (r: Json) => r.results[0].response],
    ["a finding", (r: Json) => r.results[0].failures[0]],
  ])("an undocumented field in %s is refused", (_, at) => {
    const r = full();
    at(r).undocumented = true;
    expect(problems(r).join("\n")).toMatch(/must NOT have additional properties.*undocumented/);
  });

  it("a warning cannot be promoted and a failed result must carry a failure", () => {
    const r = full();
    r.results[0].warnings = [{ ...r.results[0].failures[0], severity: "warning" }];
    expect(problems(r)).not.toEqual([]);
    const empty = full();
    empty.results[0].failures = [];
    expect(problems(empty)).not.toEqual([]);
  });

  it("docs/reports.md names every field of the schema", () => {
    const text = readFileSync(join(REPO_ROOT, "docs/reports.md"), "utf8");
    const names = new Set<string>();
    const walk = (node: unknown): void => {
      if (Array.isArray(node)) return node.forEach(walk);
      if (node === null || typeof node !== "object") return;
      for (const [key, value] of Object.entries(node as Json)) {
        if (key === "properties") Object.keys(value as Json).forEach((name) => names.add(name));
        walk(value);
      }
    };
    walk(SCHEMA);
    expect([...names].filter((name) => !text.includes(`\`${name}\``))).toEqual([]);
  });
});
