/**
 * What everything that reads the model (lint, emit, the mock, the runner) relies on and OpenAPI does not require,
 * checked once in loadSpecs (pipeline.ts), so a document without it stops there with the place to fix, before any of
 * them (`rekey diff` reads two documents without these checks: it compares what is written):
 *  - every parameter and request body has a schema (a typed client and its validators are built from it);
 *  - examples have the x-ms-examples shape no schema checks: `{ parameters: {name: value}, responses: {status:
 *    { body?, headers?: {name: value} }} }`.
 */
import { get, join } from "./json-pointer.ts";
import type { DocumentModel, ExampleModel } from "./model-types.ts";
import { type Location, type Problem, problem } from "./user-error.ts";

const isRecord = (value: unknown): boolean => value !== null && typeof value === "object" && !Array.isArray(value);

/** Where a pointer inside an example is: its own file, or the spec when the example is written inline. */
function inExample(doc: DocumentModel, example: ExampleModel, pointer: string): Location {
  return example.file === doc.file ? { file: doc.file, pointer: example.pointer + pointer } : { file: example.file, pointer };
}

export function modelShapeProblems(doc: DocumentModel): Problem[] {
  const problems: Problem[] = [];
  for (const op of doc.operations) {
    for (const { what, pointer, schemaPointer } of [
      ...op.parameters.map((p) => ({ what: `parameter "${p.name}"`, pointer: p.pointer, schemaPointer: p.schemaPointer })),
      ...(op.requestBody ? [{ what: "the request body", pointer: op.requestBody.pointer, schemaPointer: op.requestBody.schemaPointer }] : []),
    ]) {
      if (get(doc.raw, schemaPointer) === undefined) {
        problems.push(problem("load/schema", { file: doc.file, pointer }, `${what} has no schema: rekey types and validates it from one`,
          "add a schema (for a body, under its JSON media type)"));
      }
    }
    for (const example of op.examples) {
      const refuse = (pointer: string, what: string) =>
        problems.push(problem("load/example", inExample(doc, example, pointer), `example "${example.title}": ${what}`,
          "write examples as { parameters: { name: value }, responses: { status: { body, headers } } }"));
      if (!isRecord(example.parameters)) refuse("/parameters", "parameters must be an object of name: value");
      if (!isRecord(example.responses)) {
        refuse("/responses", "responses must be an object of status: response");
        continue;
      }
      for (const [status, response] of Object.entries(example.responses)) {
        const at = join("", "responses", status);
        if (!isRecord(response)) refuse(at, `response ${status} must be an object ({ body, headers })`);
        else if (response.headers !== undefined && !isRecord(response.headers)) refuse(join(at, "headers"), "headers must be an object of name: value");
      }
    }
  }
  return problems;
}
