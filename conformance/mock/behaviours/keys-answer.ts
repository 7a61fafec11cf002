/**
 * The body of an answer that shows a resource's keys, as the operation's spec shapes it: the documented example
 * answer, with the state's key values and timestamps written at the rotation's (element-relative) pointers. Constant
 * fields of an element (keyName, permissions) and entries no rotation touches (kerb keys) stay as the example has
 * them, so the answer keeps the schema's shape: arrays stay arrays.
 */
import { elementIndex, get, type KeyLocation, set } from "../../../kernel/index.ts";
import type { MockOperation } from "../mock-model.ts";
import type { MockResource } from "../state.ts";

/** The documented example body for this status (the first example that has one), else an empty object. */
function exampleBody(op: MockOperation, status: string): unknown {
  for (const example of op.operation.examples) {
    const body = example.responses[status]?.body;
    if (body !== null && typeof body === "object") return body;
  }
  return {};
}

/** The body with the element `location` selects, added (with its constant fields) when the example lacks it. */
function withElement(body: unknown, location: KeyLocation): { body: unknown; at: string } {
  const { array, where } = location.element!;
  let index = elementIndex(get(body, array), where);
  if (index < 0) {
    const current = get(body, array);
    index = Array.isArray(current) ? current.length : 0;
    body = set(current === undefined ? set(body, array, []) : body, `${array}/${index}`, { ...where });
  }
  return { body, at: `${array}/${index}` };
}

/** The name the resource holds the key under (names compare case-insensitively), if it holds it. */
export function storedName(resource: MockResource, name: string): string | undefined {
  const wanted = name.toLowerCase();
  return Object.keys(resource.keys).find((k) => k.toLowerCase() === wanted);
}

function storedKey(resource: MockResource, name: string): MockResource["keys"][string] | undefined {
  const stored = storedName(resource, name);
  return stored === undefined ? undefined : resource.keys[stored];
}

/** The answer body: the example with every key of `locations` written from the resource's state. */
export function keysAnswer(op: MockOperation, status: string, locations: Record<string, KeyLocation>, resource: MockResource): unknown {
  let body = exampleBody(op, status);
  for (const [name, location] of Object.entries(locations)) {
    const stored = storedKey(resource, name);
    if (!stored || (!location.value && !location.lastUpdated)) continue;
    let base = "";
    if (location.element) ({ body, at: base } = withElement(body, location));
    if (location.value) body = set(body, base + location.value, stored.value);
    if (location.lastUpdated) body = set(body, base + location.lastUpdated, stored.lastUpdated);
  }
  return body;
}
