/**
 * One recorded exchange → one result, as the runner judges a live answer: routed to its operation, its answer run
 * through every check that applies to a recording, findings sorted by severity, everything shown redacted (deny by
 * default, every secret seen cut out). Only a few request headers are shown, query values only where the operation
 * declares the parameter, bodies only where the spec declares a field that is not secret.
 */
import { type Ajv, secretPaths, shownPaths } from "../../kernel/index.ts";
import { shapeOf, shownBody, valuesAt } from "../../client-runtime/redaction.ts";
import type { RecordedContext } from "../checks/check.ts";
import { documentedResponse } from "../checks/documented-response.ts";
import { CHECKS } from "../checks/registry.ts";
import type { CompiledExchange, Exchange, ExchangeResponse, ExchangeResult, Finding } from "../exchange.ts";
import type { MockOperation } from "../mock/mock-model.ts";
import type { RouteTable } from "../mock/route-table.ts";
import { curlCommand } from "../runner/curl-command.ts";
import { MAX_JSON_DEPTH, nestsDeeperThan } from "../runner/http-sender.ts";
import type { SecretKeeper } from "../runner/secrets.ts";
import { judge } from "../severity.ts";
import { decodeBody } from "./decode-body.ts";
import { isPlaceholder, WAIVED_FOR_PLACEHOLDERS } from "./placeholders.ts";
import type { RecordedExchange, RecordedHeaders, Recording } from "./recording.ts";
import { requestViolations } from "./request-violations.ts";
import { parseRecordedUrl, routeRecording } from "./route-recording.ts";

export interface ReplayJudge {
  table: RouteTable;
  ajv: Ajv;
  /** Names of the checks `--checks` enables. */
  enabled: Set<string>;
  strict: boolean;
  maxBodyBytes: number;
  secrets: SecretKeeper;
}

/** The request headers a report shows: the ones ARM's contract is about, none that can carry a credential. */
const SHOWN_REQUEST_HEADERS = ["accept", "content-type", "x-ms-client-request-id", "x-ms-correlation-request-id", "x-ms-return-client-request-id"];
/** Request headers whose values are credentials: remembered, so that an echo of one anywhere is cut out. */
const CREDENTIAL_HEADER = /authorization|cookie|key|secret|token|signature|password/i;

const UTF8 = new TextDecoder("utf-8", { fatal: true });
/** How Azure CLI's recorder stands in for a body over 128 KB (see request-violations.ts and recording_processors.py). */
const OMITTED_BODY = "!!! The request body has been omitted from the recording";
const OMITTED_ANSWER = "!!! The response body has been omitted from the recording";
/** The checks that judge an answer's body: they do not run on a recording that left the body out. */
const BODY_CHECKS = new Set(["schema", "undeclared-fields", "error-contract", "example-match", "rotation"]);

function text(body: Buffer): string {
  try {
    return UTF8.decode(body);
  } catch {
    return body.toString("latin1");
  }
}

function json(body: string): unknown {
  if (body.trim() === "") return undefined;
  try {
    return JSON.parse(body);
  } catch {
    return undefined;
  }
}

function rememberCredentials(headers: RecordedHeaders, secrets: SecretKeeper): void {
  for (const [name, value] of Object.entries(headers)) {
    if (!CREDENTIAL_HEADER.test(name)) continue;
    // "Bearer eyJ…": the credential is the last word; the whole value too, in case it travels whole
    secrets.remember([value, value.split(/\s+/).pop() ?? ""].filter((v) => v.length >= 8 && !isPlaceholder(v)));
  }
}

/** Path and query as a report shows them: values only for api-version and the query parameters the operation declares. */
function shownUrl(url: string, declared: readonly string[]): string {
  const { path, query } = parseRecordedUrl(url);
  const search = Object.entries(query).flatMap(([name, value]) => (Array.isArray(value) ? value : [value ?? ""])
    .map((v) => `${encodeURIComponent(name)}=${name === "api-version" || declared.includes(name) ? encodeURIComponent(v) : "[REDACTED]"}`));
  return search.length ? `${path}?${search.join("&")}` : path;
}

function shownHeaders(headers: RecordedHeaders): Record<string, string> {
  return Object.fromEntries(SHOWN_REQUEST_HEADERS.filter((name) => headers[name] !== undefined).map((name) => [name, headers[name]!]));
}

/** The request body as a report shows it: by the operation's request schema, deny by default. */
function shownRequestBody(body: string, operation: MockOperation | undefined, secrets: SecretKeeper): string | undefined {
  if (body === "") return undefined;
  const parsed = json(body);
  const model = operation?.operation.requestBody;
  if (parsed === undefined || !model?.schemaPointer) return shapeOf(body);
  const raw = operation!.doc.raw;
  const secret = secretPaths(raw, model.schema, model.schemaPointer);
  secrets.remember(valuesAt(parsed, secret));
  return JSON.stringify(shownBody(parsed, { shown: shownPaths(raw, model.schema, model.schemaPointer, secret), secret }, (t) => t));
}

function publicView(exchange: CompiledExchange): Exchange {
  const { context: _context, ...rest } = exchange;
  return rest;
}

function skipped(recording: Recording, recorded: RecordedExchange, reason: string, secrets: SecretKeeper): ExchangeResult {
  const { request } = recorded;
  const url = shownUrl(request.url, []);
  const exchange: Exchange = {
    id: `unmatched/${recording.file}#${recorded.number}`,
    kind: "replay",
    title: `${request.method} ${url}`,
    service: "unmatched",
    apiVersion: "*",
    operationId: "*",
    request: { method: request.method, url, headers: shownHeaders(request.headers) },
    authorize: request.headers.authorization !== undefined,
    expect: { kind: "recorded", status: recorded.response.status },
    mutation: "never",
    resource: parseRecordedUrl(request.url).path,
    source: `${recording.file}#${recorded.pointer}`,
    checks: [],
  };
  const origin = parseRecordedUrl(request.url).origin;
  return secrets.result({ exchange, outcome: "skipped", failures: [], warnings: [], checksRun: [], reason: `${reason}: ${request.method} ${url}`, curl: curlCommand(origin, exchange, exchange.request.headers), attempts: 0 });
}

export function judgeRecorded(recording: Recording, recorded: RecordedExchange, options: ReplayJudge): ExchangeResult {
  const { secrets } = options;
  const { request, response } = recorded;
  rememberCredentials(request.headers, secrets);
  const requestBody = decodeBody(request.body ?? Buffer.alloc(0), request.headers["content-encoding"], options.maxBodyBytes);
  const responseBody = decodeBody(response.body, response.headers["content-encoding"], options.maxBodyBytes);
  if (!requestBody.ok) return skipped(recording, recorded, `not judged: the request's ${requestBody.reason.replace(/^its /, "")}`, secrets);
  if (!responseBody.ok) return skipped(recording, recorded, `not judged: the answer's ${responseBody.reason.replace(/^its /, "")}`, secrets);

  // The checks and reports walk bodies recursively: past the runner's limit, a body is not judged, as a run refuses it.
  const tooDeep = [["request", requestBody.body], ["answer", responseBody.body]].find(([, body]) => nestsDeeperThan(json(text(body as Buffer)), MAX_JSON_DEPTH));
  if (tooDeep) return skipped(recording, recorded, `not judged: the ${tooDeep[0] as string}'s JSON body nests deeper than ${MAX_JSON_DEPTH} levels`, secrets);

  const routed = routeRecording(options.table, request, requestBody.body.length ? requestBody.body : undefined);
  if ("unmatched" in routed) return skipped(recording, recorded, `matches no operation (${routed.unmatched})`, secrets);
  const { doc, operation } = routed.operation;

  const notes = new Set<string>();
  const context: RecordedContext = {
    isPlaceholder,
    excused: (keyword, value) => WAIVED_FOR_PLACEHOLDERS.has(keyword) && isPlaceholder(value),
    droppedHeaders: recording.format.droppedHeaders,
    notJudged: (note) => notes.add(note),
    requestViolations: [],
  };
  const sentBody = text(requestBody.body);
  const bodyDropped = (sentBody === "" && Number(request.headers["content-length"] ?? 0) > 0) || sentBody.startsWith(OMITTED_BODY);
  context.requestViolations = requestViolations(routed.exchange, context, bodyDropped);

  const declaredQuery = operation.parameters.filter((p) => p.in === "query").map((p) => p.name);
  const url = shownUrl(request.url, declaredQuery);
  const exchange: CompiledExchange = {
    id: `${doc.service}/${doc.apiVersion}/${operation.operationId}/replay/${recording.file}#${recorded.number}`,
    kind: "replay",
    title: `${request.method} answered ${response.status}, as recorded (${recording.format.label})`,
    service: doc.service,
    apiVersion: doc.apiVersion,
    operationId: operation.operationId,
    request: { method: request.method, url, headers: shownHeaders(request.headers), body: shownRequestBody(sentBody, routed.operation, secrets) },
    authorize: request.headers.authorization !== undefined,
    expect: { kind: "recorded", status: response.status },
    mutation: "never",
    resource: routed.exchange.request.path,
    source: `${recording.file}#${recorded.pointer}`,
    checks: [],
    context: { doc, operation },
  };
  const bodyText = text(responseBody.body);
  const answerLeftOut = response.bodyLeftOut === true || bodyText.startsWith(OMITTED_ANSWER)
    || (bodyText === "" && Number(response.headers["content-length"] ?? 0) > 0);
  const applies = CHECKS.filter((check) => options.enabled.has(check.name) && check.appliesTo(exchange));
  if (answerLeftOut && applies.some((check) => BODY_CHECKS.has(check.name))) notes.add("answer body: the recording leaves it out");
  exchange.checks = applies.filter((check) => !answerLeftOut || !BODY_CHECKS.has(check.name)).map((check) => check.name);

  const answer: ExchangeResponse = { status: response.status, headers: response.headers, text: bodyText, json: json(bodyText), durationMs: 0 };
  const documented = documentedResponse(operation, answer.status);
  secrets.learn(answer, documented?.secretPaths ?? []);
  const shown = secrets.response(answer, { shown: documented?.shownPaths ?? [], secret: documented?.secretPaths ?? [] });
  const returnsClientId = request.headers["x-ms-return-client-request-id"]?.toLowerCase() === "true";
  const sent = {
    clientRequestId: returnsClientId ? request.headers["x-ms-client-request-id"] : undefined,
    correlationRequestId: request.headers["x-ms-correlation-request-id"],
  };

  const findings: Finding[] = [];
  for (const name of exchange.checks) {
    const check = CHECKS.find((c) => c.name === name)!;
    for (const { notFromBody, severity, ...finding } of check.run({ exchange, response: answer, sent, examplesMode: false, ajv: options.ajv, recorded: context })) {
      const actual = notFromBody ? finding.actual : secrets.quote(shown, finding.pointer, finding.actual);
      findings.push({ check: name, exchange: exchange.id, severity: severity ?? check.severity, ...finding, actual });
    }
  }
  const { outcome, failures, warnings } = judge(findings, options.strict);
  return secrets.result({
    exchange: publicView(exchange),
    outcome,
    response: shown,
    failures,
    warnings,
    checksRun: exchange.checks,
    ...(notes.size ? { notJudged: [...notes] } : {}),
    curl: curlCommand(parseRecordedUrl(request.url).origin, exchange, exchange.request.headers),
    attempts: 0,
  });
}
