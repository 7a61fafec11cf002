/**
 * The tables in docs/ that list what the code has — the conformance checks, the mock's faults, the lint rules — list
 * exactly that, checks in the words `--list-checks` prints: a new check, fault or rule without a row, or a row for
 * one that is gone, fails here.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CHECKS } from "../../conformance/checks/registry.ts";
import { listFaults } from "../../conformance/mock/faults.ts";
import { REPO_ROOT } from "../../kernel/index.ts";
import { LINT_RULES } from "../../kernel/lint/rules.ts";

/** The first cell of every table row whose first cell is a code span. */
function tableNames(file: string): string[] {
  const text = readFileSync(join(REPO_ROOT, file), "utf8");
  return [...text.matchAll(/^\| `([^`]+)` \|/gm)].map((m) => m[1]!);
}

describe("docs/conformance.md", () => {
  it("has one row per check, with the severity and the summary --list-checks prints", () => {
    const text = readFileSync(join(REPO_ROOT, "docs/conformance.md"), "utf8");
    for (const check of CHECKS) expect(text).toContain(`| \`${check.name}\` | ${check.severity} | ${check.summary} |`);
    expect(tableNames("docs/conformance.md").sort()).toEqual(CHECKS.map((c) => c.name).sort());
  });
});

describe("docs/mock.md", () => {
  it("has one row per fault", () => {
    const rows = tableNames("docs/mock.md").map((name) => name.replace(/\[:MS\]$/, ""));
    expect(rows.sort()).toEqual(listFaults().map((f) => f.name).sort());
  });
});

describe("docs/writing-specs.md", () => {
  it("has one row per lint rule", () => {
    expect(tableNames("docs/writing-specs.md").sort()).toEqual(Object.keys(LINT_RULES).sort());
  });
});
