/** Operation rules: the operationId, the operation's own wording, and its request body. */
import { join } from "../../kernel/index.ts";
import { compareSchemas } from "./schemas.ts";
import { type Change, change, quote } from "./rules.ts";
import type { OperationPair } from "./match.ts";

export function operationIdChanges(pair: OperationPair): Change[] {
  if (pair.old.operationId === pair.new.operationId) return [];
  return [change("operation-id-changed", pair.new.operationId, join(pair.new.pointer, "operationId"),
    `${pair.new.httpMethod.toUpperCase()} ${pair.new.pathTemplate} was ${pair.old.operationId}`)];
}

export function descriptionChanges(pair: OperationPair): Change[] {
  const out: Change[] = [];
  for (const field of ["summary", "description"] as const) {
    const before = pair.old[field] ?? "";
    const after = pair.new[field] ?? "";
    if (before !== after) {
      out.push(after
        ? change("request-description-changed", pair.new.operationId, join(pair.new.pointer, field), `operation ${field} now ${quote(after)}`)
        : change("request-description-changed", pair.new.operationId, join(pair.old.pointer, field), `operation ${field} removed`, "old"));
    }
  }
  return out;
}

export function requestBodyChanges(pair: OperationPair): Change[] {
  const id = pair.new.operationId;
  const o = pair.old.requestBody;
  const n = pair.new.requestBody;
  if (!o && !n) return [];
  if (!o && n) {
    return [change(n.required ? "request-body-added-required" : "request-body-added-optional", id, n.pointer,
      `${n.required ? "required" : "optional"} request body ${n.name} added`)];
  }
  if (o && !n) return [change("request-body-removed", id, o.pointer, `request body ${o.name} removed`, "old")];
  const out: Change[] = [];
  if (o!.required !== n!.required) {
    out.push(n!.required
      ? change("request-body-became-required", id, join(n!.pointer, "required"), `request body ${n!.name} is now required`)
      : change("request-body-became-optional", id, join(n!.pointer, "required"), `request body ${n!.name} is no longer required`));
  }
  if ((o!.description ?? "") !== (n!.description ?? "")) {
    out.push(change("request-description-changed", id, join(n!.pointer, "description"), `request body ${n!.name}: description now ${quote(n!.description)}`));
  }
  compareSchemas({ operationId: id, oldRaw: pair.oldDoc.raw, newRaw: pair.newDoc.raw, side: "request", out },
    o!.schema, o!.schemaPointer, n!.schema, n!.schemaPointer, n!.name === "body" ? "body" : `body ${n!.name}`);
  return out;
}
