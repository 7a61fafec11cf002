/**
 * YAML or JSON text → a JSON value. Everything YAML can express beyond JSON is refused with a line or a pointer:
 * alias expansion past a budget (a "billion laughs" document), an alias that contains itself (a cyclic value no
 * later stage can walk), nesting deeper than any spec needs, and values JSON has no word for (!!binary, !!set,
 * !!timestamp, .inf).
 */
import type * as Yaml from "yaml";
import { join } from "./json-pointer.ts";
import { requireCjs } from "./require-cjs.ts";
import { type Problem, problem, UserError } from "./user-error.ts";

/** How many alias expansions a document may cause (yaml's maxAliasCount); hand-written specs use none. */
export const MAX_YAML_ALIASES = 100;
/** How deep a document may nest; Azure's resource-manager specs stay under 30 levels. */
export const MAX_NESTING = 128;

function kindOf(value: object): string {
  return Object.prototype.toString.call(value).slice(8, -1);
}

/** The first place the parsed value is not plain JSON, or undefined. */
function notJson(value: unknown, file: string): Problem | undefined {
  const ancestors = new Set<object>();
  const refuse = (pointer: string, message: string, hint: string) => problem("load/syntax", { file, pointer }, message, hint);
  const walk = (node: unknown, pointer: string, depth: number): Problem | undefined => {
    if (node === null || typeof node === "string" || typeof node === "boolean") return undefined;
    if (typeof node === "number") {
      return Number.isFinite(node) ? undefined : refuse(pointer, `${node} is not a JSON number`, "write a finite number or a string");
    }
    if (typeof node !== "object" || (!Array.isArray(node) && Object.getPrototypeOf(node) !== Object.prototype)) {
      const kind = typeof node === "object" ? kindOf(node) : typeof node;
      return refuse(pointer, `a YAML ${kind} value is not JSON`, "remove the YAML tag (!!binary, !!set, !!timestamp …) and write a JSON value");
    }
    if (ancestors.has(node)) return refuse(pointer, "a YAML alias contains itself", "write the value out instead of the alias");
    if (depth > MAX_NESTING) return refuse(pointer, `the document nests more than ${MAX_NESTING} levels deep`, "flatten it with $refs to components");
    ancestors.add(node);
    const entries: Array<[string | number, unknown]> = Array.isArray(node) ? node.map((v, i) => [i, v]) : Object.entries(node);
    for (const [key, child] of entries) {
      const found = walk(child, join(pointer, key), depth + 1);
      if (found) return found;
    }
    ancestors.delete(node);
    return undefined;
  };
  return walk(value, "", 0);
}

/** Parses YAML or JSON text; every refusal is a Problem with a line and column or a JSON pointer. */
export function parseSpecText(text: string, file: string): unknown {
  const { parseDocument, LineCounter, visit } = requireCjs("yaml") as typeof Yaml;
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { uniqueKeys: true, prettyErrors: true, lineCounter });
  if (doc.errors.length > 0) {
    const e = doc.errors[0];
    const pos = e.linePos?.[0];
    const what = e.message.split("\n")[0].replace(/ at line \d+, column \d+.*$/, "");
    // yaml turns its own stack overflow on deep nesting into a parse error
    if (/Maximum call stack/.test(what)) {
      // (where its stack ran out varies from run to run: name the line only)
      throw new UserError(problem("load/syntax", { file, line: pos?.line ?? 1 },
        `the document nests more than ${MAX_NESTING} levels deep`, "flatten it with $refs to components"));
    }
    throw new UserError(problem("load/syntax", { file, line: pos?.line, column: pos?.col }, `invalid YAML/JSON: ${what}`, "fix the syntax at that line"));
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_YAML_ALIASES });
  } catch (error) {
    if (!(error instanceof ReferenceError)) throw error;
    // yaml refuses a document whose aliases expand past the budget; name the first alias.
    let offset: number | undefined;
    visit(doc, { Alias: (_, node) => ((offset = node.range?.[0]), visit.BREAK) });
    const pos = offset === undefined ? undefined : lineCounter.linePos(offset);
    throw new UserError(problem("load/syntax", { file, line: pos?.line ?? 1, column: pos?.col },
      `YAML aliases expand too far (past ${MAX_YAML_ALIASES} copies)`,
      "write the repeated part once, under components, and $ref it"));
  }
  const refusal = notJson(value, file);
  if (refusal) throw new UserError(refusal);
  return value;
}
