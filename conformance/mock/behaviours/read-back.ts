/**
 * The read-back behaviour: an operation another operation's x-rekey-rotation names in `readBack` (API Management's
 * TenantAccess_ListSecrets) answers with the keys the addressed resource holds now, written into its documented
 * example at the readBack pointers — so a rotation whose own answer carries no keys can still be observed.
 */
import { ensureKeys } from "../seed-state.ts";
import type { Behaviour } from "./behaviour.ts";
import { keysAnswer } from "./keys-answer.ts";

export const readBack: Behaviour = (exchange) => {
  const op = exchange.operation!;
  const rotation = op.readsBackFor!;
  const resource = exchange.resource!;
  ensureKeys(resource, rotation, exchange.now);
  const status = Number(op.success.status);
  if (!op.success.schema) return { status, headers: {} };
  return { status, headers: {}, json: keysAnswer(op, op.success.status, rotation.readBack!.keys, resource) };
};
