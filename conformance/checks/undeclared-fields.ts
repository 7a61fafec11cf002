/**
 * undeclared-fields: a success body carries only properties its schema declares, where the schema leaves
 * `additionalProperties` unsaid (as Azure's specs do). oav reports these too: a field the spec does not declare
 * is a field no generated client can type.
 *
 * A warning, not a failure: Azure's breaking-change rules let a new api-version add response properties
 * (Azure/azure-rest-api-specs, documentation/BreakingChange-Oad-Rules-Mapping.md: 1040 AddedReadOnlyPropertyInResponse
 * and 1041 AddedPropertyInResponse are "change allowed"), clients ignore names they do not know, and real answers
 * carry such names: Maps' account keys were once {id, primaryKey, secondaryKey} (Azure/bicep-types-az,
 * generated/maps/microsoft.maps/2017-01-01-preview/types.md), and a service may keep answering so under a newer
 * schema. `--strict` makes it fail.
 */
import { deref, join } from "../../kernel/index.ts";
import type { Check, CheckFailure } from "./check.ts";
import { objectSchema } from "./object-schema.ts";

type Schema = Record<string, any>;

function walk(raw: unknown, value: unknown, schema: Schema, schemaPointer: string, instance: string, out: CheckFailure[]): void {
  if (value === null || typeof value !== "object") return;
  const { node, pointer } = deref(raw, schema, schemaPointer);
  if (Array.isArray(value)) {
    if (node?.items) value.forEach((item, i) => walk(raw, item, node.items, join(pointer, "items"), join(instance, i), out));
    return;
  }
  const { properties, open } = objectSchema(raw, schema, schemaPointer);
  if (open) return;
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
  severity: "warning",
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
