/** JSDoc blocks and indexed types built from spec text, through the escapers in escape.ts. */
import { type Code, commentText, LINE_TERMINATOR, stringLiteral } from "./escape.ts";

/** Lines of a JSDoc comment from spec text: one per line of the text (any line terminator), each escaped. */
export function docLines(...texts: Array<string | undefined>): Code[] {
  return texts
    .filter((t): t is string => typeof t === "string" && t.trim() !== "")
    .flatMap((t) => t.trim().split(LINE_TERMINATOR))
    .map((line) => commentText(line.trimEnd()));
}

/** A JSDoc block for the lines, each line indented, ending in a newline; "" when there is nothing to say. */
export function docComment(lines: Code[], indent: string): Code {
  if (lines.length === 0) return "" as Code;
  if (lines.length === 1) return `${indent}/** ${lines[0]} */\n` as Code;
  return `${indent}/**\n${lines.map((l) => `${indent} * ${l}`.trimEnd()).join("\n")}\n${indent} */\n` as Code;
}

/** Indexes a type by property names: T["name"]; numbers (status codes) stay bare. */
export function indexType(type: Code, ...keys: Array<string | number>): Code {
  return (type + keys.map((k) => `[${typeof k === "number" ? k : stringLiteral(k)}]`).join("")) as Code;
}
