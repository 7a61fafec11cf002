/**
 * async-polling-url: every polling URL is absolute and on the target's host — any other is never requested, so the
 * token never leaves the target — and polling it answers with the operation's state: a status monitor with a
 * `status` string, a Location with 202 until done (not 404).
 */
import type { Check, CheckFailure } from "./check.ts";
import { judgesLongRunning, requestLabel } from "./async-operation.ts";

export const asyncPollingUrl: Check = {
  name: "async-polling-url",
  summary: "polling URLs are absolute, on the target's host, and answer with the operation's state",
  severity: "failure",
  appliesTo: judgesLongRunning,
  run: (input) => {
    const record = input.followed?.record;
    if (!record) return [];
    const failures: CheckFailure[] = record.urls.filter((u) => u.refused).map((u) => ({
      pointer: "",
      expected: "an absolute URL on the target's host",
      actual: u.refused === "relative" ? "a relative URL" : "a URL on another host",
      notFromBody: true,
      message: u.refused === "relative"
        ? `${u.header} is not an absolute URL: it was never requested`
        : `${u.header} points to another host: it was never requested (the token stays with the target)`,
    }));
    const stop = record.stopped;
    if (stop?.check === "async-polling-url" && stop.request !== undefined) {
      const response = record.requests[stop.request].response;
      failures.push({ pointer: "", expected: "the operation's state", actual: response?.status ?? "no answer", notFromBody: true, message: `${requestLabel(input, stop.request)}: ${stop.reason}` });
    }
    return failures;
  },
};
