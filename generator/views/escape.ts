/**
 * Spec text on its way into generated files: one function per place it can land. Each returns a branded string
 * (`Code` for TypeScript/JavaScript, `Markdown` for the README), and `render` accepts nothing else, so spec text
 * cannot reach a template without passing through exactly one of them.
 *
 * Lint refuses names that cannot become identifiers (lint/rules.ts, "identifier-names"); `identifier` and
 * `propertyAccess` still check and throw, as a bug, if one gets through.
 */
import { isBindingName, isIdentifier, printable, visible } from "../../kernel/index.ts";

declare const codeBrand: unique symbol;
declare const markdownBrand: unique symbol;
/** TypeScript source text that is safe where a template puts it: escaped spec text or the generator's own. */
export type Code = string & { readonly [codeBrand]: true };
/** Markdown source text whose spec-derived parts show as the text they are (no HTML, links or code breaking out). */
export type Markdown = string & { readonly [markdownBrand]: true };

/** What JavaScript and Markdown treat as line terminators. */
export const LINE_TERMINATOR = /\r\n|[\n\r\u2028\u2029]/;

/**
 * Text inside a block comment (`/** … *\/`), on one line: `*\/` cannot close the comment, and line terminators,
 * other control characters and bidi controls show as `\uXXXX` (a line break would end a `//` comment, and bidi
 * controls make code read differently from what it is).
 */
export function commentText(text: string): Code {
  return printable(text, { keepTabs: true }).replace(/\*\//g, "*\\/") as Code;
}

/** A double-quoted string literal (JSON's escaping, plus U+2028/U+2029, which older parsers end a line at). */
export function stringLiteral(text: string): Code {
  return JSON.stringify(text).replace(/[\u2028\u2029]/g, visible) as Code;
}

/** A property key in an object literal or a type: bare when it is an identifier, quoted otherwise. */
export function propertyKey(name: string): Code {
  // In an object literal, `__proto__: v` (even quoted) sets the prototype; a computed key makes it a property.
  if (name === "__proto__") return `[${stringLiteral(name)}]` as Code;
  return (isIdentifier(name) ? name : stringLiteral(name)) as Code;
}

/** Reads a property: `object.name`, or `object["name"]` when the name is not an identifier. */
export function propertyAccess(object: Code, name: string): Code {
  if (name === "__proto__") throw new Error(`bug: reading "__proto__" in generated code reads the prototype; lint should have refused it`);
  return (isIdentifier(name) ? `${object}.${name}` : `${object}[${stringLiteral(name)}]`) as Code;
}

/** The name of a declaration (function, type, namespace): must already be an identifier that is not reserved. */
export function identifier(name: string): Code {
  if (!isBindingName(name)) throw new Error(`bug: ${JSON.stringify(name)} cannot name a declaration; lint should have refused it`);
  return name as Code;
}

/**
 * A JavaScript literal for a JSON value, laid out as `JSON.stringify(value, null, 2)` does (as `JSON.stringify(value)`
 * does when `compact`), every string through `stringLiteral` and every key through `propertyKey` (quoted unless
 * `bareKeys`). `indent` prefixes every line after the first.
 */
export function valueLiteral(value: unknown, { bareKeys = false, indent = "", compact = false } = {}): Code {
  const key = (name: string) => (bareKeys || name === "__proto__" ? propertyKey(name) : stringLiteral(name));
  const list = (open: string, items: string[], close: string, pad: string) =>
    compact ? `${open}${items.join(",")}${close}` : `${open}\n${items.map((item) => `${pad}  ${item}`).join(",\n")}\n${pad}${close}`;
  const print = (v: unknown, pad: string): string => {
    if (typeof v === "string") return stringLiteral(v);
    if (Array.isArray(v)) {
      if (v.length === 0) return "[]";
      return list("[", v.map((item) => (item === undefined ? "null" : print(item, `${pad}  `))), "]", pad);
    }
    if (v !== null && typeof v === "object") {
      const entries = Object.entries(v).filter(([, item]) => item !== undefined);
      if (entries.length === 0) return "{}";
      return list("{", entries.map(([k, item]) => `${key(k)}:${compact ? "" : " "}${print(item, `${pad}  `)}`), "}", pad);
    }
    return JSON.stringify(v) ?? "null"; // numbers (not finite → null, as JSON), booleans, null
  };
  return print(value, indent) as Code;
}

/** Joins generator-written text around escaped parts: code`NonNullable<${type}>` (numbers are printed as they are). */
export function code(strings: TemplateStringsArray, ...parts: Array<Code | number>): Code {
  return strings.reduce((out, text, i) => out + text + (i < parts.length ? String(parts[i]) : ""), "") as Code;
}

export function joinCode(parts: Code[], separator: string): Code {
  return parts.join(separator) as Code;
}

/**
 * Spec text in running Markdown (a paragraph, heading or table cell), shown as written: on one line, HTML
 * characters as entities, and every character Markdown or a Liquid/Jekyll renderer gives meaning to
 * backslash-escaped, as are list and heading markers at the start.
 */
export function markdownText(text: string): Markdown {
  return printable(text.replace(/[\t\n\v\f\r \u2028\u2029]+/g, " ").trim())
    .replace(/[\\`*{}[\]#|~!]/g, "\\$&")
    .replace(/(?<![A-Za-z0-9])_|_(?![A-Za-z0-9])/g, "\\_") // between letters or digits, _ never emphasises
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/^([-+=])/, "\\$1")
    .replace(/^(\d+)([.)])/, "$1\\$2") as Markdown;
}

/**
 * Spec text as inline code: delimited by a backtick run longer than any inside, on one line; in a table cell
 * (`inTable`), `|` is escaped as GFM requires even inside code.
 */
export function markdownCode(text: string, { inTable = false } = {}): Markdown {
  const oneLine = printable(text.replace(/[\n\r\u2028\u2029]+/g, " "), { keepTabs: true });
  const inline = inTable ? oneLine.replace(/\|/g, "\\|") : oneLine;
  const fence = "`".repeat(longestRun(inline, "`") + 1);
  const pad = inline.startsWith("`") || inline.endsWith("`") ? " " : "";
  return `${fence}${pad}${inline}${pad}${fence}` as Markdown;
}

/** A fenced code block whose fence is longer than any backtick run in the code, so nothing inside can close it. */
export function markdownFence(code: string, info: string): Markdown {
  const fence = "`".repeat(Math.max(3, longestRun(code, "`") + 1));
  return `${fence}${info}\n${code}\n${fence}` as Markdown;
}

function longestRun(text: string, char: string): number {
  let longest = 0;
  let run = 0;
  for (const c of text) {
    run = c === char ? run + 1 : 0;
    longest = Math.max(longest, run);
  }
  return longest;
}
