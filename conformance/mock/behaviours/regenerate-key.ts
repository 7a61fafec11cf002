/**
 * The regenerate-key behaviour, driven by the operation's x-rekey-rotation: the selected key (named by the body, a
 * path or query parameter, or fixed) gets a new random value and a later timestamp; every other key stays as it was.
 * The success answer is the documented example with the keys written where the rotation says they appear; an
 * operation whose keys are read back (readBack) answers as its spec says (e.g. 204 without a body).
 */
import { get, keyName, type RotationSpec, set, tokens } from "../../../kernel/index.ts";
import { armErrors } from "../arm-errors.ts";
import { newKey, timestamp } from "../keys.ts";
import type { MockExchange } from "../mock-exchange.ts";
import { ensureKeys } from "../seed-state.ts";
import type { MockResource } from "../state.ts";
import type { Behaviour, BehaviourOptions } from "./behaviour.ts";
import { keysAnswer, storedName } from "./keys-answer.ts";

function selectedValue(rotation: RotationSpec, exchange: MockExchange): unknown {
  const selector = rotation.selector;
  if ("fixed" in selector) return selector.fixed;
  if (selector.in === "body") return get(exchange.body, selector.pointer);
  return exchange.parameters[selector.parameter];
}

function preconditionFails(rotation: RotationSpec, resource: MockResource): boolean {
  const rule = rotation.precondition;
  if (!rule) return false;
  const value = resource.properties[rule.property] ?? rule.default;
  return !Array.isArray(value) || !value.some((v) => typeof v === "string" && v.toLowerCase() === rule.contains.toLowerCase());
}

/** The keys this request rotates: the selected one, unless a fault says otherwise. */
function rotatedKeys(rotation: RotationSpec, selected: string, fault: BehaviourOptions["rotationFault"]): string[] {
  const names = Object.keys(rotation.keys);
  if (fault === "none") return [];
  if (fault === "both") return names;
  if (fault === "other") return [names[(names.indexOf(selected) + 1) % names.length]];
  return [selected];
}

export const regenerateKey: Behaviour = (exchange, options) => {
  const op = exchange.operation!;
  const rotation = op.rotation!;
  const resource = exchange.resource!;
  if (preconditionFails(rotation, resource)) {
    const rule = rotation.precondition!;
    return armErrors.conflict(rule.status, rule.code, rule.message);
  }
  const selected = selectedValue(rotation, exchange);
  const name = keyName(rotation, selected);
  if (!name) {
    const selector = rotation.selector;
    const target = "pointer" in selector ? tokens(selector.pointer).join(".") : "parameter" in selector ? selector.parameter : "key";
    return armErrors.invalidParameter(`The key name '${String(selected)}' is invalid. Valid values are ${Object.keys(rotation.keys).map((k) => `'${k}'`).join(", ")}.`, target);
  }
  ensureKeys(resource, rotation, exchange.now);
  for (const key of rotatedKeys(rotation, name, options.rotationFault)) {
    resource.keys[storedName(resource, key) ?? key] = { value: newKey(rotation.keyFormat), lastUpdated: timestamp(exchange.now) };
  }

  const status = Number(op.success.status);
  if (!op.success.schema) return { status, headers: {} };
  let body = keysAnswer(op, op.success.status, rotation.keys, resource);
  if (rotation.resourceName && exchange.address) {
    body = set(body, rotation.resourceName, exchange.address.names[exchange.address.names.length - 1]);
  }
  return { status, headers: {}, json: body };
};
