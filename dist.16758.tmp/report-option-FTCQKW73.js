import {
  failureLines,
  formatPointer,
  withoutCredentials
} from "./chunk-NWOMMTZA.js";
import {
  summarize
} from "./chunk-ZUL2KNFZ.js";
import {
  operationKey
} from "./chunk-SYP5AEPE.js";
import {
  UserError,
  displayPath,
  printable,
  problem,
  requireCjs
} from "./chunk-ZOVCPWKV.js";

// conformance/reporters/report-option.ts
import { resolve as resolve4 } from "node:path";

// conformance/reporters/json-reporter.ts
import { resolve as resolve2 } from "node:path";

// conformance/reporters/run-record.ts
function recordRun(now = performance.now.bind(performance)) {
  let started;
  let ended;
  const results = [];
  return {
    onEvent(event) {
      if (event.type === "run-start") started = { target: event.target, at: now(), redact: event.redact ?? ((result) => result), strict: event.strict ?? false };
      else if (event.type === "exchange-end") results.push(event.result);
      else if (event.type === "run-end") ended = { summary: event.summary, results: event.results };
    },
    report() {
      const report = ended ?? (started && {
        summary: summarize(started.target, results, now() - started.at, true, started.strict),
        results: results.map(started.redact)
      });
      return report && { summary: report.summary, results: report.results.map(withoutCredentials) };
    }
  };
}

// conformance/reporters/write-report.ts
import { mkdir, rename, rm, writeFile } from "node:fs/promises";
import { dirname, resolve } from "node:path";
async function writeReport(file, content) {
  const target = resolve(file);
  const temp = `${target}.${process.pid}.tmp`;
  try {
    await mkdir(dirname(target), { recursive: true });
    await writeFile(temp, content, "utf8");
    await rename(temp, target);
  } catch (error) {
    await rm(temp, { force: true }).catch(() => void 0);
    const e = error;
    if (!e?.code) throw error;
    throw new UserError(problem(
      "conform/report",
      { file: displayPath(target) },
      `cannot write the report (${e.code})`,
      "pass --report a path you can write to"
    ));
  }
}

// conformance/reporters/json-reporter.ts
function sortedDeep(value) {
  if (Array.isArray(value)) return value.map(sortedDeep);
  if (typeof value !== "object" || value === null) return value;
  return Object.fromEntries(Object.keys(value).sort().map((key) => [key, sortedDeep(value[key])]));
}
function ordered(value, order, shapes = {}) {
  const source = value;
  const rest = Object.keys(source).filter((key) => !order.includes(key)).sort();
  const out = {};
  for (const key of [...order, ...rest]) {
    if (source[key] === void 0) continue;
    const shape = shapes[key];
    out[key] = shape ? shape(source[key]) : sortedDeep(source[key]);
  }
  return out;
}
var summaryJson = (s) => ordered(
  s,
  [
    "target",
    "exchanges",
    "passed",
    "failed",
    "heldBack",
    "skipped",
    "checks",
    "failures",
    "warnings",
    "passedWithWarnings",
    "strict",
    "durationMs",
    "interrupted",
    "heldBackReasons"
  ],
  { target: (t) => ordered(t, ["kind", "url", "detail"]) }
);
var expectationJson = (e) => ordered(
  e,
  ["kind", "statuses", "example", "status", "violates"],
  { example: (x) => ordered(x, ["status", "body"]) }
);
var exchangeJson = (x) => ordered(x, [
  "id",
  "kind",
  "title",
  "service",
  "apiVersion",
  "operationId",
  "request",
  "authorize",
  "expect",
  "mutation",
  "resource",
  "scenario",
  "source",
  "checks"
], {
  request: (r) => ordered(r, ["method", "url", "headers", "body"]),
  expect: expectationJson,
  scenario: (s) => ordered(s, ["name", "step", "of", "key"])
});
var responseJson = (r) => ordered(r, ["status", "headers", "text", "json", "durationMs"]);
var findingJson = (f) => ordered(f, ["check", "exchange", "severity", "promoted", "pointer", "expected", "actual", "message"]);
var resultJson = (r) => ordered(r, [
  "exchange",
  "outcome",
  "response",
  "failures",
  "warnings",
  "checksRun",
  "notJudged",
  "reason",
  "curl",
  "attempts"
], {
  exchange: exchangeJson,
  response: responseJson,
  failures: (list) => list.map(findingJson),
  warnings: (list) => list.map(findingJson)
});
function reportJson(report) {
  const doc = { summary: summaryJson(report.summary), results: report.results.map(resultJson) };
  return `${JSON.stringify(doc, null, 2)}
`;
}
function jsonReporter(file, { stream } = {}) {
  const recorder = recordRun();
  return {
    onEvent: recorder.onEvent,
    async close() {
      const report = recorder.report();
      if (!report) return;
      await writeReport(file, reportJson(report));
      stream?.write(`json report: ${displayPath(resolve2(file))}
`);
    }
  };
}

// conformance/reporters/junit-reporter.ts
import { resolve as resolve3 } from "node:path";
var NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
function xmlText(text) {
  return text.replace(NOT_XML_CHAR, (c) => `\\u${c.codePointAt(0).toString(16).padStart(4, "0")}`);
}
function xmlAttribute(text) {
  return xmlText(printable(text.replace(/\s*[\r\n]+\s*/g, " ")));
}
function seconds(ms) {
  return (ms / 1e3).toFixed(3);
}
function caseName(result) {
  const prefix = `${operationKey(result.exchange)}/`;
  const id = result.exchange.id;
  return id.startsWith(prefix) ? id.slice(prefix.length) : id;
}
function failureText(result) {
  const lines = [printable(result.exchange.title), ""];
  for (const failure of result.failures) lines.push(...failureLines(failure, void 0, ""), "");
  lines.push(printable(result.curl));
  return lines.join("\n");
}
function warningText(result) {
  const lines = ["warnings (drift; --strict fails them):", ""];
  for (const warning of result.warnings) lines.push(...failureLines(warning, void 0, ""), "");
  return lines.join("\n");
}
function failureMessage(result) {
  const [first, ...others] = result.failures;
  if (!first) return "failed";
  return `${first.check}: ${first.message}${others.length ? ` (+${others.length} more)` : ""}`;
}
function reportJunit(report) {
  const { create } = requireCjs("xmlbuilder2");
  const { summary, results } = report;
  const suites = /* @__PURE__ */ new Map();
  for (const result of results) {
    const key = operationKey(result.exchange);
    suites.set(key, [...suites.get(key) ?? [], result]);
  }
  const count = (list, ...outcomes) => String(list.filter((r) => outcomes.includes(r.outcome)).length);
  const caseMs = (r) => r.response?.durationMs ?? 0;
  const root = create({ version: "1.0", encoding: "UTF-8" }).ele("testsuites", {
    name: xmlAttribute(`rekey conform ${summary.target.kind} ${summary.target.url}${summary.interrupted ? " (interrupted)" : ""}`),
    tests: String(results.length),
    failures: count(results, "failed"),
    errors: "0",
    skipped: count(results, "held-back", "skipped"),
    time: seconds(summary.durationMs)
  });
  for (const [operation, list] of suites) {
    const suite = root.ele("testsuite", {
      name: xmlAttribute(operation),
      tests: String(list.length),
      failures: count(list, "failed"),
      errors: "0",
      skipped: count(list, "held-back", "skipped"),
      time: seconds(list.reduce((ms, r) => ms + caseMs(r), 0))
    });
    for (const result of list) {
      const testcase = suite.ele("testcase", {
        classname: xmlAttribute(operation),
        name: xmlAttribute(caseName(result)),
        time: seconds(caseMs(result))
      });
      const notJudged = result.notJudged ?? [];
      if (result.warnings.length > 0 || notJudged.length > 0) {
        const properties = testcase.ele("properties");
        for (const w of result.warnings) properties.ele("property", { name: "warning", value: xmlAttribute(`${w.check} ${formatPointer(w.pointer)}: ${w.message}`) });
        for (const note of notJudged) properties.ele("property", { name: "not-judged", value: xmlAttribute(note) });
      }
      if (result.outcome === "failed") {
        const type = [...new Set(result.failures.map((f) => f.check))].join(",");
        testcase.ele("failure", { message: xmlAttribute(failureMessage(result)), type: xmlAttribute(type) }).txt(xmlText(failureText(result)));
      } else if (result.outcome === "held-back" || result.outcome === "skipped") {
        const reason = `${result.outcome === "held-back" ? "held back" : "skipped"}: ${result.reason ?? ""}`;
        testcase.ele("skipped", { message: xmlAttribute(reason) });
      }
      if (result.warnings.length > 0) testcase.ele("system-out").txt(xmlText(warningText(result)));
    }
  }
  return `${root.end({ prettyPrint: true })}
`;
}
function junitReporter(file, { stream } = {}) {
  const recorder = recordRun();
  return {
    onEvent: recorder.onEvent,
    async close() {
      const report = recorder.report();
      if (!report) return;
      await writeReport(file, reportJunit(report));
      stream?.write(`junit report: ${displayPath(resolve3(file))}
`);
    }
  };
}

// conformance/reporters/report-option.ts
var FORMATS = {
  junit: junitReporter,
  json: jsonReporter
};
var HOW = "use junit:FILE or json:FILE";
function bad(message) {
  throw new UserError(problem("conform/options", { file: "--report" }, message, HOW));
}
function parseReportOption(spec) {
  const values = spec === void 0 ? [] : Array.isArray(spec) ? spec : [spec];
  const specs = [];
  for (const value of values) {
    const items = value.split(",").map((item) => item.trim()).filter(Boolean);
    if (!items.length) bad("no report given");
    for (const item of items) {
      const colon = item.indexOf(":");
      const format = (colon < 0 ? item : item.slice(0, colon)).toLowerCase();
      const file = colon < 0 ? "" : item.slice(colon + 1).trim();
      if (!Object.hasOwn(FORMATS, format)) bad(`unknown report format "${format}"`);
      if (!file) bad(`report "${format}" needs a file`);
      const twice = specs.find((s) => resolve4(s.file) === resolve4(file));
      if (twice) bad(`"${file}" is named by two reports (${twice.format} and ${format})`);
      specs.push({ format, file });
    }
  }
  return specs;
}
function reportersFromOption(spec, { stream } = {}) {
  return parseReportOption(spec).map(({ format, file }) => FORMATS[format](file, { stream }));
}
export {
  parseReportOption,
  reportersFromOption
};
