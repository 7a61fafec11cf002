/**
 * Schema rules: compares an OLD and a NEW schema as a client sees them, in one direction (request or response).
 * Request values are checked for every tightening (type, pattern, format, min, max, enum, required); response
 * values for what a reader of OLD cannot handle (a property gone or retyped, a new value in a closed enum).
 * readOnly properties are never part of a request and writeOnly ones never part of a response, so those are skipped.
 */
import { get, join } from "../../kernel/index.ts";
import { type Change, change, type RuleName, type Side } from "./rules.ts";

type AnyRecord = Record<string, any>;

/** A schema as a client sees it: $refs followed, keywords written beside a $ref kept (they win), allOf merged. */
export interface SchemaView {
  keywords: AnyRecord;
  /** Where each effective keyword is written. */
  at: Record<string, string>;
  properties: Map<string, { node: unknown; pointer: string }>;
  required: Set<string>;
  requiredAt: string;
}

export function schemaView(raw: unknown, node: unknown, pointer: string): SchemaView {
  const view: SchemaView = { keywords: {}, at: {}, properties: new Map(), required: new Set(), requiredAt: join(pointer, "required") };
  let requiredSeen = false;
  const absorb = (n: unknown, at: string, depth: number): void => {
    if (!n || typeof n !== "object" || depth > 32) return;
    const s = n as AnyRecord;
    for (const [key, value] of Object.entries(s)) {
      if (["$ref", "properties", "required", "allOf"].includes(key) || key in view.keywords) continue;
      view.keywords[key] = value;
      view.at[key] = join(at, key);
    }
    for (const [name, sub] of Object.entries((s.properties ?? {}) as AnyRecord)) {
      if (!view.properties.has(name)) view.properties.set(name, { node: sub, pointer: join(at, "properties", name) });
    }
    if (Array.isArray(s.required)) {
      for (const name of s.required) view.required.add(name);
      if (!requiredSeen) view.requiredAt = join(at, "required");
      requiredSeen = true;
    }
    ((s.allOf ?? []) as unknown[]).forEach((member, i) => absorb(member, join(at, "allOf", i), depth + 1));
    if (typeof s.$ref === "string" && s.$ref.startsWith("#")) absorb(get(raw, s.$ref.slice(1)), s.$ref.slice(1), depth + 1);
  };
  absorb(node, pointer, 0);
  return view;
}

/** The type a schema constrains its values to: `type`, else what its keywords imply, else undefined (any). */
function inferredType(view: SchemaView): string | undefined {
  const t = view.keywords.type;
  if (typeof t === "string") return t;
  if (Array.isArray(t)) return [...t].sort().join("|");
  if (view.properties.size > 0) return "object";
  if (view.keywords.items) return "array";
  const values = view.keywords.enum as unknown[] | undefined;
  if (Array.isArray(values) && values.length > 0) {
    const kinds = [...new Set(values.map((v) => (v === null ? "null" : typeof v)))];
    if (kinds.length === 1) return kinds[0] === "number" ? "number" : kinds[0];
  }
  return undefined;
}

const MIN_KEYWORDS = ["minLength", "minimum", "exclusiveMinimum", "minItems", "minProperties"];
const MAX_KEYWORDS = ["maxLength", "maximum", "exclusiveMaximum", "maxItems", "maxProperties"];

export interface SchemaDiffContext {
  operationId: string;
  oldRaw: unknown;
  newRaw: unknown;
  side: Side;
  out: Change[];
}

const show = (v: unknown): string => (typeof v === "string" ? JSON.stringify(v) : String(v));

/**
 * Compares the schema at `oldPointer` in OLD with the one at `newPointer` in NEW. `label` names the value for
 * messages: `subscriptionId`, `keySpecification.keyType`, `200 body.primaryKey`.
 */
export function compareSchemas(
  ctx: SchemaDiffContext,
  oldNode: unknown,
  oldPointer: string,
  newNode: unknown,
  newPointer: string,
  label: string,
  seen: Set<string> = new Set(),
): void {
  const key = `${oldPointer}|${newPointer}`;
  if (seen.has(key)) return;
  seen.add(key);
  const o = schemaView(ctx.oldRaw, oldNode, oldPointer);
  const n = schemaView(ctx.newRaw, newNode, newPointer);
  const request = ctx.side === "request";
  const add = (rule: RuleName, pointer: string, message: string, where: "old" | "new" = "new") =>
    ctx.out.push(change(rule, ctx.operationId, pointer, `${label}: ${message}`, where));

  // type
  const ot = inferredType(o);
  const nt = inferredType(n);
  if (request ? nt !== undefined && nt !== ot : ot !== undefined && nt !== ot) {
    const pointer = n.at.type ?? newPointer;
    add(request ? "request-type-changed" : "response-type-changed", pointer, `type ${ot ?? "any"} → ${nt ?? "any"}`);
    return; // a retyped value's finer changes say nothing more
  }

  if (request) {
    // pattern
    const op = o.keywords.pattern;
    const np = n.keywords.pattern;
    if (np !== undefined && op === undefined) add("request-pattern-added", n.at.pattern, `pattern \`${np}\` added`);
    else if (np !== undefined && np !== op) add("request-pattern-changed", n.at.pattern, `pattern \`${op}\` → \`${np}\``);
    else if (np === undefined && op !== undefined) add("request-pattern-removed", o.at.pattern, `pattern \`${op}\` removed`, "old");
    // format
    const of = o.keywords.format;
    const nf = n.keywords.format;
    if (nf !== undefined && of === undefined) add("request-format-added", n.at.format, `format ${show(nf)} added`);
    else if (nf !== undefined && nf !== of) add("request-format-changed", n.at.format, `format ${show(of)} → ${show(nf)}`);
    else if (nf === undefined && of !== undefined) add("request-format-removed", o.at.format, `format ${show(of)} removed`, "old");
    // bounds
    for (const k of MIN_KEYWORDS) {
      const ov = o.keywords[k];
      const nv = n.keywords[k];
      if (typeof nv === "number" && (typeof ov !== "number" || nv > ov)) add("request-min-raised", n.at[k], `${k} ${ov ?? "none"} → ${nv}`);
      else if (typeof ov === "number" && typeof nv !== "number") add("request-min-lowered", o.at[k], `${k} ${ov} removed`, "old");
      else if (typeof ov === "number" && nv < ov) add("request-min-lowered", n.at[k], `${k} ${ov} → ${nv}`);
    }
    for (const k of MAX_KEYWORDS) {
      const ov = o.keywords[k];
      const nv = n.keywords[k];
      if (typeof nv === "number" && (typeof ov !== "number" || nv < ov)) add("request-max-lowered", n.at[k], `${k} ${ov ?? "none"} → ${nv}`);
      else if (typeof ov === "number" && typeof nv !== "number") add("request-max-raised", o.at[k], `${k} ${ov} removed`, "old");
      else if (typeof ov === "number" && nv > ov) add("request-max-raised", n.at[k], `${k} ${ov} → ${nv}`);
    }
  }

  // enum
  const oe = o.keywords.enum as unknown[] | undefined;
  const ne = n.keywords.enum as unknown[] | undefined;
  if (request) {
    if (ne && !oe) add("request-enum-added", n.at.enum, `now limited to ${ne.map(show).join(", ")}`);
    else if (oe && !ne) add("request-enum-removed", o.at.enum, `no longer limited to ${oe.map(show).join(", ")}`, "old");
  }
  if (oe && ne) {
    const removed = oe.filter((v) => !ne.some((w) => Object.is(v, w)));
    const added = ne.filter((v) => !oe.some((w) => Object.is(v, w)));
    const xmsEnum = n.keywords["x-ms-enum"] as AnyRecord | undefined;
    const closed = xmsEnum?.modelAsString !== true;
    for (const v of removed) {
      if (request) add("request-enum-value-removed", n.at.enum, `value ${show(v)} removed`);
      else add("response-enum-value-removed", n.at.enum, `value ${show(v)} no longer returned`);
    }
    for (const v of added) {
      if (request) add("request-enum-value-added", n.at.enum, `value ${show(v)} added`);
      else if (closed) add("response-closed-enum-value-added", n.at.enum, `value ${show(v)} added to a closed enum${xmsEnum ? " (modelAsString: false)" : " (no x-ms-enum)"}`);
      else add("response-extensible-enum-value-added", n.at.enum, `value ${show(v)} added to an extensible enum (modelAsString: true)`);
    }
  }

  // properties
  const skipped = (view: SchemaView) => (request ? view.keywords.readOnly === true : view.keywords.writeOnly === true);
  for (const [name, prop] of o.properties) {
    if (n.properties.has(name)) continue;
    if (skipped(schemaView(ctx.oldRaw, prop.node, prop.pointer))) continue;
    add(request ? "request-property-removed" : "response-property-removed", prop.pointer, `property ${name} removed`, "old");
  }
  for (const [name, prop] of n.properties) {
    const before = o.properties.get(name);
    const nowRequired = n.required.has(name);
    if (!before) {
      if (skipped(schemaView(ctx.newRaw, prop.node, prop.pointer))) continue;
      if (request) add(nowRequired ? "request-property-added-required" : "request-property-added-optional", prop.pointer,
        `${nowRequired ? "required" : "optional"} property ${name} added`);
      else add("response-property-added", prop.pointer, `property ${name} added`);
      continue;
    }
    const wasRequired = o.required.has(name);
    if (!skipped(schemaView(ctx.newRaw, prop.node, prop.pointer)) && wasRequired !== nowRequired) {
      if (request) {
        if (nowRequired) add("request-property-became-required", n.requiredAt, `property ${name} is now required`);
        else add("request-property-became-optional", o.requiredAt, `property ${name} is no longer required`, "old");
      } else if (nowRequired) add("response-property-became-required", n.requiredAt, `property ${name} is now always present`);
      else add("response-property-became-optional", o.requiredAt, `property ${name} is no longer always present`, "old");
    }
    compareSchemas(ctx, before.node, before.pointer, prop.node, prop.pointer, `${label}.${name}`, seen);
  }

  // array items
  if (o.keywords.items && n.keywords.items) {
    compareSchemas(ctx, o.keywords.items, o.at.items, n.keywords.items, n.at.items, `${label}[]`, seen);
  }
}
