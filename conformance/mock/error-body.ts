/**
 * Error bodies, built in one place and shaped by each operation's own error schema: APIM's ErrorResponse has no
 * top-level `target`, Batch's CloudError nests `details` of its own kind, ARM's common ErrorResponse has both. The
 * fields an ArmError carries are written only where the schema declares them.
 */
import { deref, type DocumentModel, errorResponse, join, type OperationModel, walkProperties } from "../../kernel/index.ts";
import type { ArmError, ArmErrorDetail } from "./arm-errors.ts";

export interface ErrorShape {
  /** Where code and message sit: "/error" for ARM's envelope, "" for a flat body. */
  envelope: string;
  fields: Set<string>;
  detailFields: Set<string>;
}

/** ARM's own envelope, for routes no spec owns. */
export const ARM_ERROR_SHAPE: ErrorShape = {
  envelope: "/error",
  fields: new Set(["code", "message", "target", "details"]),
  detailFields: new Set(["code", "message", "target"]),
};

export function errorShape(doc: DocumentModel, operation: OperationModel): ErrorShape {
  const response = errorResponse(operation);
  if (!response?.schema || !response.schemaPointer) return ARM_ERROR_SHAPE;
  const fieldsOf = (schema: unknown, pointer: string) => {
    const names = new Map<string, { schema: Record<string, unknown>; pointer: string }>();
    walkProperties(doc.raw, schema, pointer, (p) => {
      if (p.instancePath.lastIndexOf("/") === 0) names.set(p.name, { schema: p.schema, pointer: p.pointer });
    });
    return names;
  };
  const top = fieldsOf(response.schema, response.schemaPointer);
  const wrapped = top.has("error") && !top.has("code");
  const inner = wrapped ? fieldsOf(top.get("error")!.schema, top.get("error")!.pointer) : top;
  if (!inner.has("code")) return ARM_ERROR_SHAPE;
  // Details are usually the error schema itself, recursively, so they are read from the items schema directly.
  const details = inner.get("details");
  const items = details?.schema.items ? deref(doc.raw, details.schema.items, join(details.pointer, "items")) : undefined;
  return {
    envelope: wrapped ? "/error" : "",
    fields: new Set(inner.keys()),
    detailFields: items ? new Set(fieldsOf(items.node, items.pointer).keys()) : new Set(),
  };
}

function pick(detail: ArmErrorDetail, fields: Set<string>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(detail)) if (value !== undefined && fields.has(key)) out[key] = value;
  return out;
}

export function renderErrorBody(error: ArmError, shape: ErrorShape): Record<string, unknown> {
  const inner: Record<string, unknown> = { code: error.code, message: error.message };
  if (error.target !== undefined && shape.fields.has("target")) inner.target = error.target;
  if (error.details?.length && shape.fields.has("details")) inner.details = error.details.map((d) => pick(d, shape.detailFields));
  return shape.envelope === "" ? inner : { error: inner };
}
