/**
 * Reporters listen to synthetic runs (passed, failed with an object diff, held back, skipped, interrupted) and are
 * judged on what they write: the console's text with and without colour and on a terminal, JUnit XML that CI
 * parsers accept (escaping included), JSON that parses back to the run, and the --report option.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import type { Exchange, ExchangeResult, Failure, Finding, Reporter, RunSummary, TargetDescription } from "../../conformance/exchange.ts";
import { combineReporters } from "../../conformance/reporters/combine-reporters.ts";
import { colorEnabled, consoleReporter } from "../../conformance/reporters/console-reporter.ts";
import type { OutputStream } from "../../conformance/reporters/format.ts";
import { jsonReporter } from "../../conformance/reporters/json-reporter.ts";
import { junitReporter } from "../../conformance/reporters/junit-reporter.ts";
import { parseReportOption, reportersFromOption } from "../../conformance/reporters/report-option.ts";
import { summarize } from "../../conformance/reporters/run-record.ts";
import { judge } from "../../conformance/severity.ts";
import { UserError } from "../../kernel/user-error.ts";
import { removeTempDirs, tempDir } from "../helpers/files.ts";

afterAll(removeTempDirs);
afterEach(() => vi.unstubAllEnvs());

const ANSI = /\u001b\[/;
const TARGET: TargetDescription = { kind: "mock", url: "http://127.0.0.1:4010", detail: "fault wrong-type" };
const HELD_BACK = "would rotate a real key; pass --allow-mutations";

function exchange(id: string, title = `sends ${id.split("/").slice(3).join("/")}`): Exchange {
  const [service, apiVersion, operationId, kind] = id.split("/") as [string, string, string, Exchange["kind"]];
  return {
    id, kind, title, service, apiVersion, operationId,
    request: { method: "POST", url: "/subscriptions/s/regenerateKey?api-version=" + apiVersion, headers: { authorization: "Bearer $TOKEN" } },
    authorize: true,
    expect: kind === "negative" ? { kind: "rejection", status: 400, violates: "enum" } : { kind: "success", statuses: [200] },
    mutation: kind === "negative" ? "never" : "always",
    resource: "/subscriptions/s/resourceGroups/g/providers/x/accounts/a",
    source: `specs/${service}/${apiVersion}/openapi.yaml#/paths/x`,
    checks: ["status", "schema"],
  };
}

function result(id: string, outcome: ExchangeResult["outcome"], more: Partial<ExchangeResult> = {}): ExchangeResult {
  const sent = outcome === "passed" || outcome === "failed";
  return {
    exchange: exchange(id),
    outcome,
    response: sent ? { status: 200, headers: { "content-type": "application/json" }, text: "{}", json: {}, durationMs: 25 } : undefined,
    failures: [],
    warnings: [],
    checksRun: sent ? ["status", "schema"] : [],
    curl: `curl -sS -X POST 'http://127.0.0.1:4010/${id}' -H "Authorization: Bearer $TOKEN"`,
    attempts: sent ? 1 : 0,
    ...more,
  };
}

const ENUM_ID = "maps/2026-12-01/Accounts_RegenerateKeys/negative/body.keyType.enum";
const EXAMPLE_ID = "apimanagement/2022-08-01/TenantAccess_RegeneratePrimaryKey/example/ApiManagementTenantAccessRegenerateKey";
const statusFailure: Failure = {
  check: "negative-rejected", exchange: ENUM_ID, severity: "failure", pointer: "", expected: 400, actual: 200,
  message: "a keyType outside the enum was accepted",
};
const bodyFailure: Failure = {
  check: "example-match", exchange: EXAMPLE_ID, severity: "failure", pointer: "/keys",
  expected: { primaryKey: "[REDACTED]", secondaryKey: "[REDACTED]", regions: ["westeurope", "northeurope"] },
  actual: { primaryKey: "[REDACTED]", regions: ["westeurope", "eastus"], extra: true },
  message: "the answer differs from the example",
};

/** Two passed, two failed, one held back, one skipped, over three operations. */
function sampleResults(): ExchangeResult[] {
  return [
    result("maps/2026-12-01/Accounts_RegenerateKeys/example/Regenerate Primary Key", "passed"),
    result(ENUM_ID, "failed", { failures: [statusFailure] }),
    result(EXAMPLE_ID, "failed", { failures: [bodyFailure] }),
    result("apimanagement/2022-08-01/TenantAccess_RegeneratePrimaryKey/negative/no-token", "passed"),
    result("batch/2024-02-01/BatchAccount_RegenerateKey/scenario/rotate-primary/2", "held-back", { reason: HELD_BACK }),
    result("batch/2024-02-01/BatchAccount_RegenerateKey/negative/path.accountName.pattern", "skipped", { reason: "not in --only" }),
  ];
}

function summaryOf(results: ExchangeResult[], more: Partial<RunSummary> = {}): RunSummary {
  return { ...summarize(TARGET, results, 3400, false), ...more };
}

/** Sends a whole run to `reporter` and closes it. */
async function play(reporter: Reporter, results = sampleResults(), summary = summaryOf(results), total = results.length) {
  reporter.onEvent({ type: "run-start", target: TARGET, total });
  for (const r of results) {
    reporter.onEvent({ type: "exchange-start", exchange: r.exchange });
    reporter.onEvent({ type: "exchange-end", result: r });
  }
  reporter.onEvent({ type: "run-end", summary, results });
  await reporter.close();
}

function collector(tty = false): OutputStream & { text(): string } {
  const chunks: string[] = [];
  return { write: (s: string) => chunks.push(s), isTTY: tty, columns: 100, text: () => chunks.join("") };
}

describe("console reporter", () => {
  it("writes a plain report without colour on a non-terminal: failures, table, reasons, final line", async () => {
    const out = collector();
    await play(consoleReporter({ stream: out }), sampleResults());
    const text = out.text();
    expect(text).not.toMatch(ANSI);
    expect(text).not.toContain("\r");
    const lines = text.split("\n");
    expect(lines[0]).toBe("rekey conform: 6 exchanges against mock http://127.0.0.1:4010 (fault wrong-type)");
    // while running: only the failed exchanges, one line each
    expect(lines[1]).toBe(`✗ ${ENUM_ID}  negative-rejected`);
    expect(lines[2]).toBe(`✗ ${EXAMPLE_ID}  example-match`);
    expect(text).not.toContain("✓");

    // the failure blocks
    expect(text).toContain([
      `✗ ${ENUM_ID}`,
      "  sends negative/body.keyType.enum",
      "  negative-rejected  (whole answer)  a keyType outside the enum was accepted",
      "      expected: 400",
      "      actual:   200",
      `  curl -sS -X POST 'http://127.0.0.1:4010/${ENUM_ID}' -H "Authorization: Bearer $TOKEN"`,
    ].join("\n"));
    expect(text).toContain([
      "  example-match  /keys  the answer differs from the example",
      `      expected: {"primaryKey":"[REDACTED]","secondaryKey":"[REDACTED]","regions":["westeurope","northeurope"]}`,
      `      actual:   {"primaryKey":"[REDACTED]","regions":["westeurope","eastus"],"extra":true}`,
      "      diff (- expected, + actual):",
    ].join("\n"));
    expect(lines).toContain(`        +   "extra": true,`);
    expect(lines).toContain(`        -     "northeurope"`);
    expect(lines).toContain(`        +     "eastus"`);
    expect(lines).toContain(`        -   "secondaryKey": "[REDACTED]"`);

    // the table, one row per operation in order of appearance, indented (a line never starts with spec text)
    const table = lines.slice(lines.findIndex((l) => l.startsWith("  operation")));
    expect(table[0]).toMatch(/^ {2}operation +exchanges {2}passed {2}failed {2}held back {2}skipped$/);
    expect(table[1]).toMatch(/^ {2}maps\/2026-12-01\/Accounts_RegenerateKeys +2 +1 +1 +0 +0$/);
    expect(table[2]).toMatch(/^ {2}apimanagement\/2022-08-01\/TenantAccess_RegeneratePrimaryKey +2 +1 +1 +0 +0$/);
    expect(table[3]).toMatch(/^ {2}batch\/2024-02-01\/BatchAccount_RegenerateKey +2 +0 +0 +1 +1$/);

    expect(lines).toContain(`1 held back: ${HELD_BACK}`);
    expect(lines).toContain("1 skipped: not in --only");
    expect(lines.at(-2)).toBe("6 exchanges, 8 checks: 2 passed, 2 failed, 1 held back, 1 skipped (3.4 s)");
    expect(text).not.toContain("interrupted");
  });

  it("colours when asked, and not when NO_COLOR is set", async () => {
    const coloured = collector();
    await play(consoleReporter({ stream: coloured, color: true }));
    expect(coloured.text()).toMatch(ANSI);
    expect(coloured.text()).toContain("\u001b[31m-     \"northeurope\"\u001b[39m");

    vi.stubEnv("FORCE_COLOR", undefined);
    vi.stubEnv("TERM", "xterm-256color");
    const terminal = collector(true);
    await play(consoleReporter({ stream: terminal }));
    expect(terminal.text()).toMatch(ANSI);

    vi.stubEnv("NO_COLOR", "1");
    const noColor = collector(true);
    await play(consoleReporter({ stream: noColor }));
    expect(noColor.text()).not.toMatch(ANSI);
    expect(noColor.text()).toContain("\r[1/6] ✓ maps/2026-12-01/Accounts_RegenerateKeys/example/Regenerate Primary Key");
  });

  it.each([
    ["a terminal", true, {}, true],
    ["a pipe", false, {}, false],
    ["NO_COLOR on a terminal", true, { NO_COLOR: "1" }, false],
    ["an empty NO_COLOR", true, { NO_COLOR: "" }, true],
    ["TERM=dumb", true, { TERM: "dumb" }, false],
    ["FORCE_COLOR on a pipe", false, { FORCE_COLOR: "1" }, true],
    ["FORCE_COLOR over NO_COLOR", false, { FORCE_COLOR: "", NO_COLOR: "1" }, true],
    ["FORCE_COLOR=0 on a terminal", true, { FORCE_COLOR: "0" }, false],
  ])("colour on %s: %s", (_, isTTY, env, want) => {
    expect(colorEnabled({ write: () => true, isTTY }, env)).toBe(want);
  });

  it("on a terminal updates one progress line in place and clears it before the report", async () => {
    const out = collector(true);
    await play(consoleReporter({ stream: out, color: false }));
    const text = out.text();
    expect(text).toContain("\r[1/6] ✓ maps/2026-12-01/Accounts_RegenerateKeys/example/Regenerate Primary Key");
    // an id too long for the terminal keeps its end
    expect(text).toContain(`\r[3/6] ✗ …${EXAMPLE_ID.slice(-(99 - "[3/6] ✗ …".length))}\r[4/6]`);
    // a failed exchange also gets a line of its own, after the progress line is cleared
    expect(text).toMatch(new RegExp(`\\r +\\r✗ ${ENUM_ID.replaceAll(".", "\\.")}  negative-rejected\\n`));
    const progress = text.split(/[\r\n]/).filter((l) => l.startsWith("["));
    expect(progress).toHaveLength(6);
    for (const line of progress) expect(line.trimEnd().length).toBeLessThan(100);
    expect(text.slice(text.lastIndexOf("[6/6]"))).toMatch(/^\[6\/6\] - [^\n]*\r +\r\n✗ /);
  });

  it("says when the report is partial", async () => {
    const results = sampleResults().slice(0, 2);
    const out = collector();
    await play(consoleReporter({ stream: out }), results, summaryOf(results, { interrupted: true }), 6);
    const lines = out.text().trimEnd().split("\n");
    expect(lines.at(-2)).toBe("2 exchanges, 4 checks: 1 passed, 1 failed, 0 held back (3.4 s)");
    expect(lines.at(-1)).toBe("interrupted — partial report (2 of 6 exchanges ended)");
  });

  it("verbose: a line for every exchange and the ids under each reason", async () => {
    const out = collector();
    await play(consoleReporter({ stream: out, verbose: true }));
    const lines = out.text().split("\n");
    expect(lines.slice(1, 7).map((l) => l.slice(0, 1))).toEqual(["✓", "✗", "✗", "✓", "-", "-"]);
    expect(lines[5]).toBe(`- batch/2024-02-01/BatchAccount_RegenerateKey/scenario/rotate-primary/2  held back: ${HELD_BACK}`);
    expect(lines[lines.indexOf(`1 held back: ${HELD_BACK}`) + 1]).toBe("    batch/2024-02-01/BatchAccount_RegenerateKey/scenario/rotate-primary/2");
  });

  it("never prints an Authorization value, even one the runner failed to redact", async () => {
    const leaked = result(ENUM_ID, "failed", {
      failures: [statusFailure],
      curl: `curl -X POST 'http://x/y' -H 'Authorization: Bearer eyJ0eXAi.secret.sig' -H 'x-ms-client-request-id: 1'`,
    });
    const out = collector();
    await play(consoleReporter({ stream: out }), [leaked]);
    expect(out.text()).not.toContain("eyJ0eXAi");
    expect(out.text()).toContain(`-H 'Authorization: Bearer $TOKEN' -H 'x-ms-client-request-id: 1'`);
  });

  it("prints spec and target text through one sanitiser: controls escaped, no line starting with foreign text", async () => {
    const forged = "\n::error::forged";
    const odd = (r: ExchangeResult): ExchangeResult => ({
      ...r,
      exchange: { ...r.exchange, id: `${r.exchange.id}\u001b]52;c;eA==\u0007${forged}`, title: `t\u2028${forged}`, operationId: `op${forged}` },
      reason: r.reason && `${r.reason}\r${forged}`,
      curl: `${r.curl}${forged}`,
      failures: r.failures.map((f) => ({ ...f, pointer: `/a${forged}`, message: `m\u009b2J${forged}`, actual: { [`k\u202e${forged}`]: "v\u007f" } })),
    });
    for (const verbose of [false, true]) {
      const out = collector();
      await play(consoleReporter({ stream: out, verbose }), sampleResults().map(odd));
      const text = out.text();
      expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/);
      for (const line of text.split("\n")) expect(line).not.toMatch(/^::/);
      expect(text).toContain("\\u001b]52;c;eA==\\u0007\\u000a::error::forged");
    }
  });

  it("caps a long diff", async () => {
    const expected = Object.fromEntries(Array.from({ length: 60 }, (_, i) => [`k${String(i).padStart(2, "0")}`, i]));
    const actual = Object.fromEntries(Object.entries(expected).map(([k, v]) => [k, -v]));
    const failure: Failure = { ...bodyFailure, expected, actual };
    const out = collector();
    await play(consoleReporter({ stream: out }), [result(EXAMPLE_ID, "failed", { failures: [failure] })]);
    const lines = out.text().split("\n");
    const start = lines.indexOf("      diff (- expected, + actual):") + 1;
    const diff = lines.slice(start, lines.findIndex((l, i) => i >= start && !l.startsWith("        ")));
    expect(diff).toHaveLength(40);
    expect(diff.at(-1)).toMatch(/^ {8}… \d+ more diff lines$/);
  });
});

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "",
  isArray: (name) => ["testsuite", "testcase"].includes(name),
});

describe("JUnit reporter", () => {
  it("writes valid JUnit XML: a suite per operation, a case per exchange, failure and skipped elements", async () => {
    const file = join(tempDir(), "reports", "nested", "junit.xml");
    await play(junitReporter(file));
    const xml = readFileSync(file, "utf8");
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml.startsWith(`<?xml version="1.0" encoding="UTF-8"?>`)).toBe(true);
    const { testsuites } = parser.parse(xml);
    expect(testsuites).toMatchObject({ tests: "6", failures: "2", errors: "0", skipped: "2", time: "3.400" });
    expect(testsuites.testsuite.map((s: { name: string }) => s.name)).toEqual([
      "maps/2026-12-01/Accounts_RegenerateKeys",
      "apimanagement/2022-08-01/TenantAccess_RegeneratePrimaryKey",
      "batch/2024-02-01/BatchAccount_RegenerateKey",
    ]);
    const [maps, apim, batch] = testsuites.testsuite;
    expect(maps).toMatchObject({ tests: "2", failures: "1", errors: "0", skipped: "0", time: "0.050" });
    expect(batch).toMatchObject({ tests: "2", failures: "0", skipped: "2", time: "0.000" });
    const cases = testsuites.testsuite.flatMap((s: { testcase: unknown[] }) => s.testcase);
    expect(cases).toHaveLength(6);
    expect(maps.testcase[1]).toMatchObject({ classname: "maps/2026-12-01/Accounts_RegenerateKeys", name: "negative/body.keyType.enum", time: "0.025" });

    const failure = apim.testcase[0].failure;
    expect(failure.type).toBe("example-match");
    expect(failure.message).toBe("example-match: the answer differs from the example");
    expect(failure["#text"]).toContain("example-match  /keys  the answer differs from the example");
    expect(failure["#text"]).toContain(`-     "northeurope"`);
    expect(failure["#text"]).toContain(`curl -sS -X POST 'http://127.0.0.1:4010/${EXAMPLE_ID}' -H "Authorization: Bearer $TOKEN"`);
    expect(apim.testcase[1].failure).toBeUndefined();
    expect(batch.testcase[0].skipped).toEqual({ message: `held back: ${HELD_BACK}` });
    expect(batch.testcase[1].skipped).toEqual({ message: "skipped: not in --only" });
  });

  it("escapes markup and writes characters XML cannot carry as \\u escapes", async () => {
    const nasty = `got \u0001\u001b[31m ]]> <&"' done`;
    const failure: Failure = { ...statusFailure, message: nasty, actual: "\u0000]]>" };
    const file = join(tempDir(), "junit.xml");
    await play(junitReporter(file), [result(ENUM_ID, "failed", { failures: [failure] })]);
    const xml = readFileSync(file, "utf8");
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/);
    const testcase = parser.parse(xml).testsuites.testsuite[0].testcase[0];
    expect(testcase.failure.message).toBe(`negative-rejected: got \\u0001\\u001b[31m ]]> <&"' done`);
    expect(testcase.failure["#text"]).toContain(`got \\u0001\\u001b[31m ]]> <&"' done`);
    expect(testcase.failure["#text"]).toContain(`actual:   "\\u0000]]>"`);
  });

  it("writes a partial report when closed before the run ended, and nothing when it never started", async () => {
    const dir = tempDir();
    await junitReporter(join(dir, "never.xml")).close();
    expect(existsSync(join(dir, "never.xml"))).toBe(false);

    const reporter = junitReporter(join(dir, "partial.xml"));
    reporter.onEvent({ type: "run-start", target: TARGET, total: 6 });
    reporter.onEvent({ type: "exchange-end", result: sampleResults()[1]! });
    await reporter.close();
    const { testsuites } = parser.parse(readFileSync(join(dir, "partial.xml"), "utf8"));
    expect(testsuites).toMatchObject({ name: "rekey conform mock http://127.0.0.1:4010 (interrupted)", tests: "1", failures: "1" });
  });

  it("a folder it cannot write is a UserError", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "file"), "");
    const error = await play(junitReporter(join(dir, "file", "junit.xml"))).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect((error as Error).message).toMatch(/^error: .*file\/junit\.xml: cannot write the report \(\w+\) — pass --report a path you can write to \[conform\/report\]$/);
  });
});

describe("JSON reporter", () => {
  it("writes { summary, results } that parse back to the run, keys in a stable order", async () => {
    const results = sampleResults();
    const summary = summaryOf(results);
    const file = join(tempDir(), "out", "report.json");
    await play(jsonReporter(file), results, summary);
    const text = readFileSync(file, "utf8");
    expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify({ summary, results })));
    expect(text.endsWith("}\n")).toBe(true);
    const parsed = JSON.parse(text);
    expect(Object.keys(parsed)).toEqual(["summary", "results"]);
    expect(Object.keys(parsed.summary).slice(0, 3)).toEqual(["target", "exchanges", "passed"]);
    expect(Object.keys(parsed.results[0]).slice(0, 3)).toEqual(["exchange", "outcome", "response"]);

    // the same run with its objects built in another key order writes the same bytes
    const shuffled = results.map((r) => Object.fromEntries(Object.entries({
      ...r, response: r.response && { ...r.response, headers: { b: "2", a: "1" } },
    }).reverse()) as unknown as ExchangeResult);
    const again = results.map((r) => ({ ...r, response: r.response && { ...r.response, headers: { a: "1", b: "2" } } }));
    const [first, second] = [join(tempDir(), "a.json"), join(tempDir(), "b.json")];
    await play(jsonReporter(first), shuffled, summary);
    await play(jsonReporter(second), again, summary);
    expect(readFileSync(first, "utf8")).toBe(readFileSync(second, "utf8"));
  });

  it("redacts an Authorization header the runner left in", async () => {
    const leaked = result(ENUM_ID, "failed", { failures: [statusFailure] });
    leaked.exchange.request.headers = { Authorization: "Bearer eyJ0eXAi.secret.sig" };
    const file = join(tempDir(), "report.json");
    await play(jsonReporter(file), [leaked]);
    const text = readFileSync(file, "utf8");
    expect(text).not.toContain("eyJ0eXAi");
    expect(JSON.parse(text).results[0].exchange.request.headers).toEqual({ Authorization: "[REDACTED]" });
  });
});

describe("--report", () => {
  it.each([
    [undefined, []],
    ["junit:reports/junit.xml", [{ format: "junit", file: "reports/junit.xml" }]],
    ["junit:a.xml,json:b.json", [{ format: "junit", file: "a.xml" }, { format: "json", file: "b.json" }]],
    [["junit:a.xml", "json:b.json,"], [{ format: "junit", file: "a.xml" }, { format: "json", file: "b.json" }]],
    ["JSON:C:\\reports\\r.json", [{ format: "json", file: "C:\\reports\\r.json" }]],
  ])("%j", (spec, want) => {
    expect(parseReportOption(spec)).toEqual(want);
    expect(reportersFromOption(spec)).toHaveLength(want.length);
  });

  it.each([
    ["xml:a.xml", `unknown report format "xml"`],
    ["junit:a.xml,console", `unknown report format "console"`],
    ["junit", `report "junit" needs a file`],
    ["json:", `report "json" needs a file`],
    ["", "no report given"],
    [["junit:r.xml", "json:./r.xml"], `"./r.xml" is named by two reports (junit and json)`],
  ])("%j is a UserError", (spec, message) => {
    const error = (() => {
      try {
        reportersFromOption(spec);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(UserError);
    expect((error as Error).message).toBe(`error: --report: ${message} — use junit:FILE or json:FILE [conform/options]`);
  });

  it("the reporters it makes write their files and name them", async () => {
    const dir = tempDir();
    const out = collector();
    await play(combineReporters(reportersFromOption(`junit:${dir}/j.xml,json:${dir}/r.json`, { stream: out })));
    expect(XMLValidator.validate(readFileSync(join(dir, "j.xml"), "utf8"))).toBe(true);
    expect(JSON.parse(readFileSync(join(dir, "r.json"), "utf8")).summary.exchanges).toBe(6);
    expect(out.text()).toMatch(/^junit report: .*j\.xml\njson report: .*r\.json\n$/);
  });
});

describe("combineReporters", () => {
  it("closes reporters in the order given, so what they print on close comes in that order however long each takes", async () => {
    const out = collector();
    /** Prints its name on close, after `turns` turns of the event loop (a slow file). */
    const naming = (name: string, turns: number): Reporter => ({
      onEvent: () => undefined,
      close: async () => {
        for (let i = 0; i < turns; i++) await new Promise((resolve) => setImmediate(resolve));
        out.write(`${name}\n`);
      },
    });
    await combineReporters([naming("slow", 5), naming("quick", 0), naming("middle", 2)]).close();
    expect(out.text()).toBe("slow\nquick\nmiddle\n");
  });

  it("sends every event to every reporter and closes all, even when one throws", async () => {
    const seen: string[][] = [[], []];
    let closed = 0;
    const listener = (i: number): Reporter => ({
      onEvent: (e) => void seen[i]!.push(e.type),
      close: async () => void closed++,
    });
    const broken: Reporter = {
      onEvent: () => { throw new Error("reporter bug"); },
      close: async () => { throw new Error("close bug"); },
    };
    const combined = combineReporters([listener(0), broken, listener(1)]);
    expect(() => combined.onEvent({ type: "run-start", target: TARGET, total: 0 })).toThrow("reporter bug");
    await expect(combined.close()).rejects.toThrow("close bug");
    expect(seen).toEqual([["run-start"], ["run-start"]]);
    expect(closed).toBe(2);
  });
});

describe("warnings: drift listed apart, never failing a testcase", () => {
  const warning: Finding = {
    check: "undeclared-fields", exchange: EXAMPLE_ID, severity: "warning", pointer: "/id", expected: ["primaryKey"], actual: "id",
    message: `property "id" is not declared by /components/schemas/Keys`,
  };
  const echo: Finding = {
    check: "arm-headers", exchange: ENUM_ID, severity: "warning", pointer: "", expected: "x-ms-correlation-request-id: 1", actual: null,
    message: "no x-ms-correlation-request-id header (ARM echoes the id sent)",
  };
  const warnedResults = () => [
    result(EXAMPLE_ID, "passed", { warnings: [warning, { ...echo, exchange: EXAMPLE_ID }] }),
    result(ENUM_ID, "failed", { failures: [statusFailure], warnings: [echo] }),
  ];

  it("judge() fails on failures only, and with strict counts warnings as failures it marks promoted", () => {
    expect(judge([warning], false)).toEqual({ outcome: "passed", failures: [], warnings: [warning] });
    expect(judge([warning, statusFailure], false)).toEqual({ outcome: "failed", failures: [statusFailure], warnings: [warning] });
    expect(judge([warning], true)).toEqual({ outcome: "failed", failures: [{ ...warning, severity: "failure", promoted: true }], warnings: [] });
    expect(judge([], true)).toEqual({ outcome: "passed", failures: [], warnings: [] });
  });

  it("summarize counts warnings and the exchanges that passed with them", () => {
    expect(summaryOf(warnedResults())).toMatchObject({ passed: 1, failed: 1, failures: 1, warnings: 3, passedWithWarnings: 1, strict: false });
  });

  it("console: a warnings section grouped by what was found; the final line counts them; exit-worthy only when failed", async () => {
    const out = collector();
    await play(consoleReporter({ stream: out }), warnedResults());
    const text = out.text();
    expect(text).toContain([
      "3 warnings on 2 exchanges (drift; --strict fails them)",
      "",
      `  undeclared-fields  /id  property "id" is not declared by /components/schemas/Keys`,
      `    on ${EXAMPLE_ID}`,
      "  arm-headers  (whole answer)  no x-ms-correlation-request-id header (ARM echoes the id sent)",
      `    on 2 exchanges, e.g. ${EXAMPLE_ID}`,
    ].join("\n"));
    // the failed exchange's block shows its failure, not its warning
    const block = text.slice(text.indexOf(`✗ ${ENUM_ID}\n`), text.indexOf("warnings on"));
    expect(block).toContain("negative-rejected");
    expect(block).not.toContain("arm-headers");
    expect(text).toMatch(/ {2}operation +exchanges {2}passed {2}with warnings {2}failed {2}held back {2}skipped\n/);
    expect(text.trim().split("\n").at(-1)).toBe("2 exchanges, 4 checks: 1 passed (1 with warnings), 1 failed, 0 held back, 3 warnings (3.4 s)");
  });

  it("console --verbose: each warned exchange in full, and its line while running says it warned", async () => {
    const out = collector();
    await play(consoleReporter({ stream: out, verbose: true, color: true }), warnedResults());
    const text = out.text().replace(/\u001b\[\d+m/g, "");
    expect(text).toContain(`✓ ${EXAMPLE_ID}  warnings: undeclared-fields, arm-headers\n`);
    expect(text).toContain([`! ${EXAMPLE_ID}`, `  sends ${EXAMPLE_ID.split("/").slice(3).join("/")}`, `  undeclared-fields  /id  property "id" is not declared by /components/schemas/Keys`].join("\n"));
    expect(out.text()).toContain("\u001b[33mundeclared-fields\u001b[39m"); // yellow, where a failure's check is red
  });

  it("console under --strict: the header says so; a promoted warning is red and says why it fails", async () => {
    const out = collector();
    const promoted = { ...warning, severity: "failure" as const, promoted: true as const };
    const results = [result(EXAMPLE_ID, "failed", { failures: [promoted] })];
    const reporter = consoleReporter({ stream: out });
    reporter.onEvent({ type: "run-start", target: TARGET, total: 1, strict: true });
    reporter.onEvent({ type: "exchange-end", result: results[0]! });
    reporter.onEvent({ type: "run-end", summary: { ...summaryOf(results), strict: true }, results });
    await reporter.close();
    const text = out.text();
    expect(text.split("\n")[0]).toBe("rekey conform: 1 exchange against mock http://127.0.0.1:4010 (fault wrong-type), strict: warnings fail");
    expect(text).toContain(`  undeclared-fields  /id  property "id" is not declared by /components/schemas/Keys  (a warning; --strict fails it)`);
    expect(text).not.toContain("warnings on");
    expect(text.trim().split("\n").at(-1)).toMatch(/, 1 failed, 0 held back \(3\.4 s, strict\)$/);
  });

  it("JUnit: a warned testcase passes, its warnings are properties and system-out text", async () => {
    const file = join(tempDir(), "junit.xml");
    await play(junitReporter(file), warnedResults());
    const xml = readFileSync(file, "utf8");
    expect(XMLValidator.validate(xml)).toBe(true);
    const { testsuites } = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "", isArray: (name) => ["testsuite", "testcase", "property"].includes(name) }).parse(xml);
    expect(testsuites.failures).toBe("1");
    const cases = testsuites.testsuite.flatMap((s: { testcase: unknown[] }) => s.testcase) as Array<Record<string, any>>;
    const [warned, failed] = [cases.find((c) => c.name === "example/ApiManagementTenantAccessRegenerateKey")!, cases.find((c) => c.name === "negative/body.keyType.enum")!];
    expect(warned.failure).toBeUndefined();
    expect(warned.properties.property).toEqual([
      { name: "warning", value: `undeclared-fields /id: property "id" is not declared by /components/schemas/Keys` },
      { name: "warning", value: "arm-headers (whole answer): no x-ms-correlation-request-id header (ARM echoes the id sent)" },
    ]);
    expect(warned["system-out"]).toContain(`warnings (drift; --strict fails them):\n\nundeclared-fields  /id  property "id" is not declared by /components/schemas/Keys\n    expected: ["primaryKey"]\n    actual:   "id"`);
    expect(failed.failure.type).toBe("negative-rejected");
    expect(failed.properties.property).toHaveLength(1);
  });

  it("JSON: every finding says its severity (after check and exchange); the summary counts warnings", async () => {
    const file = join(tempDir(), "report.json");
    const results = warnedResults();
    await play(jsonReporter(file), results);
    const parsed = JSON.parse(readFileSync(file, "utf8"));
    expect(parsed.summary).toMatchObject({ warnings: 3, passedWithWarnings: 1, strict: false });
    expect(Object.keys(parsed.summary)).toEqual(expect.arrayContaining(["failures", "warnings", "passedWithWarnings", "strict"]));
    expect(Object.keys(parsed.results[0]).slice(0, 5)).toEqual(["exchange", "outcome", "response", "failures", "warnings"]);
    expect(Object.keys(parsed.results[0].warnings[0])).toEqual(["check", "exchange", "severity", "pointer", "expected", "actual", "message"]);
    expect(parsed.results[1].failures[0].severity).toBe("failure");
  });
});
