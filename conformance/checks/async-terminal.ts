/**
 * async-terminal: the operation reaches a terminal state within the bound (`--lro-timeout`), and it is Succeeded —
 * a Failed or Canceled operation is named with the error object its answer gives (code and message), as core-lro's
 * getErrorFromResponse reads it (Azure/azure-sdk-for-js sdk/core/core-lro/src/http/operation.ts).
 */
import { get as valueAt } from "../../kernel/index.ts";
import type { Check } from "./check.ts";
import { judgesLongRunning, requestLabel, shownAnswer } from "./async-operation.ts";

/** An error's code or message as a line may quote it: a string, cut at 200 characters. */
const text = (value: unknown) => (typeof value === "string" ? (value.length > 200 ? `${value.slice(0, 200)}…` : value) : undefined);

export const asyncTerminal: Check = {
  name: "async-terminal",
  summary: "a long-running operation reaches Succeeded within the bound (Failed and Canceled are named with their error)",
  severity: "failure",
  appliesTo: judgesLongRunning,
  run: (input) => {
    const record = input.followed?.record;
    if (!record) return [];
    if (record.stopped?.check === "async-terminal") {
      return [{ pointer: "", expected: "Succeeded, Failed or Canceled", actual: record.requests.at(-1)?.state ?? "no state", notFromBody: true, message: record.stopped.reason }];
    }
    const terminal = record.terminal;
    if (!terminal || terminal.state === "Succeeded") return [];
    const shown = shownAnswer(input, terminal.request);
    const error = shown?.json === undefined ? undefined : valueAt(shown.json, "/error");
    const [code, message] = [text(valueAt(error, "/code")), text(valueAt(error, "/message"))];
    const named = code || message ? `: ${[code, message].filter(Boolean).join(": ")}` : ", without an error object (code and message)";
    return [{
      pointer: "/error",
      expected: "Succeeded",
      actual: error ?? terminal.state,
      notFromBody: true,
      message: `the operation ended ${terminal.state} (${requestLabel(input, terminal.request)})${named}`,
    }];
  },
};
