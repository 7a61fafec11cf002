/**
 * From a check's findings to an exchange's outcome: failures fail it, warnings ride along, and a strict run counts
 * warnings as failures. The runner and any other producer of results (a replay) judge with this one function.
 */
import type { ExchangeResult, Finding } from "./exchange.ts";

export interface Judged {
  failures: Finding[];
  warnings: Finding[];
  outcome: Extract<ExchangeResult["outcome"], "passed" | "failed">;
}

export function judge(findings: Finding[], strict: boolean): Judged {
  const failures: Finding[] = [];
  const warnings: Finding[] = [];
  for (const finding of findings) {
    if (finding.severity === "failure") failures.push(finding);
    else if (strict) failures.push({ ...finding, severity: "failure", promoted: true });
    else warnings.push(finding);
  }
  return { failures, warnings, outcome: failures.length > 0 ? "failed" : "passed" };
}
