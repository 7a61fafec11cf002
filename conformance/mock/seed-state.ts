/**
 * The resources the mock starts with: every resource an example request addresses (and its parents), with fresh
 * random keys where the operation rotates keys. A name parameter that is an enum (APIM's tenant/{accessName}:
 * access, gitAccess) names fixed children that ARM always has, so every value exists.
 */
import { keyName, parents, resourceAddress, type ResourceAddress, resourceId, type RotationSpec } from "../../kernel/index.ts";
import { newKey, timestamp } from "./keys.ts";
import type { MockModel, MockOperation } from "./mock-model.ts";
import type { MockResource } from "./state.ts";

export function newResource(address: ResourceAddress, properties: Record<string, unknown> = {}): MockResource {
  return { id: resourceId(address), address, properties, keys: {} };
}

/** Gives a resource every key the rotation declares that it does not have yet (names compared case-insensitively). */
export function ensureKeys(resource: MockResource, rotation: RotationSpec, now = new Date()): void {
  for (const name in rotation.keys) {
    let present = false;
    for (const k in resource.keys) if (keyName(rotation, k) === name) present = true;
    if (!present) resource.keys[name] = { value: newKey(rotation.keyFormat), lastUpdated: timestamp(now) };
  }
}

function enumValues(op: MockOperation, parameter: string): string[] | undefined {
  const schema = op.operation.parameters.find((p) => p.name === parameter && p.in === "path")?.schema as { enum?: unknown[] } | undefined;
  return schema?.enum?.filter((v): v is string => typeof v === "string");
}

/** Example parameter values, with each enum-valued name parameter expanded to all its values. */
function addressesOf(op: MockOperation, parameters: Record<string, unknown>): ResourceAddress[] {
  const shape = op.shape!;
  let variants: Array<Record<string, string>> = [Object.fromEntries(Object.entries(parameters).map(([k, v]) => [k, String(v)]))];
  for (const name of shape.nameParameters) {
    const values = enumValues(op, name);
    if (values?.length) variants = variants.flatMap((v) => values.map((value) => ({ ...v, [name]: value })));
  }
  return variants.map((values) => resourceAddress(shape, values));
}

export function seedResources(model: MockModel): MockResource[] {
  const byId = new Map<string, MockResource>();
  const add = (address: ResourceAddress, rotation?: RotationSpec) => {
    for (const level of [...parents(address), address]) {
      const id = resourceId(level).toLowerCase();
      if (!byId.has(id)) byId.set(id, newResource(level));
    }
    const resource = byId.get(resourceId(address).toLowerCase())!;
    if (rotation) ensureKeys(resource, rotation);
  };
  for (const route of model.routes) {
    for (const versions of route.operations.values()) {
      for (const op of versions.values()) {
        if (!op.shape) continue;
        for (const example of op.operation.examples) {
          const complete = [op.shape.subscriptionParameter, op.shape.resourceGroupParameter, ...op.shape.nameParameters]
            .every((p) => p === undefined || example.parameters[p] !== undefined);
          if (complete) for (const address of addressesOf(op, example.parameters)) add(address, op.rotation);
        }
      }
    }
  }
  return [...byId.values()];
}
