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

/** Secrets shorter than this are not cut out (they would match ordinary text); also the length of the index key. */
const MIN_SECRET_LENGTH = 4;

/** A number from the four characters at `at` (collisions are fine: candidates are compared in full). */
function startKey(text: string, at: number): number {
  return (((text.charCodeAt(at) * 65_599 + text.charCodeAt(at + 1)) * 65_599 + text.charCodeAt(at + 2)) * 65_599 + text.charCodeAt(at + 3)) % 2_147_483_647;
}

/** Bits of the filter that rules most positions out before any map lookup (2^20 bits, 128 KiB). */
const FILTER_BITS = 20;
const FILTER_MASK = (1 << FILTER_BITS) - 1;

/** The filter's bit for the three characters at `at`. */
function filterBit(text: string, at: number): number {
  return ((text.charCodeAt(at) << 14) ^ (text.charCodeAt(at + 1) << 7) ^ text.charCodeAt(at + 2)) & FILTER_MASK;
}

/**
 * Replaces every occurrence of the secrets it knows in text, the longest where several start at one place. One pass
 * over the text whatever the number of secrets (a conformance run learns thousands of keys): secrets are indexed by
 * their first characters, and only those that share them with the text at a position are compared. Secrets can be
 * added at any time, each at the cost of one index entry.
 */
export class SecretScrubber {
  private readonly byStart = new Map<number, string[]>();
  private readonly known = new Set<string>();
  private readonly filter = new Uint8Array(1 << (FILTER_BITS - 3));

  add(secret: string): void {
    if (secret.length < MIN_SECRET_LENGTH || this.known.has(secret)) return;
    this.known.add(secret);
    const bit = filterBit(secret, 0);
    this.filter[bit >>> 3]! |= 1 << (bit & 7);
    const key = startKey(secret, 0);
    const list = this.byStart.get(key);
    if (!list) this.byStart.set(key, [secret]);
    else list.splice(list.findIndex((s) => s.length < secret.length) >>> 0, 0, secret); // longest first
  }

  readonly scrub = (text: string): string => {
    if (this.byStart.size === 0) return text;
    let shown = "";
    let copied = 0;
    const filter = this.filter;
    for (let at = 0; at + MIN_SECRET_LENGTH <= text.length;) {
      const bit = filterBit(text, at);
      if ((filter[bit >>> 3]! & (1 << (bit & 7))) === 0) {
        at++;
        continue;
      }
      const found = this.byStart.get(startKey(text, at))?.find((secret) => text.startsWith(secret, at));
      if (found) {
        shown += text.slice(copied, at) + REDACTED;
        at += found.length;
        copied = at;
      } else at++;
    }
    return copied === 0 ? text : shown + text.slice(copied);
  };
}

/** A function that replaces every occurrence of the given secrets in text (see SecretScrubber). */
export function scrubber(secrets: Iterable<string>): (text: string) => string {
  const scrubber = new SecretScrubber();
  for (const secret of secrets) scrubber.add(secret);
  return scrubber.scrub;
}
