import {
  printable,
  requireCjs
} from "./chunk-ZOVCPWKV.js";

// conformance/reporters/credentials.ts
var REDACTED = "[REDACTED]";
var CURL_AUTHORIZATION = /(authorization:[ \t]*)([^'"\r\n]*)/gi;
function isRedacted(value) {
  return value.includes(REDACTED) || /\$\{?TOKEN\b/.test(value);
}
function curlValue(value) {
  if (value === "" || isRedacted(value)) return value;
  const scheme = /^([A-Za-z][\w-]*)\s+\S/.exec(value);
  return scheme ? `${scheme[1]} $TOKEN` : "$TOKEN";
}
function withoutCredentials(result) {
  const headers = result.exchange.request.headers;
  const name = Object.keys(headers).find((key) => key.toLowerCase() === "authorization");
  const leakedHeader = name !== void 0 && !isRedacted(headers[name]);
  const curl = result.curl.replace(CURL_AUTHORIZATION, (_, prefix, value) => prefix + curlValue(value));
  if (!leakedHeader && curl === result.curl) return result;
  const request = leakedHeader ? { ...result.exchange.request, headers: { ...headers, [name]: REDACTED } } : result.exchange.request;
  return { ...result, curl, exchange: { ...result.exchange, request } };
}

// conformance/reporters/format.ts
var INLINE = 100;
var VALUE_LINES = 20;
var DIFF_LINES = 40;
var CONTEXT = 2;
var plain = { bold: String, dim: String, red: String, green: String, yellow: String, cyan: String };
var diffModule;
function jsdiff() {
  return diffModule ??= requireCjs("diff");
}
function isStructured(value) {
  return typeof value === "object" && value !== null;
}
function compactJson(value) {
  return value === void 0 ? "undefined" : JSON.stringify(value) ?? String(value);
}
function ellipsis(text, max) {
  return text.length <= max ? text : `${text.slice(0, max - 1)}\u2026`;
}
function valueLines(label, value, indent, paint, oneLine) {
  const compact = compactJson(value);
  if (compact.length <= INLINE || oneLine) return [`${indent}${paint.dim(label)} ${printable(ellipsis(compact, INLINE))}`];
  const pretty = isStructured(value) ? JSON.stringify(value, null, 2).split("\n") : [ellipsis(compact, 4 * INLINE)];
  const shown = pretty.slice(0, VALUE_LINES).map((line) => `${indent}  ${printable(line)}`);
  if (pretty.length > VALUE_LINES) shown.push(`${indent}  ${paint.dim(`\u2026 ${pretty.length - VALUE_LINES} more lines`)}`);
  return [`${indent}${paint.dim(label)}`, ...shown];
}
function jsonDiffLines(expected, actual, paint = plain, max = DIFF_LINES) {
  const changes = jsdiff().diffJson(expected, actual);
  if (!changes.some((c) => c.added || c.removed)) return [];
  const lines = [];
  for (const change of changes) {
    const mark = change.added ? "+" : change.removed ? "-" : " ";
    for (const text of change.value.replace(/\n$/, "").split("\n")) lines.push({ mark, text });
  }
  const keep = lines.map((line, i) => lines.slice(Math.max(0, i - CONTEXT), i + CONTEXT + 1).some((near) => near.mark !== " "));
  const out = [];
  let skipped = false;
  lines.forEach((line, i) => {
    if (!keep[i]) {
      if (!skipped) out.push(paint.dim("  \u2026"));
      skipped = true;
      return;
    }
    skipped = false;
    const text = `${line.mark} ${printable(line.text)}`;
    out.push(line.mark === "-" ? paint.red(text) : line.mark === "+" ? paint.green(text) : paint.dim(text));
  });
  if (out.length <= max) return out;
  return [...out.slice(0, max - 1), paint.dim(`\u2026 ${out.length - max + 1} more diff lines`)];
}
function formatPointer(pointer) {
  return pointer === "" ? "(whole answer)" : pointer;
}
function failureLines(failure, paint = plain, indent = "  ") {
  const colour = failure.severity === "warning" ? paint.yellow : paint.red;
  const strict = failure.promoted ? `  ${paint.dim("(a warning; --strict fails it)")}` : "";
  const head = `${indent}${paint.bold(colour(failure.check))}  ${paint.cyan(printable(formatPointer(failure.pointer)))}  ${printable(failure.message)}${strict}`;
  const inner = `${indent}    `;
  const structured = isStructured(failure.expected) && isStructured(failure.actual);
  const lines = [
    head,
    ...valueLines("expected:", failure.expected, inner, paint, structured),
    ...valueLines("actual:  ", failure.actual, inner, paint, structured)
  ];
  if (structured) {
    const diff = jsonDiffLines(failure.expected, failure.actual, paint);
    if (diff.length) lines.push(`${inner}${paint.dim("diff (- expected, + actual):")}`, ...diff.map((l) => `${inner}  ${l}`));
  }
  return lines;
}
function formatDuration(ms) {
  if (ms < 1e3) return `${Math.round(ms)} ms`;
  if (ms < 6e4) return `${(ms / 1e3).toFixed(1)} s`;
  const seconds = Math.round(ms / 1e3);
  return `${Math.floor(seconds / 60)} min ${seconds % 60} s`;
}
function plural(count, word, many = `${word}s`) {
  return `${count} ${count === 1 ? word : many}`;
}

export {
  withoutCredentials,
  formatPointer,
  failureLines,
  formatDuration,
  plural
};
