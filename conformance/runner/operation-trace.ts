/**
 * A followed operation as reports may show it: every follow-up answer through the run's SecretKeeper (keys it carries
 * learned first, at its documented secret paths), a status monitor's body by the fields ARM's contract gives it, and
 * URLs without the query values ARM signs its polling URLs with.
 */
import type { OperationModel } from "../../kernel/index.ts";
import { documentedResponse } from "../checks/documented-response.ts";
import type { ExchangeResponse, OperationTrace } from "../exchange.ts";
import type { FollowedOperation } from "./follow-operation.ts";
import type { SecretKeeper } from "./secrets.ts";

/** The fields of ARM's Azure-AsyncOperation resource (async-api-reference.md), shown as written. */
const STATUS_FIELDS = ["/id", "/name", "/status", "/startTime", "/endTime", "/percentComplete", "/resourceLocation", "/error/code", "/error/message", "/error/target"];

/** Origin and path, and the api-version; any other query value is replaced (ARM's polling URLs carry signatures). */
export function shownUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return "<not an absolute URL>";
  }
  const query = [...url.searchParams.keys()].map((name) => `${encodeURIComponent(name)}=${name === "api-version" ? encodeURIComponent(url.searchParams.get(name)!) : "…"}`);
  return `${url.origin}${url.pathname}${query.length > 0 ? `?${query.join("&")}` : ""}`.slice(0, 500);
}

/** The operation whose documented answers describe a follow-up request's answer. */
function describedBy(record: FollowedOperation, index: number, operation: OperationModel, reader: OperationModel | undefined): OperationModel | "status" | undefined {
  const request = record.requests[index];
  if (request.purpose === "read-while-running") return reader;
  if (request.purpose === "final") return operation;
  if (record.monitor) return "status";
  // A Location poll: 202 is progress (nothing documented), anything else is the operation's own answer.
  return request.response?.status === 202 ? undefined : operation;
}

export interface ShownFollowUp {
  shown: Array<ExchangeResponse | undefined>;
  trace: OperationTrace;
}

export function showFollowUp(record: FollowedOperation, operation: OperationModel, reader: OperationModel | undefined, secrets: SecretKeeper): ShownFollowUp {
  const paths = record.requests.map((request, index) => {
    const by = describedBy(record, index, operation, reader);
    if (!request.response || by === undefined) return { shown: [], secret: [] };
    if (by === "status") {
      // The result a status body may carry in `properties` is described by the operation's final answer.
      const result = documentedResponse(operation, Number(operation.longRunning?.finalStatuses[0] ?? 200));
      const under = (paths: readonly string[] = []) => paths.map((p) => `/properties${p === "/" ? "" : p}`);
      return { shown: [...STATUS_FIELDS, ...under(result?.shownPaths)], secret: under(result?.secretPaths) };
    }
    const documented = documentedResponse(by, request.response.status);
    return { shown: documented?.shownPaths ?? [], secret: documented?.secretPaths ?? [] };
  });
  record.requests.forEach((request, index) => request.response && secrets.learn(request.response, paths[index].secret));
  const shown = record.requests.map((request, index) => request.response && secrets.response(request.response, paths[index]));
  const trace: OperationTrace = {
    finalStateVia: record.finalStateVia,
    requests: record.requests.map((request, index) => ({
      purpose: request.purpose,
      header: request.header,
      url: shownUrl(request.url),
      status: request.response?.status,
      state: request.state,
      retryAfter: shown[index]?.headers["retry-after"],
      transportError: request.transportError,
      body: shown[index]?.json,
    })),
    terminal: record.terminal?.state,
    stopped: record.stopped?.reason,
    durationMs: record.durationMs,
  };
  return { shown, trace };
}
