/**
 * Every spec under a specs folder, loaded, modelled and linted: what generator/, the mock, the runner and the CLI
 * all start from.
 */
import { existsSync, statSync } from "node:fs";
import { createLintContext } from "./lint/lint-context.ts";
import { lintDocument } from "./lint/rules.ts";
import { modelShapeProblems } from "./model-shape.ts";
import { loadDocument } from "./load.ts";
import { buildDocumentModel } from "./model.ts";
import type { DocumentModel } from "./model-types.ts";
import { type Ajv, createAjv } from "./schema-validator.ts";
import { discoverSpecs, displayPath, resolveSpecsDir } from "./spec-files.ts";
import { type Problem, problem, UserError } from "./user-error.ts";

export interface LoadedSpecs {
  docs: DocumentModel[];
  warnings: Problem[];
  /** The ajv instance lint compiled the documents' schemas with; later stages reuse its compiled validators. */
  ajv?: Ajv;
}

/**
 * Loads, models and lints every spec; any error (in any document) stops here with all of them listed. With
 * `lint: false` (the mock's fast start) the documents are still parsed, resolved and checked against the OpenAPI
 * 3.1 schema, but rekey's own rules are left to `rekey lint`.
 */
export async function loadSpecs(specsDir?: string, { lint = true }: { lint?: boolean } = {}): Promise<LoadedSpecs> {
  const dir = resolveSpecsDir(specsDir);
  if (!existsSync(dir)) {
    throw new UserError(problem("load/layout", { file: displayPath(dir) }, "specs folder not found",
      "run rekey in the folder that holds specs/, or pass --specs DIR"));
  }
  if (!statSync(dir).isDirectory()) {
    throw new UserError(problem("load/layout", { file: displayPath(dir) }, "not a folder",
      "pass --specs the folder that holds <service>/<api-version>/openapi.yaml"));
  }
  const entries = discoverSpecs(dir);
  if (entries.length === 0) {
    throw new UserError(problem("load/layout", { file: displayPath(dir) }, "no specs found",
      "add specs/<service>/<api-version>/openapi.yaml"));
  }
  const settled = await Promise.allSettled(entries.map(loadDocument));
  const problems: Problem[] = [];
  const docs: DocumentModel[] = [];
  for (const result of settled) {
    if (result.status === "rejected") {
      if (!(result.reason instanceof UserError)) throw result.reason;
      problems.push(...result.reason.problems);
    } else docs.push(buildDocumentModel(result.value));
  }
  problems.push(...docs.flatMap((doc) => [...doc.problems, ...modelShapeProblems(doc)]));
  const ajv = problems.length === 0 && lint ? createAjv(docs) : undefined;
  if (ajv) for (const doc of docs) problems.push(...lintDocument(createLintContext(doc, ajv)));
  const errors = problems.filter((p) => p.severity === "error");
  if (errors.length > 0) throw new UserError(errors);
  return { docs, warnings: problems.filter((p) => p.severity === "warning"), ajv };
}
