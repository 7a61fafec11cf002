/**
 * A recorded exchange that is listed but not judged — it matches no operation, or its body cannot be read — as a
 * skipped result with the reason and the request (shown as shown-request.ts allows).
 */
import type { Exchange, ExchangeResult } from "../exchange.ts";
import { curlCommand } from "../runner/curl-command.ts";
import type { SecretKeeper } from "../runner/secrets.ts";
import type { RecordedExchange, Recording } from "./recording.ts";
import { parseRecordedUrl } from "./route-recording.ts";
import { shownHeaders, shownUrl } from "./shown-request.ts";

export function skippedResult(recording: Recording, recorded: RecordedExchange, reason: string, secrets: SecretKeeper): ExchangeResult {
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
