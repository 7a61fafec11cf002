/**
 * The x-ms-examples format no schema checks: an example is `{ parameters: {name: value}, responses: {status:
 * { body?, headers?: {name: value} }} }`. Everything that reads examples (lint, the mock, the runner) relies on that
 * shape, so a document whose example has another shape stops at load with the place to fix, before any of them.
 */
import { join } from "./json-pointer.ts";
import type { DocumentModel, ExampleModel } from "./model.ts";
import { type Location, type Problem, problem } from "./user-error.ts";

const isRecord = (value: unknown): boolean => value !== null && typeof value === "object" && !Array.isArray(value);

/** Where a pointer inside an example is: its own file, or the spec when the example is written inline. */
function inExample(doc: DocumentModel, example: ExampleModel, pointer: string): Location {
  return example.file === doc.file ? { file: doc.file, pointer: example.pointer + pointer } : { file: example.file, pointer };
}

export function exampleShapeProblems(doc: DocumentModel): Problem[] {
  const problems: Problem[] = [];
  for (const op of doc.operations) {
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
