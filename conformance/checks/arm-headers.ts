/**
 * arm-headers: what ARM puts on every answer (Azure/azure-resource-manager-rpc, common-api-details.md §Response Headers, and Azure's recorded exchanges) — an `x-ms-request-id`, the correlation id the
 * client sent echoed in `x-ms-correlation-request-id`, and the client request id echoed when asked for with
 * `x-ms-return-client-request-id: true`.
 *
 * A missing x-ms-request-id fails: it is the id support asks for. A missing echo is only a warning: no client acts
 * on it, and answers that passed through a recorder often lack them (Azure/azure-cli's recordings, e.g.
 * src/azure-cli/azure/cli/command_modules/maps/tests/latest/recordings/test_create_maps_account.yaml, keep neither).
 * An echo of another id than the one sent fails: that endpoint answers something false.
 */
import type { Check, CheckFailure } from "./check.ts";

export const armHeaders: Check = {
  name: "arm-headers",
  summary: "x-ms-request-id is present; the sent correlation and client request ids are echoed (absent: a warning)",
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
      const absent = headers[name] === undefined;
      if (absent && dropped(name)) continue;
      if (recorded && [value, headers[name]].some((v) => recorded.isPlaceholder(v))) {
        recorded.notJudged(`${name}: the recorder replaced the id`);
        continue;
      }
      const message = absent ? `no ${name} header (ARM echoes the id sent)` : `${name} does not echo the id sent`;
      failures.push({ pointer: "", expected: `${name}: ${value}`, actual: headers[name] ?? null, notFromBody: true, severity: absent ? "warning" : "failure", message });
    }
    return failures;
  },
};
