/**
 * Text shared by the console and JUnit reporters: a failure as lines (check, pointer, message, expected/actual, a
 * line diff when both sides are structured), values as short JSON, durations. Colour is passed in, so the same
 * lines serve a terminal and a plain file. Everything that came from a target or a spec is printed through printable(),
 * and every line starts with rekey's own text or indent.
 */
import type * as DiffModule from "diff";
import { printable, requireCjs } from "../../kernel/index.ts";
import type { Finding } from "../exchange.ts";

/** Values whose one-line JSON is at most this long are written inline. */
const INLINE = 100;
/** Longer scalar values are pretty-printed up to this many lines. */
const VALUE_LINES = 20;
/** A diff shows at most this many lines. */
export const DIFF_LINES = 40;
/** Unchanged lines shown around each change in a diff. */
const CONTEXT = 2;

/** The colours the reporters use (a subset of picocolors' `Colors`). */
export type Paint = Record<"bold" | "dim" | "red" | "green" | "yellow" | "cyan", (text: string) => string>;

/** Colours that change nothing, for plain text. */
export const plain: Paint = { bold: String, dim: String, red: String, green: String, yellow: String, cyan: String };

let diffModule: typeof DiffModule | undefined;
/** Loaded on the first structured diff: a run without one does not pay for it. */
function jsdiff(): typeof DiffModule {
  return (diffModule ??= requireCjs("diff") as typeof DiffModule);
}

export function isStructured(value: unknown): value is object {
  return typeof value === "object" && value !== null;
}

/** JSON on one line; `undefined` (no value) is written as such. */
export function compactJson(value: unknown): string {
  return value === undefined ? "undefined" : JSON.stringify(value) ?? String(value);
}

function ellipsis(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** A value after its label: inline when short; otherwise indented pretty JSON, capped. */
function valueLines(label: string, value: unknown, indent: string, paint: Paint, oneLine: boolean): string[] {
  const compact = compactJson(value);
  if (compact.length <= INLINE || oneLine) return [`${indent}${paint.dim(label)} ${printable(ellipsis(compact, INLINE))}`];
  const pretty = isStructured(value) ? JSON.stringify(value, null, 2).split("\n") : [ellipsis(compact, 4 * INLINE)];
  const shown = pretty.slice(0, VALUE_LINES).map((line) => `${indent}  ${printable(line)}`);
  if (pretty.length > VALUE_LINES) shown.push(`${indent}  ${paint.dim(`… ${pretty.length - VALUE_LINES} more lines`)}`);
  return [`${indent}${paint.dim(label)}`, ...shown];
}

/**
 * A line diff of two structured values as pretty JSON with sorted keys (key order is not a difference): `-` lines
 * are expected, `+` lines actual, with a little context; at most `max` lines. Empty when they are equal.
 */
export function jsonDiffLines(expected: object, actual: object, paint: Paint = plain, max = DIFF_LINES): string[] {
  const changes = jsdiff().diffJson(expected, actual);
  if (!changes.some((c) => c.added || c.removed)) return [];
  const lines: Array<{ mark: " " | "-" | "+"; text: string }> = [];
  for (const change of changes) {
    const mark = change.added ? "+" : change.removed ? "-" : " ";
    for (const text of change.value.replace(/\n$/, "").split("\n")) lines.push({ mark, text });
  }
  // Keep changed lines and CONTEXT unchanged lines either side; a run of skipped lines becomes one "…".
  const keep = lines.map((line, i) =>
    lines.slice(Math.max(0, i - CONTEXT), i + CONTEXT + 1).some((near) => near.mark !== " "));
  const out: string[] = [];
  let skipped = false;
  lines.forEach((line, i) => {
    if (!keep[i]) {
      if (!skipped) out.push(paint.dim("  …"));
      skipped = true;
      return;
    }
    skipped = false;
    const text = `${line.mark} ${printable(line.text)}`;
    out.push(line.mark === "-" ? paint.red(text) : line.mark === "+" ? paint.green(text) : paint.dim(text));
  });
  if (out.length <= max) return out;
  return [...out.slice(0, max - 1), paint.dim(`… ${out.length - max + 1} more diff lines`)];
}

/** "(whole answer)" for the empty pointer. */
export function formatPointer(pointer: string): string {
  return pointer === "" ? "(whole answer)" : pointer;
}

/**
 * One finding: `check  pointer  message`, then expected and actual, then — when both are objects or arrays — a line
 * diff (and expected/actual stay on one line each, since the diff shows the detail). A warning's check is yellow; a
 * warning that fails only because the run is strict says so.
 */
export function failureLines(failure: Finding, paint: Paint = plain, indent = "  "): string[] {
  const colour = failure.severity === "warning" ? paint.yellow : paint.red;
  const strict = failure.promoted ? `  ${paint.dim("(a warning; --strict fails it)")}` : "";
  const head = `${indent}${paint.bold(colour(failure.check))}  ${paint.cyan(printable(formatPointer(failure.pointer)))}  ${printable(failure.message)}${strict}`;
  const inner = `${indent}    `;
  const structured = isStructured(failure.expected) && isStructured(failure.actual);
  const lines = [
    head,
    ...valueLines("expected:", failure.expected, inner, paint, structured),
    ...valueLines("actual:  ", failure.actual, inner, paint, structured),
  ];
  if (structured) {
    const diff = jsonDiffLines(failure.expected as object, failure.actual as object, paint);
    if (diff.length) lines.push(`${inner}${paint.dim("diff (- expected, + actual):")}`, ...diff.map((l) => `${inner}  ${l}`));
  }
  return lines;
}

/** "3.4 s"; "850 ms" under a second; "2 min 5 s" from a minute. */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const seconds = Math.round(ms / 1000);
  return `${Math.floor(seconds / 60)} min ${seconds % 60} s`;
}

export function plural(count: number, word: string, many = `${word}s`): string {
  return `${count} ${count === 1 ? word : many}`;
}

/** Where reporters write text: process.stdout, or anything with `write` (tests pass a collector). */
export interface OutputStream {
  write(text: string): unknown;
  /** A terminal: progress updates one line in place. */
  isTTY?: boolean;
  /** The terminal's width, to keep the progress line on one line. */
  columns?: number;
}
