/**
 * Keeps secrets out of errors and reports: a body is shown only where its spec declares a field that is not secret
 * (any other string by its shape), values at x-ms-secret paths are replaced, and known secret strings (bearer tokens,
 * key values) are cut out of any text the service sent back, property names included.
 */

export const REDACTED = "[REDACTED]";

/** How a string the reader may not see is shown: by its shape only. */
export function shapeOf(text: string): string {
  return `<string, ${text.length} chars>`;
}

/** Where a response's body may be shown: instance pointers ("*" for any array index, "/" for the whole body). */
export interface BodyPaths {
  /** Declared and not secret: strings there are shown (scrubbed). */
  shown: readonly string[];
  /** x-ms-secret: values there read [REDACTED]. */
  secret: readonly string[];
}

/**
 * A body as rekey may show it (deny by default): a string where the spec declares a non-secret field stays, scrubbed;
 * values at secret paths read [REDACTED]; any other string is shown by its shape; numbers, booleans and null stay;
 * every property name is scrubbed. A body that is not JSON (a string here) is shown by its shape.
 */
export function shownBody(body: unknown, paths: BodyPaths, scrub: (text: string) => string): unknown {
  const shown = new Set(paths.shown);
  const secret = new Set(paths.secret.map((p) => (p === "/" ? "" : p)));
  const show = (value: unknown, at: string, depth: number): unknown => {
    if (value === undefined || value === null) return value;
    if (secret.has(at)) return REDACTED;
    if (typeof value === "string") return shown.has(at) ? scrub(value) : shapeOf(value);
    if (typeof value !== "object") return value;
    // A hostile answer may nest far deeper than the call stack: below the limit only its shape is shown.
    if (depth >= MAX_SHOWN_DEPTH) return Array.isArray(value) ? `<array, ${value.length} items>` : `<object, ${Object.keys(value).length} properties>`;
    if (Array.isArray(value)) return value.map((item) => show(item, `${at}/*`, depth + 1));
    return Object.fromEntries(Object.entries(value).map(([name, item]) => [scrub(name), show(item, `${at}/${escapeName(name)}`, depth + 1)]));
  };
  return show(body, "", 0);
}

/** How deep shownBody follows nested objects and arrays (ARM's bodies nest a few levels). */
export const MAX_SHOWN_DEPTH = 100;

function escapeName(name: string): string {
  return name.replace(/~/g, "~0").replace(/\//g, "~1");
}

/** Strings found at `paths` in `value`: the secret values to scrub from text. */
export function valuesAt(value: unknown, paths: readonly string[]): string[] {
  const found: string[] = [];
  const visit = (node: unknown, segments: string[]): void => {
    if (segments.length === 0) {
      if (typeof node === "string" && node) found.push(node);
      return;
    }
    if (node === null || typeof node !== "object") return;
    const [head, ...rest] = segments;
    if (head === "*" && Array.isArray(node)) node.forEach((item) => visit(item, rest));
    else if (Object.prototype.hasOwnProperty.call(node, head)) visit((node as Record<string, unknown>)[head], rest);
  };
  for (const path of paths) visit(value, path === "/" ? [] : path.split("/").slice(1).map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~")));
  return found;
}

/** A function that replaces every occurrence of the given secrets in text. */
export function scrubber(secrets: Iterable<string>): (text: string) => string {
  const list = [...new Set(secrets)].filter((s) => s.length >= 4).sort((a, b) => b.length - a.length);
  if (list.length === 0) return (text) => text;
  return (text) => list.reduce((acc, secret) => acc.split(secret).join(REDACTED), text);
}
