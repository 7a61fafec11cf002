/**
 * async-final-result: once the operation Succeeded, its final result — read where final-state-via says — is one of
 * the operation's documented success answers and valid against its schema (the schema check, run on that answer).
 */
import { get as valueAt } from "../../kernel/index.ts";
import type { Check, CheckFailure } from "./check.ts";
import { judgesLongRunning, requestLabel, shownAnswer } from "./async-operation.ts";
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
    if (record.terminal?.state !== "Succeeded" || record.final === undefined) return [];
    const request = record.requests[record.final];
    const final = request.response!;
    const where = requestLabel(input, record.final);
    const { operation } = input.exchange.context;
    const statuses = operation.longRunning!.finalStatuses;
    // A status monitor's own answer is the result for azure-async-operation: its status code says nothing of it.
    const ownAnswer = request.purpose === "poll" && record.monitor;
    if (!ownAnswer && statuses.length > 0 && !statuses.includes(String(final.status))) {
      return [{ pointer: "", expected: statuses.map(Number), actual: final.status, notFromBody: true, message: `${where} answered ${final.status}; the operation's final answer is ${statuses.join(" or ")}` }];
    }
    const judged = ownAnswer && statuses.length > 0 ? { ...final, status: Number(statuses[0]) } : final;
    const shown = shownAnswer(input, record.final);
    return schema.run({ ...input, response: judged }).map((failure): CheckFailure => ({
      ...failure,
      actual: failure.notFromBody ? failure.actual : shown?.json === undefined ? "the body" : valueAt(shown.json, failure.pointer) ?? null,
      notFromBody: true,
      message: `${where}: ${failure.message}`,
    }));
  },
};
