/**
 * example-match: the answer to an example's request looks like the documented answer. Against a target that
 * answers with the examples (the mock in example mode) it must equal it; against a stateful endpoint, values
 * differ (keys, timestamps), so every field the example shows must be there with the same JSON type.
 */
import { join } from "../../kernel/index.ts";
import { jsonType, type Check, type CheckFailure } from "./check.ts";

const sameType = (a: unknown, b: unknown) => {
  const [ta, tb] = [jsonType(a), jsonType(b)].map((t) => (t === "integer" ? "number" : t));
  return ta === tb;
};

function compareShape(expected: unknown, actual: unknown, pointer: string, out: CheckFailure[]): void {
  if (actual === undefined) {
    out.push({ pointer, expected: jsonType(expected), actual: null, notFromBody: true, message: `${pointer} is missing (the example shows it)` });
    return;
  }
  if (!sameType(expected, actual)) {
    out.push({ pointer, expected: jsonType(expected), actual: jsonType(actual), notFromBody: true, message: `${pointer} is ${jsonType(actual)}, the example shows ${jsonType(expected)}` });
    return;
  }
  if (Array.isArray(expected) && Array.isArray(actual)) {
    if (expected.length > 0 && actual.length > 0) compareShape(expected[0], actual[0], join(pointer, 0), out);
  } else if (expected && typeof expected === "object") {
    for (const [name, value] of Object.entries(expected)) compareShape(value, (actual as Record<string, unknown>)[name], join(pointer, name), out);
  }
}

function compareValues(expected: unknown, actual: unknown, pointer: string, out: CheckFailure[]): void {
  const bothObjects = expected && actual && typeof expected === "object" && typeof actual === "object" && Array.isArray(expected) === Array.isArray(actual);
  if (bothObjects) {
    const names = new Set([...Object.keys(expected as object), ...Object.keys(actual as object)]);
    for (const name of names) compareValues((expected as Record<string, unknown>)[name], (actual as Record<string, unknown>)[name], join(pointer, name), out);
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
    const failures: CheckFailure[] = [];
    if (examplesMode) compareValues(example.body, response!.json, "", failures);
    else compareShape(example.body, response!.json, "", failures);
    return failures;
  },
};
