/**
 * async-retry-after: the accepted answer (when the spec declares Retry-After) and every answer that shows the
 * operation still running carry Retry-After in whole seconds, as ARM's contract writes it (Azure/azure-resource-
 * manager-rpc v1.0/async-api-reference.md). Drift: a client falls back to its own interval.
 */
import type { Check, CheckFailure } from "./check.ts";
import { isAccepted, judgesLongRunning } from "./async-operation.ts";
import { terminalState } from "../runner/follow-operation.ts";

const WHOLE_SECONDS = /^\d{1,9}$/;

export const asyncRetryAfter: Check = {
  name: "async-retry-after",
  summary: "answers of a running operation say when to poll again (Retry-After, whole seconds)",
  severity: "warning",
  appliesTo: judgesLongRunning,
  run: (input) => {
    const failures: CheckFailure[] = [];
    const judge = (where: string, headers: Record<string, string>, required: boolean) => {
      const value = headers["retry-after"];
      if (value === undefined) {
        if (required) failures.push({ pointer: "", expected: "Retry-After", actual: "none", notFromBody: true, message: `${where} has no Retry-After: a client polls at its own interval` });
      } else if (!WHOLE_SECONDS.test(value.trim())) {
        failures.push({ pointer: "", expected: "whole seconds", actual: value, notFromBody: true, message: `${where} has a Retry-After that is not whole seconds` });
      }
    };
    if (isAccepted(input)) {
      judge(`the ${input.response!.status} answer`, input.response!.headers, input.exchange.context.operation.longRunning!.declaredHeaders.includes("Retry-After"));
    }
    const running = (input.followed?.record.requests ?? []).filter((r) => r.purpose !== "read-while-running" && r.response
      && (r.purpose === "poll" ? r.state !== undefined && terminalState(r.state) === undefined : r.response.status === 202));
    const missing = running.filter((r) => r.response!.headers["retry-after"] === undefined).length;
    if (missing > 0) failures.push({ pointer: "", expected: "Retry-After", actual: `${missing} of ${running.length}`, notFromBody: true, message: `${missing} of ${running.length} answers showing the operation running had no Retry-After` });
    const unreadable = running.find((r) => r.response!.headers["retry-after"] !== undefined && !WHOLE_SECONDS.test(r.response!.headers["retry-after"].trim()));
    if (unreadable) judge("an answer showing the operation running", unreadable.response!.headers, false);
    return failures;
  },
};
