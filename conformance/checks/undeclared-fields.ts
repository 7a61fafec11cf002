/**
 * undeclared-fields: a success body carries only properties its schema declares, where the schema leaves
 * `additionalProperties` unsaid (as Azure's specs do). oav reports these too: a field the spec does not declare
 * is a field no generated client can type.
 */
import { deref, join } from "../../kernel/index.ts";
import type { Check, CheckFailure } from "./check.ts";

type Schema = Record<string, any>;

/** Declared property schemas of an object schema (its own and its allOf parts'); undefined when any name is allowed. */
function declared(raw: unknown, schema: Schema, pointer: string): Map<string, [Schema, string]> | undefined {
  const { node, pointer: at } = deref(raw, schema, pointer);
  if (!node || typeof node !== "object" || node.additionalProperties !== undefined || node.patternProperties || node.anyOf || node.oneOf) return undefined;
  if (!node.properties && !node.allOf) return undefined;
  const found = new Map<string, [Schema, string]>();
  for (const [name, property] of Object.entries((node.properties ?? {}) as Schema)) found.set(name, [property, join(at, "properties", name)]);
  for (const [i, part] of ((node.allOf ?? []) as Schema[]).entries()) {
    const more = declared(raw, part, join(at, "allOf", i));
    if (!more) return undefined;
    for (const [name, entry] of more) found.set(name, entry);
  }
  return found;
}

function walk(raw: unknown, value: unknown, schema: Schema, schemaPointer: string, instance: string, out: CheckFailure[]): void {
  if (value === null || typeof value !== "object") return;
  const { node, pointer } = deref(raw, schema, schemaPointer);
  if (Array.isArray(value)) {
    if (node?.items) value.forEach((item, i) => walk(raw, item, node.items, join(pointer, "items"), join(instance, i), out));
    return;
  }
  const properties = declared(raw, schema, schemaPointer);
  if (!properties) return;
  for (const [name, child] of Object.entries(value)) {
    const entry = properties.get(name);
    if (!entry) {
      out.push({ pointer: join(instance, name), expected: [...properties.keys()], actual: name, notFromBody: true, message: `property "${name}" is not declared by ${pointer}` });
    } else walk(raw, child, entry[0], entry[1], join(instance, name), out);
  }
}

export const undeclaredFields: Check = {
  name: "undeclared-fields",
  summary: "a documented success body has only the properties its schema declares",
  severity: "failure",
  appliesTo: (exchange) => exchange.expect.kind !== "rejection",
  run: ({ exchange, response }) => {
    const { doc, operation } = exchange.context;
    const status = response!.status;
    const documented = operation.responses.find((r) => r.status === String(status));
    if (status < 200 || status > 299 || !documented?.schema || !documented.schemaPointer || response!.json === undefined) return [];
    const failures: CheckFailure[] = [];
    walk(doc.raw, response!.json, documented.schema as Schema, documented.schemaPointer, "", failures);
    return failures;
  },
};
