import {
  DEFAULT_MAX_RESPONSE_BYTES,
  responseHasBody
} from "./chunk-WG5EOB7M.js";
import {
  summarize
} from "./chunk-ZUL2KNFZ.js";
import {
  unitKey
} from "./chunk-SYP5AEPE.js";
import {
  CHECKS,
  documentedResponse,
  findCheck
} from "./chunk-DM75KB7X.js";
import {
  acceptedMutation,
  buildExchange
} from "./chunk-DFAMEA3W.js";
import {
  UserError,
  bytes,
  compiledSchema,
  deref,
  get,
  join,
  keyName,
  problem,
  remove,
  set,
  validate,
  walkProperties
} from "./chunk-ZOVCPWKV.js";

// conformance/exchanges/compile-exchanges.ts
import picomatch from "picomatch";

// conformance/exchanges/example-exchanges.ts
function exampleExchanges(c, overrides) {
  return c.operation.examples.flatMap((example) => {
    const statuses = Object.keys(example.responses).filter((s) => /^2\d\d$/.test(s)).map(Number);
    if (statuses.length === 0) return [];
    const documented = { status: statuses[0], body: example.responses[String(statuses[0])]?.body };
    return [buildExchange(c, {
      kind: "example",
      name: example.title,
      title: `example "${example.title}": ${c.operation.httpMethod.toUpperCase()} as documented, expect ${statuses.join(" or ")}`,
      expect: { kind: "success", statuses, example: documented },
      mutation: acceptedMutation(c.operation),
      source: `${example.file}`,
      values: { ...example.parameters, ...overrides }
    })];
  });
}

// conformance/exchanges/violating-values.ts
var PATTERN_BREAKERS = ["!", "*", "~", "@", "$", ",", ";", "=", "+", "'", "&", ":", " ", "\xE9", "^", "`", "|", "#", "?", "%"];
var PATH_UNSAFE = /[/\\%]|^\.{1,2}$|[.\s]$/;
function caseStable(value, check, keyword) {
  return [value.toLowerCase(), value.toUpperCase()].every((variant) => check(variant).some((v) => v.keyword === keyword));
}
function stringCandidates(keyword, schema, valid) {
  const seed = valid || "a";
  switch (keyword) {
    case "enum":
    case "const": {
      const taken = new Set((schema.enum ?? [schema.const]).map((v) => String(v).toLowerCase()));
      return ["rekeyNotAllowed", "rekey-not-allowed", "zzz"].filter((c) => !taken.has(c.toLowerCase()));
    }
    case "pattern":
      return PATTERN_BREAKERS.flatMap((c) => [seed.slice(0, 1) + c + seed.slice(1), seed.slice(0, 1) + c + seed.slice(2), c + seed]);
    case "minLength": {
      const min = schema.minLength;
      return min > 0 ? [seed.slice(0, min - 1), seed.repeat(min).slice(0, min - 1)] : [];
    }
    case "maxLength": {
      const length = schema.maxLength + 1;
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
function stringKeywords(schema) {
  return ["enum", "const", "pattern", "minLength", "maxLength", "format"].filter((k) => schema[k] !== void 0);
}
function violateString(keyword, schema, valid, context) {
  let closest;
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
function wrongType(schema) {
  const types = Array.isArray(schema.type) ? schema.type : [schema.type];
  if (types.includes("string")) return types.includes("number") || types.includes("integer") ? [] : 12345;
  if (types.includes("array")) return "rekey-not-an-array";
  if (types.includes("object")) return ["rekey-not-an-object"];
  return "rekey-wrong-type";
}

// conformance/exchanges/negative-exchanges.ts
var UNKNOWN_API_VERSION = "1999-01-01";
function describe(keyword, schema) {
  const rule = keyword === "enum" ? `one of ${schema.enum.map((v) => JSON.stringify(v)).join(", ")}` : keyword === "pattern" ? `pattern ${String(schema.pattern)}` : keyword === "format" ? `format ${String(schema.format)}` : keyword === "type" ? `type ${JSON.stringify(schema.type)}` : `${keyword} ${JSON.stringify(schema[keyword])}`;
  return rule;
}
function titleFor(what, violation, schema) {
  const also = violation.alsoBreaks.length > 0 ? ` (unavoidably also ${violation.alsoBreaks.join(", ")})` : "";
  return `${what} = ${JSON.stringify(violation.value)} breaks ${describe(violation.keyword, schema)}${also}`;
}
function parameterCases(c, source) {
  const drafts = [];
  for (const parameter of c.operation.parameters) {
    if (parameter.binding === "api-version") continue;
    const valid = c.values[parameter.name];
    if (typeof valid !== "string") continue;
    const schema = deref(c.doc.raw, parameter.schema, parameter.schemaPointer).node;
    const validator = compiledSchema(c.ajv, c.doc, parameter.schemaPointer);
    const check = (value) => validate(validator, value);
    for (const keyword of stringKeywords(schema)) {
      const violation = violateString(keyword, schema, valid, { inPath: parameter.in === "path", check });
      if (!violation) continue;
      drafts.push({
        kind: "negative",
        name: `${parameter.in}.${parameter.name}.${keyword}`,
        title: titleFor(`${parameter.in} parameter ${parameter.name}`, violation, schema),
        expect: { kind: "rejection", violates: `${parameter.name}: ${describe(keyword, schema)}` },
        mutation: parameterMutation(parameter),
        source: source(join(parameter.schemaPointer, keyword)),
        values: { ...c.values, [parameter.name]: violation.value }
      });
    }
  }
  return drafts;
}
function parameterMutation(parameter) {
  return parameter.in === "path" ? "never" : "if-accepted";
}
function bodyCases(c, source) {
  const model = c.operation.requestBody;
  const body = model ? c.values[model.name] : void 0;
  if (!model || body === void 0) return [];
  const validator = compiledSchema(c.ajv, c.doc, model.schemaPointer);
  const check = (candidate) => validate(validator, candidate);
  const drafts = [];
  const withBody = (name, title, violates, pointer, value) => {
    drafts.push({
      kind: "negative",
      name,
      title,
      expect: { kind: "rejection", violates },
      mutation: "if-accepted",
      source: source(pointer),
      values: { ...c.values, [model.name]: value }
    });
  };
  const root = deref(c.doc.raw, model.schema, model.schemaPointer);
  if (root.node?.type !== void 0) {
    withBody(
      "body.type",
      `body is ${JSON.stringify(wrongType(root.node))}, not ${describe("type", root.node)}`,
      `body: ${describe("type", root.node)}`,
      join(root.pointer, "type"),
      wrongType(root.node)
    );
  }
  const requiredAt = (schema, schemaPointer, instance) => {
    for (const name of schema.required ?? []) {
      const pointer = join(instance, name);
      withBody(
        `body${pointer.replace(/\//g, ".")}.required`,
        `body without required property ${pointer}`,
        `body: ${pointer} is required`,
        join(schemaPointer, "required"),
        remove(body, pointer)
      );
    }
  };
  requiredAt(root.node, root.pointer, "");
  walkProperties(c.doc.raw, model.schema, model.schemaPointer, (property) => {
    if (property.instancePath.includes("*") || property.schema.readOnly === true) return;
    const present = get(body, property.instancePath);
    if (present === void 0) return;
    const label = `body${property.instancePath.replace(/\//g, ".")}`;
    if (property.schema.type !== void 0) {
      const value = wrongType(property.schema);
      withBody(
        `${label}.type`,
        `body ${property.instancePath} = ${JSON.stringify(value)} breaks ${describe("type", property.schema)}`,
        `${property.instancePath}: ${describe("type", property.schema)}`,
        join(property.pointer, "type"),
        set(body, property.instancePath, value)
      );
    }
    if (typeof present === "string") {
      for (const keyword of stringKeywords(property.schema)) {
        const violation = violateString(keyword, property.schema, present, {
          inPath: false,
          check: (candidate) => check(set(body, property.instancePath, candidate))
        });
        if (!violation) continue;
        withBody(
          `${label}.${keyword}`,
          titleFor(`body ${property.instancePath}`, violation, property.schema),
          `${property.instancePath}: ${describe(keyword, property.schema)}`,
          join(property.pointer, keyword),
          set(body, property.instancePath, violation.value)
        );
      }
    }
    if (property.schema.type === "object" || property.schema.properties) requiredAt(property.schema, property.pointer, property.instancePath);
  });
  drafts.push({
    kind: "negative",
    name: "request.malformed-json",
    title: "body is truncated JSON",
    expect: { kind: "rejection", violates: "the body must be JSON" },
    mutation: "if-accepted",
    source: source(model.pointer),
    rawBody: JSON.stringify(body).slice(0, -1)
  });
  drafts.push({
    kind: "negative",
    name: "request.content-type",
    title: `body sent as text/plain instead of ${model.contentType}`,
    expect: { kind: "rejection", violates: `Content-Type must be ${model.contentType}` },
    mutation: "if-accepted",
    source: source(model.pointer),
    headers: { "content-type": "text/plain; charset=utf-8" }
  });
  if (model.required) {
    drafts.push({
      kind: "negative",
      name: "request.body-missing",
      title: "no body, though the operation requires one",
      expect: { kind: "rejection", violates: "the body is required" },
      mutation: "if-accepted",
      source: source(join(model.pointer, "required")),
      values: { ...c.values, [model.name]: void 0 }
    });
  }
  return drafts;
}
function apiVersionCases(c, source) {
  const parameter = c.operation.parameters.find((p) => p.binding === "api-version");
  if (!parameter) return [];
  return [
    {
      kind: "negative",
      name: "query.api-version.missing",
      title: "no api-version query parameter",
      expect: { kind: "rejection", violates: "api-version is required" },
      mutation: "never",
      source: source(parameter.pointer),
      values: { ...c.values, [parameter.name]: void 0 }
    },
    {
      kind: "negative",
      name: "query.api-version.unknown",
      title: `api-version=${UNKNOWN_API_VERSION}, which the service does not have`,
      expect: { kind: "rejection", violates: `api-version must be one the service supports` },
      mutation: "never",
      source: source(parameter.pointer),
      values: { ...c.values, [parameter.name]: UNKNOWN_API_VERSION }
    }
  ];
}
function absentName(c) {
  const shape = c.operation.armPath;
  if (!shape) return void 0;
  for (const name of [...shape.nameParameters].reverse()) {
    const parameter = c.operation.parameters.find((p) => p.name === name && p.in === "path");
    const current = c.values[name];
    if (!parameter || typeof current !== "string") continue;
    const schema = deref(c.doc.raw, parameter.schema, parameter.schemaPointer).node;
    if (schema.enum || schema.const !== void 0) continue;
    const validate2 = compiledSchema(c.ajv, c.doc, parameter.schemaPointer);
    const max = typeof schema.maxLength === "number" ? schema.maxLength : Infinity;
    for (const suffix of ["rekeyabsent", "rekey-absent", "0"]) {
      const value = (current + suffix).slice(-Math.min(max, current.length + suffix.length));
      if (value.toLowerCase() !== current.toLowerCase() && validate2(value)) return { parameter, value };
    }
  }
  return void 0;
}
function fixedRefusals(c, source) {
  const drafts = [];
  if (c.operation.security.length > 0) {
    drafts.push({
      kind: "negative",
      name: "auth.missing",
      title: "no Authorization header",
      expect: { kind: "rejection", status: 401, violates: `security ${c.operation.security.map((s) => s.scheme).join(", ")}` },
      mutation: "never",
      source: source(c.operation.pointer),
      authorize: false
    });
  }
  const absent = absentName(c);
  if (absent) {
    drafts.push({
      kind: "negative",
      name: "resource.not-found",
      title: `${absent.parameter.name} = ${JSON.stringify(absent.value)}, a resource that does not exist`,
      expect: { kind: "rejection", status: 404, violates: "the resource must exist" },
      mutation: "never",
      source: source(absent.parameter.pointer),
      values: { ...c.values, [absent.parameter.name]: absent.value }
    });
  }
  return drafts;
}
function negativeExchanges(c) {
  const source = (pointer) => `${c.doc.file}#${pointer}`;
  return [
    ...parameterCases(c, source),
    ...bodyCases(c, source),
    ...apiVersionCases(c, source),
    ...fixedRefusals(c, source)
  ].map((draft) => buildExchange(c, draft));
}

// conformance/exchanges/rotation-scenarios.ts
var ROTATIONS_PER_KEY = 3;
var READ_BACK_ROTATIONS = 2;
function selectKey(c, spec, key) {
  const selector = spec.selector;
  if ("fixed" in selector) return keyName(spec, selector.fixed) === key ? c.values : void 0;
  if (selector.in === "body") {
    const name = c.operation.requestBody.name;
    return { ...c.values, [name]: set(c.values[name] ?? {}, selector.pointer, key) };
  }
  return { ...c.values, [selector.parameter]: key };
}
function successStatuses(operation) {
  return operation.responses.filter((r) => /^2\d\d$/.test(r.status)).map((r) => Number(r.status));
}
function shownLocation(spec, key) {
  if (!spec.readBack) return spec.keys[key];
  const name = Object.keys(spec.readBack.keys).find((k) => keyName(spec, k) === key);
  return name === void 0 ? void 0 : spec.readBack.keys[name];
}
function readerCase(c, spec) {
  const operation = c.doc.operations.find((o) => o.operationId === spec.readBack?.operationId);
  if (!operation) return void 0;
  const example = operation.examples[0];
  const shared = Object.fromEntries(operation.parameters.filter((p) => p.name in c.values).map((p) => [p.name, c.values[p.name]]));
  return { ...c, operation, example, values: { ...example?.parameters ?? {}, ...shared } };
}
function rotationScenarios(c) {
  const spec = c.operation.rotation;
  if (!spec) return [];
  const nameParameter = c.operation.armPath?.nameParameters.at(-1);
  const resourceName = nameParameter === void 0 ? void 0 : String(c.values[nameParameter]);
  const reader = spec.readBack ? readerCase(c, spec) : void 0;
  if (spec.readBack && !reader) return [];
  const source = `${c.doc.file}#${spec.pointer}`;
  const exchanges = [];
  for (const key of Object.keys(spec.keys)) {
    if (!shownLocation(spec, key)?.value) continue;
    const values = selectKey(c, spec, key);
    if (!values) continue;
    const name = `rotate-${key.toLowerCase()}`;
    const of = reader ? 2 * READ_BACK_ROTATIONS + 1 : ROTATIONS_PER_KEY;
    const scenario = (step, extra = {}) => ({ name, step, of, key, resourceName, ...extra });
    const rotate = (step, title) => buildExchange(c, {
      kind: "scenario",
      name: `${name}/${step}`,
      title,
      expect: { kind: "success", statuses: successStatuses(c.operation) },
      mutation: "always",
      source,
      values,
      scenario: scenario(step)
    });
    if (!reader) {
      for (let step = 1; step <= ROTATIONS_PER_KEY; step++) {
        exchanges.push(rotate(step, step === 1 ? `regenerate the ${key} key (baseline for the next steps)` : `regenerate the ${key} key again (${step} of ${ROTATIONS_PER_KEY})`));
      }
      continue;
    }
    const read = (step, title) => {
      const exchange = buildExchange(reader, {
        kind: "scenario",
        name: `${name}/${step}`,
        title,
        expect: { kind: "success", statuses: successStatuses(reader.operation) },
        mutation: "never",
        source,
        scenario: scenario(step, { reads: true, compareWith: step > 1 ? step - 2 : void 0 })
      });
      return { ...exchange, id: `${c.doc.service}/${c.doc.apiVersion}/${c.operation.operationId}/scenario/${name}/${step}` };
    };
    exchanges.push(read(1, `read the keys with ${reader.operation.operationId} (baseline)`));
    for (let n = 1; n <= READ_BACK_ROTATIONS; n++) {
      exchanges.push(rotate(2 * n, `regenerate the ${key} key (${n} of ${READ_BACK_ROTATIONS})`));
      exchanges.push(read(2 * n + 1, `read the keys back with ${reader.operation.operationId}: only ${key} changed`));
    }
  }
  return exchanges.map((e) => ({ ...e, context: { ...e.context, rotation: spec } }));
}

// conformance/exchanges/compile-exchanges.ts
function matcher(patterns) {
  const globs = patterns.map((p) => picomatch(p, { dot: true }));
  return (id) => patterns.some((p, i) => id === p || id.startsWith(p.replace(/\/$/, "") + "/") || globs[i](id));
}
function filterExchanges(exchanges, only = [], skip = []) {
  for (const [flag, patterns] of [["--only", only], ["--skip", skip]]) {
    for (const pattern of patterns) {
      const matches = matcher([pattern]);
      if (!exchanges.some((e) => matches(e.id) || matches(unitKey(e)))) {
        throw new UserError(problem(
          "conform/options",
          { file: flag },
          `"${pattern}" matches no exchange`,
          'see `rekey conform --list` for the ids; globs use ** across /, e.g. "maps/**/negative/*"'
        ));
      }
    }
  }
  const selected = only.length > 0 ? matcher(only) : () => true;
  const skipped = skip.length > 0 ? matcher(skip) : () => false;
  const keep = /* @__PURE__ */ new Set();
  for (const e of exchanges) {
    if ((selected(e.id) || selected(unitKey(e))) && !skipped(e.id) && !skipped(unitKey(e))) keep.add(unitKey(e));
  }
  return exchanges.filter((e) => keep.has(unitKey(e)));
}
function enabledChecks(names) {
  if (!names) return new Set(CHECKS.map((c) => c.name));
  for (const name of names) {
    if (!CHECKS.some((c) => c.name === name)) {
      throw new UserError(problem("conform/options", { file: "--checks" }, `unknown check "${name}"`, `use some of ${CHECKS.map((c) => c.name).join(", ")}`));
    }
  }
  return /* @__PURE__ */ new Set(["transport", ...names]);
}
function compileExchanges(options) {
  const enabled = enabledChecks(options.checks);
  const all = [];
  for (const doc of options.docs) {
    for (const operation of doc.operations) {
      const overrides = options.values?.(doc, operation) ?? {};
      const example = operation.examples[0];
      const c = { doc, operation, ajv: options.ajv, example, values: { ...example?.parameters ?? {}, ...overrides } };
      all.push(...exampleExchanges(c, overrides), ...negativeExchanges(c), ...rotationScenarios(c));
    }
  }
  const seen = /* @__PURE__ */ new Set();
  for (const exchange of all) {
    if (seen.has(exchange.id)) throw new Error(`two exchanges share the id ${exchange.id}`);
    seen.add(exchange.id);
    exchange.checks = CHECKS.filter((check) => enabled.has(check.name) && check.appliesTo(exchange)).map((check) => check.name);
  }
  return filterExchanges(all, options.only, options.skip);
}

// conformance/runner/http-sender.ts
import { constants as bufferConstants } from "node:buffer";
import http from "node:http";
import https from "node:https";

// client-runtime/redaction.ts
var REDACTED = "[REDACTED]";
function shapeOf(text) {
  return `<string, ${text.length} chars>`;
}
function shownBody(body, paths, scrub) {
  const shown = new Set(paths.shown);
  const secret = new Set(paths.secret.map((p) => p === "/" ? "" : p));
  const show = (value, at, depth) => {
    if (value === void 0 || value === null) return value;
    if (secret.has(at)) return REDACTED;
    if (typeof value === "string") return shown.has(at) ? scrub(value) : shapeOf(value);
    if (typeof value !== "object") return value;
    if (depth >= MAX_SHOWN_DEPTH) return Array.isArray(value) ? `<array, ${value.length} items>` : `<object, ${Object.keys(value).length} properties>`;
    if (Array.isArray(value)) return value.map((item) => show(item, `${at}/*`, depth + 1));
    return Object.fromEntries(Object.entries(value).map(([name, item]) => [scrub(name), show(item, `${at}/${escapeName(name)}`, depth + 1)]));
  };
  return show(body, "", 0);
}
var MAX_SHOWN_DEPTH = 100;
function escapeName(name) {
  return name.replace(/~/g, "~0").replace(/\//g, "~1");
}
function valuesAt(value, paths) {
  const found = [];
  const visit = (node, segments) => {
    if (segments.length === 0) {
      if (typeof node === "string" && node) found.push(node);
      return;
    }
    if (node === null || typeof node !== "object") return;
    const [head, ...rest] = segments;
    if (head === "*" && Array.isArray(node)) node.forEach((item) => visit(item, rest));
    else if (Object.prototype.hasOwnProperty.call(node, head)) visit(node[head], rest);
  };
  for (const path of paths) visit(value, path === "/" ? [] : path.split("/").slice(1).map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~")));
  return found;
}
function scrubber(secrets) {
  const list = [...new Set(secrets)].filter((s) => s.length >= 4).sort((a, b) => b.length - a.length);
  if (list.length === 0) return (text) => text;
  return (text) => list.reduce((acc, secret) => acc.split(secret).join(REDACTED), text);
}

// conformance/runner/http-sender.ts
var DEFAULT_MAX_BODY_BYTES = DEFAULT_MAX_RESPONSE_BYTES;
var MAX_BODY_BYTES_CEILING = bufferConstants.MAX_STRING_LENGTH;
var MAX_JSON_DEPTH = MAX_SHOWN_DEPTH;
var TransportError = class extends Error {
  constructor(message, retryable) {
    super(message);
    this.retryable = retryable;
    this.name = "TransportError";
  }
  retryable;
};
var RETRYABLE = /* @__PURE__ */ new Set(["ECONNRESET", "ECONNREFUSED", "EPIPE", "ECONNABORTED", "EAI_AGAIN"]);
function parseJson(text) {
  if (text.length === 0) return void 0;
  try {
    return JSON.parse(text);
  } catch {
    return void 0;
  }
}
function nestsDeeperThan(value, limit) {
  const pending = [[value, 1]];
  while (pending.length > 0) {
    const [node, level] = pending.pop();
    if (typeof node !== "object" || node === null) continue;
    if (level > limit) return true;
    for (const child of Object.values(node)) pending.push([child, level + 1]);
  }
  return false;
}
function flatHeaders(headers) {
  const flat = {};
  for (const [name, value] of Object.entries(headers)) if (value !== void 0) flat[name] = Array.isArray(value) ? value.join(", ") : value;
  return flat;
}
function tooLarge(what, limit) {
  return new TransportError(`${what} over the ${bytes(limit)} body limit; if the endpoint is right to send that much, raise it with --max-body-bytes`, false);
}
function createSender(options) {
  const base = new URL(options.baseUrl);
  const secure = base.protocol === "https:";
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const agent = secure ? new https.Agent({ keepAlive: true, maxSockets: options.maxSockets ?? 16, ca: options.ca, rejectUnauthorized: !options.insecureTls }) : new http.Agent({ keepAlive: true, maxSockets: options.maxSockets ?? 16 });
  const prefix = base.href.replace(/\/$/, "");
  return {
    send(request, signal) {
      const started = performance.now();
      return new Promise((resolve, reject) => {
        const body = request.body === void 0 ? void 0 : Buffer.from(request.body, "utf8");
        const headers = { ...request.headers };
        if (body) headers["content-length"] = body.byteLength;
        let head;
        const fail = (error) => {
          clearTimeout(timer);
          if (head && error.code?.startsWith("HPE_")) resolve({ ...head, text: "", durationMs: performance.now() - started });
          else if (error instanceof TransportError) reject(error);
          else if (error.name === "AbortError") reject(new TransportError("stopped (interrupted)", false));
          else if (head) reject(new TransportError(`answer broken off: ${error.message}`, false));
          else reject(new TransportError(`${error.code ?? error.name}: ${error.message}`, RETRYABLE.has(error.code ?? "") || /socket hang up/.test(error.message)));
        };
        const stop = (error) => req.destroy(error);
        const req = (secure ? https : http).request(prefix + request.url, { method: request.method, headers, agent, signal }, (res) => {
          head = { status: res.statusCode ?? 0, headers: flatHeaders(res.headers) };
          const declared = Number(res.headers["content-length"]);
          if (responseHasBody(request.method, res.statusCode ?? 0) && declared > maxBodyBytes) return stop(tooLarge(`its Content-Length (${declared} bytes) is`, maxBodyBytes));
          const chunks = [];
          let received = 0;
          res.on("data", (chunk) => {
            received += chunk.byteLength;
            if (received <= maxBodyBytes) chunks.push(chunk);
            else if (!req.destroyed) {
              chunks.length = 0;
              stop(tooLarge("its body ran", maxBodyBytes));
            }
          });
          res.on("error", fail);
          res.on("end", () => {
            if (received > maxBodyBytes) return;
            clearTimeout(timer);
            const text = Buffer.concat(chunks).toString("utf8");
            const json = parseJson(text);
            if (nestsDeeperThan(json, MAX_JSON_DEPTH)) reject(new TransportError(`its JSON body nests deeper than ${MAX_JSON_DEPTH} levels, the runner's limit (ARM's answers nest a few)`, false));
            else resolve({ ...head, text, json, durationMs: performance.now() - started });
          });
        });
        const timer = setTimeout(() => stop(new TransportError(head ? `answer body not complete within ${options.timeoutMs} ms` : `no answer within ${options.timeoutMs} ms`, false)), options.timeoutMs);
        req.on("error", fail);
        req.end(body);
      });
    },
    close: () => agent.destroy()
  };
}

// conformance/runner/secrets.ts
var NOTHING_SHOWN = { shown: [], secret: [] };
var SecretKeeper = class {
  secrets = /* @__PURE__ */ new Set();
  scrub = (text) => text;
  remember(values) {
    let added = false;
    for (const value of values) {
      if (value && !this.secrets.has(value)) {
        this.secrets.add(value);
        added = true;
      }
    }
    if (added) this.scrub = scrubber(this.secrets);
  }
  /** Learns the key values an answer carries (at the documented response's secret paths). */
  learn(response, secretPaths) {
    if (response.json !== void 0) this.remember(valuesAt(response.json, secretPaths));
  }
  /** The answer as reports may show it: its body by `paths` (a body that is not JSON by its shape), headers scrubbed. */
  response(response, paths) {
    const headers = scrubDeep(response.headers, this.scrub);
    if (response.json === void 0) return { ...response, text: response.text && shapeOf(response.text), headers };
    const json = shownBody(response.json, paths, this.scrub);
    return { ...response, json, text: JSON.stringify(json), headers };
  }
  /**
   * A value a check quoted from the answer's body at `pointer`, as the shown answer has it there; by its shape when the
   * shown answer has nothing there (a body that is not JSON, a property name that had to be scrubbed).
   */
  quote(shown, pointer, value) {
    if (value === void 0 || value === null) return value;
    const there = shown.json === void 0 ? void 0 : get(shown.json, pointer);
    return there !== void 0 ? there : shownBody(value, NOTHING_SHOWN, this.scrub);
  }
  /** The whole result with every secret seen so far cut out (failures' expected/actual, titles, curl, names). */
  result(result) {
    return scrubDeep(result, this.scrub);
  }
};
function scrubDeep(value, scrub) {
  if (typeof value === "string") return scrub(value);
  if (Array.isArray(value)) return value.map((v) => scrubDeep(v, scrub));
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [scrub(k), scrubDeep(v, scrub)]));
  }
  return value;
}

// conformance/runner/run-conformance.ts
import { randomUUID } from "node:crypto";
import { setMaxListeners } from "node:events";
import pLimit from "p-limit";

// conformance/severity.ts
function judge(findings, strict) {
  const failures = [];
  const warnings = [];
  for (const finding of findings) {
    if (finding.severity === "failure") failures.push(finding);
    else if (strict) failures.push({ ...finding, severity: "failure", promoted: true });
    else warnings.push(finding);
  }
  return { failures, warnings, outcome: failures.length > 0 ? "failed" : "passed" };
}

// conformance/runner/check-findings.ts
function checkFindings(check, input, shown, secrets) {
  return check.run(input).map(({ notFromBody, severity, ...finding }) => {
    const actual = notFromBody || !shown ? finding.actual : secrets.quote(shown, finding.pointer, finding.actual);
    return { check: check.name, exchange: input.exchange.id, severity: severity ?? check.severity, ...finding, actual };
  });
}

// conformance/runner/curl-command.ts
var quote = (text) => `'${text.replace(/'/g, `'\\''`)}'`;
function curlCommand(baseUrl, exchange, sentHeaders, tls = {}) {
  const parts = ["curl", "-sS", "-i", "-X", exchange.request.method, quote(baseUrl.replace(/\/$/, "") + exchange.request.url)];
  if (exchange.authorize) parts.push("-H", '"Authorization: Bearer $TOKEN"');
  for (const [name, value] of Object.entries(sentHeaders)) {
    if (name.toLowerCase() !== "authorization") parts.push("-H", quote(`${name}: ${value}`));
  }
  if (exchange.request.body !== void 0) parts.push("--data-raw", quote(exchange.request.body));
  if (tls.insecure) parts.push("-k");
  else if (tls.caFile) parts.push("--cacert", quote(tls.caFile));
  return parts.join(" ");
}

// conformance/runner/run-conformance.ts
function units(exchanges) {
  const groups = /* @__PURE__ */ new Map();
  for (const exchange of exchanges) {
    const key = unitKey(exchange);
    const group = groups.get(key);
    if (group) group.push(exchange);
    else groups.set(key, [exchange]);
  }
  return [...groups.values()];
}
var ResourceLocks = class {
  tails = /* @__PURE__ */ new Map();
  async hold(resource, work) {
    const before = this.tails.get(resource) ?? Promise.resolve();
    let release;
    const mine = new Promise((resolve) => release = resolve);
    this.tails.set(resource, before.then(() => mine));
    await before;
    try {
      return await work();
    } finally {
      release();
    }
  }
};
function publicView(exchange) {
  const { context: _context, ...rest } = exchange;
  return rest;
}
async function runConformance(options) {
  const { target, ajv } = options;
  const stop = new AbortController();
  setMaxListeners(0, stop.signal);
  const onAbort = () => stop.abort(options.signal?.reason);
  if (options.signal?.aborted) onAbort();
  else options.signal?.addEventListener("abort", onAbort, { once: true });
  const signal = stop.signal;
  const emit = (event) => options.onEvent?.(event);
  const started = performance.now();
  const timeoutMs = options.timeoutMs ?? 3e4;
  const retries = options.retries ?? 2;
  const secrets = new SecretKeeper();
  const token = await target.token();
  secrets.remember([token]);
  const sender = createSender({ baseUrl: target.baseUrl, timeoutMs, maxBodyBytes: options.maxBodyBytes, ca: target.ca, insecureTls: target.insecureTls });
  const locks = new ResourceLocks();
  const limit = pLimit(Math.max(1, options.concurrency ?? 8));
  const results = /* @__PURE__ */ new Map();
  emit({ type: "run-start", target: target.description, total: options.exchanges.length, redact: (result) => secrets.result(result), strict: options.strict ?? false });
  const finish = (result) => {
    const redacted = secrets.result(result);
    results.set(result.exchange.id, redacted);
    emit({ type: "exchange-end", result: redacted });
  };
  const notSent = (exchange, outcome, reason) => finish({ exchange: publicView(exchange), outcome, failures: [], warnings: [], checksRun: [], reason, curl: curlCommand(target.baseUrl, exchange, exchange.request.headers, { caFile: target.caFile, insecure: target.insecureTls }), attempts: 0 });
  const sendOne = async (exchange, previous) => {
    emit({ type: "exchange-start", exchange: publicView(exchange) });
    const sent = { clientRequestId: randomUUID(), correlationRequestId: randomUUID() };
    const headers = {
      ...exchange.request.headers,
      "x-ms-client-request-id": sent.clientRequestId,
      "x-ms-return-client-request-id": "true",
      "x-ms-correlation-request-id": sent.correlationRequestId
    };
    const curl = curlCommand(target.baseUrl, exchange, headers, { caFile: target.caFile, insecure: target.insecureTls });
    if (exchange.authorize) headers.authorization = `Bearer ${token}`;
    let response;
    let transportError;
    let attempts = 0;
    while (response === void 0 && attempts <= retries) {
      attempts++;
      try {
        response = await sender.send({ ...exchange.request, headers }, signal);
      } catch (error) {
        const retryable = error instanceof TransportError && error.retryable && !signal?.aborted;
        transportError = error.message;
        if (!retryable) break;
        await new Promise((resolve) => setTimeout(resolve, 50 * attempts));
      }
    }
    if (signal?.aborted && response === void 0) {
      notSent(exchange, "skipped", "interrupted");
      return null;
    }
    const documented = response ? documentedResponse(exchange.context.operation, response.status) : void 0;
    if (response) secrets.learn(response, documented?.secretPaths ?? []);
    const shown = response && secrets.response(response, { shown: documented?.shownPaths ?? [], secret: documented?.secretPaths ?? [] });
    const findings = [];
    const ran = [];
    for (const name of exchange.checks) {
      if (!response && name !== "transport") continue;
      const check = findCheck(name);
      ran.push(name);
      findings.push(...checkFindings(check, { exchange, response, transportError, previous, sent, examplesMode: target.examplesMode, ajv }, shown, secrets));
    }
    const { outcome, failures, warnings } = judge(findings, options.strict ?? false);
    finish({
      exchange: publicView(exchange),
      outcome,
      response: shown,
      failures,
      warnings,
      checksRun: ran,
      curl,
      attempts
    });
    return response ?? null;
  };
  const runUnit = async (unit) => {
    if (signal?.aborted) {
      for (const exchange of unit) notSent(exchange, "skipped", "interrupted");
      return;
    }
    const reason = unit.map((e) => target.holdBack(e)).find((r) => r !== void 0);
    if (reason) {
      for (const exchange of unit) notSent(exchange, "held-back", reason);
      return;
    }
    if (target.examplesMode && unit[0].scenario) {
      for (const exchange of unit) notSent(exchange, "skipped", "the target answers with examples, so keys never change");
      return;
    }
    const steps = async () => {
      const answers = [];
      for (const exchange of unit) {
        const baseline = exchange.scenario?.compareWith;
        const previous = baseline !== void 0 ? answers[baseline - 1] : answers.at(-1);
        if (signal?.aborted) {
          notSent(exchange, "skipped", "interrupted");
          answers.push(void 0);
        } else answers.push(await sendOne(exchange, previous));
      }
    };
    const mayChange = unit.some((e) => e.mutation !== "never");
    await (mayChange ? locks.hold(unit[0].resource, steps) : steps());
  };
  try {
    await Promise.all(units(options.exchanges).map((unit) => limit(() => runUnit(unit))));
  } finally {
    sender.close();
    options.signal?.removeEventListener("abort", onAbort);
  }
  const ordered = options.exchanges.map((e) => results.get(e.id)).filter(Boolean).map((result) => secrets.result(result));
  const summary = summarize(target.description, ordered, Math.round(performance.now() - started), signal?.aborted ?? false, options.strict ?? false);
  emit({ type: "run-end", summary, results: ordered });
  return { summary, results: ordered };
}

export {
  enabledChecks,
  compileExchanges,
  shapeOf,
  shownBody,
  valuesAt,
  DEFAULT_MAX_BODY_BYTES,
  MAX_BODY_BYTES_CEILING,
  MAX_JSON_DEPTH,
  nestsDeeperThan,
  judge,
  checkFindings,
  curlCommand,
  SecretKeeper,
  publicView,
  runConformance
};
