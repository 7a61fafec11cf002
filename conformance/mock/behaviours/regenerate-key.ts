/**
 * The regenerate-key behaviour, driven by the operation's x-rekey-rotation: the selected key (named by the body, a
 * path or query parameter, or fixed) gets a new random value and a later timestamp; every other key stays as it was.
 * The success answer is the documented example with the keys written where the rotation says they appear; an
 * operation whose keys are read back (readBack) answers as its spec says (e.g. 204 without a body).
 */
import { getAt, keyName, type ResourceAddress, type RotationSpec, tokens } from "../../../kernel/index.ts";
import { armErrors, type ArmError } from "../arm-errors.ts";
import { newKey, timestamp } from "../keys.ts";
import { isArmError, type MockExchange } from "../mock-exchange.ts";
import type { MockOperation } from "../mock-model.ts";
import { ensureKeys } from "../seed-state.ts";
import type { MockResource } from "../state.ts";
import type { Behaviour, BehaviourOptions } from "./behaviour.ts";
import { keysAnswer, storedName } from "./keys-answer.ts";

/** A body selector's pointer, split once per pointer rather than on every request. */
const selectorPaths = new Map<string, string[]>();

function selectedValue(rotation: RotationSpec, exchange: MockExchange): unknown {
  const selector = rotation.selector;
  if ("fixed" in selector) return selector.fixed;
  if (selector.in === "body") {
    let path = selectorPaths.get(selector.pointer);
    if (!path) selectorPaths.set(selector.pointer, (path = tokens(selector.pointer)));
    return getAt(exchange.body, path);
  }
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

/** A checked regeneration, not yet applied: the resource, and the new value of each key it will rotate. */
export interface Regeneration {
  rotation: RotationSpec;
  resource: MockResource;
  values: Record<string, string>;
}

/** Checks the request against the rotation (precondition, key name): ARM's refusal, or what rotating will do. */
export function planRegeneration(exchange: MockExchange, options: BehaviourOptions): Regeneration | ArmError {
  const rotation = exchange.operation!.rotation!;
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
  const values: Record<string, string> = {};
  for (const key of rotatedKeys(rotation, name, options.rotationFault)) values[key] = newKey(rotation.keyFormat);
  return { rotation, resource, values };
}

/** Gives each planned key its new value, stamped `at`, on `resource` (the plan's, or the one state holds now). */
export function applyRegeneration(plan: Regeneration, at: Date, resource = plan.resource): void {
  if (resource !== plan.resource) ensureKeys(resource, plan.rotation, at);
  for (const key in plan.values) resource.keys[storedName(resource, key) ?? key] = { value: plan.values[key], lastUpdated: timestamp(at) };
}

/** The resource as it will be once the plan is applied (stamped `at`), leaving the resource itself unchanged. */
export function afterRegeneration(plan: Regeneration, at: Date): MockResource {
  const preview = { ...plan.resource, keys: { ...plan.resource.keys } };
  applyRegeneration(plan, at, preview);
  return preview;
}

/** The answer body of this status: its example with the resource's keys (and name) written where the rotation says. */
export function regeneratedBody(op: MockOperation, status: string, resource: MockResource, address: ResourceAddress | undefined): unknown {
  const pointer = op.rotation!.resourceName;
  return keysAnswer(op, status, op.rotation!.keys, resource, pointer && address ? { pointer, value: address.names[address.names.length - 1] } : undefined);
}

export const regenerateKey: Behaviour = (exchange, options) => {
  const plan = planRegeneration(exchange, options);
  if (isArmError(plan)) return plan;
  applyRegeneration(plan, exchange.now);
  const op = exchange.operation!;
  const status = Number(op.success.status);
  if (!op.success.schema) return { status, headers: {} };
  return { status, headers: {}, json: regeneratedBody(op, op.success.status, plan.resource, exchange.address) };
};
