/** Local $ref following, shared by the model and everything that walks a schema as written. */
import { get } from "./json-pointer.ts";

type AnyRecord = Record<string, any>;

/**
 * Follows local $refs; returns the target and the pointer where it is defined. load refuses a chain of $refs
 * that never reaches a definition (resolve-refs.ts), so meeting one here is a bug, not bad input.
 */
export function deref(raw: unknown, node: unknown, pointer: string): { node: AnyRecord; pointer: string } {
  let current = node as AnyRecord;
  let at = pointer;
  const visited = new Set<string>();
  while (current && typeof current.$ref === "string" && current.$ref.startsWith("#")) {
    if (visited.has(at)) throw new Error(`$ref cycle at ${at} reached the model: load should have refused it`);
    visited.add(at);
    at = current.$ref.slice(1);
    current = get(raw, at) as AnyRecord;
  }
  return { node: current, pointer: at };
}
