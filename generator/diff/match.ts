/**
 * Operation matching: OLD and NEW operations pair up by operationId, then — for what is left — by method and path
 * (path parameter names ignored, case-insensitive, as ARM routes), which is how a renamed operation is told apart
 * from a removed one and an added one.
 */
import type { DocumentModel, OperationModel } from "../../kernel/index.ts";

export interface OperationPair {
  oldDoc: DocumentModel;
  newDoc: DocumentModel;
  old: OperationModel;
  new: OperationModel;
}

export interface OperationMatch {
  pairs: OperationPair[];
  added: OperationModel[];
  removed: OperationModel[];
}

export function routeKey(op: OperationModel): string {
  return `${op.httpMethod.toUpperCase()} ${op.pathTemplate.replace(/\{[^}]*\}/g, "{}").toLowerCase()}`;
}

export function matchOperations(oldDoc: DocumentModel, newDoc: DocumentModel): OperationMatch {
  const pairs: OperationPair[] = [];
  const oldLeft = [...oldDoc.operations];
  const newLeft: OperationModel[] = [];
  for (const op of newDoc.operations) {
    const i = oldLeft.findIndex((o) => o.operationId === op.operationId);
    if (i === -1) newLeft.push(op);
    else pairs.push({ oldDoc, newDoc, old: oldLeft.splice(i, 1)[0], new: op });
  }
  const added: OperationModel[] = [];
  for (const op of newLeft) {
    const i = oldLeft.findIndex((o) => routeKey(o) === routeKey(op));
    if (i === -1) added.push(op);
    else pairs.push({ oldDoc, newDoc, old: oldLeft.splice(i, 1)[0], new: op });
  }
  const order = new Map(newDoc.operations.map((op, i) => [op, i]));
  pairs.sort((a, b) => order.get(a.new)! - order.get(b.new)!);
  return { pairs, added, removed: oldLeft };
}
