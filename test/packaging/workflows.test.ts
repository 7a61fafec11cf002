/**
 * The workflows in .github/workflows are valid GitHub Actions workflows, checked with @action-validator/cli (the
 * workflow JSON schema, compiled to WebAssembly inside the package: it runs offline), and a broken one fails. Every
 * action they use is pinned to a full commit SHA with its release in a comment.
 */
import { execFile } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "../helpers/cli.ts";

const run = promisify(execFile);
const VALIDATOR = join(REPO_ROOT, "node_modules/@action-validator/cli/cli.mjs");
const WORKFLOWS = join(REPO_ROOT, ".github/workflows");
const workflows = readdirSync(WORKFLOWS).filter((f) => /\.ya?ml$/.test(f)).sort();

async function validate(file: string): Promise<{ code: number; output: string }> {
  return run(process.execPath, [VALIDATOR, file], { cwd: REPO_ROOT, env: { ...process.env, NO_COLOR: "1" } })
    .then((r) => ({ code: 0, output: r.stdout + r.stderr }), (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, output: e.stdout + e.stderr }));
}

it("has the three workflows: ci, api-versions, release", () => {
  expect(workflows).toEqual(["api-versions.yml", "ci.yml", "release.yml"]);
});

describe.each(workflows)("%s", (file) => {
  const text = readFileSync(join(WORKFLOWS, file), "utf8");

  it("validates", async () => {
    const result = await validate(join(WORKFLOWS, file));
    expect(result.output).toBe("");
    expect(result.code).toBe(0);
  });

  it("pins every action to a full commit SHA, its release in a comment", () => {
    const uses = [...text.matchAll(/^\s*(?:-\s+)?uses:\s*(\S+)(.*)$/gm)];
    expect(uses.length).toBeGreaterThan(0);
    for (const [, ref, rest] of uses) {
      expect(ref, ref).toMatch(/^[\w.-]+\/[\w.-]+@[0-9a-f]{40}$/);
      expect(rest, ref).toMatch(/^ # v\d+\.\d+\.\d+$/);
    }
  });
});

it("a broken workflow fails validation, naming what is wrong", async () => {
  const result = await validate(join(REPO_ROOT, "test/packaging/fixtures/broken-workflow.yml"));
  expect(result.code).toBe(1);
  expect(result.output).toContain("Additional property 'runs-onn' is not allowed");
  expect(result.output).toContain('"path": "/on"');
});
