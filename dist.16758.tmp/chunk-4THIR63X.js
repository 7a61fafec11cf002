import {
  armErrors
} from "./chunk-CSQB63KE.js";

// client-runtime/timeout.ts
var MAX_TIMER_MS = 2147483647;

// conformance/mock/faults.ts
var FAULT_HEADER = "x-rekey-fault";
var isObject = (v) => typeof v === "object" && v !== null && !Array.isArray(v);
function successOnly(change) {
  return (r, c) => c.isError ? r : change(r, c);
}
function documentedField(body, context, status) {
  for (const example of context.operation?.operation.examples ?? []) {
    const documented = example.responses[String(status)]?.body;
    if (isObject(documented)) {
      const name = Object.keys(documented).find((k) => k in body);
      if (name) return name;
    }
  }
  return Object.keys(body)[0];
}
function withoutHeader(headers, name) {
  const { [name]: _removed, ...rest } = headers;
  return rest;
}
var FAULTS = [
  {
    name: "wrong-success-status",
    summary: "success answered with an undocumented 2xx (204 \u2192 200, 200 \u2192 201)",
    response: successOnly((r) => ({ ...r, status: r.status === 204 ? 200 : r.status === 200 ? 201 : 200 }))
  },
  {
    name: "missing-field",
    summary: "success body lacks a field the example shows",
    response: successOnly((r, c) => {
      if (!isObject(r.json)) return r;
      const field = documentedField(r.json, c, r.status);
      if (!field) return r;
      const { [field]: _dropped, ...rest } = r.json;
      return { ...r, json: rest };
    })
  },
  {
    name: "wrong-type",
    summary: "a success body field has the wrong JSON type",
    response: successOnly((r, c) => {
      if (!isObject(r.json)) return r;
      const field = documentedField(r.json, c, r.status);
      if (!field) return r;
      const value = r.json[field];
      return { ...r, json: { ...r.json, [field]: typeof value === "number" ? String(value) : 12345 } };
    })
  },
  {
    name: "extra-field",
    summary: "success body carries a field the schema does not declare",
    response: successOnly((r) => isObject(r.json) ? { ...r, json: { ...r.json, rekeyUndocumentedField: true } } : r)
  },
  {
    name: "error-schema",
    summary: "error bodies not in the service's error schema (no error envelope)",
    response: (r, c) => {
      if (!c.isError || !isObject(r.json)) return r;
      const inner = isObject(r.json.error) ? r.json.error : r.json;
      return { ...r, json: { status: r.status, detail: inner.message } };
    }
  },
  {
    name: "wrong-content-type",
    summary: "JSON bodies sent as text/plain",
    response: (r) => r.json === void 0 ? r : { ...r, contentType: "text/plain; charset=utf-8" }
  },
  {
    name: "missing-content-type",
    summary: "JSON bodies sent without Content-Type",
    response: (r) => r.json === void 0 ? r : { ...r, contentType: null }
  },
  {
    name: "missing-request-id",
    summary: "no x-ms-request-id header",
    response: (r) => ({ ...r, headers: withoutHeader(r.headers, "x-ms-request-id") })
  },
  {
    name: "body-on-204",
    summary: "a 204 carries a JSON body and Content-Type",
    response: (r) => r.status === 204 ? { ...r, json: {}, forceBody: true } : r
  },
  {
    name: "malformed-json",
    summary: "success body is truncated JSON",
    response: successOnly((r) => r.json === void 0 ? r : { ...r, text: JSON.stringify(r.json).slice(0, -1) })
  },
  {
    name: "server-error",
    summary: "500 InternalServerError for every request",
    before: () => armErrors.internal()
  },
  {
    name: "throttle",
    summary: "429 SubscriptionRequestsThrottled with Retry-After: 1",
    before: (subscription) => armErrors.throttled(subscription, "POST", 1)
  },
  { name: "delay", summary: "answers after 65 s (beyond ARM's 60 s); delay:MS sets the time", delayMs: 65e3 },
  { name: "connection-reset", summary: "closes the connection without answering", reset: true },
  { name: "no-rotation", summary: "regeneration answers but changes no key", rotation: "none" },
  { name: "rotate-both", summary: "regeneration changes every key, not just the selected one", rotation: "both" },
  { name: "rotate-other", summary: "regeneration changes another key (or array element) instead of the selected one", rotation: "other" }
];
function listFaults() {
  return FAULTS.map(({ name, summary }) => ({ name, summary }));
}
var MAX_DELAY_MS = MAX_TIMER_MS;
function findFault(spec) {
  const [name, ...args] = spec.trim().split(":");
  const fault = FAULTS.find((f) => f.name === name.toLowerCase());
  if (!fault) return { refusal: `unknown fault "${spec}"`, hint: `use one of ${FAULTS.map((f) => f.name).join(", ")} (delay takes delay:MS)` };
  if (args.length === 0) return { fault };
  const delayHint = `give delay:MS with MS a whole number of milliseconds from 0 to ${MAX_DELAY_MS}`;
  if (fault.delayMs === void 0) return { refusal: `"${spec}": ${fault.name} takes no argument`, hint: `use ${fault.name} alone` };
  if (args.length > 1 || !/^\d+$/.test(args[0])) return { refusal: `"${spec}" is not a delay in milliseconds`, hint: delayHint };
  const ms = Number(args[0]);
  if (ms > MAX_DELAY_MS) return { refusal: `"${spec}" is beyond the longest delay, ${MAX_DELAY_MS} ms (about 24.8 days)`, hint: delayHint };
  return { fault: { ...fault, delayMs: ms } };
}

export {
  MAX_TIMER_MS,
  FAULT_HEADER,
  listFaults,
  MAX_DELAY_MS,
  findFault
};
