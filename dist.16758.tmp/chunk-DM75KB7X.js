import {
  mediaType
} from "./chunk-GMGS3OUV.js";
import {
  compiledSchema,
  deref,
  describeLocation,
  errorResponse,
  get,
  join,
  keyName,
  keyPointer,
  keyValue,
  toViolations,
  tokens
} from "./chunk-ZOVCPWKV.js";

// conformance/checks/arm-headers.ts
var armHeaders = {
  name: "arm-headers",
  summary: "x-ms-request-id is present; the sent correlation and client request ids are echoed (absent: a warning)",
  severity: "failure",
  appliesTo: () => true,
  run: ({ response, sent, recorded }) => {
    const headers = response.headers;
    const failures = [];
    const dropped = (name) => {
      if (!recorded?.droppedHeaders.includes(name)) return false;
      recorded.notJudged(`${name}: the recording's format drops it`);
      return true;
    };
    if (!headers["x-ms-request-id"]?.trim() && !dropped("x-ms-request-id")) {
      failures.push({ pointer: "", expected: "x-ms-request-id", actual: null, notFromBody: true, message: "no x-ms-request-id header" });
    }
    const echoes = [
      ["x-ms-correlation-request-id", sent.correlationRequestId],
      ["x-ms-client-request-id", sent.clientRequestId]
    ];
    for (const [name, value] of echoes) {
      if (value === void 0 || headers[name] === value) continue;
      const absent = headers[name] === void 0;
      if (absent && dropped(name)) continue;
      if (recorded && [value, headers[name]].some((v) => recorded.isPlaceholder(v))) {
        recorded.notJudged(`${name}: the recorder replaced the id`);
        continue;
      }
      const message = absent ? `no ${name} header (ARM echoes the id sent)` : `${name} does not echo the id sent`;
      failures.push({ pointer: "", expected: `${name}: ${value}`, actual: headers[name] ?? null, notFromBody: true, severity: absent ? "warning" : "failure", message });
    }
    return failures;
  }
};

// conformance/checks/documented-response.ts
function documentedResponse(operation, status2) {
  const code = String(status2);
  return operation.responses.find((r) => r.status === code) ?? operation.responses.find((r) => r.status.toUpperCase() === `${code[0]}XX`) ?? operation.responses.find((r) => r.status === "default");
}

// conformance/checks/content-type.ts
var contentType = {
  name: "content-type",
  summary: "JSON bodies carry the documented Content-Type; 204 and other body-less answers carry no body and no Content-Type",
  severity: "failure",
  appliesTo: () => true,
  run: ({ exchange, response }) => {
    const { status: status2, headers, text } = response;
    const actual = headers["content-type"];
    const documented = documentedResponse(exchange.context.operation, status2);
    const bodyless = status2 === 204 || status2 === 304 || documented !== void 0 && documented.contentType === void 0;
    if (bodyless) {
      const failures = [];
      const length = Math.max(text.length, Number(headers["content-length"] ?? 0) || 0);
      if (length > 0) failures.push({ pointer: "", expected: "no body", actual: `${length} bytes`, notFromBody: true, message: `a ${status2} answer must have no body` });
      if (actual !== void 0) {
        const severity = length > 0 ? "failure" : "warning";
        failures.push({ pointer: "", expected: "no Content-Type", actual, notFromBody: true, severity, message: `a ${status2} answer without a body should not send Content-Type` });
      }
      return failures;
    }
    const expected = documented?.contentType;
    if (!expected) return [];
    if (actual === void 0) return [{ pointer: "", expected, actual: null, notFromBody: true, message: `no Content-Type on a ${status2} answer (expected ${expected})` }];
    if (mediaType(actual) !== mediaType(expected)) return [{ pointer: "", expected, actual, notFromBody: true, message: `Content-Type is ${actual}, expected ${expected}` }];
    return [];
  }
};

// conformance/checks/error-contract.ts
var errorContract = {
  name: "error-contract",
  summary: "an error answer is JSON with a non-empty code and message where the error schema puts them",
  severity: "failure",
  appliesTo: () => true,
  run: ({ exchange, response }) => {
    const { doc, operation } = exchange.context;
    if (response.status < 400) return [];
    const documented = errorResponse(operation);
    if (!documented?.schemaPointer) return [];
    const body = response.json;
    if (body === void 0) {
      if (!response.text) return [{ pointer: "", expected: "a JSON error body", actual: "no body", notFromBody: true, message: `a ${response.status} answer must carry the error envelope` }];
      return [{ pointer: "", expected: "a JSON error body", actual: response.text, message: `a ${response.status} answer must carry the error envelope` }];
    }
    const failures = [];
    const schema2 = deref(doc.raw, documented.schema, documented.schemaPointer).node;
    const wrapper = schema2?.properties?.error ? "/error" : "";
    for (const field of ["code", "message"]) {
      const pointer = `${wrapper}/${field}`;
      const value = get(body, pointer);
      if (typeof value !== "string" || value.trim() === "") {
        failures.push({ pointer, expected: "a non-empty string", actual: value ?? null, message: `error body has no ${pointer}` });
      }
    }
    return failures;
  }
};

// conformance/checks/check.ts
function jsonType(value) {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (typeof value === "number") return Number.isInteger(value) ? "integer" : "number";
  return typeof value;
}

// conformance/checks/object-schema.ts
function objectSchema(raw, schema2, pointer) {
  const { node, pointer: at } = deref(raw, schema2, pointer);
  const found = { properties: /* @__PURE__ */ new Map(), required: /* @__PURE__ */ new Set(), open: false };
  if (!node || typeof node !== "object") return { ...found, open: true };
  if (node.additionalProperties !== void 0 || node.patternProperties || node.anyOf || node.oneOf || !node.properties && !node.allOf) found.open = true;
  for (const [name, property] of Object.entries(node.properties ?? {})) found.properties.set(name, [property, join(at, "properties", name)]);
  for (const name of Array.isArray(node.required) ? node.required : []) if (typeof name === "string") found.required.add(name);
  for (const [i, part] of (node.allOf ?? []).entries()) {
    const more = objectSchema(raw, part, join(at, "allOf", i));
    if (more.open) found.open = true;
    for (const [name, entry] of more.properties) found.properties.set(name, entry);
    for (const name of more.required) found.required.add(name);
  }
  return found;
}
function schemaAt(raw, schema2, pointer, instance) {
  let here = [schema2, pointer];
  for (const token of instance) {
    const { node, pointer: at } = deref(raw, here[0], here[1]);
    if (!node || typeof node !== "object") return void 0;
    if (/^\d+$/.test(token) && node.items) {
      here = [node.items, join(at, "items")];
      continue;
    }
    const entry = objectSchema(raw, here[0], here[1]).properties.get(token);
    if (!entry) return void 0;
    here = entry;
  }
  return here;
}
function isRequired(raw, schema2, pointer, instance) {
  const path = tokens(instance);
  const name = path.pop();
  if (name === void 0) return true;
  const parent = schemaAt(raw, schema2, pointer, path);
  return parent !== void 0 && objectSchema(raw, parent[0], parent[1]).required.has(name);
}

// conformance/checks/example-match.ts
var sameType = (a, b) => {
  const [ta, tb] = [jsonType(a), jsonType(b)].map((t) => t === "integer" ? "number" : t);
  return ta === tb;
};
function missing(expected, pointer, required) {
  const must = required(pointer);
  return {
    pointer,
    expected: jsonType(expected),
    actual: null,
    notFromBody: true,
    ...must ? {} : { severity: "warning" },
    message: must ? `${pointer} is missing (the example shows it and the schema requires it)` : `${pointer} is missing (the example shows it; the schema does not require it)`
  };
}
function compareShape(expected, actual, pointer, required, out) {
  if (actual === void 0) {
    out.push(missing(expected, pointer, required));
    return;
  }
  if (!sameType(expected, actual)) {
    out.push({ pointer, expected: jsonType(expected), actual: jsonType(actual), notFromBody: true, message: `${pointer} is ${jsonType(actual)}, the example shows ${jsonType(expected)}` });
    return;
  }
  if (Array.isArray(expected) && Array.isArray(actual)) {
    if (expected.length > 0 && actual.length > 0) compareShape(expected[0], actual[0], join(pointer, 0), required, out);
  } else if (expected && typeof expected === "object") {
    for (const [name, value] of Object.entries(expected)) compareShape(value, actual[name], join(pointer, name), required, out);
  }
}
function compareValues(expected, actual, pointer, required, out) {
  const bothObjects = expected && actual && typeof expected === "object" && typeof actual === "object" && Array.isArray(expected) === Array.isArray(actual);
  if (bothObjects) {
    const names = /* @__PURE__ */ new Set([...Object.keys(expected), ...Object.keys(actual)]);
    for (const name of names) compareValues(expected[name], actual[name], join(pointer, name), required, out);
    return;
  }
  if (pointer !== "" && actual === void 0) {
    out.push(missing(expected, pointer, required));
    return;
  }
  if (pointer !== "" && expected === void 0) {
    out.push({ pointer, expected: null, actual, severity: "warning", message: `${pointer} is not in the example` });
    return;
  }
  if (JSON.stringify(expected) !== JSON.stringify(actual)) {
    out.push({ pointer, expected: expected ?? null, actual: actual ?? null, message: `${pointer || "body"} differs from the example` });
  }
}
var exampleMatch = {
  name: "example-match",
  summary: "the answer has every field of the documented example (equals it when the target serves examples)",
  severity: "failure",
  appliesTo: (exchange) => exchange.expect.kind === "success" && exchange.expect.example !== void 0,
  run: ({ exchange, response, examplesMode }) => {
    const example = exchange.expect.kind === "success" ? exchange.expect.example : void 0;
    if (!example || response.status !== example.status || example.body === void 0) return [];
    const { doc, operation } = exchange.context;
    const documented = documentedResponse(operation, response.status);
    const required = (pointer) => documented?.schema !== void 0 && documented.schemaPointer !== void 0 && isRequired(doc.raw, documented.schema, documented.schemaPointer, pointer);
    const failures = [];
    if (examplesMode) compareValues(example.body, response.json, "", required, failures);
    else compareShape(example.body, response.json, "", required, failures);
    return failures;
  }
};

// conformance/checks/negative-rejected.ts
var negativeRejected = {
  name: "negative-rejected",
  summary: "a request that breaks a constraint is refused with a 4xx (never 2xx, never 5xx)",
  severity: "failure",
  appliesTo: (exchange) => exchange.expect.kind === "rejection",
  run: ({ exchange, response }) => {
    const actual = response.status;
    if (actual >= 400 && actual < 500) return [];
    const violates = exchange.expect.kind === "rejection" ? exchange.expect.violates : "";
    const what = actual < 400 ? "accepted" : "answered with a server error";
    return [{ pointer: "", expected: "4xx", actual, notFromBody: true, message: `${what} (${actual}) a request that breaks ${violates}` }];
  }
};

// conformance/checks/request.ts
var request = {
  name: "request",
  summary: "a recorded request keeps the spec: parameters and body (replay only; a refused request may break it)",
  severity: "failure",
  appliesTo: (exchange) => exchange.kind === "replay",
  run: ({ response, recorded }) => {
    const status2 = response.status;
    if (!recorded || status2 >= 400 && status2 < 500) return [];
    return recorded.requestViolations.map((v) => ({
      pointer: "",
      expected: "a request the spec allows",
      actual: v.target,
      notFromBody: true,
      message: `the endpoint answered ${status2} to a request that breaks the spec: ${v.message}`
    }));
  }
};

// conformance/checks/rotation.ts
function subMillisecond(value) {
  return (/\.\d{3}(\d*)/.exec(value)?.[1] ?? "").padEnd(6, "0");
}
function timestampAdvanced(before, after) {
  const [b, a] = [Date.parse(String(before)), Date.parse(String(after))];
  if (Number.isNaN(a) || Number.isNaN(b)) return before !== after;
  return a > b || a === b && subMillisecond(String(after)) > subMillisecond(String(before));
}
function previousValue(value) {
  return typeof value === "string" ? value : jsonType(value);
}
function locationsIn(spec, reads) {
  if (!reads) return spec.readBack ? void 0 : spec.keys;
  const shown = {};
  for (const [name, location] of Object.entries(spec.readBack?.keys ?? {})) {
    const key = keyName(spec, name);
    if (key !== void 0) shown[key] = location;
  }
  return shown;
}
var rotation = {
  name: "rotation",
  summary: "regenerating changes exactly the selected key (and advances its timestamp); the name echoes the path",
  severity: "failure",
  appliesTo: (exchange) => exchange.scenario !== void 0,
  run: ({ exchange, response, previous }) => {
    const step = exchange.scenario;
    const spec = exchange.context.rotation ?? exchange.context.operation.rotation;
    const body = response.json;
    if (!spec || response.status >= 300 || body === void 0) return [];
    const locations = locationsIn(spec, step.reads === true);
    if (!locations) return [];
    const failures = [];
    if (!step.reads && spec.resourceName && step.resourceName !== void 0) {
      const echoed = get(body, spec.resourceName);
      if (typeof echoed !== "string" || echoed.toLowerCase() !== step.resourceName.toLowerCase()) {
        failures.push({ pointer: spec.resourceName, expected: step.resourceName, actual: echoed ?? null, message: `${spec.resourceName} does not echo the resource name in the path` });
      }
    }
    for (const [key, where] of Object.entries(locations)) {
      if (!where.value || keyValue(where, "value", body) !== void 0) continue;
      const label = describeLocation(where, "value");
      failures.push({ pointer: where.element?.array ?? where.value, expected: `the ${key} key`, actual: null, notFromBody: true, message: `the answer has no ${label} (x-rekey-rotation names it as the ${key} key)` });
    }
    const baseline = step.compareWith ?? step.step - 1;
    if (baseline < 1) return failures;
    const before = previous?.json;
    if (!previous || previous.status >= 300 || before === void 0) {
      failures.push({ pointer: "", expected: `the answer to step ${baseline}`, actual: null, notFromBody: true, message: `cannot compare: step ${baseline} got no success answer` });
      return failures;
    }
    for (const [key, where] of Object.entries(locations)) {
      const selected = key === step.key;
      if (where.value && keyValue(where, "value", body) !== void 0) {
        const changed = keyValue(where, "value", before) !== keyValue(where, "value", body);
        if (changed !== selected) {
          failures.push({
            pointer: keyPointer(where, "value", body),
            expected: selected ? "a new value" : "the value of the previous step",
            actual: changed ? "a new value" : "the value of the previous step",
            notFromBody: true,
            message: selected ? `regenerating ${step.key} left ${describeLocation(where, "value")} unchanged` : `regenerating ${step.key} changed ${describeLocation(where, "value")}`
          });
        }
      }
      if (where.lastUpdated) {
        const label = describeLocation(where, "lastUpdated");
        const at = keyPointer(where, "lastUpdated", body) ?? where.element?.array ?? where.lastUpdated;
        const [b, a] = [keyValue(where, "lastUpdated", before), keyValue(where, "lastUpdated", body)];
        if (a === void 0 || b === void 0) {
          const which = a === void 0 ? "the answer has" : `the answer to step ${baseline} had`;
          failures.push({ pointer: at, expected: "a timestamp", actual: null, notFromBody: true, severity: "warning", message: `${which} no ${label}: only the ${key} key's value was checked` });
        } else if (selected && !timestampAdvanced(b, a)) {
          failures.push({ pointer: at, expected: `later than ${previousValue(b)}`, actual: a, message: `regenerating ${step.key} did not advance ${label}` });
        } else if (!selected && b !== a) {
          failures.push({ pointer: at, expected: previousValue(b), actual: a, message: `regenerating ${step.key} changed ${label}` });
        }
      }
    }
    return failures;
  }
};

// conformance/checks/schema.ts
var schema = {
  name: "schema",
  summary: "the body is JSON and valid against the schema documented for its status",
  severity: "failure",
  appliesTo: () => true,
  run: ({ exchange, response, ajv, recorded }) => {
    const { doc, operation } = exchange.context;
    const documented = documentedResponse(operation, response.status);
    if (!documented?.schemaPointer) return [];
    if (response.text.length === 0) {
      return [{ pointer: "", expected: "a JSON body", actual: "no body", notFromBody: true, message: `a ${response.status} answer must have a body (${documented.schemaPointer})` }];
    }
    if (response.json === void 0) {
      return [{ pointer: "", expected: "JSON", actual: response.text, message: "the body is not valid JSON" }];
    }
    const validate = compiledSchema(ajv, doc, documented.schemaPointer);
    if (validate(response.json)) return [];
    const violations = toViolations(validate.errors).filter((v) => {
      const value = get(response.json, v.instancePath);
      if (!recorded?.excused(v.keyword, value)) return true;
      recorded.notJudged(`${v.instancePath || "body"} ${v.keyword}: the recorder replaced the value`);
      return false;
    });
    return violations.map((v) => ({
      pointer: v.instancePath,
      expected: `${v.message} (${doc.file}#${v.schemaPointer})`,
      actual: get(response.json, v.instancePath),
      message: `${v.instancePath || "body"} ${v.message}`
    }));
  }
};

// conformance/checks/status.ts
var status = {
  name: "status",
  summary: "the status code is documented for the operation and is the one expected",
  severity: "failure",
  appliesTo: () => true,
  run: ({ exchange, response }) => {
    const actual = response.status;
    const documented = exchange.context.operation.responses.map((r) => r.status);
    if (!documentedResponse(exchange.context.operation, actual)) {
      return [{ pointer: "", expected: documented, actual, notFromBody: true, message: `status ${actual} is not documented (the spec has ${documented.join(", ")})` }];
    }
    const expect = exchange.expect;
    if (expect.kind === "success" && !expect.statuses.includes(actual)) {
      return [{ pointer: "", expected: expect.statuses, actual, notFromBody: true, message: `expected ${expect.statuses.join(" or ")}, got ${actual}` }];
    }
    if (expect.kind === "rejection" && expect.status !== void 0 && actual !== expect.status && actual >= 400 && actual < 500) {
      return [{ pointer: "", expected: expect.status, actual, notFromBody: true, message: `expected ${expect.status} (${expect.violates}), got ${actual}` }];
    }
    return [];
  }
};

// conformance/checks/transport.ts
var transport = {
  name: "transport",
  summary: "a whole HTTP answer arrives within the per-request timeout and body limit",
  severity: "failure",
  // A recording holds a whole answer by construction.
  appliesTo: (exchange) => exchange.kind !== "replay",
  run: ({ response, transportError }) => response ? [] : [{ pointer: "", expected: "an HTTP answer", actual: transportError ?? "no answer", notFromBody: true, message: `no answer: ${transportError ?? "unknown error"}` }]
};

// conformance/checks/undeclared-fields.ts
function walk(raw, value, schema2, schemaPointer, instance, out) {
  if (value === null || typeof value !== "object") return;
  const { node, pointer } = deref(raw, schema2, schemaPointer);
  if (Array.isArray(value)) {
    if (node?.items) value.forEach((item, i) => walk(raw, item, node.items, join(pointer, "items"), join(instance, i), out));
    return;
  }
  const { properties, open } = objectSchema(raw, schema2, schemaPointer);
  if (open) return;
  for (const [name, child] of Object.entries(value)) {
    const entry = properties.get(name);
    if (!entry) {
      out.push({ pointer: join(instance, name), expected: [...properties.keys()], actual: name, notFromBody: true, message: `property "${name}" is not declared by ${pointer}` });
    } else walk(raw, child, entry[0], entry[1], join(instance, name), out);
  }
}
var undeclaredFields = {
  name: "undeclared-fields",
  summary: "a documented success body has only the properties its schema declares",
  severity: "warning",
  appliesTo: (exchange) => exchange.expect.kind !== "rejection",
  run: ({ exchange, response }) => {
    const { doc, operation } = exchange.context;
    const status2 = response.status;
    const documented = operation.responses.find((r) => r.status === String(status2));
    if (status2 < 200 || status2 > 299 || !documented?.schema || !documented.schemaPointer || response.json === void 0) return [];
    const failures = [];
    walk(doc.raw, response.json, documented.schema, documented.schemaPointer, "", failures);
    return failures;
  }
};

// conformance/checks/registry.ts
var CHECKS = [
  transport,
  request,
  status,
  negativeRejected,
  contentType,
  schema,
  undeclaredFields,
  errorContract,
  armHeaders,
  exampleMatch,
  rotation
];
function findCheck(name) {
  return CHECKS.find((c) => c.name === name);
}

export {
  documentedResponse,
  CHECKS,
  findCheck
};
