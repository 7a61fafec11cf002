/**
 * The console reporter: a header line; while running, on a terminal one progress line updated in place and a
 * line per failed exchange, elsewhere (CI logs) only the line per failed exchange; at the end each failed exchange
 * in full (checks, pointers, expected/actual, a diff, the curl to reproduce), then the warnings in a section of
 * their own (drift that does not fail the run), a table per operation, why exchanges were held back or skipped, and
 * one final line. Text from a target or a spec goes through printable(), and no line
 * starts with it (the table is indented), so nothing it carries can steer a terminal or a CI log.
 */
import { createColors } from "picocolors";
import { type ExchangeResult, operationKey, type Reporter, type RunEvent, type RunSummary } from "../exchange.ts";
import { printable } from "../../kernel/index.ts";
import { withoutCredentials } from "./credentials.ts";
import { failureLines, formatDuration, formatPointer, type OutputStream, type Paint, plural } from "./format.ts";

export interface ConsoleReporterOptions {
  /** Default process.stdout. */
  stream?: OutputStream;
  /** Default `colorEnabled(stream)`. */
  color?: boolean;
  /** A line for every exchange as it ends (not only failed ones), and the ids under each held-back reason. */
  verbose?: boolean;
}

/**
 * Colour when FORCE_COLOR says so (any value but "0" or "false"; it wins over NO_COLOR, as in Node); otherwise
 * only on a terminal that is not TERM=dumb, and not when NO_COLOR is set to a non-empty value.
 */
export function colorEnabled(stream: OutputStream, env: NodeJS.ProcessEnv = process.env): boolean {
  const force = env.FORCE_COLOR;
  if (force !== undefined) return force !== "0" && force !== "false";
  if (env.NO_COLOR) return false;
  return stream.isTTY === true && env.TERM !== "dumb";
}

const MARK: Record<ExchangeResult["outcome"], string> = { passed: "✓", failed: "✗", "held-back": "-", skipped: "-" };

function mark(outcome: ExchangeResult["outcome"], paint: Paint): string {
  const text = MARK[outcome];
  return outcome === "passed" ? paint.green(text) : outcome === "failed" ? paint.red(text) : paint.yellow(text);
}

function failedChecks(result: ExchangeResult): string {
  return [...new Set(result.failures.map((f) => f.check))].join(", ");
}

function warnedChecks(result: ExchangeResult): string {
  return [...new Set(result.warnings.map((f) => f.check))].join(", ");
}

/** One line for an exchange that ended: `✗ id  status, schema`, `✓ id  warnings: arm-headers` or `- id  held back: reason`. */
function exchangeLine(result: ExchangeResult, paint: Paint): string {
  const detail = result.outcome === "failed" ? failedChecks(result)
    : result.outcome === "held-back" ? `held back: ${result.reason ?? ""}`
    : result.outcome === "skipped" ? `skipped: ${result.reason ?? ""}`
    : result.warnings.length ? `warnings: ${warnedChecks(result)}` : "";
  return `${mark(result.outcome, paint)} ${printable(result.exchange.id)}${detail ? `  ${paint.dim(printable(detail))}` : ""}`;
}

function failedBlock(result: ExchangeResult, paint: Paint): string[] {
  const lines = [`${paint.red("✗")} ${paint.bold(printable(result.exchange.id))}`, `  ${paint.dim(printable(result.exchange.title))}`];
  for (const failure of result.failures) lines.push(...failureLines(failure, paint));
  lines.push(`  ${printable(result.curl)}`);
  return lines;
}

function warnedBlock(result: ExchangeResult, paint: Paint): string[] {
  const lines = [`${paint.yellow("!")} ${paint.bold(printable(result.exchange.id))}`, `  ${paint.dim(printable(result.exchange.title))}`];
  for (const warning of result.warnings) lines.push(...failureLines(warning, paint));
  return lines;
}

/** The same warning on many exchanges (a header every answer lacks) is one line and the exchanges it was seen on. */
function groupedWarnings(warned: ExchangeResult[], paint: Paint): string[] {
  const groups = new Map<string, { check: string; pointer: string; message: string; ids: string[] }>();
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
    `    ${paint.dim(ids.length === 1 ? `on ${printable(ids[0]!)}` : `on ${ids.length} exchanges, e.g. ${printable(ids[0]!)}`)}`,
  ]);
}

/**
 * Warnings of every exchange that has any (a failed exchange's too), after a heading that says they do not fail:
 * grouped by what was found, or — verbose — each exchange's in full.
 */
function warningSection(results: ExchangeResult[], paint: Paint, verbose: boolean): string[] {
  const warned = results.filter((r) => r.warnings.length > 0);
  if (!warned.length) return [];
  const count = results.reduce((n, r) => n + r.warnings.length, 0);
  const heading = `${plural(count, "warning")} on ${plural(warned.length, "exchange")} (drift; --strict fails them)`;
  const body = verbose ? warned.flatMap((r) => ["", ...warnedBlock(r, paint)]) : ["", ...groupedWarnings(warned, paint)];
  return ["", paint.yellow(heading), ...body];
}

interface OperationRow {
  operation: string;
  exchanges: number;
  passed: number;
  /** Passed with warnings (counted in `passed` too). */
  warned: number;
  failed: number;
  heldBack: number;
  skipped: number;
}

/** One row per operation, in the order operations first appear. */
export function operationRows(results: ExchangeResult[]): OperationRow[] {
  const rows = new Map<string, OperationRow>();
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

/** The "with warnings" column appears only in a run that has warnings. */
function table(results: ExchangeResult[], paint: Paint): string[] {
  const warned = results.some((r) => r.outcome === "passed" && r.warnings.length > 0);
  const head = ["operation", "exchanges", "passed", ...(warned ? ["with warnings"] : []), "failed", "held back", "skipped"];
  const rows = operationRows(results).map((r) =>
    [printable(r.operation), r.exchanges, r.passed, ...(warned ? [r.warned] : []), r.failed, r.heldBack, r.skipped].map(String));
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[], style: (cell: string, i: number) => string) => `  ${cells
    .map((cell, i) => style(i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!), i)).join("  ").trimEnd()}`;
  const column = (name: string) => head.indexOf(name);
  const yellow = new Set([column("with warnings"), column("held back")]);
  return [
    line(head, (cell) => paint.dim(cell)),
    ...rows.map((row) => line(row, (cell, i) =>
      row[i] === "0" ? cell : i === column("failed") ? paint.red(cell) : yellow.has(i) ? paint.yellow(cell) : cell)),
  ];
}

/** `14 held back: would rotate a real key; pass --allow-mutations`, most frequent first; then skipped reasons. */
function reasons(summary: RunSummary, results: ExchangeResult[], paint: Paint, verbose: boolean): string[] {
  const skipped = new Map<string, number>();
  for (const r of results) if (r.outcome === "skipped") skipped.set(r.reason ?? "", (skipped.get(r.reason ?? "") ?? 0) + 1);
  const byCount = (entries: Array<[string, number]>) => entries.sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const lines: string[] = [];
  const list = (outcome: ExchangeResult["outcome"], reason: string) => verbose ? results
    .filter((r) => r.outcome === outcome && (r.reason ?? "") === reason).map((r) => `    ${paint.dim(printable(r.exchange.id))}`) : [];
  for (const [reason, count] of byCount(Object.entries(summary.heldBackReasons))) {
    lines.push(`${paint.yellow(`${count} held back`)}${reason ? `: ${printable(reason)}` : ""}`, ...list("held-back", reason));
  }
  for (const [reason, count] of byCount([...skipped])) {
    lines.push(`${count} skipped${reason ? `: ${printable(reason)}` : ""}`, ...list("skipped", reason));
  }
  return lines;
}

/** A replay's `3 not judged: x-ms-request-id: the recording's format drops it`, most frequent first (ids when verbose). */
function notJudged(results: ExchangeResult[], paint: Paint, verbose: boolean): string[] {
  const notes = new Map<string, string[]>();
  for (const r of results) for (const note of r.notJudged ?? []) notes.set(note, [...(notes.get(note) ?? []), r.exchange.id]);
  return [...notes].sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0])).flatMap(([note, ids]) => [
    `${ids.length} not judged: ${printable(note)}`,
    ...(verbose ? ids.map((id) => `    ${paint.dim(printable(id))}`) : []),
  ]);
}

/** `130 exchanges, 1204 checks: 128 passed (3 with warnings), 2 failed, 0 held back, 5 warnings (3.4 s)`. */
export function finalLine(summary: RunSummary): string {
  const skipped = summary.skipped ? `, ${summary.skipped} skipped` : "";
  const warned = summary.passedWithWarnings ? ` (${summary.passedWithWarnings} with warnings)` : "";
  const warnings = summary.warnings ? `, ${plural(summary.warnings, "warning")}` : "";
  const strict = summary.strict ? ", strict" : "";
  return `${plural(summary.exchanges, "exchange")}, ${plural(summary.checks, "check")}: ${summary.passed} passed${warned}, `
    + `${summary.failed} failed, ${summary.heldBack} held back${skipped}${warnings} (${formatDuration(summary.durationMs)}${strict})`;
}

/** The end-of-run report as lines. */
export function reportLines(summary: RunSummary, results: ExchangeResult[], paint: Paint, verbose = false,
  total?: number): string[] {
  const lines: string[] = [];
  for (const result of results) if (result.outcome === "failed") lines.push("", ...failedBlock(result, paint));
  lines.push(...warningSection(results, paint, verbose));
  if (results.length) lines.push("", ...table(results, paint));
  const why = [...reasons(summary, results, paint, verbose), ...notJudged(results, paint, verbose)];
  if (why.length) lines.push("", ...why);
  const ok = summary.failed === 0 && !summary.interrupted;
  const colour = summary.failed ? paint.red : !ok ? String : summary.warnings ? paint.yellow : paint.green;
  lines.push("", colour(finalLine(summary)));
  if (summary.interrupted) {
    const of = total !== undefined && total !== results.length ? ` (${results.length} of ${total} exchanges ended)` : "";
    lines.push(paint.yellow(`interrupted — partial report${of}`));
  }
  return lines;
}

export function consoleReporter(options: ConsoleReporterOptions = {}): Reporter {
  const stream = options.stream ?? process.stdout;
  const paint: Paint = createColors(options.color ?? colorEnabled(stream));
  const verbose = options.verbose ?? false;
  const tty = stream.isTTY === true;
  let total: number | undefined;
  let ended = 0;
  /** Characters on the progress line now (0: none). */
  let progressWidth = 0;

  const write = (lines: string[]) => stream.write(lines.map((l) => `${l}\n`).join(""));
  const clearProgress = () => {
    if (progressWidth) stream.write(`\r${" ".repeat(progressWidth)}\r`);
    progressWidth = 0;
  };
  const showProgress = (result: ExchangeResult) => {
    const width = String(total ?? ended).length;
    const count = `[${String(ended).padStart(width)}/${total ?? "?"}]`;
    const room = Math.max(20, (stream.columns ?? 80) - 1) - count.length - 3;
    const whole = printable(result.exchange.id);
    const id = whole.length > room ? `…${whole.slice(-(room - 1))}` : whole;
    const text = `${count} ${MARK[result.outcome]} ${id}`;
    const padding = " ".repeat(Math.max(0, progressWidth - text.length));
    stream.write(`\r${paint.dim(count)} ${mark(result.outcome, paint)} ${id}${padding}`);
    progressWidth = text.length;
  };

  const on: { [K in RunEvent["type"]]: (event: Extract<RunEvent, { type: K }>) => void } = {
    "run-start": ({ target, total: count, strict }) => {
      total = count;
      const detail = target.detail ? ` (${printable(target.detail)})` : "";
      write([`rekey conform: ${plural(count, "exchange")} against ${target.kind} ${printable(target.url)}${detail}${strict ? ", strict: warnings fail" : ""}`]);
    },
    "exchange-start": () => undefined,
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
    },
  };

  return {
    onEvent(event) {
      (on[event.type] as (e: RunEvent) => void)(event);
    },
    async close() {
      clearProgress();
    },
  };
}
