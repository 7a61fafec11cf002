import {
  formatLocation,
  isBindingName,
  isIdentifier,
  printable,
  visible
} from "./chunk-ZOVCPWKV.js";

// generator/views/escape.ts
var LINE_TERMINATOR = /\r\n|[\n\r\u2028\u2029]/;
function commentText(text) {
  return printable(text, { keepTabs: true }).replace(/\*\//g, "*\\/");
}
function stringLiteral(text) {
  return JSON.stringify(text).replace(/[\u2028\u2029]/g, visible);
}
function propertyKey(name) {
  if (name === "__proto__") return `[${stringLiteral(name)}]`;
  return isIdentifier(name) ? name : stringLiteral(name);
}
function propertyAccess(object, name) {
  if (name === "__proto__") throw new Error(`bug: reading "__proto__" in generated code reads the prototype; lint should have refused it`);
  return isIdentifier(name) ? `${object}.${name}` : `${object}[${stringLiteral(name)}]`;
}
function identifier(name) {
  if (!isBindingName(name)) throw new Error(`bug: ${JSON.stringify(name)} cannot name a declaration; lint should have refused it`);
  return name;
}
function valueLiteral(value, { bareKeys = false, indent = "", compact = false } = {}) {
  const key = (name) => bareKeys || name === "__proto__" ? propertyKey(name) : stringLiteral(name);
  const list = (open, items, close, pad) => compact ? `${open}${items.join(",")}${close}` : `${open}
${items.map((item) => `${pad}  ${item}`).join(",\n")}
${pad}${close}`;
  const print = (v, pad) => {
    if (typeof v === "string") return stringLiteral(v);
    if (Array.isArray(v)) {
      if (v.length === 0) return "[]";
      return list("[", v.map((item) => item === void 0 ? "null" : print(item, `${pad}  `)), "]", pad);
    }
    if (v !== null && typeof v === "object") {
      const entries = Object.entries(v).filter(([, item]) => item !== void 0);
      if (entries.length === 0) return "{}";
      return list("{", entries.map(([k, item]) => `${key(k)}:${compact ? "" : " "}${print(item, `${pad}  `)}`), "}", pad);
    }
    return JSON.stringify(v) ?? "null";
  };
  return print(value, indent);
}
function code(strings, ...parts) {
  return strings.reduce((out, text, i) => out + text + (i < parts.length ? String(parts[i]) : ""), "");
}
function joinCode(parts, separator) {
  return parts.join(separator);
}
function markdownText(text) {
  return printable(text.replace(/[\t\n\v\f\r \u2028\u2029]+/g, " ").trim()).replace(/[\\`*{}[\]#|~!]/g, "\\$&").replace(/(?<![A-Za-z0-9])_|_(?![A-Za-z0-9])/g, "\\_").replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/^([-+=])/, "\\$1").replace(/^(\d+)([.)])/, "$1\\$2");
}
function markdownCode(text, { inTable = false } = {}) {
  const oneLine = printable(text.replace(/[\n\r\u2028\u2029]+/g, " "), { keepTabs: true });
  const inline = inTable ? oneLine.replace(/\|/g, "\\|") : oneLine;
  const fence = "`".repeat(longestRun(inline, "`") + 1);
  const pad = inline.startsWith("`") || inline.endsWith("`") ? " " : "";
  return `${fence}${pad}${inline}${pad}${fence}`;
}
function markdownFence(code2, info) {
  const fence = "`".repeat(Math.max(3, longestRun(code2, "`") + 1));
  return `${fence}${info}
${code2}
${fence}`;
}
function longestRun(text, char) {
  let longest = 0;
  let run = 0;
  for (const c of text) {
    run = c === char ? run + 1 : 0;
    longest = Math.max(longest, run);
  }
  return longest;
}

// generator/diff/format.ts
var count = (changes, severity) => changes.filter((c) => c.severity === severity).length;
function diffTitle(result) {
  const { old: o, new: n } = result;
  return o.service === n.service ? `${n.service} ${o.apiVersion} \u2192 ${n.apiVersion}` : `${o.service} ${o.apiVersion} \u2192 ${n.service} ${n.apiVersion}`;
}
function formatText(result) {
  const { changes } = result;
  const lines = [`${diffTitle(result)}: ${count(changes, "breaking")} breaking, ${count(changes, "non-breaking")} non-breaking change(s)`];
  for (const c of changes) {
    const file = c.in === "old" ? result.old.file : result.new.file;
    lines.push(`${c.severity.padEnd(12)}  ${c.side.padEnd(8)}  ${c.operationId}: ${c.message} [${c.rule}]`);
    lines.push(`${" ".repeat(14)}at ${formatLocation({ file, pointer: c.pointer })}`);
  }
  return lines.map((line) => printable(line)).join("\n") + "\n";
}
function formatJson(result) {
  const rows = result.changes.map(({ operationId, side, severity, rule, pointer, message }) => ({ operationId, side, severity, rule, pointer, message }));
  return JSON.stringify(rows, null, 2) + "\n";
}
function markdownBody(result, level = 2) {
  const h = "#".repeat(level + 1);
  const { changes } = result;
  const item = (c) => `- ${markdownCode(c.operationId)} (${c.side}): ${markdownText(c.message)} \u2014 ${markdownCode(c.rule)}`;
  const lines = [`Compared with ${markdownText(`${result.old.service} ${result.old.apiVersion}`)}: ${count(changes, "breaking")} breaking, ${count(changes, "non-breaking")} non-breaking change(s).`];
  const breaking = changes.filter((c) => c.severity === "breaking");
  const other = changes.filter((c) => c.severity !== "breaking");
  if (breaking.length > 0) lines.push("", `${h} Breaking changes`, "", ...breaking.map(item));
  if (other.length > 0) lines.push("", `${h} Other changes`, "", ...other.map(item));
  return lines;
}
function formatMarkdown(result, level = 2) {
  return [`${"#".repeat(level)} ${markdownText(`${result.new.service} ${result.new.apiVersion}`)}`, "", ...markdownBody(result, level)].join("\n") + "\n";
}
function formatDiff(result, format) {
  return format === "json" ? formatJson(result) : format === "markdown" ? formatMarkdown(result) : formatText(result);
}

export {
  LINE_TERMINATOR,
  commentText,
  stringLiteral,
  propertyKey,
  propertyAccess,
  identifier,
  valueLiteral,
  code,
  joinCode,
  markdownText,
  markdownCode,
  markdownFence,
  diffTitle,
  formatText,
  formatJson,
  markdownBody,
  formatMarkdown,
  formatDiff
};
