import {
  checkStateDocument,
  ensureKeys,
  newKey,
  providerResponse,
  timestamp
} from "./chunk-UKLYBJ3X.js";
import {
  FAULT_HEADER,
  findFault,
  listFaults
} from "./chunk-4THIR63X.js";
import {
  ROUTER_OPTIONS,
  ROUTE_METHODS,
  checkMethod,
  validateParameters,
  validateRequestBody
} from "./chunk-XSH4REBR.js";
import {
  ADMIN_PREFIX,
  ARM_ERROR_SHAPE,
  renderErrorBody,
  requireApiVersion,
  selectOperationByApiVersion
} from "./chunk-MWY6LZN7.js";
import {
  armErrors
} from "./chunk-CSQB63KE.js";
import "./chunk-GMGS3OUV.js";
import {
  elementIndex,
  get,
  keyName,
  printable,
  resourceAddress,
  set,
  tokens
} from "./chunk-ZOVCPWKV.js";

// conformance/mock/server.ts
import { setTimeout as sleep } from "node:timers/promises";
import Fastify from "fastify";

// conformance/mock/arm-headers.ts
import { randomUUID } from "node:crypto";
var MOCK_REGION = "EASTUS";
var TRACKED_SUBSCRIPTIONS = 1e4;
var KEY_LENGTH = 64;
var WRITES = { capacity: 200, perSecond: 10 };
var GLOBAL_WRITES = { capacity: WRITES.capacity * 15, perSecond: WRITES.perSecond * 15 };
var RemainingWrites = class {
  constructor(capacity = WRITES.capacity, perSecond = WRITES.perSecond, tracked = TRACKED_SUBSCRIPTIONS) {
    this.capacity = capacity;
    this.perSecond = perSecond;
    this.tracked = tracked;
  }
  capacity;
  perSecond;
  tracked;
  /** In least-recently-used-first order: a bucket is re-inserted each time it is taken from. */
  buckets = /* @__PURE__ */ new Map();
  get size() {
    return this.buckets.size;
  }
  take(subscription, now) {
    const key = subscription.slice(0, KEY_LENGTH).toLowerCase();
    const bucket = this.buckets.get(key) ?? { tokens: this.capacity, at: now };
    bucket.tokens = Math.min(this.capacity, bucket.tokens + (now - bucket.at) / 1e3 * this.perSecond);
    bucket.at = now;
    bucket.tokens = Math.max(0, bucket.tokens - 1);
    this.buckets.delete(key);
    this.buckets.set(key, bucket);
    if (this.buckets.size > this.tracked) this.buckets.delete(this.buckets.keys().next().value);
    return Math.floor(bucket.tokens);
  }
};
var routingSecond = -1;
var routingStamp = "";
function routingTime(now) {
  const second = Math.floor(now.getTime() / 1e3);
  if (second !== routingSecond) {
    routingSecond = second;
    routingStamp = now.toISOString().replace(/[-:]/g, "").replace(/\.\d{3}Z$/, "Z");
  }
  return routingStamp;
}
var GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
function armHeaders(request, now) {
  const sent = request["x-ms-correlation-request-id"];
  const correlation = typeof sent === "string" && GUID.test(sent) ? sent : randomUUID();
  const headers = {
    "cache-control": "no-cache",
    pragma: "no-cache",
    expires: "-1",
    "strict-transport-security": "max-age=31536000; includeSubDomains",
    "x-content-type-options": "nosniff",
    "x-ms-request-id": randomUUID(),
    "x-ms-correlation-request-id": correlation,
    "x-ms-routing-request-id": `${MOCK_REGION}:${routingTime(now)}:${correlation}`
  };
  const clientRequestId = request["x-ms-client-request-id"];
  if (request["x-ms-return-client-request-id"] === "true" && typeof clientRequestId === "string") {
    headers["x-ms-client-request-id"] = clientRequestId;
  }
  return headers;
}
var WriteCounters = class {
  writes = new RemainingWrites();
  global = new RemainingWrites(GLOBAL_WRITES.capacity, GLOBAL_WRITES.perSecond);
  take(subscription, now) {
    return {
      "x-ms-ratelimit-remaining-subscription-writes": String(this.writes.take(subscription, now)),
      "x-ms-ratelimit-remaining-subscription-global-writes": String(this.global.take(subscription, now))
    };
  }
};

// conformance/mock/mock-exchange.ts
function isArmError(value) {
  return typeof value === "object" && value !== null && "code" in value && "cause" in value && "status" in value;
}

// conformance/mock/behaviours/example-response.ts
function parsePrefer(header) {
  if (header === void 0) return void 0;
  const preference = {};
  for (const part of (Array.isArray(header) ? header.join(",") : header).split(",")) {
    const [key, ...rest] = part.split("=");
    const value = rest.join("=").trim().replace(/^"(.*)"$/, "$1");
    if (key.trim().toLowerCase() === "code") preference.code = value;
    if (key.trim().toLowerCase() === "example") preference.example = value;
  }
  return preference.code === void 0 && preference.example === void 0 ? void 0 : preference;
}
function exampleResponse(exchange, preference = {}) {
  const op = exchange.operation;
  const wanted = preference.example?.toLowerCase();
  const examples = op.operation.examples.filter((e) => wanted === void 0 || e.title.toLowerCase() === wanted || e.file.replace(/^.*\//, "").replace(/\.json$/i, "").toLowerCase() === wanted);
  const status = preference.code ?? op.success.status;
  const example = examples.find((e) => e.responses[status] !== void 0);
  if (!example) {
    const available = op.operation.examples.flatMap((e) => Object.keys(e.responses).map((code) => `code=${code}, example=${e.title}`));
    return armErrors.badRequest(`No documented example matches Prefer '${[preference.code && `code=${preference.code}`, preference.example && `example=${preference.example}`].filter(Boolean).join(", ") || `code=${status}`}'. Available: ${available.map((a) => `'${a}'`).join("; ") || "none"}.`);
  }
  const documented = example.responses[status];
  const headers = {};
  for (const [name, value] of Object.entries(documented.headers ?? {})) headers[name.toLowerCase()] = String(value);
  return { status: Number(status), headers, json: documented.body };
}

// conformance/mock/behaviours/keys-answer.ts
function exampleBody(op, status) {
  for (const example of op.operation.examples) {
    const body = example.responses[status]?.body;
    if (body !== null && typeof body === "object") return body;
  }
  return {};
}
function withElement(body, location) {
  const { array, where } = location.element;
  let index = elementIndex(get(body, array), where);
  if (index < 0) {
    const current = get(body, array);
    index = Array.isArray(current) ? current.length : 0;
    body = set(current === void 0 ? set(body, array, []) : body, `${array}/${index}`, { ...where });
  }
  return { body, at: `${array}/${index}` };
}
function storedName(resource, name) {
  const wanted = name.toLowerCase();
  return Object.keys(resource.keys).find((k) => k.toLowerCase() === wanted);
}
function storedKey(resource, name) {
  const stored = storedName(resource, name);
  return stored === void 0 ? void 0 : resource.keys[stored];
}
function keysAnswer(op, status, locations, resource) {
  let body = exampleBody(op, status);
  for (const [name, location] of Object.entries(locations)) {
    const stored = storedKey(resource, name);
    if (!stored || !location.value && !location.lastUpdated) continue;
    let base = "";
    if (location.element) ({ body, at: base } = withElement(body, location));
    if (location.value) body = set(body, base + location.value, stored.value);
    if (location.lastUpdated) body = set(body, base + location.lastUpdated, stored.lastUpdated);
  }
  return body;
}

// conformance/mock/behaviours/read-back.ts
var readBack = (exchange) => {
  const op = exchange.operation;
  const rotation = op.readsBackFor;
  const resource = exchange.resource;
  ensureKeys(resource, rotation, exchange.now);
  const status = Number(op.success.status);
  if (!op.success.schema) return { status, headers: {} };
  return { status, headers: {}, json: keysAnswer(op, op.success.status, rotation.readBack.keys, resource) };
};

// conformance/mock/behaviours/regenerate-key.ts
function selectedValue(rotation, exchange) {
  const selector = rotation.selector;
  if ("fixed" in selector) return selector.fixed;
  if (selector.in === "body") return get(exchange.body, selector.pointer);
  return exchange.parameters[selector.parameter];
}
function preconditionFails(rotation, resource) {
  const rule = rotation.precondition;
  if (!rule) return false;
  const value = resource.properties[rule.property] ?? rule.default;
  return !Array.isArray(value) || !value.some((v) => typeof v === "string" && v.toLowerCase() === rule.contains.toLowerCase());
}
function rotatedKeys(rotation, selected, fault) {
  const names = Object.keys(rotation.keys);
  if (fault === "none") return [];
  if (fault === "both") return names;
  if (fault === "other") return [names[(names.indexOf(selected) + 1) % names.length]];
  return [selected];
}
var regenerateKey = (exchange, options) => {
  const op = exchange.operation;
  const rotation = op.rotation;
  const resource = exchange.resource;
  if (preconditionFails(rotation, resource)) {
    const rule = rotation.precondition;
    return armErrors.conflict(rule.status, rule.code, rule.message);
  }
  const selected = selectedValue(rotation, exchange);
  const name = keyName(rotation, selected);
  if (!name) {
    const selector = rotation.selector;
    const target = "pointer" in selector ? tokens(selector.pointer).join(".") : "parameter" in selector ? selector.parameter : "key";
    return armErrors.invalidParameter(`The key name '${String(selected)}' is invalid. Valid values are ${Object.keys(rotation.keys).map((k) => `'${k}'`).join(", ")}.`, target);
  }
  ensureKeys(resource, rotation, exchange.now);
  for (const key of rotatedKeys(rotation, name, options.rotationFault)) {
    resource.keys[storedName(resource, key) ?? key] = { value: newKey(rotation.keyFormat), lastUpdated: timestamp(exchange.now) };
  }
  const status = Number(op.success.status);
  if (!op.success.schema) return { status, headers: {} };
  let body = keysAnswer(op, op.success.status, rotation.keys, resource);
  if (rotation.resourceName && exchange.address) {
    body = set(body, rotation.resourceName, exchange.address.names[exchange.address.names.length - 1]);
  }
  return { status, headers: {}, json: body };
};

// conformance/mock/steps/authentication.ts
var MOCK_TENANT_ID = "7a6b2f4e-3c1d-4e8f-9a0b-1c2d3e4f5a6b";
var BEARER = /^Bearer +([A-Za-z0-9\-._~+/]+=*) *$/i;
var authenticate = (exchange) => {
  if (![...exchange.candidates.values()].some((op) => op.requiresBearer)) return void 0;
  return checkBearer(exchange.request.headers, exchange.now);
};
function checkBearer(headers, now) {
  const header = headers.authorization;
  if (header === void 0) return armErrors.missingAuthorization(MOCK_TENANT_ID);
  const token = BEARER.exec(header)?.[1];
  if (!token) return armErrors.invalidAuthorizationHeader(MOCK_TENANT_ID);
  const parts = token.split(".");
  if (parts.length !== 3) return void 0;
  let claims;
  try {
    claims = JSON.parse(Buffer.from(parts[1], "base64url").toString("utf8"));
  } catch {
    return armErrors.invalidToken(MOCK_TENANT_ID);
  }
  if (typeof claims !== "object" || claims === null) return armErrors.invalidToken(MOCK_TENANT_ID);
  if (typeof claims.exp === "number" && claims.exp * 1e3 < now.getTime()) {
    return armErrors.expiredToken(new Date(claims.exp * 1e3), now, MOCK_TENANT_ID);
  }
  return void 0;
}

// conformance/mock/steps/resource-lookup.ts
var lookUpResource = (exchange) => {
  const shape = exchange.operation.shape;
  if (!shape) return void 0;
  const address = resourceAddress(shape, exchange.parameters);
  exchange.address = address;
  const result = exchange.state.lookup(address);
  if ("found" in result) {
    exchange.resource = result.found;
    return void 0;
  }
  if (result.missing === "subscription") return armErrors.subscriptionNotFound(address.subscriptionId);
  if (result.missing === "resourceGroup") return armErrors.resourceGroupNotFound(address.resourceGroup);
  return armErrors.resourceNotFound("qualifiedName" in result ? result.qualifiedName : "", address.resourceGroup);
};

// conformance/mock/pipeline.ts
var STEPS = [
  checkMethod,
  requireApiVersion,
  authenticate,
  selectOperationByApiVersion,
  validateParameters,
  validateRequestBody,
  lookUpResource
];
function behaviourFor(exchange, examplesOnly) {
  const preference = parsePrefer(exchange.request.headers.prefer);
  if (preference || examplesOnly) return (ex) => exampleResponse(ex, preference);
  if (exchange.operation.rotation) return regenerateKey;
  if (exchange.operation.readsBackFor) return readBack;
  return (ex) => exampleResponse(ex);
}
function runPipeline(exchange, options) {
  for (const step of STEPS) {
    const refusal = step(exchange);
    if (refusal) return refusal;
  }
  return behaviourFor(exchange, options.examplesOnly)(exchange, options);
}

// conformance/mock/request-log.ts
var SECRET_NAME = /token|key|secret|sig|password|code/i;
function redactUrl(url) {
  const q = url.indexOf("?");
  if (q === -1) return url;
  const params = url.slice(q + 1).split("&").map((pair) => {
    const [name] = pair.split("=", 1);
    return SECRET_NAME.test(decodeURIComponentSafe(name)) && pair.includes("=") ? `${name}=REDACTED` : pair;
  });
  return `${url.slice(0, q)}?${params.join("&")}`;
}
function decodeURIComponentSafe(s) {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
function formatLogLine(method, url, status, code, ms) {
  return `${printable(method)} ${printable(redactUrl(url))} ${status}${code ? ` ${code}` : ""} ${ms.toFixed(1)}ms`;
}

// conformance/mock/admin-routes.ts
function registerAdminRoutes(app, state, setStateDocument) {
  const json = (reply, status, value) => {
    reply.code(status).header("cache-control", "no-cache");
    if (value === void 0) return reply.send();
    return reply.header("content-type", "application/json; charset=utf-8").send(JSON.stringify(value));
  };
  app.get(`${ADMIN_PREFIX}/state`, async (_req, reply) => json(reply, 200, { resources: state.list().map(({ id, properties, keys }) => ({ id, properties, keys })) }));
  app.post(`${ADMIN_PREFIX}/state/reset`, async (_req, reply) => {
    state.reset();
    return json(reply, 204);
  });
  app.put(`${ADMIN_PREFIX}/state`, async (req, reply) => {
    let doc;
    try {
      doc = checkStateDocument(JSON.parse(req.body?.toString("utf8") ?? ""), "request body");
    } catch (e) {
      const message = e instanceof SyntaxError ? `not JSON: ${e.message}` : e.message;
      return json(reply, 400, { error: { code: "InvalidStateDocument", message } });
    }
    setStateDocument(doc);
    state.reset();
    return json(reply, 204);
  });
  app.get(`${ADMIN_PREFIX}/faults`, async (_req, reply) => json(reply, 200, { faults: listFaults() }));
}

// conformance/mock/server.ts
function errorResponse(error, shape) {
  return { status: error.status, headers: { ...error.headers, "x-ms-failure-cause": error.cause }, json: renderErrorBody(error, shape) };
}
function write(res, socket, response) {
  const headers = response.headers;
  let body = response.text ?? (response.json === void 0 ? void 0 : JSON.stringify(response.json));
  if (body !== void 0 && response.contentType !== null) headers["content-type"] = response.contentType ?? "application/json; charset=utf-8";
  if (response.status === 204 && body !== void 0 && response.forceBody && socket) {
    const lines = Object.entries({ ...headers, "content-length": String(Buffer.byteLength(body)), connection: "close" }).map(([k, v]) => `${k}: ${v}`);
    socket.end(`HTTP/1.1 204 No Content\r
date: ${(/* @__PURE__ */ new Date()).toUTCString()}\r
${lines.join("\r\n")}\r
\r
${body}`);
    return;
  }
  if (response.status === 204 || response.status === 304) body = void 0;
  else headers["content-length"] = String(body === void 0 ? 0 : Buffer.byteLength(body));
  res.writeHead(response.status, headers);
  res.end(body);
}
function pathOf(url) {
  const q = url.indexOf("?");
  return q === -1 ? url : url.slice(0, q);
}
function subscriptionOf(path) {
  return /^\/subscriptions\/([^/]+)/i.exec(path)?.[1] ?? "";
}
function newestOperation(route) {
  let newest;
  for (const versions of route.operations.values()) {
    for (const op of versions.values()) if (!newest || op.doc.apiVersion > newest.doc.apiVersion) newest = op;
  }
  return newest;
}
async function buildServer(settings) {
  const { model, state, log } = settings;
  const writes = new WriteCounters();
  const closing = new AbortController();
  const finish = async (req, reply, response, started, code, fault) => {
    for (const delay of [settings.latencyMs, fault?.delayMs ?? 0]) {
      if (delay === 0) continue;
      const held = await sleep(delay, true, { signal: closing.signal }).catch(() => false);
      if (!held) return;
    }
    reply.hijack();
    if (fault?.reset) {
      req.raw.socket.destroy();
      log?.(formatLogLine(req.method, req.url, 0, "connection-reset", performance.now() - started));
      return;
    }
    write(reply.raw, req.raw.socket, response);
    log?.(formatLogLine(req.method, req.url, response.status, code, performance.now() - started));
  };
  const armAnswer = (req, error, shape = ARM_ERROR_SHAPE) => {
    const response = errorResponse(error, shape);
    response.headers = { ...armHeaders(req.headers, /* @__PURE__ */ new Date()), ...response.headers };
    return response;
  };
  const app = Fastify({
    logger: false,
    routerOptions: { ...ROUTER_OPTIONS },
    exposeHeadRoutes: false,
    bodyLimit: settings.bodyLimit,
    forceCloseConnections: true,
    https: settings.https ?? null,
    frameworkErrors: (error, req, reply) => {
      const response = armAnswer(req, armErrors.badRequest(`The request is malformed: ${error.message}.`));
      void finish(req, reply, response, performance.now(), "BadRequest");
    },
    clientErrorHandler: (error, socket) => {
      if (!socket.writable || error.code === "ECONNRESET") {
        socket.destroy();
        return;
      }
      const status = error.code === "HPE_HEADER_OVERFLOW" ? 431 : 400;
      const body = JSON.stringify({ error: { code: "BadRequest", message: `The HTTP request is malformed (${error.code ?? "parse error"}).` } });
      socket.end(`HTTP/1.1 ${status} ${status === 431 ? "Request Header Fields Too Large" : "Bad Request"}\r
content-type: application/json; charset=utf-8\r
content-length: ${Buffer.byteLength(body)}\r
connection: close\r
x-ms-failure-cause: gateway\r
\r
${body}`);
    }
  });
  app.addHook("preClose", (done) => {
    closing.abort();
    done();
  });
  app.removeAllContentTypeParsers();
  app.addContentTypeParser("*", { parseAs: "buffer" }, (_req, body, done) => done(null, body));
  app.setErrorHandler((error, req, reply) => {
    const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 400;
    const armError = status === 413 ? armErrors.requestTooLarge(settings.bodyLimit) : armErrors.badRequest(`The request could not be read: ${error.message}.`);
    void finish(req, reply, armAnswer(req, armError), performance.now(), armError.code);
  });
  app.setNotFoundHandler((req, reply) => {
    const error = armErrors.noRoute(req.method, pathOf(req.url));
    void finish(req, reply, armAnswer(req, error), performance.now(), error.code);
  });
  const handle = (route, paramCount) => async (req, reply) => {
    const started = performance.now();
    const now = /* @__PURE__ */ new Date();
    const faultHeader = req.headers[FAULT_HEADER];
    let fault = settings.fault;
    if (typeof faultHeader === "string") {
      const found = findFault(faultHeader);
      if ("refusal" in found) {
        const error = armErrors.badRequest(`Invalid ${FAULT_HEADER}: ${found.refusal}; ${found.hint}.`);
        return finish(req, reply, armAnswer(req, error), started, error.code);
      }
      fault = found.fault;
    }
    const params = req.params;
    const path = pathOf(req.url);
    const subscription = subscriptionOf(path);
    const exchange = {
      request: { method: req.method, path, query: req.query, headers: req.headers, body: req.body },
      route,
      positional: Array.from({ length: paramCount }, (_, i) => params[`p${i}`]),
      state,
      now,
      parameters: {}
    };
    const result = fault?.before ? fault.before(subscription) : runPipeline(exchange, { examplesOnly: settings.examplesOnly, rotationFault: fault?.rotation });
    const operation = exchange.operation ?? newestOperation(route);
    const isError = isArmError(result);
    let response = isError ? errorResponse(result, operation?.errorShape ?? ARM_ERROR_SHAPE) : result;
    response.headers = {
      ...armHeaders(req.headers, now),
      ...writes.take(subscription, now.getTime()),
      ...response.headers
    };
    if (fault?.response) response = fault.response(response, { operation, isError });
    return finish(req, reply, response, started, isError ? result.code : void 0, fault);
  };
  let providersRouteTaken = false;
  for (const route of model.routes) {
    const paramCount = (route.url.match(/:p\d+/g) ?? []).length;
    if (/^\/subscriptions\/:p0\/providers\/:p1$/i.test(route.url)) providersRouteTaken = true;
    app.route({ method: ROUTE_METHODS, url: route.url, handler: handle(route, paramCount) });
  }
  if (!providersRouteTaken) {
    app.get("/subscriptions/:subscriptionId/providers/:namespace", async (req, reply) => {
      const started = performance.now();
      const { subscriptionId, namespace } = req.params;
      const apiVersion = req.query["api-version"];
      const refusal = apiVersion === void 0 || apiVersion === "" ? armErrors.missingApiVersion() : checkBearer(req.headers, /* @__PURE__ */ new Date());
      const answer = refusal ?? providerResponse(settings.providers, subscriptionId, namespace);
      const response = isArmError(answer) ? armAnswer(req, answer) : { status: 200, headers: { ...armHeaders(req.headers, /* @__PURE__ */ new Date()), "x-ms-ratelimit-remaining-subscription-reads": "249" }, json: answer };
      return finish(req, reply, response, started, isArmError(answer) ? answer.code : void 0);
    });
  }
  registerAdminRoutes(app, settings.state, settings.setStateDocument);
  return app;
}
export {
  buildServer
};
