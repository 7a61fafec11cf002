import {
  canonicalValue,
  checkParameter,
  parameterValue,
  routeTable,
  validateRequestBody
} from "./chunk-XSH4REBR.js";
import {
  DEFAULT_MAX_BODY_BYTES,
  MAX_BODY_BYTES_CEILING,
  MAX_JSON_DEPTH,
  SecretKeeper,
  checkFindings,
  curlCommand,
  enabledChecks,
  judge,
  nestsDeeperThan,
  publicView,
  shapeOf,
  shownBody,
  valuesAt
} from "./chunk-YRRKDOH7.js";
import "./chunk-WG5EOB7M.js";
import {
  summarize
} from "./chunk-ZUL2KNFZ.js";
import {
  ajvValidators,
  buildMockModel
} from "./chunk-MWY6LZN7.js";
import "./chunk-CSQB63KE.js";
import "./chunk-SYP5AEPE.js";
import {
  CHECKS,
  documentedResponse,
  findCheck
} from "./chunk-DM75KB7X.js";
import "./chunk-GMGS3OUV.js";
import {
  optionError
} from "./chunk-DFAMEA3W.js";
import {
  UserError,
  get,
  join,
  loadSpecs,
  problem,
  readInputFile,
  secretPaths,
  shownPaths,
  toViolations
} from "./chunk-ZOVCPWKV.js";

// conformance/replay/body-text.ts
var UTF8 = new TextDecoder("utf-8", { fatal: true });
function text(body3) {
  try {
    return UTF8.decode(body3);
  } catch {
    return body3.toString("latin1");
  }
}
function json(body3) {
  if (body3.trim() === "") return void 0;
  try {
    return JSON.parse(body3);
  } catch {
    return void 0;
  }
}

// conformance/replay/decode-body.ts
import { isUtf8 } from "node:buffer";
import { brotliDecompressSync, gunzipSync, inflateRawSync, inflateSync } from "node:zlib";
function undo(coding, bytes, options) {
  if (coding === "gzip" || coding === "x-gzip") return gunzipSync(bytes, options);
  if (coding === "br") return brotliDecompressSync(bytes, options);
  try {
    return inflateSync(bytes, options);
  } catch (error) {
    if (error.code === "ERR_BUFFER_TOO_LARGE") throw error;
    return inflateRawSync(bytes, options);
  }
}
function decodeBody(body3, contentEncoding, maxBytes) {
  const codings = (contentEncoding ?? "").split(",").map((c) => c.trim().toLowerCase()).filter((c) => c && c !== "identity");
  if (body3.length > maxBytes) return { ok: false, reason: `its body is larger than ${maxBytes} bytes` };
  if (codings.length === 0 || isUtf8(body3)) return { ok: true, body: body3 };
  let bytes = body3;
  for (const coding of codings.reverse()) {
    if (!["gzip", "x-gzip", "deflate", "br"].includes(coding)) return { ok: false, reason: `its body's Content-Encoding "${coding}" is not one rekey decodes (gzip, deflate, br)` };
    try {
      bytes = undo(coding, bytes, { maxOutputLength: maxBytes });
    } catch (error) {
      if (error.code === "ERR_BUFFER_TOO_LARGE") return { ok: false, reason: `its body decodes to more than ${maxBytes} bytes` };
      return { ok: false, reason: `its body does not decode as ${coding}` };
    }
  }
  return { ok: true, body: bytes };
}

// conformance/replay/left-out.ts
var OMITTED_REQUEST = "!!! The request body has been omitted from the recording";
var OMITTED_ANSWER = "!!! The response body has been omitted from the recording";
var announced = (headers2) => Number(headers2["content-length"] ?? 0) > 0;
function requestBodyLeftOut(body3, headers2) {
  return body3 === "" && announced(headers2) || body3.startsWith(OMITTED_REQUEST);
}
function answerBodyLeftOut(response, body3) {
  return response.bodyLeftOut === true || body3 === "" && announced(response.headers) || body3.startsWith(OMITTED_ANSWER);
}

// conformance/replay/placeholders.ts
var WORDS = ["sanitized", "redacted", "hidden", "fake"];
var WORD = new RegExp(`(^|[^a-z0-9])\\[?(${WORDS.join("|")})\\]?($|[^a-z0-9])`, "i");
var ZERO_GUID = /^0{8}-0{4}-0{4}-0{4}-0{12}$/;
var CLI_MONIKER = /^clitest[a-z.]*\d{6}$/i;
var WAIVED_FOR_PLACEHOLDERS = /* @__PURE__ */ new Set(["format", "pattern", "minLength", "maxLength"]);
function isPlaceholder(value) {
  if (typeof value !== "string" || value === "") return false;
  return WORD.test(value) || ZERO_GUID.test(value) || CLI_MONIKER.test(value);
}

// conformance/replay/request-violations.ts
import { isUtf8 as isUtf82 } from "node:buffer";
function parsedBody(raw) {
  return raw && isUtf82(raw) ? json(text(raw)) : void 0;
}
function requestViolations(exchange, recorded, bodyDropped) {
  const operation = exchange.operation;
  const found = [];
  for (const check of operation.parameters) {
    const refusal2 = checkParameter(check, exchange);
    if (!refusal2) continue;
    const name = check.parameter.name;
    if (recorded.isPlaceholder(parameterValue(check, exchange))) recorded.notJudged(`request parameter ${name}: the recorder replaced the value`);
    else found.push({ target: name, message: refusal2.message });
  }
  if (bodyDropped) {
    recorded.notJudged("request body: the recording leaves it out");
    return found;
  }
  const refusal = validateRequestBody(exchange);
  if (!refusal) return found;
  const body3 = parsedBody(exchange.request.body);
  const validate = operation.body?.validate;
  if (body3 === void 0 || !validate || canonicalValue(validate, body3)) {
    found.push({ target: "body", message: refusal.message });
    return found;
  }
  for (const v of toViolations(validate.errors)) {
    const at = v.instancePath || "/";
    if (recorded.excused(v.keyword, get(body3, v.instancePath))) recorded.notJudged(`request body ${at} ${v.keyword}: the recorder replaced the value`);
    else found.push({ target: `body ${at}`, message: `the body's ${at} ${v.message}` });
  }
  return found;
}

// conformance/replay/route-recording.ts
var NO_HOST = "http://recording.invalid";
function parseRecordedUrl(url) {
  const parsed = new URL(url, NO_HOST);
  const query = {};
  for (const [name, value] of parsed.searchParams) {
    const before = query[name];
    query[name] = before === void 0 ? value : Array.isArray(before) ? [...before, value] : [before, value];
  }
  return { origin: parsed.origin === NO_HOST ? "" : parsed.origin, path: parsed.pathname, query };
}
function why(code, request) {
  const version = request.query["api-version"];
  if (code === "NotFound") return "no operation has this path";
  if (code === "BadRequest") return "the path has a malformed escape or a segment over 100 characters";
  if (code === "MethodNotAllowed") return `no operation answers ${request.method} on this path`;
  if (code === "MissingApiVersionParameter") return "the recorded URL has no api-version";
  return `the specs hold no api-version ${JSON.stringify(Array.isArray(version) ? version.join(",") : version ?? "")} of this path`;
}
function routeRecording(table, request, body3) {
  const { path, query } = parseRecordedUrl(request.url);
  const mockRequest = { method: request.method, path, query, headers: request.headers, body: body3 };
  const routed = table.route(mockRequest);
  if ("refusal" in routed) return { unmatched: why(routed.refusal.code, mockRequest) };
  return routed;
}

// conformance/replay/shown-request.ts
var SHOWN_REQUEST_HEADERS = ["accept", "content-type", "x-ms-client-request-id", "x-ms-correlation-request-id", "x-ms-return-client-request-id"];
var CREDENTIAL_HEADER = /authorization|cookie|key|secret|token|signature|password/i;
function rememberCredentials(headers2, secrets) {
  for (const [name, value] of Object.entries(headers2)) {
    if (!CREDENTIAL_HEADER.test(name)) continue;
    secrets.remember([value, value.split(/\s+/).pop() ?? ""].filter((v) => v.length >= 8 && !isPlaceholder(v)));
  }
}
function shownUrl(url, declared) {
  const { path, query } = parseRecordedUrl(url);
  const search = Object.entries(query).flatMap(([name, value]) => (Array.isArray(value) ? value : [value ?? ""]).map((v) => `${encodeURIComponent(name)}=${name === "api-version" || declared.includes(name) ? encodeURIComponent(v) : "[REDACTED]"}`));
  return search.length ? `${path}?${search.join("&")}` : path;
}
function shownHeaders(headers2) {
  return Object.fromEntries(SHOWN_REQUEST_HEADERS.filter((name) => headers2[name] !== void 0).map((name) => [name, headers2[name]]));
}
function shownRequestBody(body3, operation, secrets) {
  if (body3 === "") return void 0;
  const parsed = json(body3);
  const model = operation?.operation.requestBody;
  if (parsed === void 0 || !model?.schemaPointer) return shapeOf(body3);
  const raw = operation.doc.raw;
  const secret = secretPaths(raw, model.schema, model.schemaPointer);
  secrets.remember(valuesAt(parsed, secret));
  return JSON.stringify(shownBody(parsed, { shown: shownPaths(raw, model.schema, model.schemaPointer, secret), secret }, (t) => t));
}

// conformance/replay/skipped-result.ts
function skippedResult(recording, recorded, reason, secrets) {
  const { request } = recorded;
  const url = shownUrl(request.url, []);
  const exchange = {
    id: `unmatched/${recording.file}#${recorded.number}`,
    kind: "replay",
    title: `${request.method} ${url}`,
    service: "unmatched",
    apiVersion: "*",
    operationId: "*",
    request: { method: request.method, url, headers: shownHeaders(request.headers) },
    authorize: request.headers.authorization !== void 0,
    expect: { kind: "recorded", status: recorded.response.status },
    mutation: "never",
    resource: parseRecordedUrl(request.url).path,
    source: `${recording.file}#${recorded.pointer}`,
    checks: []
  };
  const origin = parseRecordedUrl(request.url).origin;
  return secrets.result({ exchange, outcome: "skipped", failures: [], warnings: [], checksRun: [], reason: `${reason}: ${request.method} ${url}`, curl: curlCommand(origin, exchange, exchange.request.headers), attempts: 0 });
}

// conformance/replay/judge-recording.ts
var BODY_CHECKS = /* @__PURE__ */ new Set(["schema", "undeclared-fields", "error-contract", "example-match", "rotation"]);
function decoded(which, body3, encoding, maxBytes) {
  const result = decodeBody(body3, encoding, maxBytes);
  if (!result.ok) return `the ${which}'s ${result.reason.replace(/^its /, "")}`;
  if (nestsDeeperThan(json(text(result.body)), MAX_JSON_DEPTH)) return `the ${which}'s JSON body nests deeper than ${MAX_JSON_DEPTH} levels`;
  return result.body;
}
function judgeRecorded(recording, recorded, options) {
  const { secrets } = options;
  const { request, response } = recorded;
  rememberCredentials(request.headers, secrets);
  const requestBody = decoded("request", request.body ?? Buffer.alloc(0), request.headers["content-encoding"], options.maxBodyBytes);
  const answerBody = decoded("answer", response.body, response.headers["content-encoding"], options.maxBodyBytes);
  for (const body3 of [requestBody, answerBody]) if (typeof body3 === "string") return skippedResult(recording, recorded, `not judged: ${body3}`, secrets);
  const [sentBytes, answerBytes] = [requestBody, answerBody];
  const routed = routeRecording(options.table, request, sentBytes.length ? sentBytes : void 0);
  if ("unmatched" in routed) return skippedResult(recording, recorded, `matches no operation (${routed.unmatched})`, secrets);
  const { doc, operation } = routed.operation;
  const notes = /* @__PURE__ */ new Set();
  const context = {
    isPlaceholder,
    excused: (keyword, value) => WAIVED_FOR_PLACEHOLDERS.has(keyword) && isPlaceholder(value),
    droppedHeaders: recording.format.droppedHeaders,
    notJudged: (note) => notes.add(note),
    requestViolations: []
  };
  const sentBody = text(sentBytes);
  context.requestViolations = requestViolations(routed.exchange, context, requestBodyLeftOut(sentBody, request.headers));
  const declaredQuery = operation.parameters.filter((p) => p.in === "query").map((p) => p.name);
  const url = shownUrl(request.url, declaredQuery);
  const exchange = {
    id: `${doc.service}/${doc.apiVersion}/${operation.operationId}/replay/${recording.file}#${recorded.number}`,
    kind: "replay",
    title: `${request.method} answered ${response.status}, as recorded (${recording.format.label})`,
    service: doc.service,
    apiVersion: doc.apiVersion,
    operationId: operation.operationId,
    request: { method: request.method, url, headers: shownHeaders(request.headers), body: shownRequestBody(sentBody, routed.operation, secrets) },
    authorize: request.headers.authorization !== void 0,
    expect: { kind: "recorded", status: response.status },
    mutation: "never",
    resource: routed.exchange.request.path,
    source: `${recording.file}#${recorded.pointer}`,
    checks: [],
    context: { doc, operation }
  };
  const bodyText = text(answerBytes);
  const answerLeftOut = answerBodyLeftOut(response, bodyText);
  const applies = CHECKS.filter((check) => options.enabled.has(check.name) && check.appliesTo(exchange));
  if (answerLeftOut && applies.some((check) => BODY_CHECKS.has(check.name))) notes.add("answer body: the recording leaves it out");
  exchange.checks = applies.filter((check) => !answerLeftOut || !BODY_CHECKS.has(check.name)).map((check) => check.name);
  const answer = { status: response.status, headers: response.headers, text: bodyText, json: json(bodyText), durationMs: 0 };
  const documented = documentedResponse(operation, answer.status);
  secrets.learn(answer, documented?.secretPaths ?? []);
  const shown = secrets.response(answer, { shown: documented?.shownPaths ?? [], secret: documented?.secretPaths ?? [] });
  const returnsClientId = request.headers["x-ms-return-client-request-id"]?.toLowerCase() === "true";
  const sent = {
    clientRequestId: returnsClientId ? request.headers["x-ms-client-request-id"] : void 0,
    correlationRequestId: request.headers["x-ms-correlation-request-id"]
  };
  const findings = [];
  for (const name of exchange.checks) {
    findings.push(...checkFindings(findCheck(name), { exchange, response: answer, sent, examplesMode: false, ajv: options.ajv, recorded: context }, shown, secrets));
  }
  const { outcome, failures, warnings } = judge(findings, options.strict);
  return secrets.result({
    exchange: publicView(exchange),
    outcome,
    response: shown,
    failures,
    warnings,
    checksRun: exchange.checks,
    ...notes.size ? { notJudged: [...notes] } : {},
    curl: curlCommand(parseRecordedUrl(request.url).origin, exchange, exchange.request.headers),
    attempts: 0
  });
}

// conformance/replay/detect-format.ts
import { parse as parseYaml } from "yaml";

// conformance/replay/recording.ts
function headerRecord(entries) {
  const headers2 = /* @__PURE__ */ Object.create(null);
  for (const [name, raw] of entries) {
    const values = (Array.isArray(raw) ? raw : [raw]).filter((v) => v !== null && v !== void 0).map(String);
    if (values.length === 0) continue;
    const key = name.toLowerCase();
    headers2[key] = Object.hasOwn(headers2, key) ? `${headers2[key]}, ${values.join(", ")}` : values.join(", ");
  }
  return headers2;
}

// conformance/replay/shape.ts
function malformed(file, pointer, message, hint = "re-record it, or remove the entry") {
  return new UserError(problem("conform/replay", { file, pointer }, message, hint));
}
function isObject(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value) && !(value instanceof Uint8Array);
}
function objectAt(parent, name, file, pointer) {
  const value = parent[name];
  if (!isObject(value)) throw malformed(file, join(pointer, name), `expected an object, found ${kind(value)}`);
  return value;
}
function stringAt(parent, name, file, pointer) {
  const value = parent[name];
  if (typeof value !== "string" || value === "") throw malformed(file, join(pointer, name), `expected a non-empty string, found ${kind(value)}`);
  return value;
}
function urlAt(parent, name, file, pointer) {
  const value = stringAt(parent, name, file, pointer);
  if (!URL.canParse(value, NO_HOST)) throw malformed(file, join(pointer, name), "expected a URL");
  return value;
}
function statusAt(parent, name, file, pointer) {
  const raw = parent[name];
  const value = typeof raw === "string" && /^\d{3}$/.test(raw) ? Number(raw) : raw;
  if (typeof value !== "number" || !Number.isInteger(value) || value < 0 || value > 999) {
    throw malformed(file, join(pointer, name), `expected an HTTP status code, found ${kind(raw)}`);
  }
  return value;
}
function kind(value) {
  if (value === void 0) return "nothing";
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (value instanceof Uint8Array) return "binary data";
  return typeof value === "object" ? "an object" : `a ${typeof value}`;
}

// conformance/replay/har-reader.ts
var HAR = { name: "har", label: "HAR file", droppedHeaders: [] };
function headers(message, file, pointer) {
  const list = message.headers ?? [];
  if (!Array.isArray(list)) throw malformed(file, join(pointer, "headers"), `expected a list of {name, value}, found ${kind(list)}`);
  return headerRecord(list.map((header, i) => {
    if (!isObject(header) || typeof header.name !== "string") throw malformed(file, join(pointer, "headers", i), "a header must be {name, value}");
    return [header.name, header.value];
  }));
}
function text2(holder, file, pointer) {
  if (!isObject(holder) || holder.text === void 0 || holder.text === null) return void 0;
  if (typeof holder.text !== "string") throw malformed(file, join(pointer, "text"), `expected text, found ${kind(holder.text)}`);
  return Buffer.from(holder.text, holder.encoding === "base64" ? "base64" : "utf8");
}
function readHar(doc, file) {
  const entries = doc.log.entries;
  const exchanges = [];
  entries.forEach((entry, i) => {
    const pointer = join("/log/entries", i);
    if (!isObject(entry)) throw malformed(file, pointer, "an entry must be an object");
    const request = objectAt(entry, "request", file, pointer);
    const response = objectAt(entry, "response", file, pointer);
    const [requestAt, responseAt] = [join(pointer, "request"), join(pointer, "response")];
    const status = statusAt(response, "status", file, responseAt);
    if (status === 0) return;
    const body3 = text2(response.content, file, join(responseAt, "content"));
    exchanges.push({
      number: i + 1,
      pointer,
      request: {
        method: stringAt(request, "method", file, requestAt).toUpperCase(),
        url: urlAt(request, "url", file, requestAt),
        headers: headers(request, file, requestAt),
        body: text2(request.postData, file, join(requestAt, "postData"))
      },
      response: {
        status,
        headers: headers(response, file, responseAt),
        body: body3 ?? Buffer.alloc(0),
        ...body3 === void 0 && isObject(response.content) && Number(response.content.size) > 0 ? { bodyLeftOut: true } : {}
      }
    });
  });
  return exchanges;
}

// conformance/replay/test-proxy-reader.ts
var TEST_PROXY = { name: "test-proxy", label: "Azure SDK test-proxy recording", droppedHeaders: [] };
function isTextual(contentType) {
  if (!contentType) return false;
  const type = contentType.split(";")[0].trim().toLowerCase();
  return type.startsWith("text/") || type.endsWith("json") || type.endsWith("xml") || type === "application/x-www-form-urlencoded";
}
function body(value, contentType, file, pointer) {
  if (value === null || value === void 0) return void 0;
  if (isTextual(contentType)) {
    if (Array.isArray(value)) return Buffer.from(value.map(String).join(""), "utf8");
    if (typeof value === "string") return Buffer.from(value, "utf8");
    return Buffer.from(JSON.stringify(value), "utf8");
  }
  if (Array.isArray(value)) return Buffer.alloc(0);
  if (typeof value === "string") return Buffer.from(value, "base64");
  throw malformed(file, pointer, "a body without a textual Content-Type must be base64 text");
}
function readTestProxy(doc, file) {
  const entries = doc.Entries;
  return entries.map((entry, i) => {
    const pointer = join("/Entries", i);
    if (!isObject(entry)) throw malformed(file, pointer, "an entry must be an object");
    const requestHeaders = headerRecord(Object.entries(objectAt(entry, "RequestHeaders", file, pointer)));
    const responseHeaders = headerRecord(Object.entries(objectAt(entry, "ResponseHeaders", file, pointer)));
    return {
      number: i + 1,
      pointer,
      request: {
        method: stringAt(entry, "RequestMethod", file, pointer).toUpperCase(),
        url: urlAt(entry, "RequestUri", file, pointer),
        headers: requestHeaders,
        body: body(entry.RequestBody, requestHeaders["content-type"], file, join(pointer, "RequestBody"))
      },
      response: {
        status: statusAt(entry, "StatusCode", file, pointer),
        headers: responseHeaders,
        body: body(entry.ResponseBody, responseHeaders["content-type"], file, join(pointer, "ResponseBody")) ?? Buffer.alloc(0)
      }
    };
  });
}

// conformance/replay/vcr-reader.ts
var VCR = {
  name: "vcr",
  label: "vcr cassette",
  droppedHeaders: ["x-ms-request-id", "x-ms-correlation-request-id", "x-ms-client-request-id", "x-ms-routing-request-id"]
};
function body2(value, file, pointer) {
  if (value === null || value === void 0) return void 0;
  if (typeof value === "string") return Buffer.from(value, "utf8");
  if (value instanceof Uint8Array) return Buffer.from(value);
  if (isObject(value) && "string" in value) return body2(value.string, file, join(pointer, "string"));
  throw malformed(file, pointer, `expected the body as text or !!binary, found ${kind(value)}`);
}
function readVcr(doc, file) {
  const interactions = doc.interactions;
  return interactions.map((interaction, i) => {
    const pointer = join("/interactions", i);
    if (!isObject(interaction)) throw malformed(file, pointer, "an interaction must be an object");
    const request = objectAt(interaction, "request", file, pointer);
    const response = objectAt(interaction, "response", file, pointer);
    const [requestAt, responseAt] = [join(pointer, "request"), join(pointer, "response")];
    const headersOf = (message, at) => message.headers === void 0 || message.headers === null ? {} : headerRecord(Object.entries(objectAt(message, "headers", file, at)));
    return {
      number: i + 1,
      pointer,
      request: {
        method: stringAt(request, "method", file, requestAt).toUpperCase(),
        url: urlAt(request, "uri", file, requestAt),
        headers: headersOf(request, requestAt),
        body: body2(request.body, file, join(requestAt, "body"))
      },
      response: {
        status: statusAt(objectAt(response, "status", file, responseAt), "code", file, join(responseAt, "status")),
        headers: headersOf(response, responseAt),
        body: body2(response.body, file, join(responseAt, "body")) ?? Buffer.alloc(0)
      }
    };
  });
}

// conformance/replay/detect-format.ts
var WHAT = "an Azure SDK test-proxy recording (JSON with Entries), a vcr cassette (YAML with interactions) or a HAR file (JSON with log.entries)";
function notARecording(file, why2) {
  return new UserError(problem("conform/replay", { file }, `is not a recording: ${why2}`, `pass ${WHAT}`));
}
function parseDocument(text3, file) {
  try {
    return JSON.parse(text3);
  } catch {
  }
  try {
    return parseYaml(text3, { customTags: ["binary"], maxAliasCount: 100, prettyErrors: false, logLevel: "error" });
  } catch (error) {
    if (/alias/i.test(error.message)) throw notARecording(file, "its YAML aliases expand past the limit of 100");
    throw notARecording(file, "it is neither JSON nor YAML");
  }
}
function detectFormat(text3, file) {
  const doc = parseDocument(text3, file);
  if (!isObject(doc)) throw notARecording(file, "it holds no object at the top");
  if (Array.isArray(doc.Entries)) return { doc, detected: { format: TEST_PROXY, read: readTestProxy } };
  if (Array.isArray(doc.interactions)) return { doc, detected: { format: VCR, read: readVcr } };
  if (isObject(doc.log) && Array.isArray(doc.log.entries)) return { doc, detected: { format: HAR, read: readHar } };
  throw notARecording(file, "it has no Entries, interactions or log.entries list");
}

// conformance/replay/read-recording.ts
var MAX_RECORDING_BYTES = 64 * 1024 * 1024;
function readRecording(file) {
  const read = readInputFile(file, MAX_RECORDING_BYTES);
  if (!read.ok) throw new UserError(problem("conform/replay", { file: "--replay" }, `${file} ${read.reason}`, read.hint));
  try {
    const { doc, detected } = detectFormat(read.text, file);
    return { file, format: detected.format, exchanges: detected.read(doc, file) };
  } catch (error) {
    if (error instanceof RangeError) throw new UserError(problem("conform/replay", { file }, "nests too deeply to be read", "re-record it"));
    throw error;
  }
}

// conformance/replay/replay.ts
async function replay(options) {
  const started = performance.now();
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  if (!Number.isInteger(maxBodyBytes) || maxBodyBytes < 1 || maxBodyBytes > MAX_BODY_BYTES_CEILING) {
    throw optionError("--max-body-bytes", `"${maxBodyBytes}" is not a whole number from 1 to ${MAX_BODY_BYTES_CEILING}`, "e.g. --max-body-bytes 16777216");
  }
  const enabled = enabledChecks(options.checks);
  const recordings = options.files.map((file) => readRecording(file));
  const loaded = options.docs && options.ajv ? { docs: options.docs, ajv: options.ajv } : await loadSpecs(options.specsDir);
  const ajv = loaded.ajv;
  const table = routeTable(buildMockModel(loaded.docs, ajvValidators(loaded.docs, ajv)));
  const secrets = new SecretKeeper();
  const strict = options.strict ?? false;
  const emit = (event) => options.onEvent?.(event);
  const formats = [...new Set(recordings.map((r) => r.format.label))].join(", ");
  const named = options.files.length > 3 ? `${options.files.slice(0, 2).join(", ")}, \u2026 (${options.files.length} files)` : options.files.join(", ");
  const target = { kind: "replay", url: named, detail: formats || void 0 };
  const total = recordings.reduce((n, r) => n + r.exchanges.length, 0);
  emit({ type: "run-start", target, total, redact: (result) => secrets.result(result), strict });
  const results = [];
  for (const recording of recordings) {
    for (const recorded of recording.exchanges) {
      const result = judgeRecorded(recording, recorded, { table, ajv, enabled, strict, maxBodyBytes, secrets });
      results.push(result);
      emit({ type: "exchange-end", result });
    }
  }
  const ordered = results.map((result) => secrets.result(result));
  const summary = summarize(target, ordered, Math.round(performance.now() - started), false, strict);
  emit({ type: "run-end", summary, results: ordered });
  return { summary, results: ordered };
}
export {
  replay
};
