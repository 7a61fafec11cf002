/**
 * The enums a generated client matches in any case: those the spec declares open with `x-ms-enum`
 * `modelAsString: true` — Azure's own SDKs treat them as extensible strings, and Azure compares their values
 * ignoring case. A closed enum (`modelAsString: false`) keeps exact matching.
 *
 * Each is named by its list of values, as a validator's enum error reports them (`params.allowedValues`): ajv's
 * schema paths differ with how a reference was compiled (inlined or not), the values do not. A list that a closed
 * enum of the same document also has is left out, so a closed enum is never matched leniently.
 */
import type { DocumentModel } from "../../kernel/index.ts";

function enumsOf(node: unknown, found: { open: unknown[][]; closed: unknown[][] }): void {
  if (Array.isArray(node)) {
    for (const item of node) enumsOf(item, found);
    return;
  }
  if (typeof node !== "object" || node === null) return;
  const record = node as Record<string, unknown>;
  if (Array.isArray(record.enum)) {
    const extension = record["x-ms-enum"] as { modelAsString?: unknown } | undefined;
    const open = typeof extension === "object" && extension !== null && extension.modelAsString === true;
    (open ? found.open : found.closed).push(record.enum);
  }
  for (const value of Object.values(record)) enumsOf(value, found);
}

export function openEnumValueLists(doc: DocumentModel): unknown[][] {
  const found = { open: [] as unknown[][], closed: [] as unknown[][] };
  enumsOf(doc.raw, found);
  const key = (values: unknown[]) => JSON.stringify(values);
  const closed = new Set(found.closed.map(key));
  const open = new Map(found.open.filter((values) => !closed.has(key(values))).map((values) => [key(values), values]));
  return [...open.values()];
}
