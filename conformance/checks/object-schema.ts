/**
 * What a response schema says about an object: the properties it declares (its own and its allOf parts'), which
 * of them it requires, and whether it leaves other names open. Checks use it to tell a broken contract (a required
 * field missing) from drift (an optional one missing, an undeclared one present).
 */
import { deref, join, tokens } from "../../kernel/index.ts";

type Schema = Record<string, any>;

export interface ObjectSchema {
  /** Declared property → [its schema, where that schema is]. */
  properties: Map<string, [Schema, string]>;
  required: Set<string>;
  /** Any name is allowed: additionalProperties or patternProperties said, or anyOf/oneOf, or no properties at all. */
  open: boolean;
}

export function objectSchema(raw: unknown, schema: Schema, pointer: string): ObjectSchema {
  const { node, pointer: at } = deref(raw, schema, pointer);
  const found: ObjectSchema = { properties: new Map(), required: new Set(), open: false };
  if (!node || typeof node !== "object") return { ...found, open: true };
  if (node.additionalProperties !== undefined || node.patternProperties || node.anyOf || node.oneOf || (!node.properties && !node.allOf)) found.open = true;
  for (const [name, property] of Object.entries((node.properties ?? {}) as Schema)) found.properties.set(name, [property, join(at, "properties", name)]);
  for (const name of Array.isArray(node.required) ? node.required : []) if (typeof name === "string") found.required.add(name);
  for (const [i, part] of ((node.allOf ?? []) as Schema[]).entries()) {
    const more = objectSchema(raw, part, join(at, "allOf", i));
    if (more.open) found.open = true;
    for (const [name, entry] of more.properties) found.properties.set(name, entry);
    for (const name of more.required) found.required.add(name);
  }
  return found;
}

/** The schema of the value at `instance` (a pointer into a body the schema describes), or undefined when unsaid. */
function schemaAt(raw: unknown, schema: Schema, pointer: string, instance: string[]): [Schema, string] | undefined {
  let here: [Schema, string] = [schema, pointer];
  for (const token of instance) {
    const { node, pointer: at } = deref(raw, here[0], here[1]);
    if (!node || typeof node !== "object") return undefined;
    if (/^\d+$/.test(token) && node.items) {
      here = [node.items, join(at, "items")];
      continue;
    }
    const entry = objectSchema(raw, here[0], here[1]).properties.get(token);
    if (!entry) return undefined;
    here = entry;
  }
  return here;
}

/** Whether the schema requires the property at `instance` (a pointer ending in the property's name). */
export function isRequired(raw: unknown, schema: Schema, pointer: string, instance: string): boolean {
  const path = tokens(instance);
  const name = path.pop();
  if (name === undefined) return true;
  const parent = schemaAt(raw, schema, pointer, path);
  return parent !== undefined && objectSchema(raw, parent[0], parent[1]).required.has(name);
}
