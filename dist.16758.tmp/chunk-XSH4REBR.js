import {
  MockState,
  requireApiVersion,
  selectOperationByApiVersion
} from "./chunk-MWY6LZN7.js";
import {
  armErrors
} from "./chunk-CSQB63KE.js";
import {
  mediaType
} from "./chunk-GMGS3OUV.js";
import {
  toViolations,
  tokens
} from "./chunk-ZOVCPWKV.js";

// conformance/mock/route-table.ts
import Router from "find-my-way";

// conformance/mock/steps/method.ts
var checkMethod = (exchange) => {
  exchange.candidates = exchange.route.operations.get(exchange.request.method);
  if (!exchange.candidates) return armErrors.methodNotAllowed(exchange.request.method, [...exchange.route.operations.keys()]);
  return void 0;
};

// conformance/mock/route-table.ts
var ROUTER_OPTIONS = { caseSensitive: false };
var ROUTE_METHODS = ["GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS"];
var ROUTING_STEPS = [checkMethod, requireApiVersion, selectOperationByApiVersion];
function routeTable(model) {
  const router = Router({ ...ROUTER_OPTIONS, onBadUrl: () => void 0, onMaxParamLength: () => void 0 });
  for (const route of model.routes) {
    router.on(ROUTE_METHODS, route.url, () => void 0, { route, count: (route.url.match(/:p\d+/g) ?? []).length });
  }
  const empty = new MockState(() => []);
  return {
    route(request) {
      const found = router.find(request.method, request.path);
      if (!found) return { refusal: armErrors.noRoute(request.method, request.path) };
      const entry = found.store;
      if (!entry) return { refusal: armErrors.badRequest(`The request is malformed: '${request.path}' has a malformed escape or a segment longer than the router reads.`) };
      const { route, count } = entry;
      const exchange = {
        request,
        route,
        positional: Array.from({ length: count }, (_, i) => found.params[`p${i}`] ?? ""),
        state: empty,
        now: /* @__PURE__ */ new Date(),
        parameters: {}
      };
      for (const step of ROUTING_STEPS) {
        const refusal = step(exchange);
        if (refusal) return { refusal };
      }
      return { operation: exchange.operation, exchange };
    }
  };
}

// client-runtime/case-insensitive-enums.ts
var MAX_ROUNDS = 4;
function tokens2(pointer) {
  return pointer === "" ? [] : pointer.split("/").slice(1).map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"));
}
function own(node, key) {
  if (typeof node !== "object" || node === null || !Object.prototype.hasOwnProperty.call(node, key)) return void 0;
  return node[key];
}
function valueAt(root, path) {
  let node = root;
  for (const key of path) node = own(node, key);
  return node;
}
var INDEX = /^(0|[1-9]\d*)$/;
function put(container, key, value) {
  if (Array.isArray(container) && INDEX.test(key)) container[Number(key)] = value;
  else if (!Array.isArray(container) && key !== "__proto__") container[key] = value;
  else Object.defineProperty(container, key, { value, enumerable: true, writable: true, configurable: true });
}
var CopyOnWrite = class {
  constructor(original) {
    this.original = original;
    this.root = original;
  }
  original;
  copies = /* @__PURE__ */ new Map();
  root;
  copyOf(node) {
    let copy = this.copies.get(node);
    if (!copy) {
      copy = Array.isArray(node) ? [...node] : { ...node };
      this.copies.set(node, copy);
    }
    return copy;
  }
  set(path, value) {
    if (path.length === 0) {
      this.root = value;
      return;
    }
    let node = this.original;
    let copy = this.copyOf(node);
    this.root = copy;
    for (const [i, key] of path.entries()) {
      const last = i === path.length - 1;
      const child = last ? void 0 : own(node, key);
      const next = last ? value : this.copyOf(child);
      put(copy, key, next);
      if (!last) [node, copy] = [child, next];
    }
  }
};
var MEMBERS = /* @__PURE__ */ new WeakMap();
function members(allowed) {
  let byLower = MEMBERS.get(allowed);
  if (!byLower) {
    byLower = /* @__PURE__ */ new Map();
    for (const member of allowed) {
      if (typeof member !== "string") continue;
      const lower = member.toLowerCase();
      byLower.set(lower, byLower.has(lower) ? null : member);
    }
    MEMBERS.set(allowed, byLower);
  }
  return byLower;
}
function canonicalMember(value, allowed) {
  if (typeof value !== "string") return void 0;
  const member = members(allowed).get(value.toLowerCase());
  return member && member !== value ? member : void 0;
}
function validateCaseInsensitive(validator, value, lenient) {
  let current = value;
  for (let round = 0; round <= MAX_ROUNDS; round++) {
    if (validator(current)) return { value: current };
    if (round === MAX_ROUNDS) return void 0;
    const judged = /* @__PURE__ */ new Map();
    const edit = new CopyOnWrite(current);
    let changed = false;
    for (const error of validator.errors ?? []) {
      const allowed = error.params.allowedValues;
      if (error.keyword !== "enum" || !Array.isArray(allowed)) continue;
      if (!judged.has(allowed)) judged.set(allowed, lenient(allowed));
      if (!judged.get(allowed)) continue;
      const path = tokens2(error.instancePath);
      const canonical = canonicalMember(valueAt(current, path), allowed);
      if (canonical === void 0) continue;
      edit.set(path, canonical);
      changed = true;
    }
    if (!changed) return void 0;
    current = edit.root;
  }
  return void 0;
}

// conformance/mock/canonical-enums.ts
function canonicalValue(validate, value) {
  return validateCaseInsensitive(validate, value, () => true);
}

// conformance/mock/steps/parameters.ts
function coerce(value, check) {
  const type = check.parameter.schema.type;
  if ((type === "integer" || type === "number") && value.trim() !== "" && !Number.isNaN(Number(value))) return Number(value);
  if (type === "boolean" && (value === "true" || value === "false")) return value === "true";
  return value;
}
function parameterValue(check, exchange) {
  const { parameter } = check;
  const op = exchange.operation;
  if (parameter.in === "path") {
    const index = op.pathParameters.indexOf(parameter.name);
    return index === -1 ? void 0 : exchange.positional[index];
  }
  if (parameter.in === "query") return exchange.request.query[parameter.name];
  return exchange.request.headers[parameter.name.toLowerCase()];
}
function refuse(check, value, violations, exchange) {
  const name = check.parameter.name;
  if (exchange.operation.shape?.subscriptionParameter === name) return armErrors.invalidSubscriptionId(value);
  const details = violations.map((v) => ({ code: "InvalidParameter", target: name, message: `The parameter '${name}' ${v.message}.` }));
  return armErrors.invalidParameter(`The value '${value}' of parameter '${name}' is invalid: it ${violations.map((v) => v.message).join("; ")}.`, name, details);
}
function checkParameter(check, exchange) {
  const raw = parameterValue(check, exchange);
  if (raw === void 0) return check.parameter.required ? armErrors.missingParameter(check.parameter.name) : void 0;
  if (Array.isArray(raw)) {
    return armErrors.invalidParameter(`The parameter '${check.parameter.name}' must be given once.`, check.parameter.name);
  }
  const coerced = coerce(raw, check);
  const valid = check.parameter.in === "path" ? canonicalValue(check.validate, coerced) : check.validate(coerced) ? { value: coerced } : void 0;
  if (!valid) return refuse(check, raw, toViolations(check.validate.errors), exchange);
  exchange.parameters[check.parameter.name] = typeof valid.value === "string" ? valid.value : raw;
  return void 0;
}
var validateParameters = (exchange) => {
  for (const check of exchange.operation.parameters) {
    const refusal = checkParameter(check, exchange);
    if (refusal) return refusal;
  }
  return void 0;
};

// conformance/mock/steps/request-body.ts
var UTF8 = new TextDecoder("utf-8", { fatal: true });
var DESERIALIZATION = /* @__PURE__ */ new Set(["type", "required"]);
function target(violation, bodyName) {
  const path = tokens(violation.instancePath);
  return path.length === 0 ? bodyName : path.join(".");
}
var validateRequestBody = (exchange) => {
  const spec = exchange.operation.body;
  if (!spec) return void 0;
  const raw = exchange.request.body;
  const sentType = exchange.request.headers["content-type"];
  if (!raw || raw.length === 0) {
    if (spec.model.required) return armErrors.invalidRequestContent("The request body is required.", void 0, spec.model.name);
    return void 0;
  }
  const expected = spec.model.contentType.toLowerCase();
  if (mediaType(sentType) !== expected) return armErrors.unsupportedMediaType(sentType, expected);
  let body;
  try {
    body = JSON.parse(UTF8.decode(raw));
  } catch (e) {
    const detail = e instanceof SyntaxError ? e.message : "The body is not valid UTF-8.";
    return armErrors.invalidRequestContent(detail, void 0, spec.model.name);
  }
  const valid = canonicalValue(spec.validate, body);
  if (!valid) {
    const violations = toViolations(spec.validate.errors);
    const details = violations.map((v) => ({
      code: DESERIALIZATION.has(v.keyword) ? "InvalidRequestContent" : "InvalidParameter",
      target: target(v, spec.model.name),
      message: `'${target(v, spec.model.name)}' ${v.message}.`
    }));
    const first = details[0];
    if (first.code === "InvalidRequestContent") return armErrors.invalidRequestContent(first.message, details, first.target);
    return armErrors.invalidParameter(`The request body is invalid: ${details.map((d) => d.message).join(" ")}`, first.target, details);
  }
  exchange.body = valid.value;
  return void 0;
};

export {
  checkMethod,
  canonicalValue,
  parameterValue,
  checkParameter,
  validateParameters,
  validateRequestBody,
  ROUTER_OPTIONS,
  ROUTE_METHODS,
  routeTable
};
