/**
 * async-final-result: once the operation Succeeded, its final result — read where final-state-via says — is one of
 * the operation's documented success answers and valid against its schema (the schema check, run on that answer).
 */
import { get as valueAt } from "../../kernel/index.ts";
import type { Check, CheckFailure } from "./check.ts";
import { judgesLongRunning, requestLabel, settledResult } from "./async-operation.ts";
import { schema } from "./schema.ts";

export const asyncFinalResult: Check = {
  name: "async-final-result",
  summary: "a long-running operation's final result is a documented success and matches its schema",
  severity: "failure",
  appliesTo: judgesLongRunning,
  run: (input) => {
    const record = input.followed?.record;
    if (!record) return [];
    if (record.stopped?.check === "async-final-result") {
      return [{ pointer: "", expected: "the final result", actual: "none", notFromBody: true, message: record.stopped.reason }];
    }
    const settled = settledResult(input.followed, input.exchange.context.operation.longRunning!.finalStatuses);
    if (!settled) return [];
    const where = settled.fromStatus ? `the result the status monitor gave (${requestLabel(input, settled.request)})` : requestLabel(input, settled.request);
    const statuses = input.exchange.context.operation.longRunning!.finalStatuses;
    // A status monitor's own answer carries the result: its status code says nothing of it.
    if (!settled.fromStatus && statuses.length > 0 && !statuses.includes(String(settled.response.status))) {
      return [{ pointer: "", expected: statuses.map(Number), actual: settled.response.status, notFromBody: true, message: `${where} answered ${settled.response.status}; the operation's final answer is ${statuses.join(" or ")}` }];
    }
    const shown = settled.shown;
    return schema.run({ ...input, response: settled.response }).map((failure): CheckFailure => ({
      ...failure,
      actual: failure.notFromBody ? failure.actual : shown?.json === undefined ? "the body" : valueAt(shown.json, failure.pointer) ?? null,
      notFromBody: true,
      message: `${where}: ${failure.message}`,
    }));
  },
};
