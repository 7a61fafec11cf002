/**
 * rekey's programmatic API: what `import { … } from "rekey"` (or `require("rekey")`) gives. Each function is the
 * CLI command of the same name as a function: the same code, with results returned as values instead of printed,
 * and nothing ever calls process.exit. A problem the caller can fix (a bad spec, option or path) is thrown as a
 * UserError listing each problem with its file#pointer and a hint; anything else thrown is a bug.
 *
 * Heavy modules load on first use, and nothing here awaits at the top level, so `require("rekey")` works on Node
 * 20.19 and later. Paths are resolved against the current working directory. docs/programmatic-api.md has examples.
 */
import { resolve } from "node:path";
import { loadSpecs, type Problem } from "../kernel/index.ts";
import type { ConformRunOptions } from "../conformance/conform.ts";
import type { RunOutcome } from "../conformance/runner/run-conformance.ts";
import type { MockServeOptions, RunningMock } from "../conformance/mock/start-mock.ts";
import type { CheckResult, GenerateResult } from "../generator/pipeline.ts";
import type { DiffResult } from "../generator/diff/diff.ts";

export { formatProblem, UserError, type Problem } from "../kernel/index.ts";
export type { CheckResult, GenerateResult } from "../generator/pipeline.ts";
export type { Difference } from "../generator/write.ts";
export type { Change, DiffResult, DocumentRef, RuleName, Severity, Side } from "../generator/diff/diff.ts";
export type { RunningMock } from "../conformance/mock/start-mock.ts";
export type { StateDocument } from "../conformance/mock/state-file.ts";
export type { RunOutcome } from "../conformance/runner/run-conformance.ts";
export type { ExchangeResult, RunEvent, RunSummary } from "../conformance/exchange.ts";

/** Where the specs are: a folder of `<service>/<api-version>/openapi.yaml` (default `./specs`). */
export interface SpecsOption {
  specsDir?: string;
}

export interface LintedDocument {
  service: string;
  apiVersion: string;
  /** The document's path as shown in problems (relative to the working directory). */
  file: string;
  operations: number;
}

export interface LintResult {
  documents: LintedDocument[];
  /** Every operation across the documents. */
  operations: number;
  /** Problems that do not stop generation (errors are thrown as a UserError instead). */
  warnings: Problem[];
}

/**
 * `rekey lint`: loads every spec under `specsDir`, checks it against OpenAPI 3.1 and rekey's rules (operationIds,
 * api-version, errors, examples, security, secrets, `x-rekey-rotation`).
 * @throws UserError listing every error found, in every document.
 */
export async function lint(options: SpecsOption = {}): Promise<LintResult> {
  const { docs, warnings } = await loadSpecs(resolve(options.specsDir ?? "specs"));
  const documents = docs.map((d) => ({ service: d.service, apiVersion: d.apiVersion, file: d.file, operations: d.operations.length }));
  return { documents, operations: documents.reduce((n, d) => n + d.operations, 0), warnings };
}

export interface GenerateOptions extends SpecsOption {
  /** The package folder to write (default `./generated`). Only files rekey wrote there before are ever removed. */
  outDir?: string;
}

/**
 * `rekey generate`: writes the typed client package (`@rekey/clients`: sources, package.json, build script,
 * manifest, release record) to `outDir`, and builds its dist/. All or nothing: on a UserError `outDir` is untouched.
 * @throws UserError for a bad spec, or an output folder rekey may not write.
 */
export async function generate(options: GenerateOptions = {}): Promise<GenerateResult> {
  const { generate: run, resolveOptions } = await import("../generator/pipeline.ts");
  return run(resolveOptions({ specsDir: options.specsDir, outDir: options.outDir }));
}

/**
 * `rekey generate --check`: writes nothing; `differences` lists every file in `outDir` that is not what the specs
 * generate (stale, hand-edited, missing or unexpected). Empty means current.
 * @throws UserError for a bad spec.
 */
export async function checkGenerated(options: GenerateOptions = {}): Promise<CheckResult> {
  const { check, resolveOptions } = await import("../generator/pipeline.ts");
  return check(resolveOptions({ specsDir: options.specsDir, outDir: options.outDir }));
}

/**
 * `rekey diff OLD NEW`: every change between two api-versions of a spec, classified as breaking or not for clients
 * of the old one. Each side is a spec folder (`specs/<service>/<api-version>`) or an OpenAPI document.
 * @throws UserError when a side cannot be read or is not a valid document.
 */
export async function diff(oldPath: string, newPath: string): Promise<DiffResult> {
  const { diffPaths } = await import("../generator/diff/diff.ts");
  return diffPaths(oldPath, newPath);
}

/** `rekey mock`'s options: port 0 (the default) picks a free port; host defaults to 127.0.0.1. */
export type MockOptions = SpecsOption & Omit<MockServeOptions, "specsDir">;

/**
 * `rekey mock`: starts the ARM-faithful mock of the specs' operations (state, validation, faults, HTTPS) and
 * resolves once it listens. Stop it with `close()`.
 * @throws UserError for a bad spec or option, or a port it cannot listen on.
 */
export async function startMock(options: MockOptions = {}): Promise<RunningMock> {
  const { startMock: start } = await import("../conformance/mock/start-mock.ts");
  return start({ ...options, specsDir: resolve(options.specsDir ?? "specs") });
}

/**
 * `rekey conform`'s options. `target`: "mock" (the embedded mock, default), "live" (Azure Resource Manager, with
 * `subscription`) or a base URL. `onEvent` receives each exchange's result as it completes.
 */
export type ConformOptions = SpecsOption & Omit<ConformRunOptions, "specsDir" | "target"> & { target?: string };

/**
 * `rekey conform`: sends the examples, the derived negative cases and the rotation scenarios to the target and checks
 * every answer. `summary.failed === 0` is a pass (the CLI's exit 0); the results hold each exchange's findings, with
 * secrets redacted.
 * @throws UserError for a bad spec or option (before anything is sent).
 */
export async function conform(options: ConformOptions = {}): Promise<RunOutcome> {
  const { conform: run } = await import("../conformance/conform.ts");
  return run({ ...options, target: options.target ?? "mock", specsDir: resolve(options.specsDir ?? "specs") });
}
