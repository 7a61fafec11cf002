/**
 * Which schemas a value at an instance pointer is described by: lint uses it to prove that a pointer written in a
 * spec extension names something the schema declares (a typo resolves to nothing). A step is declared by
 * `properties`, by an object-valued `additionalProperties` (a map), or — for an array index — by `items`;
 * allOf/anyOf/oneOf branches are all followed. A schema that declares nothing (`{}`) declares no step below it.
 */
import { deref } from "./deref.ts";
import { isArrayIndex, join, tokens } from "./json-pointer.ts";

type AnyRecord = Record<string, any>;

export interface SchemaAt {
  node: AnyRecord;
  /** Where that schema is defined in the document. */
  pointer: string;
}

/** Every schema the branches of `node` put in force, itself included, $refs followed. */
function branches(raw: unknown, node: unknown, pointer: string, seen = new Set<string>()): SchemaAt[] {
  const at = deref(raw, node, pointer);
  if (!at.node || typeof at.node !== "object" || seen.has(at.pointer)) return [];
  seen.add(at.pointer);
  const found: SchemaAt[] = [at];
  for (const key of ["allOf", "anyOf", "oneOf"]) {
    const list = at.node[key];
    if (Array.isArray(list)) list.forEach((sub, i) => found.push(...branches(raw, sub, join(at.pointer, key, i), seen)));
  }
  return found;
}

function step(raw: unknown, schema: SchemaAt, token: string): SchemaAt[] {
  const { node, pointer } = schema;
  const properties = node.properties as AnyRecord | undefined;
  if (properties && Object.prototype.hasOwnProperty.call(properties, token)) {
    return branches(raw, properties[token], join(pointer, "properties", token));
  }
  if (isArrayIndex(token) && node.items && typeof node.items === "object") return branches(raw, node.items, join(pointer, "items"));
  if (node.additionalProperties && typeof node.additionalProperties === "object" && !isArrayIndex(token)) {
    return branches(raw, node.additionalProperties, join(pointer, "additionalProperties"));
  }
  return [];
}

/** The schemas (with their branches) that describe the value at `instancePointer`; empty when it is not declared. */
export function schemasAt(raw: unknown, schema: unknown, schemaPointer: string, instancePointer: string): SchemaAt[] {
  let current = branches(raw, schema, schemaPointer);
  for (const token of tokens(instancePointer)) {
    current = current.flatMap((s) => step(raw, s, token));
    if (current.length === 0) return [];
  }
  return current;
}

/** The item schemas of the arrays among `schemas` (an element's schema, for pointers relative to an element). */
export function itemSchemas(raw: unknown, schemas: SchemaAt[]): SchemaAt[] {
  return schemas.flatMap((s) => (s.node.items && typeof s.node.items === "object" ? branches(raw, s.node.items, join(s.pointer, "items")) : []));
}
