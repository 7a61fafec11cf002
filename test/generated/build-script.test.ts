/**
 * The package builds its own dist/: from the committed form alone (no dist/), `node build.js` run where npm runs it
 * (the package's folder) makes exactly the dist/ the generator plans, skips the work when dist/ is current, and
 * rebuilds after a source changes. The generator plans dist/ from the package's src/ and build script, which are
 * the committed ones (`rekey generate --check`, test/generator/check.test.ts): the plan is made from those, without
 * generating the package again.
 */
import { execFile } from "node:child_process";
import { appendFileSync, cpSync, existsSync, readFileSync, statSync, symlinkSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { planDist } from "../../generator/emit/plan.ts";
import { readBuildInputs } from "../../generator/package-build/dist-folder.ts";
import { REPO_ROOT } from "../helpers/cli.ts";
import { removeTempDirs, tempDir } from "../helpers/files.ts";

const run = promisify(execFile);

afterAll(removeTempDirs);

describe("the package's build script", () => {
  let pkg: string;
  const build = () => run(process.execPath, ["build.js"], { cwd: pkg });

  beforeAll(() => {
    pkg = join(tempDir(), "clients");
    cpSync(join(REPO_ROOT, "generated"), pkg, { recursive: true, filter: (p) => !/\/generated\/(dist|node_modules)(\/|$)/.test(p) });
    // Where `npm install` would put the package's devDependencies (esbuild, typescript).
    symlinkSync(join(REPO_ROOT, "node_modules"), join(pkg, "node_modules"), "dir");
  });

  it("builds from the committed form the dist/ the generator plans", async () => {
    expect(existsSync(join(pkg, "dist"))).toBe(false);
    const result = await build();
    expect(result.stdout + result.stderr).toBe("");

    const planned = await planDist(readBuildInputs(join(REPO_ROOT, "generated")));
    for (const file of planned.files) expect(readFileSync(join(pkg, file.path), "utf8"), file.path).toBe(file.content);
    expect(readFileSync(join(pkg, "dist/.source-hash"), "utf8")).toBe(planned.hash + "\n");
  });

  it("leaves a current dist/ alone and rebuilds it when a source changes", async () => {
    const entry = join(pkg, "dist/index.js");
    const builtAt = statSync(entry).mtimeMs;
    await build();
    expect(statSync(entry).mtimeMs).toBe(builtAt);

    appendFileSync(join(pkg, "src/index.ts"), 'export const ADDED_BY_HAND = "rebuilt";\n');
    await build();
    expect(readFileSync(entry, "utf8")).toContain('ADDED_BY_HAND = "rebuilt"');
    expect(readFileSync(join(pkg, "dist/index.d.ts"), "utf8")).toContain("ADDED_BY_HAND");
  });
});
