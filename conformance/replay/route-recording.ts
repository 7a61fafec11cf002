/**
 * A recorded request to its operation by the mock's routing (mock/route-table.ts: the same templates, router options
 * and method/api-version steps as a live request), or why none matches, in a few words.
 */
import type { MockExchange, MockRequest } from "../mock/mock-exchange.ts";
import type { MockOperation } from "../mock/mock-model.ts";
import type { RouteTable } from "../mock/route-table.ts";
import type { RecordedRequest } from "./recording.ts";

/** Where relative URLs (a path only) are resolved; never contacted. */
export const NO_HOST = "http://recording.invalid";

export interface RecordedUrl {
  /** https://host, or "" when the recording kept only the path. */
  origin: string;
  /** Percent-encoded, as recorded. */
  path: string;
  query: MockRequest["query"];
}

export function parseRecordedUrl(url: string): RecordedUrl {
  const parsed = new URL(url, NO_HOST);
  const query: MockRequest["query"] = {};
  for (const [name, value] of parsed.searchParams) {
    const before = query[name];
    query[name] = before === undefined ? value : Array.isArray(before) ? [...before, value] : [before, value];
  }
  return { origin: parsed.origin === NO_HOST ? "" : parsed.origin, path: parsed.pathname, query };
}

export type RoutedRecording = { operation: MockOperation; exchange: MockExchange } | { unmatched: string };

/** ARM's refusal codes, as the reason a recording matched no operation. */
function why(code: string, request: MockRequest): string {
  const version = request.query["api-version"];
  if (code === "NotFound") return "no operation has this path";
  if (code === "BadRequest") return "the path has a malformed escape or a segment over 100 characters";
  if (code === "MethodNotAllowed") return `no operation answers ${request.method} on this path`;
  if (code === "MissingApiVersionParameter") return "the recorded URL has no api-version";
  return `the specs hold no api-version ${JSON.stringify(Array.isArray(version) ? version.join(",") : version ?? "")} of this path`;
}

export function routeRecording(table: RouteTable, request: RecordedRequest, body: Buffer | undefined): RoutedRecording {
  const { path, query } = parseRecordedUrl(request.url);
  const mockRequest: MockRequest = { method: request.method, path, query, headers: request.headers, body };
  const routed = table.route(mockRequest);
  if ("refusal" in routed) return { unmatched: why(routed.refusal.code, mockRequest) };
  return routed;
}
