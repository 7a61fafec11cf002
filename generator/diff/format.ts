/** Renders a diff: readable text (the default), JSON (an array of changes) and a Markdown changelog section. */
import { formatLocation, printable } from "../../kernel/index.ts";
import { markdownCode, markdownText } from "../views/escape.ts";
import type { DiffResult } from "./diff.ts";
import type { Change } from "./rules.ts";

export type DiffFormat = "text" | "json" | "markdown";

const count = (changes: Change[], severity: Change["severity"]) => changes.filter((c) => c.severity === severity).length;

export function diffTitle(result: DiffResult): string {
  const { old: o, new: n } = result;
  return o.service === n.service ? `${n.service} ${o.apiVersion} → ${n.apiVersion}` : `${o.service} ${o.apiVersion} → ${n.service} ${n.apiVersion}`;
}

export function formatText(result: DiffResult): string {
  const { changes } = result;
  const lines = [`${diffTitle(result)}: ${count(changes, "breaking")} breaking, ${count(changes, "non-breaking")} non-breaking change(s)`];
  for (const c of changes) {
    const file = c.in === "old" ? result.old.file : result.new.file;
    lines.push(`${c.severity.padEnd(12)}  ${c.side.padEnd(8)}  ${c.operationId}: ${c.message} [${c.rule}]`);
    lines.push(`${" ".repeat(14)}at ${formatLocation({ file, pointer: c.pointer })}`);
  }
  return lines.map((line) => printable(line)).join("\n") + "\n";
}

export function formatJson(result: DiffResult): string {
  const rows = result.changes.map(({ operationId, side, severity, rule, pointer, message }) => ({ operationId, side, severity, rule, pointer, message }));
  return JSON.stringify(rows, null, 2) + "\n";
}

/**
 * The body of a changelog section (without its title); sub-headings are one level below `level`. Messages quote
 * spec text (descriptions, patterns, names), so they are Markdown-escaped as a whole.
 */
export function markdownBody(result: DiffResult, level = 2): string[] {
  const h = "#".repeat(level + 1);
  const { changes } = result;
  const item = (c: Change) => `- ${markdownCode(c.operationId)} (${c.side}): ${markdownText(c.message)} — ${markdownCode(c.rule)}`;
  const lines = [`Compared with ${markdownText(`${result.old.service} ${result.old.apiVersion}`)}: ${count(changes, "breaking")} breaking, ${count(changes, "non-breaking")} non-breaking change(s).`];
  const breaking = changes.filter((c) => c.severity === "breaking");
  const other = changes.filter((c) => c.severity !== "breaking");
  if (breaking.length > 0) lines.push("", `${h} Breaking changes`, "", ...breaking.map(item));
  if (other.length > 0) lines.push("", `${h} Other changes`, "", ...other.map(item));
  return lines;
}

/** A changelog section; `level` is the heading level of its title. */
export function formatMarkdown(result: DiffResult, level = 2): string {
  return [`${"#".repeat(level)} ${markdownText(`${result.new.service} ${result.new.apiVersion}`)}`, "", ...markdownBody(result, level)].join("\n") + "\n";
}

export function formatDiff(result: DiffResult, format: DiffFormat): string {
  return format === "json" ? formatJson(result) : format === "markdown" ? formatMarkdown(result) : formatText(result);
}
