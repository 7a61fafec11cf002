/**
 * Keeps secrets out of errors: values at a response's x-ms-secret paths are replaced, and known secret strings
 * (bearer tokens, key values) are cut out of any text the service sent back.
 */

export const REDACTED = "[REDACTED]";

/** Copy of `value` with every field at `paths` ("/a/b", "*" for any array index, "/" for the whole) replaced. */
export function redactPaths(value: unknown, paths: readonly string[]): unknown {
  if (paths.length === 0 || value === null || typeof value !== "object") return paths.includes("/") && value !== undefined ? REDACTED : value;
  if (paths.includes("/")) return REDACTED;
  let result: unknown = structuredClone(value);
  for (const path of paths) result = redactAt(result, path.split("/").slice(1).map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~")));
  return result;
}

function redactAt(node: unknown, segments: string[]): unknown {
  if (node === null || typeof node !== "object" || segments.length === 0) return node;
  const [head, ...rest] = segments;
  if (head === "*" && Array.isArray(node)) {
    for (let i = 0; i < node.length; i++) node[i] = rest.length === 0 ? REDACTED : redactAt(node[i], rest);
    return node;
  }
  const record = node as Record<string, unknown>;
  if (!Object.prototype.hasOwnProperty.call(record, head)) return node;
  record[head] = rest.length === 0 ? (record[head] === undefined || record[head] === null ? record[head] : REDACTED) : redactAt(record[head], rest);
  return node;
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
    else visit((node as Record<string, unknown>)[head], rest);
  };
  for (const path of paths) visit(value, path === "/" ? [] : path.split("/").slice(1));
  return found;
}

/** A function that replaces every occurrence of the given secrets in text. */
export function scrubber(secrets: Iterable<string>): (text: string) => string {
  const list = [...new Set(secrets)].filter((s) => s.length >= 4).sort((a, b) => b.length - a.length);
  if (list.length === 0) return (text) => text;
  return (text) => list.reduce((acc, secret) => acc.split(secret).join(REDACTED), text);
}

/** Copy of `value` with `scrub` applied to every string inside it. */
export function scrubDeep(value: unknown, scrub: (text: string) => string): unknown {
  if (typeof value === "string") return scrub(value);
  if (Array.isArray(value)) return value.map((v) => scrubDeep(v, scrub));
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, scrubDeep(v, scrub)]));
  }
  return value;
}
