import {
  failureLines,
  formatDuration,
  formatPointer,
  plural,
  withoutCredentials
} from "./chunk-NWOMMTZA.js";
import {
  operationKey
} from "./chunk-SYP5AEPE.js";
import {
  printable
} from "./chunk-ZOVCPWKV.js";

// conformance/reporters/console-reporter.ts
import { createColors } from "picocolors";
function colorEnabled(stream, env = process.env) {
  const force = env.FORCE_COLOR;
  if (force !== void 0) return force !== "0" && force !== "false";
  if (env.NO_COLOR) return false;
  return stream.isTTY === true && env.TERM !== "dumb";
}
var MARK = { passed: "\u2713", failed: "\u2717", "held-back": "-", skipped: "-" };
function mark(outcome, paint) {
  const text = MARK[outcome];
  return outcome === "passed" ? paint.green(text) : outcome === "failed" ? paint.red(text) : paint.yellow(text);
}
function failedChecks(result) {
  return [...new Set(result.failures.map((f) => f.check))].join(", ");
}
function warnedChecks(result) {
  return [...new Set(result.warnings.map((f) => f.check))].join(", ");
}
function exchangeLine(result, paint) {
  const detail = result.outcome === "failed" ? failedChecks(result) : result.outcome === "held-back" ? `held back: ${result.reason ?? ""}` : result.outcome === "skipped" ? `skipped: ${result.reason ?? ""}` : result.warnings.length ? `warnings: ${warnedChecks(result)}` : "";
  return `${mark(result.outcome, paint)} ${printable(result.exchange.id)}${detail ? `  ${paint.dim(printable(detail))}` : ""}`;
}
function failedBlock(result, paint) {
  const lines = [`${paint.red("\u2717")} ${paint.bold(printable(result.exchange.id))}`, `  ${paint.dim(printable(result.exchange.title))}`];
  for (const failure of result.failures) lines.push(...failureLines(failure, paint));
  lines.push(`  ${printable(result.curl)}`);
  return lines;
}
function warnedBlock(result, paint) {
  const lines = [`${paint.yellow("!")} ${paint.bold(printable(result.exchange.id))}`, `  ${paint.dim(printable(result.exchange.title))}`];
  for (const warning of result.warnings) lines.push(...failureLines(warning, paint));
  return lines;
}
function groupedWarnings(warned, paint) {
  const groups = /* @__PURE__ */ new Map();
  for (const result of warned) {
    for (const { check, pointer, message } of result.warnings) {
      const key = JSON.stringify([check, pointer, message]);
      const group = groups.get(key) ?? { check, pointer, message, ids: [] };
      if (!group.ids.includes(result.exchange.id)) group.ids.push(result.exchange.id);
      groups.set(key, group);
    }
  }
  return [...groups.values()].flatMap(({ check, pointer, message, ids }) => [
    `  ${paint.bold(paint.yellow(check))}  ${paint.cyan(printable(formatPointer(pointer)))}  ${printable(message)}`,
    `    ${paint.dim(ids.length === 1 ? `on ${printable(ids[0])}` : `on ${ids.length} exchanges, e.g. ${printable(ids[0])}`)}`
  ]);
}
function warningSection(results, paint, verbose) {
  const warned = results.filter((r) => r.warnings.length > 0);
  if (!warned.length) return [];
  const count = results.reduce((n, r) => n + r.warnings.length, 0);
  const heading = `${plural(count, "warning")} on ${plural(warned.length, "exchange")} (drift; --strict fails them)`;
  const body = verbose ? warned.flatMap((r) => ["", ...warnedBlock(r, paint)]) : ["", ...groupedWarnings(warned, paint)];
  return ["", paint.yellow(heading), ...body];
}
function operationRows(results) {
  const rows = /* @__PURE__ */ new Map();
  for (const { exchange, outcome, warnings } of results) {
    const operation = operationKey(exchange);
    let row = rows.get(operation);
    if (!row) rows.set(operation, row = { operation, exchanges: 0, passed: 0, warned: 0, failed: 0, heldBack: 0, skipped: 0 });
    row.exchanges++;
    if (outcome === "passed" && warnings.length > 0) row.warned++;
    if (outcome === "passed") row.passed++;
    else if (outcome === "failed") row.failed++;
    else if (outcome === "held-back") row.heldBack++;
    else row.skipped++;
  }
  return [...rows.values()];
}
function table(results, paint) {
  const warned = results.some((r) => r.outcome === "passed" && r.warnings.length > 0);
  const head = ["operation", "exchanges", "passed", ...warned ? ["with warnings"] : [], "failed", "held back", "skipped"];
  const rows = operationRows(results).map((r) => [printable(r.operation), r.exchanges, r.passed, ...warned ? [r.warned] : [], r.failed, r.heldBack, r.skipped].map(String));
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const line = (cells, style) => `  ${cells.map((cell, i) => style(i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]), i)).join("  ").trimEnd()}`;
  const column = (name) => head.indexOf(name);
  const yellow = /* @__PURE__ */ new Set([column("with warnings"), column("held back")]);
  return [
    line(head, (cell) => paint.dim(cell)),
    ...rows.map((row) => line(row, (cell, i) => row[i] === "0" ? cell : i === column("failed") ? paint.red(cell) : yellow.has(i) ? paint.yellow(cell) : cell))
  ];
}
function reasons(summary, results, paint, verbose) {
  const skipped = /* @__PURE__ */ new Map();
  for (const r of results) if (r.outcome === "skipped") skipped.set(r.reason ?? "", (skipped.get(r.reason ?? "") ?? 0) + 1);
  const byCount = (entries) => entries.sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const lines = [];
  const list = (outcome, reason) => verbose ? results.filter((r) => r.outcome === outcome && (r.reason ?? "") === reason).map((r) => `    ${paint.dim(printable(r.exchange.id))}`) : [];
  for (const [reason, count] of byCount(Object.entries(summary.heldBackReasons))) {
    lines.push(`${paint.yellow(`${count} held back`)}${reason ? `: ${printable(reason)}` : ""}`, ...list("held-back", reason));
  }
  for (const [reason, count] of byCount([...skipped])) {
    lines.push(`${count} skipped${reason ? `: ${printable(reason)}` : ""}`, ...list("skipped", reason));
  }
  return lines;
}
function notJudged(results, paint, verbose) {
  const notes = /* @__PURE__ */ new Map();
  for (const r of results) for (const note of r.notJudged ?? []) notes.set(note, [...notes.get(note) ?? [], r.exchange.id]);
  return [...notes].sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0])).flatMap(([note, ids]) => [
    `${ids.length} not judged: ${printable(note)}`,
    ...verbose ? ids.map((id) => `    ${paint.dim(printable(id))}`) : []
  ]);
}
function finalLine(summary) {
  const skipped = summary.skipped ? `, ${summary.skipped} skipped` : "";
  const warned = summary.passedWithWarnings ? ` (${summary.passedWithWarnings} with warnings)` : "";
  const warnings = summary.warnings ? `, ${plural(summary.warnings, "warning")}` : "";
  const strict = summary.strict ? ", strict" : "";
  return `${plural(summary.exchanges, "exchange")}, ${plural(summary.checks, "check")}: ${summary.passed} passed${warned}, ${summary.failed} failed, ${summary.heldBack} held back${skipped}${warnings} (${formatDuration(summary.durationMs)}${strict})`;
}
function reportLines(summary, results, paint, verbose = false, total) {
  const lines = [];
  for (const result of results) if (result.outcome === "failed") lines.push("", ...failedBlock(result, paint));
  lines.push(...warningSection(results, paint, verbose));
  if (results.length) lines.push("", ...table(results, paint));
  const why = [...reasons(summary, results, paint, verbose), ...notJudged(results, paint, verbose)];
  if (why.length) lines.push("", ...why);
  const ok = summary.failed === 0 && !summary.interrupted;
  const colour = summary.failed ? paint.red : !ok ? String : summary.warnings ? paint.yellow : paint.green;
  lines.push("", colour(finalLine(summary)));
  if (summary.interrupted) {
    const of = total !== void 0 && total !== results.length ? ` (${results.length} of ${total} exchanges ended)` : "";
    lines.push(paint.yellow(`interrupted \u2014 partial report${of}`));
  }
  return lines;
}
function consoleReporter(options = {}) {
  const stream = options.stream ?? process.stdout;
  const paint = createColors(options.color ?? colorEnabled(stream));
  const verbose = options.verbose ?? false;
  const tty = stream.isTTY === true;
  let total;
  let ended = 0;
  let progressWidth = 0;
  const write = (lines) => stream.write(lines.map((l) => `${l}
`).join(""));
  const clearProgress = () => {
    if (progressWidth) stream.write(`\r${" ".repeat(progressWidth)}\r`);
    progressWidth = 0;
  };
  const showProgress = (result) => {
    const width = String(total ?? ended).length;
    const count = `[${String(ended).padStart(width)}/${total ?? "?"}]`;
    const room = Math.max(20, (stream.columns ?? 80) - 1) - count.length - 3;
    const whole = printable(result.exchange.id);
    const id = whole.length > room ? `\u2026${whole.slice(-(room - 1))}` : whole;
    const text = `${count} ${MARK[result.outcome]} ${id}`;
    const padding = " ".repeat(Math.max(0, progressWidth - text.length));
    stream.write(`\r${paint.dim(count)} ${mark(result.outcome, paint)} ${id}${padding}`);
    progressWidth = text.length;
  };
  const on = {
    "run-start": ({ target, total: count, strict }) => {
      total = count;
      const detail = target.detail ? ` (${printable(target.detail)})` : "";
      write([`rekey conform: ${plural(count, "exchange")} against ${target.kind} ${printable(target.url)}${detail}${strict ? ", strict: warnings fail" : ""}`]);
    },
    "exchange-start": () => void 0,
    "exchange-end": ({ result }) => {
      ended++;
      if (verbose || result.outcome === "failed") {
        clearProgress();
        write([exchangeLine(result, paint)]);
      }
      if (tty) showProgress(result);
    },
    "run-end": ({ summary, results }) => {
      clearProgress();
      write(reportLines(summary, results.map(withoutCredentials), paint, verbose, total));
    }
  };
  return {
    onEvent(event) {
      on[event.type](event);
    },
    async close() {
      clearProgress();
    }
  };
}
export {
  colorEnabled,
  consoleReporter,
  finalLine,
  operationRows,
  reportLines
};
