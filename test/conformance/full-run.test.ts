/**
 * The full conformance run against the embedded mock, one test per exchange; its reports (console, JSON, JUnit)
 * parse and never contain the token or a key the mock issued.
 */
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { conform } from "../../conformance/conform.ts";
import { compileExchanges } from "../../conformance/exchanges/compile-exchanges.ts";
import { READ_BACK_ROTATIONS, ROTATIONS_PER_KEY } from "../../conformance/exchanges/rotation-scenarios.ts";
import { keyName } from "../../kernel/index.ts";
import type { ExchangeResult, RunSummary } from "../../conformance/exchange.ts";
import { startMock, type RunningMock } from "../../conformance/mock/start-mock.ts";
import { combineReporters } from "../../conformance/reporters/combine-reporters.ts";
import { consoleReporter } from "../../conformance/reporters/console-reporter.ts";
import { jsonReporter } from "../../conformance/reporters/json-reporter.ts";
import { junitReporter } from "../../conformance/reporters/junit-reporter.ts";
import { exampleResources } from "../helpers/example-resources.ts";
import { productSpecs } from "../helpers/mock.ts";
import { startRecordingProxy, type RecordingProxy } from "../helpers/recording-proxy.ts";

const { docs, ajv } = await productSpecs();
const ids = compileExchanges({ docs, ajv }).map((e) => e.id);

describe("full conformance run against the embedded mock", () => {
  let results: Map<string, ExchangeResult>;
  let summary: RunSummary;
  beforeAll(async () => {
    const outcome = await conform({ target: "mock", docs, ajv });
    summary = outcome.summary;
    results = new Map(outcome.results.map((r) => [r.exchange.id, r]));
  });

  test("compiles examples, negative cases and rotation scenarios for every operation", () => {
    for (const doc of docs) {
      for (const operation of doc.operations) {
        const op = `${doc.service}/${doc.apiVersion}/${operation.operationId}`;
        expect(ids.some((id) => id.startsWith(`${op}/example/`)), op).toBe(true);
        // No or an unknown api-version, no token and an absent resource; malformed JSON, a text/plain body and no body
        // when it takes one; and at least one constraint the spec writes, broken.
        const minimum = 4 + (operation.requestBody ? 3 : 0) + 1;
        expect(ids.filter((id) => id.startsWith(`${op}/negative/`)).length, op).toBeGreaterThanOrEqual(minimum);
      }
    }
    // Each key whose value an answer shows (and the selector can pick) is rotated: three times in a row, or — when the
    // keys are read back by a sibling operation — read, rotate, read, rotate, read.
    for (const doc of docs) {
      for (const op of doc.operations) {
        const spec = op.rotation;
        const shownIn = spec?.readBack ? spec.readBack.keys : spec?.keys ?? {};
        const shown = Object.entries(shownIn).filter(([, where]) => where.value).map(([key]) => keyName(spec!, key)!);
        const selector = spec?.selector;
        const rotated = selector && "fixed" in selector ? shown.filter((key) => key === keyName(spec!, selector.fixed)) : shown;
        const steps = spec?.readBack ? 2 * READ_BACK_ROTATIONS + 1 : ROTATIONS_PER_KEY;
        const scenarios = ids.filter((id) => id.startsWith(`${doc.service}/${doc.apiVersion}/${op.operationId}/scenario/`));
        expect(scenarios.length, op.operationId).toBe(rotated.length * steps);
      }
    }
    expect(ids.filter((id) => id.includes("/scenario/")).length).toBeGreaterThan(0);
    expect(summary.exchanges).toBe(ids.length);
    expect(summary.checks).toBeGreaterThan(ids.length * 5);
  });

  test.each(ids)("%s", (id) => {
    const result = results.get(id)!;
    const why = [...result.failures, ...result.warnings].map((f) => `${f.check} ${f.pointer}: ${f.message}`).join("\n");
    expect(result.outcome, why).toBe("passed");
    // the mock answers as its specs say, to the letter: not even drift
    expect(result.warnings, why).toEqual([]);
  });
});

describe("reports of a full run keep secrets out", () => {
  let mock: RunningMock;
  let proxy: RecordingProxy;
  const token = "conformance-secret-token-Zq81xw0pLk";
  const dir = mkdtempSync(join(tmpdir(), "rekey-conform-"));
  let consoleText = "";
  beforeAll(async () => {
    mock = await startMock({ docs, ajv });
    proxy = await startRecordingProxy(mock.url, { "x-rekey-fault": "wrong-type" }); // failures (expected/actual, diffs) get reported too
    process.env.REKEY_SECRECY_TOKEN = token;
    const stream = { write: (text: string) => (consoleText += text), isTTY: false };
    const reporter = combineReporters([
      consoleReporter({ stream, verbose: true }),
      jsonReporter(join(dir, "report.json")),
      junitReporter(join(dir, "report.xml")),
    ]);
    const { summary } = await conform({ target: proxy.url, tokenEnv: "REKEY_SECRECY_TOKEN", docs, ajv, allowMutations: true, resources: exampleResources(docs), onEvent: (e) => reporter.onEvent(e) });
    expect(summary.failed).toBeGreaterThan(0);
    await reporter.close();
  });
  afterAll(async () => {
    await proxy.close();
    await mock.close();
  });

  test("no report contains the token or any key the mock issued", () => {
    const keys = new Set<string>();
    for (const body of proxy.bodies) {
      if (!body.startsWith("{")) continue;
      for (const [name, value] of Object.entries(JSON.parse(body) as Record<string, unknown>)) {
        if (/^(primary|secondary)(Key)?$/.test(name) && typeof value === "string") keys.add(value);
      }
    }
    expect(keys.size).toBeGreaterThan(20);
    const reports = { console: consoleText, json: readFileSync(join(dir, "report.json"), "utf8"), junit: readFileSync(join(dir, "report.xml"), "utf8") };
    for (const [name, text] of Object.entries(reports)) {
      expect(text.length, name).toBeGreaterThan(1000);
      expect(text.includes(token), `${name} contains the token`).toBe(false);
      for (const key of keys) expect(text.includes(key), `${name} contains a key`).toBe(false);
    }
    expect(reports.json).toContain("[REDACTED]");
    expect(reports.console).toContain('"Authorization: Bearer $TOKEN"');
  });

  test("the JUnit file parses, with one testcase per exchange", () => {
    const xml = readFileSync(join(dir, "report.xml"), "utf8");
    expect(XMLValidator.validate(xml)).toBe(true);
    const parsed = new XMLParser({ ignoreAttributes: false, isArray: (name) => ["testsuite", "testcase"].includes(name) }).parse(xml);
    const cases = parsed.testsuites.testsuite.flatMap((s: { testcase: unknown[] }) => s.testcase);
    expect(cases.length).toBe(ids.length);
  });
});
