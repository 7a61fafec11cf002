/**
 * One recorded exchange → one result, as the runner judges a live answer: routed to its operation, its answer run
 * through every check that applies to a recording, findings sorted by severity, everything shown redacted (deny by
 * default, every secret seen cut out: shown-request.ts for the request).
 */
import type { Ajv } from "../../kernel/index.ts";
import type { RecordedContext } from "../checks/check.ts";
import { documentedResponse } from "../checks/documented-response.ts";
import { CHECKS, findCheck } from "../checks/registry.ts";
import type { CompiledExchange, ExchangeResponse, ExchangeResult, Finding } from "../exchange.ts";
import type { RouteTable } from "../mock/route-table.ts";
import { checkFindings } from "../runner/check-findings.ts";
import { curlCommand } from "../runner/curl-command.ts";
import { MAX_JSON_DEPTH, nestsDeeperThan } from "../runner/http-sender.ts";
import { publicView } from "../runner/run-conformance.ts";
import type { SecretKeeper } from "../runner/secrets.ts";
import { judge } from "../severity.ts";
import { json, text } from "./body-text.ts";
import { decodeBody } from "./decode-body.ts";
import { answerBodyLeftOut, requestBodyLeftOut } from "./left-out.ts";
import { isPlaceholder, WAIVED_FOR_PLACEHOLDERS } from "./placeholders.ts";
import type { RecordedExchange, Recording } from "./recording.ts";
import { requestViolations } from "./request-violations.ts";
import { parseRecordedUrl, routeRecording } from "./route-recording.ts";
import { rememberCredentials, shownHeaders, shownRequestBody, shownUrl } from "./shown-request.ts";
import { skippedResult } from "./skipped-result.ts";

export interface ReplayJudge {
  table: RouteTable;
  ajv: Ajv;
  /** Names of the checks `--checks` enables. */
  enabled: Set<string>;
  strict: boolean;
  maxBodyBytes: number;
  secrets: SecretKeeper;
}

/** The checks that judge an answer's body: they do not run on a recording that left the body out. */
const BODY_CHECKS = new Set(["schema", "undeclared-fields", "error-contract", "example-match", "rotation"]);

/** A body decoded and within the runner's limits, or why it cannot be judged. */
function decoded(which: "request" | "answer", body: Buffer, encoding: string | undefined, maxBytes: number): Buffer | string {
  const result = decodeBody(body, encoding, maxBytes);
  if (!result.ok) return `the ${which}'s ${result.reason.replace(/^its /, "")}`;
  // The checks and reports walk bodies recursively: past the runner's limit, a body is not judged, as a run refuses it.
  if (nestsDeeperThan(json(text(result.body)), MAX_JSON_DEPTH)) return `the ${which}'s JSON body nests deeper than ${MAX_JSON_DEPTH} levels`;
  return result.body;
}

export function judgeRecorded(recording: Recording, recorded: RecordedExchange, options: ReplayJudge): ExchangeResult {
  const { secrets } = options;
  const { request, response } = recorded;
  rememberCredentials(request.headers, secrets);
  const requestBody = decoded("request", request.body ?? Buffer.alloc(0), request.headers["content-encoding"], options.maxBodyBytes);
  const answerBody = decoded("answer", response.body, response.headers["content-encoding"], options.maxBodyBytes);
  for (const body of [requestBody, answerBody]) if (typeof body === "string") return skippedResult(recording, recorded, `not judged: ${body}`, secrets);
  const [sentBytes, answerBytes] = [requestBody as Buffer, answerBody as Buffer];

  const routed = routeRecording(options.table, request, sentBytes.length ? sentBytes : undefined);
  if ("unmatched" in routed) return skippedResult(recording, recorded, `matches no operation (${routed.unmatched})`, secrets);
  const { doc, operation } = routed.operation;

  const notes = new Set<string>();
  const context: RecordedContext = {
    isPlaceholder,
    excused: (keyword, value) => WAIVED_FOR_PLACEHOLDERS.has(keyword) && isPlaceholder(value),
    droppedHeaders: recording.format.droppedHeaders,
    notJudged: (note) => notes.add(note),
    requestViolations: [],
  };
  const sentBody = text(sentBytes);
  context.requestViolations = requestViolations(routed.exchange, context, requestBodyLeftOut(sentBody, request.headers));

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
  const bodyText = text(answerBytes);
  const answerLeftOut = answerBodyLeftOut(response, bodyText);
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
    findings.push(...checkFindings(findCheck(name)!, { exchange, response: answer, sent, examplesMode: false, ajv: options.ajv, recorded: context }, shown, secrets));
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
