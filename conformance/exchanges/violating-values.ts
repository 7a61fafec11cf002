/**
 * Values that break one schema keyword as the *server* sees it. Candidates are built from a valid value, then
 * judged by the spec's own compiled validator: the first whose only errors are the wanted keyword wins; when every
 * candidate also breaks another keyword (an empty string is too short *and* misses a `+` pattern), the closest one
 * is kept and the extra keywords are named.
 *
 * "As the server sees it": ARM and Azure's resource providers compare names and enum values case-insensitively,
 * and IIS-style front ends drop trailing dots and spaces and treat `\` like `/`; so a candidate must still break the
 * keyword in upper and lower case, and path values avoid the characters a front end rewrites or routes on.
 */
import type { SchemaViolation } from "../../kernel/index.ts";

export interface ViolatingValue {
  keyword: string;
  value: unknown;
  /** Other keywords the value breaks too (empty when only `keyword` is broken). */
  alsoBreaks: string[];
}

export interface StringContext {
  /** The value goes into a URL path segment (percent-encoded). */
  inPath: boolean;
  /** Validate a candidate; returns all violations. */
  check: (value: unknown) => SchemaViolation[];
}

/** In order of preference: characters no front end rewrites, then ones some routers treat specially. */
const PATTERN_BREAKERS = ["!", "*", "~", "@", "$", ",", ";", "=", "+", "'", "&", ":", " ", "é", "^", "`", "|", "#", "?", "%"];
/** Characters a path segment must not contain: routing (/ and \), double decoding (%), or dot segments. */
const PATH_UNSAFE = /[/\\%]|^\.{1,2}$|[.\s]$/;

type Schema = Record<string, unknown>;

function caseStable(value: string, check: StringContext["check"], keyword: string): boolean {
  return [value.toLowerCase(), value.toUpperCase()].every((variant) => check(variant).some((v) => v.keyword === keyword));
}

function stringCandidates(keyword: string, schema: Schema, valid: string): string[] {
  const seed = valid || "a";
  switch (keyword) {
    case "enum":
    case "const": {
      const taken = new Set(((schema.enum as unknown[]) ?? [schema.const]).map((v) => String(v).toLowerCase()));
      return ["rekeyNotAllowed", "rekey-not-allowed", "zzz"].filter((c) => !taken.has(c.toLowerCase()));
    }
    case "pattern":
      return PATTERN_BREAKERS.flatMap((c) => [seed.slice(0, 1) + c + seed.slice(1), seed.slice(0, 1) + c + seed.slice(2), c + seed]);
    case "minLength": {
      const min = schema.minLength as number;
      return min > 0 ? [seed.slice(0, min - 1), seed.repeat(min).slice(0, min - 1)] : [];
    }
    case "maxLength": {
      const length = (schema.maxLength as number) + 1;
      const filler = seed.replace(/[^A-Za-z0-9]/g, "") || "a";
      return [seed.repeat(Math.ceil(length / seed.length)).slice(0, length), filler.repeat(Math.ceil(length / filler.length)).slice(0, length)];
    }
    case "format":
      if (schema.format === "uuid") return [seed.replace(/^[0-9a-fA-F]/, "z"), "not-a-uuid"];
      if (schema.format === "date-time") return ["not-a-date-time"];
      return [`not-a-${String(schema.format)}`];
    default:
      return [];
  }
}

/** String keywords of a schema that a value can break. */
export function stringKeywords(schema: Schema): string[] {
  return ["enum", "const", "pattern", "minLength", "maxLength", "format"].filter((k) => schema[k] !== undefined);
}

/** A value that breaks `keyword` of a string schema, or undefined when none can be found. */
export function violateString(keyword: string, schema: Schema, valid: string, context: StringContext): ViolatingValue | undefined {
  let closest: ViolatingValue | undefined;
  for (const candidate of stringCandidates(keyword, schema, valid)) {
    if (context.inPath && PATH_UNSAFE.test(candidate)) continue;
    const broken = context.check(candidate);
    if (!broken.some((v) => v.keyword === keyword)) continue;
    if (keyword === "pattern" && !caseStable(candidate, context.check, keyword)) continue;
    const alsoBreaks = [...new Set(broken.map((v) => v.keyword).filter((k) => k !== keyword))];
    if (alsoBreaks.length === 0) return { keyword, value: candidate, alsoBreaks };
    if (!closest || alsoBreaks.length < closest.alsoBreaks.length) closest = { keyword, value: candidate, alsoBreaks };
  }
  return closest;
}

/** A JSON value of another type than the schema's (a string for numbers and objects, a number for strings). */
export function wrongType(schema: Schema): unknown {
  const types = Array.isArray(schema.type) ? (schema.type as string[]) : [schema.type as string];
  if (types.includes("string")) return types.includes("number") || types.includes("integer") ? [] : 12345;
  if (types.includes("array")) return "rekey-not-an-array";
  if (types.includes("object")) return ["rekey-not-an-object"];
  return "rekey-wrong-type";
}
