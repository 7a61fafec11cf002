/**
 * RFC 6901 JSON pointers: where in a spec or example something is, and reading or editing a JSON value there.
 *
 * Edits never change their input: `set` and `remove` return a new root that shares every part off the edited path.
 * The rule for structure `set` may create: a missing step becomes an object, never an array (a pointer cannot say
 * whether "0" is a property or an index, so only an array that already exists is indexed). A step that would
 * contradict what is there — a property name on an array, an index beyond its end, anything below a string or
 * number — is refused with a JsonPointerError rather than overwritten, so an edit never turns an array into an
 * object or a value into a container.
 *
 * Safe for any property name, `__proto__`, `constructor` and `prototype` included: a step is followed only into an
 * object's own property, and written with defineProperty, so no edit reaches or changes a prototype.
 */

export function escapeToken(token: string | number): string {
  return String(token).replace(/~/g, "~0").replace(/\//g, "~1");
}

export function unescapeToken(token: string): string {
  return token.replace(/~1/g, "/").replace(/~0/g, "~");
}

/** Appends tokens to a pointer: join("#/paths", "/a/b", "post") → "#/paths/~1a~1b/post". */
export function join(pointer: string, ...tokens: Array<string | number>): string {
  return pointer + tokens.map((t) => "/" + escapeToken(t)).join("");
}

export function tokens(pointer: string): string[] {
  const body = pointer.startsWith("#") ? pointer.slice(1) : pointer;
  if (body === "") return [];
  if (!body.startsWith("/")) throw new JsonPointerError(`not a JSON pointer: ${pointer}`);
  return body.slice(1).split("/").map(unescapeToken);
}

export class JsonPointerError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "JsonPointerError";
  }
}

/** An array index as RFC 6901 spells it: 0, or digits without a leading zero. */
const ARRAY_INDEX = /^(0|[1-9]\d*)$/;

export function isArrayIndex(token: string): boolean {
  return ARRAY_INDEX.test(token);
}

type Container = Record<string, unknown> | unknown[];

const isContainer = (value: unknown): value is Container => value !== null && typeof value === "object";

/** The value one step below `node`, or undefined (an array answers only to its indices, never to "length"). */
function child(node: unknown, token: string): unknown {
  if (Array.isArray(node)) return isArrayIndex(token) ? node[Number(token)] : undefined;
  if (!isContainer(node) || !Object.prototype.hasOwnProperty.call(node, token)) return undefined;
  return (node as Record<string, unknown>)[token];
}

/** Returns the value at a pointer, or undefined when any step is missing. */
export function get(root: unknown, pointer: string): unknown {
  return getAt(root, tokens(pointer));
}

/** get() for a pointer already split into its tokens (a caller that reads the same pointer often splits it once). */
export function getAt(root: unknown, path: readonly string[]): unknown {
  let node: unknown = root;
  for (const token of path) {
    node = child(node, token);
    if (node === undefined) return undefined;
  }
  return node;
}

/** A shallow copy of `node` with `token` set to `value` (defineProperty: an own "__proto__" stays data). */
function withChild(node: Container, token: string, value: unknown, pointer: string): Container {
  if (Array.isArray(node)) {
    const index = token === "-" ? node.length : isArrayIndex(token) ? Number(token) : -1;
    if (index < 0 || index > node.length) {
      throw new JsonPointerError(`${pointer}: "${token}" is not an index of the ${node.length}-element array there`);
    }
    const copy = [...node];
    copy[index] = value;
    return copy;
  }
  const copy = { ...node };
  Object.defineProperty(copy, token, { value, enumerable: true, writable: true, configurable: true });
  return copy;
}

/** `root` with the value at `pointer` set; missing steps become objects (see the rule above). */
export function set(root: unknown, pointer: string, value: unknown): unknown {
  const path = tokens(pointer);
  const write = (node: unknown, depth: number): unknown => {
    if (depth === path.length) return value;
    const token = path[depth];
    const container = node === undefined ? {} : node;
    if (!isContainer(container)) {
      throw new JsonPointerError(`${pointer}: cannot go below the ${container === null ? "null" : typeof container} at ${join("", ...path.slice(0, depth))}`);
    }
    return withChild(container, token, write(child(container, token), depth + 1), pointer);
  };
  return write(root, 0);
}

/** `root` without the value at `pointer` (an array element is taken out, closing the gap); unchanged when absent. */
export function remove(root: unknown, pointer: string): unknown {
  const path = tokens(pointer);
  if (path.length === 0) return undefined;
  const drop = (node: unknown, depth: number): unknown => {
    const token = path[depth];
    if (!isContainer(node) || child(node, token) === undefined) return node;
    if (depth < path.length - 1) {
      const inner = child(node, token);
      const dropped = drop(inner, depth + 1);
      return dropped === inner ? node : withChild(node, token, dropped, pointer);
    }
    if (Array.isArray(node)) return node.filter((_, i) => i !== Number(token));
    const copy = { ...node };
    delete (copy as Record<string, unknown>)[token];
    return copy;
  };
  return drop(root, 0);
}
