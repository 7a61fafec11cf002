import {
  armErrors
} from "./chunk-CSQB63KE.js";
import {
  UserError,
  compiledSchema,
  createAjv,
  deref,
  displayPath,
  errorResponse,
  join,
  problem,
  qualifiedName,
  resourceId,
  successResponses,
  walkProperties
} from "./chunk-ZOVCPWKV.js";

// conformance/mock/error-body.ts
var ARM_ERROR_SHAPE = {
  envelope: "/error",
  fields: /* @__PURE__ */ new Set(["code", "message", "target", "details"]),
  detailFields: /* @__PURE__ */ new Set(["code", "message", "target"])
};
function errorShape(doc, operation) {
  const response = errorResponse(operation);
  if (!response?.schema || !response.schemaPointer) return ARM_ERROR_SHAPE;
  const fieldsOf = (schema, pointer) => {
    const names = /* @__PURE__ */ new Map();
    walkProperties(doc.raw, schema, pointer, (p) => {
      if (p.instancePath.lastIndexOf("/") === 0) names.set(p.name, { schema: p.schema, pointer: p.pointer });
    });
    return names;
  };
  const top = fieldsOf(response.schema, response.schemaPointer);
  const wrapped = top.has("error") && !top.has("code");
  const inner = wrapped ? fieldsOf(top.get("error").schema, top.get("error").pointer) : top;
  if (!inner.has("code")) return ARM_ERROR_SHAPE;
  const details = inner.get("details");
  const items = details?.schema.items ? deref(doc.raw, details.schema.items, join(details.pointer, "items")) : void 0;
  return {
    envelope: wrapped ? "/error" : "",
    fields: new Set(inner.keys()),
    detailFields: items ? new Set(fieldsOf(items.node, items.pointer).keys()) : /* @__PURE__ */ new Set()
  };
}
function pick(detail, fields) {
  const out = {};
  for (const [key, value] of Object.entries(detail)) if (value !== void 0 && fields.has(key)) out[key] = value;
  return out;
}
function renderErrorBody(error, shape) {
  const inner = { code: error.code, message: error.message };
  if (error.target !== void 0 && shape.fields.has("target")) inner.target = error.target;
  if (error.details?.length && shape.fields.has("details")) inner.details = error.details.map((d) => pick(d, shape.detailFields));
  return shape.envelope === "" ? inner : { error: inner };
}

// conformance/mock/mock-model.ts
var ADMIN_PREFIX = "/_rekey";
var TEMPLATE_PARAMETER = /\{([^{}]+)\}/g;
function routeKey(template) {
  return template.replace(TEMPLATE_PARAMETER, "{}").toLowerCase();
}
function bearerRequired(doc, operation) {
  return operation.security.some((requirement) => {
    const scheme = doc.securitySchemes.find((s) => s.name === requirement.scheme);
    return scheme !== void 0 && (scheme.type === "oauth2" || scheme.type === "http" || scheme.type === "openIdConnect");
  });
}
function validatedParameters(operation) {
  return operation.parameters.filter((p) => p.binding !== "api-version" && p.in !== "cookie");
}
function mockOperation(doc, operation, validatorFor) {
  const success = successResponses(operation)[0];
  if (!success) {
    throw new UserError(problem(
      "mock",
      { file: displayPath(doc.file), pointer: operation.pointer + "/responses" },
      `operation ${operation.operationId} has no success response to serve`,
      "document a 2xx response"
    ));
  }
  const pathParameters = [...operation.pathTemplate.matchAll(TEMPLATE_PARAMETER)].map((m) => m[1]);
  return {
    doc,
    operation,
    pathParameters,
    parameters: validatedParameters(operation).map((parameter) => ({ parameter, validate: validatorFor(doc, parameter.schemaPointer) })),
    body: operation.requestBody && {
      model: operation.requestBody,
      validate: validatorFor(doc, operation.requestBody.schemaPointer)
    },
    success,
    errorShape: errorShape(doc, operation),
    shape: operation.armPath,
    rotation: operation.rotation,
    readsBackFor: doc.operations.find((o) => o.rotation?.readBack?.operationId === operation.operationId)?.rotation,
    requiresBearer: bearerRequired(doc, operation)
  };
}
function ajvValidators(docs, ajv = createAjv(docs, { trusted: true })) {
  return (doc, pointer) => compiledSchema(ajv, doc, pointer);
}
function buildMockModel(docs, validatorFor = ajvValidators(docs)) {
  const routes = /* @__PURE__ */ new Map();
  for (const doc of docs) {
    for (const operation of doc.operations) {
      if (operation.pathTemplate.toLowerCase().startsWith(ADMIN_PREFIX)) {
        throw new UserError(problem(
          "mock",
          { file: displayPath(doc.file), pointer: operation.pointer },
          "paths under /_rekey are reserved for the mock's admin routes",
          "rename the path"
        ));
      }
      const entry = mockOperation(doc, operation, validatorFor);
      const key = routeKey(operation.pathTemplate);
      let route = routes.get(key);
      if (!route) {
        let i = 0;
        route = {
          url: operation.pathTemplate.replace(TEMPLATE_PARAMETER, () => `:p${i++}`),
          template: operation.pathTemplate,
          operations: /* @__PURE__ */ new Map(),
          typeLabel: entry.shape?.types[0] ?? operation.pathTemplate,
          resourceType: entry.shape ? `${entry.shape.namespace}/${entry.shape.types[0]}` : void 0
        };
        routes.set(key, route);
      }
      const method = operation.httpMethod.toUpperCase();
      const versions = route.operations.get(method) ?? /* @__PURE__ */ new Map();
      versions.set(doc.apiVersion.toLowerCase(), entry);
      route.operations.set(method, versions);
    }
  }
  return { docs, routes: [...routes.values()] };
}
function apiVersionsByResourceType(model) {
  const byType = /* @__PURE__ */ new Map();
  for (const route of model.routes) {
    if (!route.resourceType) continue;
    const key = route.resourceType.toLowerCase();
    const set = byType.get(key) ?? /* @__PURE__ */ new Set();
    for (const versions of route.operations.values()) for (const op of versions.values()) set.add(op.doc.apiVersion);
    byType.set(key, set);
  }
  return new Map([...byType].map(([k, v]) => [k, [...v].sort().reverse()]));
}

// conformance/mock/state.ts
var lower = (s) => s.toLowerCase();
var MockState = class {
  constructor(initial) {
    this.initial = initial;
    this.reset();
  }
  initial;
  resources = /* @__PURE__ */ new Map();
  subscriptions = /* @__PURE__ */ new Set();
  resourceGroups = /* @__PURE__ */ new Set();
  /** Back to the state the mock started with (examples and --state file). */
  reset() {
    this.replace(this.initial());
  }
  replace(resources) {
    this.resources.clear();
    this.subscriptions.clear();
    this.resourceGroups.clear();
    for (const r of resources) this.put(r);
  }
  /** Adds a resource, or replaces the one with the same id. */
  put(resource) {
    const { subscriptionId, resourceGroup } = resource.address;
    this.subscriptions.add(lower(subscriptionId));
    if (resourceGroup !== void 0) this.resourceGroups.add(lower(`${subscriptionId}/${resourceGroup}`));
    this.resources.set(lower(resource.id), resource);
  }
  lookup(address) {
    if (!this.subscriptions.has(lower(address.subscriptionId))) return { missing: "subscription" };
    if (address.resourceGroup !== void 0 && !this.resourceGroups.has(lower(`${address.subscriptionId}/${address.resourceGroup}`))) {
      return { missing: "resourceGroup" };
    }
    for (let depth = 1; depth < address.types.length; depth++) {
      if (!this.resources.has(lower(resourceId(address, depth)))) return { missing: "resource", qualifiedName: qualifiedName(address, depth) };
    }
    const found = this.resources.get(lower(resourceId(address)));
    return found ? { found } : { missing: "resource", qualifiedName: qualifiedName(address) };
  }
  list() {
    return [...this.resources.values()];
  }
};

// conformance/mock/steps/api-version.ts
var DEFAULT_LOCATIONS = ["East US", "West US 2", "West Europe", "Southeast Asia", "Japan East"];
var requireApiVersion = (exchange) => {
  const value = exchange.request.query["api-version"];
  if (value === void 0 || value === "") return armErrors.missingApiVersion();
  if (Array.isArray(value)) return armErrors.invalidApiVersion(value.join(","), supportedVersions(exchange.candidates));
  exchange.apiVersion = value;
  return void 0;
};
var selectOperationByApiVersion = (exchange) => {
  const candidates = exchange.candidates;
  exchange.operation = candidates.get(exchange.apiVersion.toLowerCase());
  if (!exchange.operation) {
    return armErrors.noRegisteredProvider(exchange.apiVersion, exchange.route.typeLabel, supportedVersions(candidates), DEFAULT_LOCATIONS);
  }
  return void 0;
};
function supportedVersions(candidates) {
  return [...candidates.values()].map((op) => op.doc.apiVersion).sort().reverse();
}

export {
  ARM_ERROR_SHAPE,
  renderErrorBody,
  ADMIN_PREFIX,
  validatedParameters,
  ajvValidators,
  buildMockModel,
  apiVersionsByResourceType,
  DEFAULT_LOCATIONS,
  requireApiVersion,
  selectOperationByApiVersion,
  MockState
};
