/**
 * The workflows in .github/workflows are valid GitHub Actions workflows, checked with @action-validator/cli (the
 * workflow JSON schema, compiled to WebAssembly inside the package: it runs offline), and a broken one fails. Every
 * action they use is pinned to a full commit SHA with its release in a comment. The validator's command is run on
 * the broken workflow; the good ones go to the same validation (the command's own package, @action-validator/core)
 * in this process, sparing a Node start and a WebAssembly compile each.
 */
import { execFile } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "../helpers/cli.ts";

const run = promisify(execFile);
const VALIDATOR = join(REPO_ROOT, "node_modules/@action-validator/cli/cli.mjs");
const WORKFLOWS = join(REPO_ROOT, ".github/workflows");
const workflows = readdirSync(WORKFLOWS).filter((f) => /\.ya?ml$/.test(f)).sort();

/** The validation the command runs (cli.mjs: validateWorkflow of the file's text), loaded from where the command loads it. */
const core = createRequire(VALIDATOR)("@action-validator/core") as { validateWorkflow(text: string): { errors: unknown[] } };

async function validate(file: string): Promise<{ code: number; output: string }> {
  return run(process.execPath, [VALIDATOR, file], { cwd: REPO_ROOT, env: { ...process.env, NO_COLOR: "1" } })
    .then((r) => ({ code: 0, output: r.stdout + r.stderr }), (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, output: e.stdout + e.stderr }));
}

it("has the three workflows: ci, api-versions, release", () => {
  expect(workflows).toEqual(["api-versions.yml", "ci.yml", "release.yml"]);
});

describe.each(workflows)("%s", (file) => {
  const text = readFileSync(join(WORKFLOWS, file), "utf8");

  it("validates", () => {
    expect(core.validateWorkflow(text).errors).toEqual([]);
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

it("the command passes a valid workflow silently, exit 0", async () => {
  const result = await validate(join(WORKFLOWS, "ci.yml"));
  expect(result.output).toBe("");
  expect(result.code).toBe(0);
});

it("a broken workflow fails validation, naming what is wrong, with the command's exit code and output", async () => {
  const broken = join(REPO_ROOT, "test/packaging/fixtures/broken-workflow.yml");
  expect(core.validateWorkflow(readFileSync(broken, "utf8")).errors.length).toBeGreaterThan(0);
  const result = await validate(broken);
  expect(result.code).toBe(1);
  expect(result.output).toContain("Additional property 'runs-onn' is not allowed");
  expect(result.output).toContain('"path": "/on"');
});
