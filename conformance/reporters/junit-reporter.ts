/**
 * JUnit XML, the format CI test views read (Jenkins, GitLab, GitHub test-report actions): one <testsuite> per
 * operation, one <testcase> per exchange; a failed exchange carries a <failure> with every failure's text and the
 * curl to reproduce it; a held-back or skipped one a <skipped message=reason/>. Warnings leave a testcase passing:
 * each is a <property name="warning"> of its testcase and is written out in full in its <system-out>; what a replay
 * could not judge is a <property name="not-judged">. xmlbuilder2 escapes; characters
 * XML 1.0 cannot carry at all (most C0 controls, lone surrogates) are written as \uXXXX text first.
 */
import { resolve } from "node:path";
import type * as Xmlbuilder2 from "xmlbuilder2";
import { displayPath, printable, requireCjs } from "../../kernel/index.ts";
import { type ExchangeResult, operationKey, type Reporter } from "../exchange.ts";
import { failureLines, formatPointer, type OutputStream } from "./format.ts";
import { recordRun, type RunReport } from "./run-record.ts";
import { writeReport } from "./write-report.ts";

/** Anything outside XML 1.0's Char production: #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF]. */
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Text XML 1.0 can carry: forbidden characters become a visible \uXXXX escape. */
export function xmlText(text: string): string {
  return text.replace(NOT_XML_CHAR, (c) => `\\u${c.codePointAt(0)!.toString(16).padStart(4, "0")}`);
}

/** An attribute value on one line (parsers turn raw line breaks in attributes into spaces anyway), controls escaped. */
function xmlAttribute(text: string): string {
  return xmlText(printable(text.replace(/\s*[\r\n]+\s*/g, " ")));
}

function seconds(ms: number): string {
  return (ms / 1000).toFixed(3);
}

/** The test case name: the id after `service/apiVersion/operationId/`. */
function caseName(result: ExchangeResult): string {
  const prefix = `${operationKey(result.exchange)}/`;
  const id = result.exchange.id;
  return id.startsWith(prefix) ? id.slice(prefix.length) : id;
}

function failureText(result: ExchangeResult): string {
  const lines = [printable(result.exchange.title), ""];
  for (const failure of result.failures) lines.push(...failureLines(failure, undefined, ""), "");
  lines.push(printable(result.curl));
  return lines.join("\n");
}

function warningText(result: ExchangeResult): string {
  const lines = ["warnings (drift; --strict fails them):", ""];
  for (const warning of result.warnings) lines.push(...failureLines(warning, undefined, ""), "");
  return lines.join("\n");
}

function failureMessage(result: ExchangeResult): string {
  const [first, ...others] = result.failures;
  if (!first) return "failed";
  return `${first.check}: ${first.message}${others.length ? ` (+${others.length} more)` : ""}`;
}

/** The report as JUnit XML text. */
export function reportJunit(report: RunReport): string {
  // ~70 ms to load, so only when a JUnit report is written; required, as the repo loads CommonJS (require-cjs.ts).
  const { create } = requireCjs("xmlbuilder2") as typeof Xmlbuilder2;
  const { summary, results } = report;
  const suites = new Map<string, ExchangeResult[]>();
  for (const result of results) {
    const key = operationKey(result.exchange);
    suites.set(key, [...(suites.get(key) ?? []), result]);
  }
  const count = (list: ExchangeResult[], ...outcomes: Array<ExchangeResult["outcome"]>) =>
    String(list.filter((r) => outcomes.includes(r.outcome)).length);
  const caseMs = (r: ExchangeResult) => r.response?.durationMs ?? 0;

  const root = create({ version: "1.0", encoding: "UTF-8" }).ele("testsuites", {
    name: xmlAttribute(`rekey conform ${summary.target.kind} ${summary.target.url}${summary.interrupted ? " (interrupted)" : ""}`),
    tests: String(results.length),
    failures: count(results, "failed"),
    errors: "0",
    skipped: count(results, "held-back", "skipped"),
    time: seconds(summary.durationMs),
  });
  for (const [operation, list] of suites) {
    const suite = root.ele("testsuite", {
      name: xmlAttribute(operation),
      tests: String(list.length),
      failures: count(list, "failed"),
      errors: "0",
      skipped: count(list, "held-back", "skipped"),
      time: seconds(list.reduce((ms, r) => ms + caseMs(r), 0)),
    });
    for (const result of list) {
      const testcase = suite.ele("testcase", {
        classname: xmlAttribute(operation),
        name: xmlAttribute(caseName(result)),
        time: seconds(caseMs(result)),
      });
      const notJudged = result.notJudged ?? [];
      if (result.warnings.length > 0 || notJudged.length > 0) {
        const properties = testcase.ele("properties");
        for (const w of result.warnings) properties.ele("property", { name: "warning", value: xmlAttribute(`${w.check} ${formatPointer(w.pointer)}: ${w.message}`) });
        for (const note of notJudged) properties.ele("property", { name: "not-judged", value: xmlAttribute(note) });
      }
      if (result.outcome === "failed") {
        const type = [...new Set(result.failures.map((f) => f.check))].join(",");
        testcase.ele("failure", { message: xmlAttribute(failureMessage(result)), type: xmlAttribute(type) })
          .txt(xmlText(failureText(result)));
      } else if (result.outcome === "held-back" || result.outcome === "skipped") {
        const reason = `${result.outcome === "held-back" ? "held back" : "skipped"}: ${result.reason ?? ""}`;
        testcase.ele("skipped", { message: xmlAttribute(reason) });
      }
      if (result.warnings.length > 0) testcase.ele("system-out").txt(xmlText(warningText(result)));
    }
  }
  return `${root.end({ prettyPrint: true })}\n`;
}

/** Writes JUnit XML to `file` on close (nothing if the run never started); names the file on `stream`. */
export function junitReporter(file: string, { stream }: { stream?: OutputStream } = {}): Reporter {
  const recorder = recordRun();
  return {
    onEvent: recorder.onEvent,
    async close() {
      const report = recorder.report();
      if (!report) return;
      await writeReport(file, reportJunit(report));
      stream?.write(`junit report: ${displayPath(resolve(file))}\n`);
    },
  };
}
