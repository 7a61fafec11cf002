/**
 * What the file reporters keep of a run: the run-end summary and results, or — when `close` comes before run-end
 * (the runner stopped abnormally) — a partial report built from the results seen so far, marked interrupted and
 * scrubbed with every secret the run had seen.
 */
import type { ExchangeResult, Redact, RunEvent, RunSummary, TargetDescription } from "../exchange.ts";
import { summarize } from "../run-summary.ts";
import { withoutCredentials } from "./credentials.ts";

export interface RunReport {
  summary: RunSummary;
  results: ExchangeResult[];
}

export interface RunRecorder {
  onEvent(event: RunEvent): void;
  /** Undefined when the run never started. */
  report(): RunReport | undefined;
}

export function recordRun(now: () => number = performance.now.bind(performance)): RunRecorder {
  let started: { target: TargetDescription; at: number; redact: Redact; strict: boolean } | undefined;
  let ended: RunReport | undefined;
  const results: ExchangeResult[] = [];
  return {
    onEvent(event) {
      if (event.type === "run-start") started = { target: event.target, at: now(), redact: event.redact ?? ((result) => result), strict: event.strict ?? false };
      else if (event.type === "exchange-end") results.push(event.result);
      else if (event.type === "run-end") ended = { summary: event.summary, results: event.results };
    },
    report() {
      // A partial report's results are scrubbed with every secret seen by now, as the run-end results are.
      const report = ended ?? (started && {
        summary: summarize(started.target, results, now() - started.at, true, started.strict),
        results: results.map(started.redact),
      });
      return report && { summary: report.summary, results: report.results.map(withoutCredentials) };
    },
  };
}

export { summarize };
