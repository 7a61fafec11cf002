/** RunSummary from results: one count for the runner and the reporters alike. */
import type { ExchangeResult, RunSummary, TargetDescription } from "./exchange.ts";

/** The summary of a run, counted from its results (the runner's at run end; a reporter's for a partial run). */
export function summarize(target: TargetDescription, results: ExchangeResult[], durationMs: number,
  interrupted: boolean, strict = false): RunSummary {
  const count = (outcome: ExchangeResult["outcome"]) => results.filter((r) => r.outcome === outcome).length;
  const heldBackReasons: Record<string, number> = {};
  for (const r of results) {
    if (r.outcome === "held-back") heldBackReasons[r.reason ?? ""] = (heldBackReasons[r.reason ?? ""] ?? 0) + 1;
  }
  return {
    target,
    exchanges: results.length,
    passed: count("passed"),
    failed: count("failed"),
    heldBack: count("held-back"),
    skipped: count("skipped"),
    checks: results.reduce((n, r) => n + r.checksRun.length, 0),
    failures: results.reduce((n, r) => n + r.failures.length, 0),
    warnings: results.reduce((n, r) => n + (r.warnings?.length ?? 0), 0),
    passedWithWarnings: results.filter((r) => r.outcome === "passed" && (r.warnings?.length ?? 0) > 0).length,
    strict,
    durationMs,
    interrupted,
    heldBackReasons,
  };
}
