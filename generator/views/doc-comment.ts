import { isIdentifier } from "../names.ts";

/** Lines of a JSDoc comment from spec text: safe for `*\/`, wrapped at sentence-free line breaks only. */
export function docLines(...texts: Array<string | undefined>): string[] {
  return texts
    .filter((t): t is string => typeof t === "string" && t.trim() !== "")
    .flatMap((t) => t.trim().split(/\r?\n/))
    .map((line) => line.replace(/\*\//g, "*\\/").trimEnd());
}

/** A JSDoc block for the lines, each line indented, ending in a newline; "" when there is nothing to say. */
export function docComment(lines: string[], indent: string): string {
  if (lines.length === 0) return "";
  if (lines.length === 1) return `${indent}/** ${lines[0]} */\n`;
  return `${indent}/**\n${lines.map((l) => `${indent} * ${l}`.trimEnd()).join("\n")}\n${indent} */\n`;
}

/** A TypeScript property key: bare when it is an identifier, quoted otherwise. */
export function propertyKey(name: string): string {
  return isIdentifier(name) ? name : JSON.stringify(name);
}

/** Indexes a type by a property name: T["name"] */
export function indexType(type: string, ...keys: Array<string | number>): string {
  return type + keys.map((k) => `[${typeof k === "number" ? k : JSON.stringify(k)}]`).join("");
}
