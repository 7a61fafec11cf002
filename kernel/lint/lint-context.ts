import type { DocumentModel, ExampleModel } from "../model-types.ts";
import type { Location, Problem } from "../user-error.ts";
import { type Ajv, compiledSchema, type SchemaViolation, validate } from "../schema-validator.ts";
import type { ValidateFunction } from "ajv";

/** What every lint rule receives: the document, a shared ajv, and a way to say where. */
export interface LintContext {
  doc: DocumentModel;
  ajv: Ajv;
  /** Validates a value against the schema at a document pointer; undefined when that schema cannot compile. */
  check(schemaPointer: string, value: unknown): SchemaViolation[] | undefined;
  at(pointer: string): Location;
  inExample(example: ExampleModel, pointer: string): Location;
}

export type LintRule = (ctx: LintContext) => Problem[];

export function createLintContext(doc: DocumentModel, ajv: Ajv): LintContext {
  const compiled = new Map<string, ValidateFunction | undefined>();
  return {
    doc,
    ajv,
    check(schemaPointer, value) {
      if (!compiled.has(schemaPointer)) {
        let fn: ValidateFunction | undefined;
        try {
          fn = compiledSchema(ajv, doc, schemaPointer);
        } catch {
          fn = undefined; // reported by the schema-valid rule
        }
        compiled.set(schemaPointer, fn);
      }
      const fn = compiled.get(schemaPointer);
      return fn ? validate(fn, value) : undefined;
    },
    at: (pointer) => ({ file: doc.file, pointer }),
    inExample: (example, pointer) =>
      example.file === doc.file ? { file: doc.file, pointer: example.pointer + pointer } : { file: example.file, pointer },
  };
}
