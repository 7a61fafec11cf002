import {
  SPEC_FILE_NAME,
  UserError,
  buildDocumentModel,
  displayPath,
  errorResponse,
  get,
  isApiVersion,
  join,
  loadDocument,
  parseSpecText,
  problem,
  readInputFile,
  refFoldersOf
} from "./chunk-ZOVCPWKV.js";

// generator/diff/diff.ts
import { statSync } from "node:fs";
import { basename, dirname, join as joinPath, resolve } from "node:path";

// generator/diff/match.ts
function routeKey(op) {
  return `${op.httpMethod.toUpperCase()} ${op.pathTemplate.replace(/\{[^}]*\}/g, "{}").toLowerCase()}`;
}
function matchOperations(oldDoc, newDoc) {
  const pairs = [];
  const oldLeft = [...oldDoc.operations];
  const newLeft = [];
  for (const op of newDoc.operations) {
    const i = oldLeft.findIndex((o) => o.operationId === op.operationId);
    if (i === -1) newLeft.push(op);
    else pairs.push({ oldDoc, newDoc, old: oldLeft.splice(i, 1)[0], new: op });
  }
  const added = [];
  for (const op of newLeft) {
    const i = oldLeft.findIndex((o) => routeKey(o) === routeKey(op));
    if (i === -1) added.push(op);
    else pairs.push({ oldDoc, newDoc, old: oldLeft.splice(i, 1)[0], new: op });
  }
  const order = new Map(newDoc.operations.map((op, i) => [op, i]));
  pairs.sort((a, b) => order.get(a.new) - order.get(b.new));
  return { pairs, added, removed: oldLeft };
}

// generator/diff/rules.ts
var rule = (side, severity, summary, oad) => ({ side, severity, summary, oad });
var DIFF_RULES = {
  // operations (operation matching: match.ts)
  "operation-added": rule("request", "non-breaking", "a new operation", "1039 AddedOperation"),
  "operation-removed": rule("request", "breaking", "an operation is gone", "1035 RemovedOperation"),
  "operation-id-changed": rule("request", "breaking", "same method and path, another operationId (the client method is renamed)", "1008 ModifiedOperationId"),
  // parameters (parameters.ts)
  "request-parameter-added-required": rule("request", "breaking", "a new required parameter", "1010 AddingRequiredParameter"),
  "request-parameter-added-optional": rule("request", "non-breaking", "a new optional parameter", "1043 AddingOptionalParameter"),
  "request-parameter-removed": rule("request", "breaking", "a parameter is gone", "1009 RemovedRequiredParameter"),
  "request-parameter-became-required": rule("request", "breaking", "an optional parameter is now required", "1025 RequiredStatusChange"),
  "request-parameter-became-optional": rule("request", "non-breaking", "a required parameter is now optional", "1025 RequiredStatusChange"),
  "request-parameter-binding-changed": rule("request", "breaking", "a parameter moves between the client factory and each call", "1007 RemovedClientParameter"),
  "request-parameter-client-name-changed": rule("request", "breaking", "a parameter's name in generated clients changed (x-ms-client-name)", "1007 RemovedClientParameter"),
  // request bodies (operations.ts)
  "request-body-added-required": rule("request", "breaking", "a new required request body", "1010 AddingRequiredParameter"),
  "request-body-added-optional": rule("request", "non-breaking", "a new optional request body", "1043 AddingOptionalParameter"),
  "request-body-removed": rule("request", "breaking", "the request body is gone", "1009 RemovedRequiredParameter"),
  "request-body-became-required": rule("request", "breaking", "the request body is now required", "1025 RequiredStatusChange"),
  "request-body-became-optional": rule("request", "non-breaking", "the request body is now optional", "1025 RequiredStatusChange"),
  // request schemas: parameters and body properties (schemas.ts)
  "request-type-changed": rule("request", "breaking", "a request value's type changed or was first set", "1026 TypeChanged"),
  "request-pattern-added": rule("request", "breaking", "a pattern on a request value that had none", "1024 ConstraintIsStronger"),
  "request-pattern-changed": rule("request", "breaking", "another pattern on a request value (values the old one allowed may fail)", "1036 ConstraintChanged"),
  "request-pattern-removed": rule("request", "non-breaking", "a request value's pattern is gone", "1037 ConstraintIsWeaker"),
  "request-min-raised": rule("request", "breaking", "minLength, minimum or minItems set or raised on a request value", "1024 ConstraintIsStronger"),
  "request-min-lowered": rule("request", "non-breaking", "minLength, minimum or minItems lowered or removed", "1037 ConstraintIsWeaker"),
  "request-max-lowered": rule("request", "breaking", "maxLength, maximum or maxItems set or lowered on a request value", "1024 ConstraintIsStronger"),
  "request-max-raised": rule("request", "non-breaking", "maxLength, maximum or maxItems raised or removed", "1037 ConstraintIsWeaker"),
  "request-format-added": rule("request", "breaking", "a format on a request value that had none", "1023 TypeFormatChanged"),
  "request-format-changed": rule("request", "breaking", "another format on a request value", "1023 TypeFormatChanged"),
  "request-format-removed": rule("request", "non-breaking", "a request value's format is gone", "1023 TypeFormatChanged"),
  "request-enum-added": rule("request", "breaking", "a request value that took any value is now an enum", "1024 ConstraintIsStronger"),
  "request-enum-removed": rule("request", "non-breaking", "a request value is no longer limited to an enum", "1037 ConstraintIsWeaker"),
  "request-enum-value-added": rule("request", "non-breaking", "a new value a request may send", "1020 AddedEnumValue"),
  "request-enum-value-removed": rule("request", "breaking", "a value a request could send is gone", "1019 RemovedEnumValue"),
  "request-property-added-required": rule("request", "breaking", "a new required property in the request body", "1034 AddedRequiredProperty"),
  "request-property-added-optional": rule("request", "non-breaking", "a new optional property in the request body", "1045 AddedOptionalProperty"),
  "request-property-removed": rule("request", "breaking", "a request body property is gone", "1033 RemovedProperty"),
  "request-property-became-required": rule("request", "breaking", "an optional request property is now required", "1025 RequiredStatusChange"),
  "request-property-became-optional": rule("request", "non-breaking", "a required request property is now optional", "1025 RequiredStatusChange"),
  // response schemas (schemas.ts)
  "response-property-added": rule("response", "non-breaking", "a new response property (clients ignore what they do not read)", "1041 AddedPropertyInResponse"),
  "response-property-removed": rule("response", "breaking", "a response property is gone", "1033 RemovedProperty"),
  "response-property-became-optional": rule("response", "breaking", "a response property is no longer always present", "1025 RequiredStatusChange"),
  "response-property-became-required": rule("response", "non-breaking", "a response property is now always present", "1025 RequiredStatusChange"),
  "response-type-changed": rule("response", "breaking", "a response value's type changed or is no longer stated", "1026 TypeChanged"),
  "response-closed-enum-value-added": rule("response", "breaking", "a new value in a closed response enum (x-ms-enum modelAsString: false, or no x-ms-enum)", "1020 AddedEnumValue"),
  "response-extensible-enum-value-added": rule("response", "non-breaking", "a new value in an extensible response enum (modelAsString: true)", "1020 AddedEnumValue"),
  "response-enum-value-removed": rule("response", "non-breaking", "a response enum value is no longer returned", "1019 RemovedEnumValue"),
  // status codes, bodies and errors (responses.ts)
  "response-success-status-added": rule("response", "breaking", "a new success status (clients of OLD treat it as an error)", "1011 AddingResponseCode"),
  "response-success-status-removed": rule("response", "non-breaking", "a success status is no longer returned", "1012 RemovedResponseCode"),
  "response-error-status-added": rule("response", "non-breaking", "a new documented error status", "1011 AddingResponseCode"),
  "response-error-status-removed": rule("response", "non-breaking", "an error status is no longer documented", "1012 RemovedResponseCode"),
  "response-body-added": rule("response", "non-breaking", "a success response now has a body"),
  "response-body-removed": rule("response", "breaking", "a success response no longer has a body", "1033 RemovedProperty"),
  "error-schema-changed": rule("response", "breaking", "the error schema lost or retyped a field clients of OLD read", "1017 ReferenceRedirection"),
  "error-schema-extended": rule("response", "non-breaking", "the error schema changed by adding fields only", "1017 ReferenceRedirection"),
  // documentation (operations.ts, parameters.ts, responses.ts)
  "request-description-changed": rule("request", "non-breaking", "an operation, parameter or body description changed"),
  "response-description-changed": rule("response", "non-breaking", "a response description changed")
};
function change(rule2, operationId, pointer, message, where2 = "new") {
  const { side, severity } = DIFF_RULES[rule2];
  return { operationId, side, severity, rule: rule2, pointer, message, in: where2 };
}
function quote(text, max = 72) {
  const flat = (text ?? "").replace(/\s+/g, " ").trim();
  return JSON.stringify(flat.length > max ? `${flat.slice(0, max - 1)}\u2026` : flat);
}

// generator/diff/schemas.ts
function schemaView(raw, node, pointer) {
  const view = { keywords: {}, at: {}, properties: /* @__PURE__ */ new Map(), required: /* @__PURE__ */ new Set(), requiredAt: join(pointer, "required") };
  let requiredSeen = false;
  const absorb = (n, at, depth) => {
    if (!n || typeof n !== "object" || depth > 32) return;
    const s = n;
    for (const [key2, value] of Object.entries(s)) {
      if (["$ref", "properties", "required", "allOf"].includes(key2) || key2 in view.keywords) continue;
      view.keywords[key2] = value;
      view.at[key2] = join(at, key2);
    }
    for (const [name, sub] of Object.entries(s.properties ?? {})) {
      if (!view.properties.has(name)) view.properties.set(name, { node: sub, pointer: join(at, "properties", name) });
    }
    if (Array.isArray(s.required)) {
      for (const name of s.required) view.required.add(name);
      if (!requiredSeen) view.requiredAt = join(at, "required");
      requiredSeen = true;
    }
    (s.allOf ?? []).forEach((member, i) => absorb(member, join(at, "allOf", i), depth + 1));
    if (typeof s.$ref === "string" && s.$ref.startsWith("#")) absorb(get(raw, s.$ref.slice(1)), s.$ref.slice(1), depth + 1);
  };
  absorb(node, pointer, 0);
  return view;
}
function inferredType(view) {
  const t = view.keywords.type;
  if (typeof t === "string") return t;
  if (Array.isArray(t)) return [...t].sort().join("|");
  if (view.properties.size > 0) return "object";
  if (view.keywords.items) return "array";
  const values = view.keywords.enum;
  if (Array.isArray(values) && values.length > 0) {
    const kinds = [...new Set(values.map((v) => v === null ? "null" : typeof v))];
    if (kinds.length === 1) return kinds[0] === "number" ? "number" : kinds[0];
  }
  return void 0;
}
var MIN_KEYWORDS = ["minLength", "minimum", "exclusiveMinimum", "minItems", "minProperties"];
var MAX_KEYWORDS = ["maxLength", "maximum", "exclusiveMaximum", "maxItems", "maxProperties"];
var show = (v) => typeof v === "string" ? JSON.stringify(v) : String(v);
function compareSchemas(ctx, oldNode, oldPointer, newNode, newPointer, label, seen = /* @__PURE__ */ new Set()) {
  const key2 = `${oldPointer}|${newPointer}`;
  if (seen.has(key2)) return;
  seen.add(key2);
  const o = schemaView(ctx.oldRaw, oldNode, oldPointer);
  const n = schemaView(ctx.newRaw, newNode, newPointer);
  const request = ctx.side === "request";
  const add = (rule2, pointer, message, where2 = "new") => ctx.out.push(change(rule2, ctx.operationId, pointer, `${label}: ${message}`, where2));
  const ot = inferredType(o);
  const nt = inferredType(n);
  if (request ? nt !== void 0 && nt !== ot : ot !== void 0 && nt !== ot) {
    const pointer = n.at.type ?? newPointer;
    add(request ? "request-type-changed" : "response-type-changed", pointer, `type ${ot ?? "any"} \u2192 ${nt ?? "any"}`);
    return;
  }
  if (request) {
    const op = o.keywords.pattern;
    const np = n.keywords.pattern;
    if (np !== void 0 && op === void 0) add("request-pattern-added", n.at.pattern, `pattern \`${np}\` added`);
    else if (np !== void 0 && np !== op) add("request-pattern-changed", n.at.pattern, `pattern \`${op}\` \u2192 \`${np}\``);
    else if (np === void 0 && op !== void 0) add("request-pattern-removed", o.at.pattern, `pattern \`${op}\` removed`, "old");
    const of = o.keywords.format;
    const nf = n.keywords.format;
    if (nf !== void 0 && of === void 0) add("request-format-added", n.at.format, `format ${show(nf)} added`);
    else if (nf !== void 0 && nf !== of) add("request-format-changed", n.at.format, `format ${show(of)} \u2192 ${show(nf)}`);
    else if (nf === void 0 && of !== void 0) add("request-format-removed", o.at.format, `format ${show(of)} removed`, "old");
    for (const k of MIN_KEYWORDS) {
      const ov = o.keywords[k];
      const nv = n.keywords[k];
      if (typeof nv === "number" && (typeof ov !== "number" || nv > ov)) add("request-min-raised", n.at[k], `${k} ${ov ?? "none"} \u2192 ${nv}`);
      else if (typeof ov === "number" && typeof nv !== "number") add("request-min-lowered", o.at[k], `${k} ${ov} removed`, "old");
      else if (typeof ov === "number" && nv < ov) add("request-min-lowered", n.at[k], `${k} ${ov} \u2192 ${nv}`);
    }
    for (const k of MAX_KEYWORDS) {
      const ov = o.keywords[k];
      const nv = n.keywords[k];
      if (typeof nv === "number" && (typeof ov !== "number" || nv < ov)) add("request-max-lowered", n.at[k], `${k} ${ov ?? "none"} \u2192 ${nv}`);
      else if (typeof ov === "number" && typeof nv !== "number") add("request-max-raised", o.at[k], `${k} ${ov} removed`, "old");
      else if (typeof ov === "number" && nv > ov) add("request-max-raised", n.at[k], `${k} ${ov} \u2192 ${nv}`);
    }
  }
  const oe = o.keywords.enum;
  const ne = n.keywords.enum;
  if (request) {
    if (ne && !oe) add("request-enum-added", n.at.enum, `now limited to ${ne.map(show).join(", ")}`);
    else if (oe && !ne) add("request-enum-removed", o.at.enum, `no longer limited to ${oe.map(show).join(", ")}`, "old");
  }
  if (oe && ne) {
    const removed = oe.filter((v) => !ne.some((w) => Object.is(v, w)));
    const added = ne.filter((v) => !oe.some((w) => Object.is(v, w)));
    const xmsEnum = n.keywords["x-ms-enum"];
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
  const skipped = (view) => request ? view.keywords.readOnly === true : view.keywords.writeOnly === true;
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
      if (request) add(
        nowRequired ? "request-property-added-required" : "request-property-added-optional",
        prop.pointer,
        `${nowRequired ? "required" : "optional"} property ${name} added`
      );
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
  if (o.keywords.items && n.keywords.items) {
    compareSchemas(ctx, o.keywords.items, o.at.items, n.keywords.items, n.at.items, `${label}[]`, seen);
  }
}

// generator/diff/operations.ts
function operationIdChanges(pair) {
  if (pair.old.operationId === pair.new.operationId) return [];
  return [change(
    "operation-id-changed",
    pair.new.operationId,
    join(pair.new.pointer, "operationId"),
    `${pair.new.httpMethod.toUpperCase()} ${pair.new.pathTemplate} was ${pair.old.operationId}`
  )];
}
function descriptionChanges(pair) {
  const out = [];
  for (const field of ["summary", "description"]) {
    const before = pair.old[field] ?? "";
    const after = pair.new[field] ?? "";
    if (before !== after) {
      out.push(after ? change("request-description-changed", pair.new.operationId, join(pair.new.pointer, field), `operation ${field} now ${quote(after)}`) : change("request-description-changed", pair.new.operationId, join(pair.old.pointer, field), `operation ${field} removed`, "old"));
    }
  }
  return out;
}
function requestBodyChanges(pair) {
  const id = pair.new.operationId;
  const o = pair.old.requestBody;
  const n = pair.new.requestBody;
  if (!o && !n) return [];
  if (!o && n) {
    return [change(
      n.required ? "request-body-added-required" : "request-body-added-optional",
      id,
      n.pointer,
      `${n.required ? "required" : "optional"} request body ${n.name} added`
    )];
  }
  if (o && !n) return [change("request-body-removed", id, o.pointer, `request body ${o.name} removed`, "old")];
  const out = [];
  if (o.required !== n.required) {
    out.push(n.required ? change("request-body-became-required", id, join(n.pointer, "required"), `request body ${n.name} is now required`) : change("request-body-became-optional", id, join(n.pointer, "required"), `request body ${n.name} is no longer required`));
  }
  if ((o.description ?? "") !== (n.description ?? "")) {
    out.push(change("request-description-changed", id, join(n.pointer, "description"), `request body ${n.name}: description now ${quote(n.description)}`));
  }
  compareSchemas(
    { operationId: id, oldRaw: pair.oldDoc.raw, newRaw: pair.newDoc.raw, side: "request", out },
    o.schema,
    o.schemaPointer,
    n.schema,
    n.schemaPointer,
    n.name === "body" ? "body" : `body ${n.name}`
  );
  return out;
}

// generator/diff/parameters.ts
var key = (p) => `${p.in}:${p.name}`;
var where = (p) => `${p.in} parameter ${p.name}`;
function parameterChanges(pair) {
  const out = [];
  const id = pair.new.operationId;
  const visible = (list) => list.filter((p) => p.binding !== "api-version");
  const before = new Map(visible(pair.old.parameters).map((p) => [key(p), p]));
  const after = new Map(visible(pair.new.parameters).map((p) => [key(p), p]));
  for (const [k, p] of before) {
    if (!after.has(k)) out.push(change("request-parameter-removed", id, p.pointer, `${where(p)} removed`, "old"));
  }
  for (const [k, p] of after) {
    const o = before.get(k);
    if (!o) {
      out.push(change(
        p.required ? "request-parameter-added-required" : "request-parameter-added-optional",
        id,
        p.pointer,
        `${p.required ? "required" : "optional"} ${where(p)} added`
      ));
      continue;
    }
    if (o.required !== p.required) {
      out.push(p.required ? change("request-parameter-became-required", id, join(p.pointer, "required"), `${where(p)} is now required`) : change("request-parameter-became-optional", id, join(p.pointer, "required"), `${where(p)} is no longer required`));
    }
    if (o.binding !== p.binding) {
      out.push(change(
        "request-parameter-binding-changed",
        id,
        p.pointer,
        `${where(p)} moves from ${o.binding === "client" ? "the client factory" : "each call"} to ${p.binding === "client" ? "the client factory" : "each call"}`
      ));
    }
    if (o.clientName !== p.clientName) {
      out.push(change("request-parameter-client-name-changed", id, p.pointer, `${where(p)} is \`${p.clientName}\` in clients, was \`${o.clientName}\``));
    }
    if ((o.description ?? "") !== (p.description ?? "")) {
      out.push(change(
        "request-description-changed",
        id,
        join(p.pointer, "description"),
        `${where(p)}: description now ${quote(p.description)}`
      ));
    }
    compareSchemas(
      { operationId: id, oldRaw: pair.oldDoc.raw, newRaw: pair.newDoc.raw, side: "request", out },
      o.schema,
      o.schemaPointer,
      p.schema,
      p.schemaPointer,
      where(p)
    );
  }
  return out;
}

// generator/diff/responses.ts
var isSuccess = (r) => /^2/.test(r.status);
function statusChanges(pair) {
  const out = [];
  const id = pair.new.operationId;
  const before = new Map(pair.old.responses.map((r) => [r.status, r]));
  const after = new Map(pair.new.responses.map((r) => [r.status, r]));
  for (const [status, r] of after) {
    if (before.has(status)) continue;
    out.push(isSuccess(r) ? change("response-success-status-added", id, r.pointer, `status ${status} added`) : change("response-error-status-added", id, r.pointer, `error status ${status} added`));
  }
  for (const [status, r] of before) {
    if (after.has(status)) continue;
    out.push(isSuccess(r) ? change("response-success-status-removed", id, r.pointer, `status ${status} removed`, "old") : change("response-error-status-removed", id, r.pointer, `error status ${status} removed`, "old"));
  }
  for (const [status, r] of after) {
    const o = before.get(status);
    if (o && o.description !== r.description) {
      out.push(change("response-description-changed", id, join(r.pointer, "description"), `${status}: description now ${quote(r.description)}`));
    }
  }
  return out;
}
function successBodyChanges(pair) {
  const out = [];
  const id = pair.new.operationId;
  for (const r of pair.new.responses.filter(isSuccess)) {
    const o = pair.old.responses.find((x) => x.status === r.status);
    if (!o) continue;
    if (!o.schema && r.schema) out.push(change("response-body-added", id, r.schemaPointer, `${r.status}: now has a body`));
    else if (o.schema && !r.schema) out.push(change("response-body-removed", id, o.schemaPointer, `${r.status}: no longer has a body`, "old"));
    else if (o.schema && r.schema) {
      compareSchemas(
        { operationId: id, oldRaw: pair.oldDoc.raw, newRaw: pair.newDoc.raw, side: "response", out },
        o.schema,
        o.schemaPointer,
        r.schema,
        r.schemaPointer,
        `${r.status} body`
      );
    }
  }
  return out;
}
function errorSchemaChanges(pair) {
  const id = pair.new.operationId;
  const o = errorResponse(pair.old);
  const n = errorResponse(pair.new);
  if (!o?.schema || !n) return [];
  if (!n.schema) return [change("error-schema-changed", id, n.pointer, `${n.status}: the error response no longer has a schema`)];
  const found = [];
  compareSchemas(
    { operationId: id, oldRaw: pair.oldDoc.raw, newRaw: pair.newDoc.raw, side: "response", out: found },
    o.schema,
    o.schemaPointer,
    n.schema,
    n.schemaPointer,
    "body"
  );
  const flattened = (raw, schema, pointer) => new Set([...schemaView(raw, schema, pointer).properties].filter(([, p]) => p.node?.["x-ms-client-flatten"] === true).map(([name]) => name));
  const before = flattened(pair.oldDoc.raw, o.schema, o.schemaPointer);
  const after = flattened(pair.newDoc.raw, n.schema, n.schemaPointer);
  const flattenNotes = [
    ...[...before].filter((x) => !after.has(x)).map((x) => `x-ms-client-flatten on ${x} dropped (Azure SDK models change; rekey clients keep the wire shape)`),
    ...[...after].filter((x) => !before.has(x)).map((x) => `x-ms-client-flatten on ${x} added (Azure SDK models change; rekey clients keep the wire shape)`)
  ];
  if (found.length === 0 && flattenNotes.length === 0) return [];
  const breaking = found.filter((c) => c.severity === "breaking");
  const describe = (c) => {
    const m = /^body\.?([^:]*): property (\S+) (added|removed)$/.exec(c.message);
    return m ? `${m[1] ? `${m[1]}.` : ""}${m[2]} ${m[3]}` : c.message.replace(/^body\.?/, "");
  };
  const summary = [...(breaking.length > 0 ? breaking : found).map(describe), ...flattenNotes].join("; ");
  return [breaking.length > 0 ? change("error-schema-changed", id, n.schemaPointer, `${n.status} error schema: ${summary}`) : change("error-schema-extended", id, n.schemaPointer, `${n.status} error schema${found.length > 0 ? " (fields added only)" : ""}: ${summary}`)];
}

// generator/diff/diff.ts
var DIFF_CHECKS = {
  "operation-id": operationIdChanges,
  parameters: parameterChanges,
  "request-body": requestBodyChanges,
  statuses: statusChanges,
  "success-bodies": successBodyChanges,
  "error-schema": errorSchemaChanges,
  descriptions: descriptionChanges
};
var ref = (doc) => ({ service: doc.service, apiVersion: doc.apiVersion, file: doc.file });
function diffDocuments(oldDoc, newDoc) {
  const { pairs, added, removed } = matchOperations(oldDoc, newDoc);
  const changes = [];
  for (const op of removed) {
    changes.push(change("operation-removed", op.operationId, op.pointer, `${op.httpMethod.toUpperCase()} ${op.pathTemplate} removed`, "old"));
  }
  for (const pair of pairs) for (const check of Object.values(DIFF_CHECKS)) changes.push(...check(pair));
  for (const op of added) {
    changes.push(change("operation-added", op.operationId, op.pointer, `${op.httpMethod.toUpperCase()} ${op.pathTemplate} added`));
  }
  return { old: ref(oldDoc), new: ref(newDoc), changes };
}
async function loadForDiff(path) {
  const absolute = resolve(path);
  const usage = "pass two spec folders (specs/<service>/<api-version>) or two OpenAPI documents";
  let isFolder;
  try {
    isFolder = statSync(absolute).isDirectory();
  } catch {
    throw new UserError(problem("diff/input", { file: displayPath(absolute) }, "no such file or folder", usage));
  }
  const file = isFolder ? joinPath(absolute, SPEC_FILE_NAME) : absolute;
  const read = readInputFile(file);
  if (!read.ok && read.notFound && isFolder) {
    throw new UserError(problem(
      "diff/input",
      { file: displayPath(absolute) },
      `the folder has no ${SPEC_FILE_NAME}`,
      "pass a spec folder (specs/<service>/<api-version>) or the openapi.yaml itself"
    ));
  }
  if (!read.ok) throw new UserError(problem("diff/input", { file: displayPath(file) }, `the input ${read.reason}`, `${read.hint}; ${usage}`));
  const folder = dirname(read.realPath);
  let apiVersion = basename(folder);
  let service = basename(dirname(folder));
  let refFolders = refFoldersOf(dirname(dirname(folder)), dirname(folder));
  if (!isApiVersion(apiVersion)) {
    const parsed = parseSpecText(read.text, displayPath(file));
    const written = parsed && typeof parsed === "object" ? parsed.info?.version : void 0;
    apiVersion = typeof written === "string" && isApiVersion(written) ? written : "0000-00-00";
    service = basename(folder);
    refFolders = [folder];
  }
  const loaded = await loadDocument({ service, apiVersion, folder, absoluteFile: read.realPath, file: displayPath(file), refFolders });
  return buildDocumentModel(loaded);
}
async function diffPaths(oldPath, newPath) {
  const [oldDoc, newDoc] = await Promise.all([loadForDiff(oldPath), loadForDiff(newPath)]);
  return diffDocuments(oldDoc, newDoc);
}

export {
  DIFF_RULES,
  DIFF_CHECKS,
  diffDocuments,
  loadForDiff,
  diffPaths
};
