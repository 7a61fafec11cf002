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
  for (const k in resource.keys) if (k.toLowerCase() === wanted) return k;
  return undefined;
}

function storedKey(resource: MockResource, name: string): MockResource["keys"][string] | undefined {
  const stored = storedName(resource, name);
  return stored === undefined ? undefined : resource.keys[stored];
}

/**
 * The answer's shape, worked out once per operation, status, locations and set of stored keys: the example with
 * every element the keys need added, and the path of each value that varies. A request then copies only the
 * containers on those paths and writes its values — the example is never rebuilt pointer by pointer.
 */
interface AnswerPlan {
  skeleton: unknown;
  /** The skeleton's containers on the way to a value (property → what is below it): copied per answer. */
  paths: PathNode;
}
type PathNode = Map<string, PathNode | number>;

/** The shape of `value` as the requests write it, found by writing markers and reading where they ended up. */
function planAnswer(op: MockOperation, status: string, locations: Record<string, KeyLocation>, present: string[], extra: string | undefined): AnswerPlan {
  const marker = (i: number) => `\u0000rekey-answer-${i}`;
  const markers: string[] = [];
  const mark = () => marker(markers.push("") - 1);
  let body = exampleBody(op, status);
  for (const name of present) {
    const location = locations[name];
    let base = "";
    if (location.element) ({ body, at: base } = withElement(body, location));
    if (location.value) body = set(body, base + location.value, mark());
    if (location.lastUpdated) body = set(body, base + location.lastUpdated, mark());
  }
  if (extra !== undefined) body = set(body, extra, mark());
  const paths: PathNode = new Map();
  const find = (node: unknown, at: PathNode): boolean => {
    let found = false;
    if (node === null || typeof node !== "object") return false;
    for (const key of Object.keys(node)) {
      const value = (node as Record<string, unknown>)[key];
      const index = typeof value === "string" && value.startsWith("\u0000rekey-answer-") ? Number(value.slice(value.lastIndexOf("-") + 1)) : -1;
      if (index >= 0 && value === marker(index)) {
        at.set(key, index);
        found = true;
        continue;
      }
      const below: PathNode = new Map();
      if (find(value, below)) {
        at.set(key, below);
        found = true;
      }
    }
    return found;
  };
  find(body, paths);
  return { skeleton: body, paths };
}

/** A copy of the containers along `paths`, with `values[i]` where the plan put marker i; the rest is shared. */
function fill(node: unknown, paths: PathNode, values: string[]): unknown {
  const copy: Record<string, unknown> | unknown[] = Array.isArray(node) ? node.slice() : { ...(node as Record<string, unknown>) };
  for (const [key, below] of paths) {
    const value = typeof below === "number" ? values[below] : fill((copy as Record<string, unknown>)[key], below, values);
    if (key === "__proto__") Object.defineProperty(copy, key, { value, enumerable: true, writable: true, configurable: true });
    else (copy as Record<string, unknown>)[key] = value;
  }
  return copy;
}

/** Plans by operation, then status and extra pointer, then which keys the resource holds (a bit per location). */
const plans = new WeakMap<MockOperation, Map<string, Map<string, { locations: Record<string, KeyLocation>; byKeys: Map<number, AnswerPlan> }>>>();

/**
 * The answer body: the example with every key of `locations` written from the resource's state (and, given
 * `extra`, a value at one more pointer — the resource's name where the rotation shows it).
 */
export function keysAnswer(op: MockOperation, status: string, locations: Record<string, KeyLocation>, resource: MockResource, extra?: { pointer: string; value: string }): unknown {
  const values: string[] = [];
  let held = 0;
  let bit = 1;
  for (const name in locations) {
    const location = locations[name];
    const stored = storedKey(resource, name);
    if (stored && (location.value || location.lastUpdated)) {
      held += bit;
      if (location.value) values.push(stored.value);
      if (location.lastUpdated) values.push(stored.lastUpdated);
    }
    bit *= 2;
  }
  if (extra) values.push(extra.value);
  let byStatus = plans.get(op);
  if (!byStatus) plans.set(op, (byStatus = new Map()));
  let byExtra = byStatus.get(status);
  if (!byExtra) byStatus.set(status, (byExtra = new Map()));
  let entry = byExtra.get(extra?.pointer ?? "");
  if (!entry || entry.locations !== locations) byExtra.set(extra?.pointer ?? "", (entry = { locations, byKeys: new Map() }));
  let plan = entry.byKeys.get(held);
  if (!plan) {
    const present = Object.keys(locations).filter((_, i) => Math.floor(held / 2 ** i) % 2 === 1);
    entry.byKeys.set(held, (plan = planAnswer(op, status, locations, present, extra?.pointer)));
  }
  return plan.paths.size === 0 ? plan.skeleton : fill(plan.skeleton, plan.paths, values);
}
