/**
 * The emitter's escapers, one per place spec text lands: tables of given/want, then properties over arbitrary
 * strings checked by the real parsers (JavaScript for code, markdown-it for Markdown).
 */
import { createRequire } from "node:module";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  code, commentText, identifier, markdownCode, markdownFence, markdownText, propertyAccess, propertyKey, stringLiteral, valueLiteral,
} from "../../generator/views/escape.ts";

interface Token { type: string; content: string; children: Token[] | null }
const MarkdownIt = createRequire(import.meta.url)("markdown-it") as new (options: object) => { parse(src: string, env: object): Token[] };
const markdown = new MarkdownIt({ html: true });
/** Fixed seed: the same inputs every run (no flaky suite); raise numRuns locally to search further. */
const RUNS = { seed: 20261111, numRuns: 500 };

/** Any string, including the characters each context cares about, often. */
const hostile = fc.string({ unit: fc.oneof(
  fc.constantFrom("*/", "/*", "*", "/", "`", "```", "${", "}", "\"", "'", "\\", "<", ">", "&", "|", "\n", "\r", "\u2028", "\u2029", "\u202e", "{{", "__proto__", "#", "-", "1.", "[", "](", "_", " "),
  fc.string({ unit: "grapheme", maxLength: 1 }),
), maxLength: 40 });

describe("commentText", () => {
  it.each([
    ["plain", "plain"],
    ["ends */ here", "ends *\\/ here"],
    ["**/", "**\\/"],
    ["a\nb\r\nc", "a\\u000ab\\u000d\\u000ac"],
    ["a\u2028b\u2029c", "a\\u2028b\\u2029c"],
    ["bidi \u202e override", "bidi \\u202e override"],
    ["tab\tkept, {{x}} and ` kept", "tab\tkept, {{x}} and ` kept"],
  ])("%j → %j", (given, want) => expect(commentText(given)).toBe(want));

  it("never closes the comment or ends the line it is on", () => {
    fc.assert(fc.property(hostile, (text) => {
      const body = `/** ${commentText(text)} */ // ${commentText(text)}\nreturn 1;`;
      expect(new Function(body)()).toBe(1);
    }), RUNS);
  });
});

describe("stringLiteral", () => {
  it.each([
    ["a", '"a"'],
    ['say "hi"', '"say \\"hi\\""'],
    ["back\\slash", '"back\\\\slash"'],
    ["`${x}`", '"`${x}`"'],
    ["line\u2028sep\u2029", '"line\\u2028sep\\u2029"'],
    ["new\nline", '"new\\nline"'],
  ])("%j → %s", (given, want) => expect(stringLiteral(given)).toBe(want));

  it("evaluates back to the same string", () => {
    fc.assert(fc.property(hostile, (text) => {
      expect(new Function(`return ${stringLiteral(text)};`)()).toBe(text);
    }), RUNS);
  });
});

describe("identifier", () => {
  it.each(["createMapsClient", "_x", "$y", "isAccountsRegenerateKeysError"])("%s is kept", (name) => expect(identifier(name)).toBe(name));
  it.each(["", "1x", "a-b", "a b", "class", "delete", "await", "x*/y", "ünï"])("%j is a bug, not an identifier", (name) =>
    expect(() => identifier(name)).toThrow(/^bug: .* lint should have refused it/));
});

describe("propertyKey and propertyAccess", () => {
  it.each([
    ["accountName", "accountName"],
    ["delete", "delete"],
    ["api-version", '"api-version"'],
    ["1x", '"1x"'],
    ['a"*/b', '"a\\"*/b"'],
    ["__proto__", '["__proto__"]'],
  ])("propertyKey(%j) → %s", (given, want) => expect(propertyKey(given)).toBe(want));

  it("a key in an object literal makes an own property of exactly that name, __proto__ included", () => {
    fc.assert(fc.property(hostile, (name) => {
      const object = new Function(`return { ${propertyKey(name)}: 1 };`)();
      expect(Object.keys(object)).toEqual([name]);
      expect(Object.getPrototypeOf(object)).toBe(Object.prototype);
    }), RUNS);
  });

  it.each([
    ["accountName", "parameters.accountName"],
    ["odd-name", 'parameters["odd-name"]'],
  ])("propertyAccess(parameters, %j) → %s", (name, want) => expect(propertyAccess(code`parameters`, name)).toBe(want));

  it("refuses to read __proto__ (it would read the prototype)", () =>
    expect(() => propertyAccess(code`parameters`, "__proto__")).toThrow(/^bug:/));
});

describe("valueLiteral", () => {
  it("lays values out as JSON.stringify(v, null, 2) does, quoting keys unless asked", () => {
    const value = { keyName: "Primary", "api-version": "x", n: [1, true, null], e: {}, a: [] };
    expect(valueLiteral(value)).toBe(JSON.stringify(value, null, 2));
    expect(valueLiteral(value, { bareKeys: true, indent: "  " })).toBe(
      '{\n    keyName: "Primary",\n    "api-version": "x",\n    n: [\n      1,\n      true,\n      null\n    ],\n    e: {},\n    a: []\n  }');
  });

  it("evaluates back to the same JSON value, __proto__ keys and U+2028 included", () => {
    fc.assert(fc.property(fc.oneof(fc.jsonValue(), fc.dictionary(hostile, hostile)), fc.boolean(), (value, bareKeys) => {
      const evaluated = new Function(`return ${valueLiteral(value, { bareKeys })};`)();
      expect(evaluated).toEqual(JSON.parse(JSON.stringify(value)));
    }), RUNS);
    const ownProto = JSON.parse('{ "__proto__": { "polluted": 1 } }');
    const evaluated = new Function(`return ${valueLiteral(ownProto)};`)();
    expect(Object.keys(evaluated)).toEqual(["__proto__"]);
    expect(Object.getPrototypeOf(evaluated)).toBe(Object.prototype);
  });
});

/** What markdown-it reads: the text a reader sees, and whether anything but text and code came out. */
function readInline(source: string): { text: string; kinds: string[] } {
  const inline = markdown.parse(source, {}).filter((t) => t.type === "inline").flatMap((t) => t.children ?? []);
  return { text: inline.map((t) => t.content).join(""), kinds: [...new Set(inline.map((t) => t.type))] };
}

describe("markdownText", () => {
  it.each([
    ["Regenerates a key.", "Regenerates a key."],
    ["Accounts_RegenerateKeys", "Accounts_RegenerateKeys"],
    ["_emph_ and *strong*", "\\_emph\\_ and \\*strong\\*"],
    ["<img src=x onerror=alert(1)>", "&lt;img src=x onerror=alert(1)&gt;"],
    ["a & b | c", "a &amp; b \\| c"],
    ["[link](javascript:alert(1))", "\\[link\\](javascript:alert(1))"],
    ["# heading", "\\# heading"],
    ["- item", "\\- item"],
    ["1. item", "1\\. item"],
    ["{{x}} `code`", "\\{\\{x\\}\\} \\`code\\`"],
    ["two\nlines\u2028here", "two lines here"],
  ])("%j → %j", (given, want) => expect(markdownText(given)).toBe(want));

  it("reads back as the text (on one line), as plain text: no HTML, link, emphasis or code", () => {
    fc.assert(fc.property(hostile, (text) => {
      const { text: read, kinds } = readInline(`Before ${markdownText(text)} after.`);
      const oneLine = text.replace(/[\t\n\v\f\r \u2028\u2029]+/g, " ").trim().replace(/\u202e/g, "\\u202e");
      expect(read.replace(/ +/g, " ")).toBe(`Before ${oneLine} after.`.replace(/ +/g, " "));
      expect(kinds.filter((k) => !["text", "softbreak"].includes(k))).toEqual([]);
    }), RUNS);
  });

  it("stays in its table cell", () => {
    fc.assert(fc.property(hostile, (text) => {
      const tokens = markdown.parse(`| a | b |\n|---|---|\n| ${markdownText(text)} | ${markdownCode("x|y", { inTable: true })} |\n`, {});
      expect(tokens.filter((t) => t.type === "td_open")).toHaveLength(2);
    }), RUNS);
  });
});

describe("markdownCode and markdownFence", () => {
  it.each([
    ["@rekey/clients/maps", "`@rekey/clients/maps`"],
    ["a`b", "``a`b``"],
    ["`x`", "`` `x` ``"],
  ])("markdownCode(%j) → %s", (given, want) => expect(markdownCode(given)).toBe(want));

  it("markdownCode reads back as the same code", () => {
    fc.assert(fc.property(hostile.filter((t) => !/[\n\r\u2028\u2029]/.test(t) && t.trim() !== ""), (text) => {
      const code = markdown.parse(`x ${markdownCode(text)} y`, {}).flatMap((t) => t.children ?? []).filter((t) => t.type === "code_inline");
      expect(code.map((t) => t.content)).toEqual([text.startsWith(" ") && text.endsWith(" ") && text.trim() ? text.slice(1, -1) : text]);
    }), RUNS);
  });

  it.each([
    ["const a = 1;", "```ts\nconst a = 1;\n```"],
    ['const s = "```";', '````ts\nconst s = "```";\n````'],
  ])("markdownFence(%j) → %j", (given, want) => expect(markdownFence(given, "ts")).toBe(want));

  it("no code closes its fence early: the block holds exactly the code", () => {
    fc.assert(fc.property(hostile, (text) => {
      const tokens = markdown.parse(`${markdownFence(text, "ts")}\n\nafter\n`, {});
      // Markdown reads \r and \r\n as line ends and NUL as U+FFFD (generated code has neither: literals escape them).
      const asMarkdownReadsIt = `${text}\n`.replace(/\r\n?/g, "\n").replace(/\0/g, "\ufffd");
      expect(tokens.filter((t) => t.type === "fence").map((t) => t.content)).toEqual([asMarkdownReadsIt]);
      expect(tokens.filter((t) => t.type === "inline").map((t) => t.content)).toEqual(["after"]);
    }), RUNS);
  });
});
