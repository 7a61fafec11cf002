/**
 * error-contract: an error answer is the service's error envelope: JSON with a non-empty `code` and `message`
 * (inside `error` when the operation's error schema wraps them, as ARM's does). Validity against that schema is the
 * schema check's; this one catches what Azure's lenient error schemas (nothing required) let through.
 */
import { deref, errorResponse, get as valueAt } from "../../kernel/index.ts";
import { type Check, type CheckFailure } from "./check.ts";

export const errorContract: Check = {
  name: "error-contract",
  summary: "an error answer is JSON with a non-empty code and message where the error schema puts them",
  severity: "failure",
  appliesTo: () => true,
  run: ({ exchange, response }) => {
    const { doc, operation } = exchange.context;
    if (response!.status < 400) return [];
    const documented = errorResponse(operation);
    if (!documented?.schemaPointer) return [];
    const body = response!.json;
    if (body === undefined) {
      if (!response!.text) return [{ pointer: "", expected: "a JSON error body", actual: "no body", notFromBody: true, message: `a ${response!.status} answer must carry the error envelope` }];
      return [{ pointer: "", expected: "a JSON error body", actual: response!.text, message: `a ${response!.status} answer must carry the error envelope` }];
    }
    const failures: CheckFailure[] = [];
    const schema = deref(doc.raw, documented.schema, documented.schemaPointer).node;
    const wrapper = schema?.properties?.error ? "/error" : "";
    for (const field of ["code", "message"]) {
      const pointer = `${wrapper}/${field}`;
      const value = valueAt(body, pointer);
      if (typeof value !== "string" || value.trim() === "") {
        failures.push({ pointer, expected: "a non-empty string", actual: value ?? null, message: `error body has no ${pointer}` });
      }
    }
    return failures;
  },
};
