/**
 * example-match: the answer to an example's request looks like the documented answer. Against a target that
 * answers with the examples (the mock in example mode) it must equal it; against a stateful endpoint, values
 * differ (keys, timestamps), so every field the example shows must be there with the same JSON type.
 *
 * An example is one answer, not the contract: a field it shows that the schema does not require may be absent (a
 * real answer leaves out what it has no value for), and a field it lacks may be present (Azure lets responses gain
 * properties: Azure/azure-rest-api-specs, documentation/BreakingChange-Oad-Rules-Mapping.md, 1040/1041). Those are
 * warnings; a required field missing, a different type, or a different value from a target serving examples fail.
 */
import { join } from "../../kernel/index.ts";
import { jsonType, type Check, type CheckFailure } from "./check.ts";
import { documentedResponse } from "./documented-response.ts";
import { isRequired } from "./object-schema.ts";

const sameType = (a: unknown, b: unknown) => {
  const [ta, tb] = [jsonType(a), jsonType(b)].map((t) => (t === "integer" ? "number" : t));
  return ta === tb;
};

/** Whether the schema requires the property at an instance pointer. */
type Required = (pointer: string) => boolean;

function missing(expected: unknown, pointer: string, required: Required): CheckFailure {
  const must = required(pointer);
  return {
    pointer, expected: jsonType(expected), actual: null, notFromBody: true,
    ...(must ? {} : { severity: "warning" as const }),
    message: must ? `${pointer} is missing (the example shows it and the schema requires it)` : `${pointer} is missing (the example shows it; the schema does not require it)`,
  };
}

function compareShape(expected: unknown, actual: unknown, pointer: string, required: Required, out: CheckFailure[]): void {
  if (actual === undefined) {
    out.push(missing(expected, pointer, required));
    return;
  }
  if (!sameType(expected, actual)) {
    out.push({ pointer, expected: jsonType(expected), actual: jsonType(actual), notFromBody: true, message: `${pointer} is ${jsonType(actual)}, the example shows ${jsonType(expected)}` });
    return;
  }
  if (Array.isArray(expected) && Array.isArray(actual)) {
    if (expected.length > 0 && actual.length > 0) compareShape(expected[0], actual[0], join(pointer, 0), required, out);
  } else if (expected && typeof expected === "object") {
    for (const [name, value] of Object.entries(expected)) compareShape(value, (actual as Record<string, unknown>)[name], join(pointer, name), required, out);
  }
}

function compareValues(expected: unknown, actual: unknown, pointer: string, required: Required, out: CheckFailure[]): void {
  const bothObjects = expected && actual && typeof expected === "object" && typeof actual === "object" && Array.isArray(expected) === Array.isArray(actual);
  if (bothObjects) {
    const names = new Set([...Object.keys(expected as object), ...Object.keys(actual as object)]);
    for (const name of names) compareValues((expected as Record<string, unknown>)[name], (actual as Record<string, unknown>)[name], join(pointer, name), required, out);
    return;
  }
  if (pointer !== "" && actual === undefined) {
    out.push(missing(expected, pointer, required));
    return;
  }
  if (pointer !== "" && expected === undefined) {
    out.push({ pointer, expected: null, actual, severity: "warning", message: `${pointer} is not in the example` });
    return;
  }
  if (JSON.stringify(expected) !== JSON.stringify(actual)) {
    out.push({ pointer, expected: expected ?? null, actual: actual ?? null, message: `${pointer || "body"} differs from the example` });
  }
}

export const exampleMatch: Check = {
  name: "example-match",
  summary: "the answer has every field of the documented example (equals it when the target serves examples)",
  severity: "failure",
  appliesTo: (exchange) => exchange.expect.kind === "success" && exchange.expect.example !== undefined,
  run: ({ exchange, response, examplesMode }) => {
    const example = exchange.expect.kind === "success" ? exchange.expect.example : undefined;
    if (!example || response!.status !== example.status || example.body === undefined) return [];
    const { doc, operation } = exchange.context;
    const documented = documentedResponse(operation, response!.status);
    const required: Required = (pointer) => documented?.schema !== undefined && documented.schemaPointer !== undefined
      && isRequired(doc.raw, documented.schema as Record<string, unknown>, documented.schemaPointer, pointer);
    const failures: CheckFailure[] = [];
    if (examplesMode) compareValues(example.body, response!.json, "", required, failures);
    else compareShape(example.body, response!.json, "", required, failures);
    return failures;
  },
};
