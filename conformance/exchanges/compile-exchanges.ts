/**
 * The exchange list of a run, compiled from the operation model: for every operation of every document, its
 * examples, the negative cases derived from its constraints, and its rotation scenarios — each with the checks that
 * apply — then filtered by `--only` / `--skip` (ids or globs; a scenario is kept or dropped whole).
 */
import picomatch from "picomatch";
import { type Ajv, type DocumentModel, type OperationModel, problem, UserError } from "../../kernel/index.ts";
import { CHECKS } from "../checks/registry.ts";
import { unitKey as scenarioKey, type CompiledExchange } from "../exchange.ts";
import { exampleExchanges } from "./example-exchanges.ts";
import { negativeExchanges } from "./negative-exchanges.ts";
import type { OperationCase } from "./operation-case.ts";
import { rotationScenarios } from "./rotation-scenarios.ts";

export interface CompileOptions {
  docs: DocumentModel[];
  ajv: Ajv;
  /** The user's own parameter values for an operation (live targets: subscription and resource names). */
  values?: (doc: DocumentModel, operation: OperationModel) => Record<string, unknown>;
  only?: string[];
  skip?: string[];
  /** Check names to run (default: all). */
  checks?: string[];
}

function matcher(patterns: string[]): (id: string) => boolean {
  const globs = patterns.map((p) => picomatch(p, { dot: true }));
  return (id) => patterns.some((p, i) => id === p || id.startsWith(p.replace(/\/$/, "") + "/") || globs[i](id));
}

/** Keeps what --only selects and --skip does not; a scenario with any step kept is kept whole. */
export function filterExchanges(exchanges: CompiledExchange[], only: string[] = [], skip: string[] = []): CompiledExchange[] {
  for (const [flag, patterns] of [["--only", only], ["--skip", skip]] as const) {
    for (const pattern of patterns) {
      const matches = matcher([pattern]);
      if (!exchanges.some((e) => matches(e.id) || matches(scenarioKey(e)))) {
        throw new UserError(problem("conform/options", { file: flag }, `"${pattern}" matches no exchange`,
          "see `rekey conform --list` for the ids; globs use ** across /, e.g. \"maps/**/negative/*\""));
      }
    }
  }
  const selected = only.length > 0 ? matcher(only) : () => true;
  const skipped = skip.length > 0 ? matcher(skip) : () => false;
  const keep = new Set<string>();
  for (const e of exchanges) {
    if ((selected(e.id) || selected(scenarioKey(e))) && !skipped(e.id) && !skipped(scenarioKey(e))) keep.add(scenarioKey(e));
  }
  return exchanges.filter((e) => keep.has(scenarioKey(e)));
}

/** The checks `--checks` enables (transport always); an unknown name is a UserError. */
export function enabledChecks(names: string[] | undefined): Set<string> {
  if (!names) return new Set(CHECKS.map((c) => c.name));
  for (const name of names) {
    if (!CHECKS.some((c) => c.name === name)) {
      throw new UserError(problem("conform/options", { file: "--checks" }, `unknown check "${name}"`, `use some of ${CHECKS.map((c) => c.name).join(", ")}`));
    }
  }
  return new Set(["transport", ...names]);
}

export function compileExchanges(options: CompileOptions): CompiledExchange[] {
  const enabled = enabledChecks(options.checks);
  const all: CompiledExchange[] = [];
  for (const doc of options.docs) {
    for (const operation of doc.operations) {
      const overrides = options.values?.(doc, operation) ?? {};
      const example = operation.examples[0];
      const c: OperationCase = { doc, operation, ajv: options.ajv, example, values: { ...(example?.parameters ?? {}), ...overrides } };
      all.push(...exampleExchanges(c, overrides), ...negativeExchanges(c), ...rotationScenarios(c));
    }
  }
  const seen = new Set<string>();
  for (const exchange of all) {
    if (seen.has(exchange.id)) throw new Error(`two exchanges share the id ${exchange.id}`);
    seen.add(exchange.id);
    exchange.checks = CHECKS.filter((check) => enabled.has(check.name) && check.appliesTo(exchange)).map((check) => check.name);
  }
  return filterExchanges(all, options.only, options.skip);
}
