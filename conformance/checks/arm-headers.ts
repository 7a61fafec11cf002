/**
 * arm-headers: what ARM puts on every answer (Azure/azure-resource-manager-rpc, common-api-details.md §Response Headers, and Azure's recorded exchanges) — an `x-ms-request-id`, the correlation id the
 * client sent echoed in `x-ms-correlation-request-id`, and the client request id echoed when asked for with
 * `x-ms-return-client-request-id: true`.
 */
import type { Check, CheckFailure } from "./check.ts";

export const armHeaders: Check = {
  name: "arm-headers",
  summary: "x-ms-request-id is present; the sent correlation and client request ids are echoed",
  severity: "failure",
  appliesTo: () => true,
  run: ({ response, sent, recorded }) => {
    const headers = response!.headers;
    const failures: CheckFailure[] = [];
    const dropped = (name: string) => {
      if (!recorded?.droppedHeaders.includes(name)) return false;
      recorded.notJudged(`${name}: the recording's format drops it`);
      return true;
    };
    if (!headers["x-ms-request-id"]?.trim() && !dropped("x-ms-request-id")) {
      failures.push({ pointer: "", expected: "x-ms-request-id", actual: null, notFromBody: true, message: "no x-ms-request-id header" });
    }
    const echoes: Array<[string, string | undefined]> = [
      ["x-ms-correlation-request-id", sent.correlationRequestId],
      ["x-ms-client-request-id", sent.clientRequestId],
    ];
    for (const [name, value] of echoes) {
      if (value === undefined || headers[name] === value) continue;
      if (headers[name] === undefined && dropped(name)) continue;
      if (recorded && [value, headers[name]].some((v) => recorded.isPlaceholder(v))) {
        recorded.notJudged(`${name}: the recorder replaced the id`);
        continue;
      }
      failures.push({ pointer: "", expected: `${name}: ${value}`, actual: headers[name] ?? null, notFromBody: true, message: `${name} does not echo the id sent` });
    }
    return failures;
  },
};
