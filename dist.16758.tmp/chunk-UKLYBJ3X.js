import {
  DEFAULT_LOCATIONS
} from "./chunk-MWY6LZN7.js";
import {
  armErrors
} from "./chunk-CSQB63KE.js";
import {
  UserError,
  displayPath,
  keyName,
  parents,
  parseResourceId,
  problem,
  readInputFile,
  resourceAddress,
  resourceId,
  schemaChecker
} from "./chunk-ZOVCPWKV.js";

// conformance/mock/provider-routes.ts
function providerDirectory(versionsByType, typeNames, extra = {}) {
  const namespaces = /* @__PURE__ */ new Map();
  const add = (qualified, versions) => {
    const [namespace, type] = qualified.split("/");
    const entry = namespaces.get(namespace.toLowerCase()) ?? { namespace, types: /* @__PURE__ */ new Map() };
    const known = [...entry.types.keys()].find((t) => t.toLowerCase() === type.toLowerCase()) ?? type;
    entry.types.set(known, [.../* @__PURE__ */ new Set([...entry.types.get(known) ?? [], ...versions])].sort().reverse());
    namespaces.set(namespace.toLowerCase(), entry);
  };
  for (const [key, versions] of versionsByType) add(typeNames.get(key) ?? key, versions);
  for (const [qualified, versions] of Object.entries(extra)) add(qualified, versions);
  return { namespaces };
}
function providerResponse(directory, subscriptionId, namespace) {
  const entry = directory.namespaces.get(namespace.toLowerCase());
  if (!entry) return armErrors.invalidResourceNamespace(namespace);
  return {
    id: `/subscriptions/${subscriptionId}/providers/${entry.namespace}`,
    namespace: entry.namespace,
    registrationState: "Registered",
    registrationPolicy: "RegistrationRequired",
    resourceTypes: [...entry.types].map(([resourceType, apiVersions]) => ({
      resourceType,
      locations: DEFAULT_LOCATIONS,
      apiVersions,
      capabilities: "None"
    }))
  };
}

// conformance/mock/keys.ts
import { randomFillSync, randomInt } from "node:crypto";
var pool = Buffer.alloc(16 * 1024);
var used = pool.length;
var ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
function newKey(format) {
  if (format.encoding === "alphanumeric") {
    const alphabet = [...format.alphabet ?? ALPHANUMERIC];
    return Array.from({ length: format.length }, () => alphabet[randomInt(alphabet.length)]).join("");
  }
  if (format.bytes > pool.length) return randomFillSync(Buffer.alloc(format.bytes)).toString(format.encoding);
  if (used + format.bytes > pool.length) {
    randomFillSync(pool);
    used = 0;
  }
  const key = pool.toString(format.encoding, used, used + format.bytes);
  used += format.bytes;
  return key;
}
var lastMs = 0;
var lastTick = 0;
function timestamp(date = /* @__PURE__ */ new Date()) {
  let ms = date.getTime();
  let tick = 0;
  if (ms <= lastMs) {
    ms = lastMs;
    tick = lastTick + 1;
    if (tick === 1e4) {
      ms += 1;
      tick = 0;
    }
  }
  lastMs = ms;
  lastTick = tick;
  const iso = new Date(ms).toISOString();
  return `${iso.slice(0, 23)}${String(tick).padStart(4, "0")}Z`;
}

// conformance/mock/seed-state.ts
function newResource(address, properties = {}) {
  return { id: resourceId(address), address, properties, keys: {} };
}
function ensureKeys(resource, rotation, now = /* @__PURE__ */ new Date()) {
  for (const name of Object.keys(rotation.keys)) {
    const present = Object.keys(resource.keys).some((k) => keyName(rotation, k) === name);
    if (!present) resource.keys[name] = { value: newKey(rotation.keyFormat), lastUpdated: timestamp(now) };
  }
}
function enumValues(op, parameter) {
  const schema = op.operation.parameters.find((p) => p.name === parameter && p.in === "path")?.schema;
  return schema?.enum?.filter((v) => typeof v === "string");
}
function addressesOf(op, parameters) {
  const shape = op.shape;
  let variants = [Object.fromEntries(Object.entries(parameters).map(([k, v]) => [k, String(v)]))];
  for (const name of shape.nameParameters) {
    const values = enumValues(op, name);
    if (values?.length) variants = variants.flatMap((v) => values.map((value) => ({ ...v, [name]: value })));
  }
  return variants.map((values) => resourceAddress(shape, values));
}
function seedResources(model) {
  const byId = /* @__PURE__ */ new Map();
  const add = (address, rotation) => {
    for (const level of [...parents(address), address]) {
      const id = resourceId(level).toLowerCase();
      if (!byId.has(id)) byId.set(id, newResource(level));
    }
    const resource = byId.get(resourceId(address).toLowerCase());
    if (rotation) ensureKeys(resource, rotation);
  };
  for (const route of model.routes) {
    for (const versions of route.operations.values()) {
      for (const op of versions.values()) {
        if (!op.shape) continue;
        for (const example of op.operation.examples) {
          const complete = [op.shape.subscriptionParameter, op.shape.resourceGroupParameter, ...op.shape.nameParameters].every((p) => p === void 0 || example.parameters[p] !== void 0);
          if (complete) for (const address of addressesOf(op, example.parameters)) add(address, op.rotation);
        }
      }
    }
  }
  return [...byId.values()];
}

// conformance/mock/state-file.ts
var STATE_SCHEMA = {
  type: "object",
  additionalProperties: false,
  properties: {
    examples: { type: "boolean" },
    resources: {
      type: "array",
      items: {
        type: "object",
        required: ["id"],
        additionalProperties: false,
        properties: {
          id: { type: "string", pattern: "^/subscriptions/[^/]+/" },
          properties: { type: "object" },
          keys: {
            type: "object",
            additionalProperties: {
              oneOf: [
                { type: "string", minLength: 1 },
                { type: "object", required: ["value"], additionalProperties: false, properties: { value: { type: "string", minLength: 1 }, lastUpdated: { type: "string" } } }
              ]
            }
          }
        }
      }
    },
    apiVersions: {
      type: "object",
      propertyNames: { pattern: "^[^/]+/[^/]+$" },
      additionalProperties: { type: "array", items: { type: "string", pattern: "^\\d{4}-\\d{2}-\\d{2}(-[a-z]+)?$" } }
    }
  }
};
var checkState = schemaChecker(STATE_SCHEMA);
function checkStateDocument(value, file) {
  const violations = checkState(value);
  if (violations.length > 0) {
    throw new UserError(violations.map((v) => problem("mock/state", { file, pointer: v.instancePath || "/" }, `state ${v.message}`, "see the `--state FILE` format in the README")));
  }
  const doc = value;
  doc.resources?.forEach((r, i) => {
    if (!parseResourceId(r.id)) {
      throw new UserError(problem(
        "mock/state",
        { file, pointer: `/resources/${i}/id` },
        `"${r.id}" is not a resource id`,
        "write /subscriptions/{id}/resourceGroups/{rg}/providers/{Namespace}/{type}/{name}"
      ));
    }
  });
  return doc;
}
function readStateFile(path) {
  const file = displayPath(path);
  const read = readInputFile(path);
  if (!read.ok) throw new UserError(problem("mock/state", { file }, `the state file ${read.reason}`, `${read.hint}: a JSON file for --state`));
  let value;
  try {
    value = JSON.parse(read.text);
  } catch (e) {
    throw new UserError(problem("mock/state", { file }, `not JSON: ${e.message}`, "fix the JSON syntax"));
  }
  return checkStateDocument(value, file);
}
function initialResources(seeded, doc, now = /* @__PURE__ */ new Date()) {
  const byId = /* @__PURE__ */ new Map();
  for (const r of doc?.examples === false ? [] : seeded) byId.set(r.id.toLowerCase(), r);
  for (const entry of doc?.resources ?? []) {
    const address = parseResourceId(entry.id);
    for (const parent of parents(address).map((a) => newResource(a))) {
      if (!byId.has(parent.id.toLowerCase())) byId.set(parent.id.toLowerCase(), parent);
    }
    const resource = newResource(address, structuredClone(entry.properties ?? {}));
    for (const [name, key] of Object.entries(entry.keys ?? {})) {
      resource.keys[name] = typeof key === "string" ? { value: key, lastUpdated: timestamp(now) } : { value: key.value, lastUpdated: key.lastUpdated ?? timestamp(now) };
    }
    byId.set(resource.id.toLowerCase(), resource);
  }
  return [...byId.values()];
}

export {
  providerDirectory,
  providerResponse,
  newKey,
  timestamp,
  ensureKeys,
  seedResources,
  checkStateDocument,
  readStateFile,
  initialResources
};
