/**
 * The regenerate-key behaviour, driven by the operation's x-rekey-rotation: the selected key gets a new random
 * value (and a later timestamp); every other key stays as it was; the success body shows the keys where the
 * rotation says they appear.
 */
import { get, keyName, type RotationSpec, set, tokens } from "../../../kernel/index.ts";
import { armErrors } from "../arm-errors.ts";
import { newKey, timestamp } from "../keys.ts";
import type { MockExchange } from "../mock-exchange.ts";
import { ensureKeys } from "../seed-state.ts";
import type { MockResource } from "../state.ts";
import type { Behaviour } from "./behaviour.ts";

function selectedValue(rotation: RotationSpec, exchange: MockExchange): unknown {
  const selector = rotation.selector;
  if ("fixed" in selector) return selector.fixed;
  if (selector.in === "body") return get(exchange.body, selector.pointer);
  return exchange.parameters[selector.parameter];
}

function storedName(resource: MockResource, name: string): string {
  return Object.keys(resource.keys).find((k) => k.toLowerCase() === name.toLowerCase()) ?? name;
}

function preconditionFails(rotation: RotationSpec, resource: MockResource): boolean {
  const rule = rotation.precondition;
  if (!rule) return false;
  const value = resource.properties[rule.property] ?? rule.default;
  return !Array.isArray(value) || !value.some((v) => typeof v === "string" && v.toLowerCase() === rule.contains.toLowerCase());
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
    const target = "pointer" in rotation.selector ? tokens(rotation.selector.pointer).join(".") : "key";
    return armErrors.invalidParameter(`The key name '${String(selected)}' is invalid. Valid values are ${Object.keys(rotation.keys).map((k) => `'${k}'`).join(", ")}.`, target);
  }
  ensureKeys(resource, rotation, exchange.now);
  const rotate = options.rotationFault === "none" ? [] : options.rotationFault === "both" ? Object.keys(rotation.keys) : [name];
  for (const key of rotate) resource.keys[storedName(resource, key)] = { value: newKey(rotation.keyFormat), lastUpdated: timestamp(exchange.now) };

  const status = Number(op.success.status);
  if (!op.success.schema) return { status, headers: {} };
  let body: unknown = {};
  for (const [key, where] of Object.entries(rotation.keys)) {
    const stored = resource.keys[storedName(resource, key)];
    if (where.value) body = set(body, where.value, stored.value);
    if (where.lastUpdated) body = set(body, where.lastUpdated, stored.lastUpdated);
  }
  if (rotation.resourceName && exchange.address) {
    body = set(body, rotation.resourceName, exchange.address.names[exchange.address.names.length - 1]);
  }
  return { status, headers: {}, json: body };
};
