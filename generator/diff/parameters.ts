/**
 * Parameter rules: parameters are matched by location and name. The api-version parameter is skipped: a client
 * never chooses it (it is fixed to the document's version), so its constraints and wording are not client-visible.
 */
import { join, type ParameterModel } from "../../kernel/index.ts";
import { compareSchemas } from "./schemas.ts";
import { type Change, change, quote } from "./rules.ts";
import type { OperationPair } from "./match.ts";

const key = (p: ParameterModel) => `${p.in}:${p.name}`;
const where = (p: ParameterModel) => `${p.in} parameter ${p.name}`;

export function parameterChanges(pair: OperationPair): Change[] {
  const out: Change[] = [];
  const id = pair.new.operationId;
  const visible = (list: ParameterModel[]) => list.filter((p) => p.binding !== "api-version");
  const before = new Map(visible(pair.old.parameters).map((p) => [key(p), p]));
  const after = new Map(visible(pair.new.parameters).map((p) => [key(p), p]));

  for (const [k, p] of before) {
    if (!after.has(k)) out.push(change("request-parameter-removed", id, p.pointer, `${where(p)} removed`, "old"));
  }
  for (const [k, p] of after) {
    const o = before.get(k);
    if (!o) {
      out.push(change(p.required ? "request-parameter-added-required" : "request-parameter-added-optional", id, p.pointer,
        `${p.required ? "required" : "optional"} ${where(p)} added`));
      continue;
    }
    if (o.required !== p.required) {
      out.push(p.required
        ? change("request-parameter-became-required", id, join(p.pointer, "required"), `${where(p)} is now required`)
        : change("request-parameter-became-optional", id, join(p.pointer, "required"), `${where(p)} is no longer required`));
    }
    if (o.binding !== p.binding) {
      out.push(change("request-parameter-binding-changed", id, p.pointer,
        `${where(p)} moves from ${o.binding === "client" ? "the client factory" : "each call"} to ${p.binding === "client" ? "the client factory" : "each call"}`));
    }
    if (o.clientName !== p.clientName) {
      out.push(change("request-parameter-client-name-changed", id, p.pointer, `${where(p)} is \`${p.clientName}\` in clients, was \`${o.clientName}\``));
    }
    if ((o.description ?? "") !== (p.description ?? "")) {
      out.push(change("request-description-changed", id, join(p.pointer, "description"),
        `${where(p)}: description now ${quote(p.description)}`));
    }
    compareSchemas({ operationId: id, oldRaw: pair.oldDoc.raw, newRaw: pair.newDoc.raw, side: "request", out },
      o.schema, o.schemaPointer, p.schema, p.schemaPointer, where(p));
  }
  return out;
}
