/** RFC 6901 JSON pointers, used to say *where* in a spec or example something is. */

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
  if (!body.startsWith("/")) throw new Error(`not a JSON pointer: ${pointer}`);
  return body.slice(1).split("/").map(unescapeToken);
}

/** Returns the value at a pointer, or undefined when any step is missing. */
export function get(root: unknown, pointer: string): unknown {
  let node: unknown = root;
  for (const token of tokens(pointer)) {
    if (node === null || typeof node !== "object") return undefined;
    if (!Object.prototype.hasOwnProperty.call(node, token)) return undefined;
    node = (node as Record<string, unknown>)[token];
  }
  return node;
}
