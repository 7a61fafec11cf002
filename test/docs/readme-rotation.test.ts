/**
 * The README's first rotation is code a newcomer copies: its `rotate.mjs` block, run as written by Node against the
 * mock with the package installed as a user installs it (here a link to generated/, the package folder), prints
 * "rotated" — and "NOT rotated" against the mock started with `--fault no-rotation`, as the README says.
 */
import { execFile } from "node:child_process";
import { mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { REPO_ROOT } from "../../kernel/index.ts";
import { removeTempDirs, tempDir } from "../helpers/files.ts";
import { fenceAfterHeading, parse } from "../helpers/markdown.ts";
import { startProductMock } from "../helpers/mock.ts";

afterAll(removeTempDirs);

const HEADING = "A first rotation, from an empty folder";

/** A fresh project holding rotate.mjs as the README writes it, with @rekey/clients installed. */
function project(code: string): string {
  const dir = tempDir("rekey-readme-");
  mkdirSync(join(dir, "node_modules/@rekey"), { recursive: true });
  symlinkSync(join(REPO_ROOT, "generated"), join(dir, "node_modules/@rekey/clients"), "dir");
  writeFileSync(join(dir, "package.json"), JSON.stringify({ name: "my-rotation", version: "1.0.0", private: true }));
  writeFileSync(join(dir, "rotate.mjs"), code);
  return dir;
}

function runRotate(dir: string, endpoint: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const env: NodeJS.ProcessEnv = { ...process.env, ARM_ENDPOINT: endpoint };
    delete env.ARM_TOKEN;
    execFile(process.execPath, ["rotate.mjs"], { cwd: dir, env, timeout: 30_000 }, (error, stdout, stderr) =>
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }));
  });
}

describe("the README's rotate.mjs", () => {
  const code = fenceAfterHeading(parse("README.md"), HEADING, "js");

  it("is in the README, under the heading it is run from", () => {
    expect(code).toContain("@rekey/clients/");
    expect(code).toContain("process.env.ARM_ENDPOINT");
  });

  it.each([
    { label: "no fault", fault: undefined, printed: "rotated" },
    { label: "--fault no-rotation", fault: "no-rotation", printed: "NOT rotated" },
  ])("against the mock with $label prints $printed", async ({ fault, printed }) => {
    const mock = await startProductMock({ fault });
    try {
      const result = await runRotate(project(code!), mock.url);
      expect(result.stderr).toBe("");
      expect(result.stdout).toBe(`${printed}\n`);
    } finally {
      await mock.close();
    }
  });
});
