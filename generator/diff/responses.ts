/**
 * Response rules: status codes, success bodies, and the error schema. A new success status is breaking (clients of
 * OLD treat an undocumented status as an error, as Azure's SDKs do); a new error status is not (it was an error
 * before too). Error schema changes are summarised in one change: additive ones are `error-schema-extended`.
 */
import { errorResponse, join, type ResponseModel } from "../../kernel/index.ts";
import { compareSchemas, schemaView } from "./schemas.ts";
import { type Change, change, quote } from "./rules.ts";
import type { OperationPair } from "./match.ts";

const isSuccess = (r: ResponseModel) => /^2/.test(r.status);

export function statusChanges(pair: OperationPair): Change[] {
  const out: Change[] = [];
  const id = pair.new.operationId;
  const before = new Map(pair.old.responses.map((r) => [r.status, r]));
  const after = new Map(pair.new.responses.map((r) => [r.status, r]));
  for (const [status, r] of after) {
    if (before.has(status)) continue;
    out.push(isSuccess(r)
      ? change("response-success-status-added", id, r.pointer, `status ${status} added`)
      : change("response-error-status-added", id, r.pointer, `error status ${status} added`));
  }
  for (const [status, r] of before) {
    if (after.has(status)) continue;
    out.push(isSuccess(r)
      ? change("response-success-status-removed", id, r.pointer, `status ${status} removed`, "old")
      : change("response-error-status-removed", id, r.pointer, `error status ${status} removed`, "old"));
  }
  for (const [status, r] of after) {
    const o = before.get(status);
    if (o && o.description !== r.description) {
      out.push(change("response-description-changed", id, join(r.pointer, "description"), `${status}: description now ${quote(r.description)}`));
    }
  }
  return out;
}

export function successBodyChanges(pair: OperationPair): Change[] {
  const out: Change[] = [];
  const id = pair.new.operationId;
  for (const r of pair.new.responses.filter(isSuccess)) {
    const o = pair.old.responses.find((x) => x.status === r.status);
    if (!o) continue;
    if (!o.schema && r.schema) out.push(change("response-body-added", id, r.schemaPointer!, `${r.status}: now has a body`));
    else if (o.schema && !r.schema) out.push(change("response-body-removed", id, o.schemaPointer!, `${r.status}: no longer has a body`, "old"));
    else if (o.schema && r.schema) {
      compareSchemas({ operationId: id, oldRaw: pair.oldDoc.raw, newRaw: pair.newDoc.raw, side: "response", out },
        o.schema, o.schemaPointer!, r.schema, r.schemaPointer!, `${r.status} body`);
    }
  }
  return out;
}

export function errorSchemaChanges(pair: OperationPair): Change[] {
  const id = pair.new.operationId;
  const o = errorResponse(pair.old);
  const n = errorResponse(pair.new);
  if (!o?.schema || !n) return [];
  if (!n.schema) return [change("error-schema-changed", id, n.pointer, `${n.status}: the error response no longer has a schema`)];
  const found: Change[] = [];
  compareSchemas({ operationId: id, oldRaw: pair.oldDoc.raw, newRaw: pair.newDoc.raw, side: "response", out: found },
    o.schema, o.schemaPointer!, n.schema, n.schemaPointer!, "body");
  // x-ms-client-flatten reshapes Azure's SDK models, not rekey's clients (which keep the wire shape): say so, no more.
  const flattened = (raw: unknown, schema: unknown, pointer: string) => new Set([...schemaView(raw, schema, pointer).properties]
    .filter(([, p]) => (p.node as Record<string, unknown>)?.["x-ms-client-flatten"] === true).map(([name]) => name));
  const before = flattened(pair.oldDoc.raw, o.schema, o.schemaPointer!);
  const after = flattened(pair.newDoc.raw, n.schema, n.schemaPointer!);
  const flattenNotes = [...[...before].filter((x) => !after.has(x)).map((x) => `x-ms-client-flatten on ${x} dropped (Azure SDK models change; rekey clients keep the wire shape)`),
    ...[...after].filter((x) => !before.has(x)).map((x) => `x-ms-client-flatten on ${x} added (Azure SDK models change; rekey clients keep the wire shape)`)];
  if (found.length === 0 && flattenNotes.length === 0) return [];
  const breaking = found.filter((c) => c.severity === "breaking");
  const describe = (c: Change) => {
    const m = /^body\.?([^:]*): property (\S+) (added|removed)$/.exec(c.message);
    return m ? `${m[1] ? `${m[1]}.` : ""}${m[2]} ${m[3]}` : c.message.replace(/^body\.?/, "");
  };
  const summary = [...(breaking.length > 0 ? breaking : found).map(describe), ...flattenNotes].join("; ");
  return [breaking.length > 0
    ? change("error-schema-changed", id, n.schemaPointer!, `${n.status} error schema: ${summary}`)
    : change("error-schema-extended", id, n.schemaPointer!, `${n.status} error schema${found.length > 0 ? " (fields added only)" : ""}: ${summary}`)];
}
