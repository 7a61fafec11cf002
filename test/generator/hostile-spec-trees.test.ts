/**
 * Specs that try to make rekey read what is not theirs or fall over: each hostile tree (test/helpers/hostile-trees.ts)
 * gives one located line — what, where, how to fix — and exit 2 from `rekey lint` and `rekey generate` (main() in
 * process; a few through the real command), never "rekey crashed", and the output folder stays byte-identical. Then: what specs/common-types/ is for, and that
 * swagger-parser reads nothing itself.
 */
import fs, { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";
import { type CliResult, runRekey } from "../helpers/cli.ts";
import { copyTree, removeTempDirs, tempDir, treeHash } from "../helpers/files.ts";
import { EXAMPLE, EXAMPLE_REF, FIXTURE, HOSTILE_TREES, SPEC } from "../helpers/hostile-trees.ts";
import { runInProcess } from "../helpers/in-process.ts";

vi.mock("../../generator/emit/typescript-service.ts", async () => (await import("../helpers/in-process.ts")).refusedInputsOnly);

afterAll(removeTempDirs);

/** A package as a previous generation left it: files and the manifest listing them. */
function previousOutput(dir: string): string {
  const out = join(dir, "generated");
  mkdirSync(join(out, "src"), { recursive: true });
  writeFileSync(join(out, "README.md"), "# a previous generation\n");
  writeFileSync(join(out, "src/index.ts"), "export {};\n");
  const sha = "0".repeat(64);
  writeFileSync(join(out, "rekey-manifest.json"), JSON.stringify({ inputsHash: sha, files: { "README.md": sha, "src/index.ts": sha } }));
  return out;
}

function hostileSetup(): { specs: string; outside: string; out: string } {
  const dir = tempDir();
  const outside = join(dir, "outside");
  mkdirSync(outside);
  return { specs: copyTree(FIXTURE, join(dir, "specs")), outside, out: previousOutput(dir) };
}

/** One error line, located in the specs folder, saying `expected`; nothing else printed. */
function expectOneLocatedLine(result: CliResult, specs: string, expected: RegExp): void {
  expect(result.stderr).not.toMatch(/rekey crashed|\n\s+at /);
  expect(result.code, result.stderr).toBe(2);
  expect(result.stdout).toBe("");
  const lines = result.stderr.trimEnd().split("\n");
  expect(lines, result.stderr).toHaveLength(1);
  const [, where, what] = /^error: (\S+?(?:#\S*|:\d+:\d+)?): (.+)$/.exec(lines[0]) ?? [];
  expect(where?.startsWith(specs), lines[0]).toBe(true);
  expect(what).toMatch(expected);
}

describe("hostile spec trees", () => {
  it.each(HOSTILE_TREES)("$name: lint and generate print one located line, exit 2, output untouched", async (tree) => {
    const { specs, outside, out } = hostileSetup();
    tree.build(specs, outside);
    const before = treeHash(out);
    expectOneLocatedLine(await runInProcess(["lint", "--specs", specs]), specs, tree.expected!);
    expectOneLocatedLine(await runInProcess(["generate", "--specs", specs, "--out", out]), specs, tree.expected!);
    expect(treeHash(out)).toBe(before);
  });

  // The same through the real command, for a few: exit code and output as a user or CI sees them.
  const viaCli = ["an example $ref to /etc/passwd", "an example file that is a symlink to /dev/zero", "a YAML alias bomb", "a cycle of parameter $refs"];
  it.each(HOSTILE_TREES.filter((t) => viaCli.includes(t.name)))("$name: the same from the rekey command", async (tree) => {
    const { specs, outside, out } = hostileSetup();
    tree.build(specs, outside);
    const before = treeHash(out);
    expectOneLocatedLine(await runRekey(["generate", "--specs", specs, "--out", out]), specs, tree.expected!);
    expect(treeHash(out)).toBe(before);
  });
});

describe("an openapi.yaml that is a broken symlink, beside a good spec", () => {
  // With a second, good spec the tree is not empty: the broken one must be named, not silently left out of the package.
  it.each([
    ["dangling", "nothing-here.yaml", /^the document does not exist — /],
    ["looping", "openapi.yaml", /^the document is a symlink loop — /],
  ])("%s: one located line, exit 2, output untouched", async (_, target, expected) => {
    const { specs, out } = hostileSetup();
    const broken = join(specs, "widgets/2099-01-01");
    cpSync(join(specs, "widgets/2024-01-01"), broken, { recursive: true });
    rmSync(join(broken, "openapi.yaml"));
    symlinkSync(target, join(broken, "openapi.yaml"));
    const before = treeHash(out);
    expectOneLocatedLine(await runInProcess(["generate", "--specs", specs, "--out", out]), specs, expected);
    expect(treeHash(out)).toBe(before);
  });
});

describe("specs/common-types/", () => {
  it("is where documents several services share live: $refs may point into it, and it is not a service", async () => {
    const { specs } = hostileSetup();
    mkdirSync(join(specs, "common-types/examples"), { recursive: true });
    writeFileSync(join(specs, "common-types/examples/Regenerate.json"), readFileSync(join(specs, EXAMPLE)));
    const spec = join(specs, SPEC);
    writeFileSync(spec, readFileSync(spec, "utf8").replace(EXAMPLE_REF, "$ref: ../../common-types/examples/Regenerate.json"));

    const result = await runInProcess(["lint", "--specs", specs]);
    expect(result.stderr).toBe("");
    expect([result.code, result.stdout]).toEqual([0, "1 document(s), 1 operation(s): no problems\n"]);
  });
});

describe("swagger-parser", () => {
  it("is handed the documents rekey read and reads no file itself", async () => {
    const { loadDocument } = await import("../../kernel/load.ts");
    const { discoverSpecs } = await import("../../kernel/spec-files.ts");
    const specs = copyTree(FIXTURE, join(mkdtempSync(join(tempDir(), "sp-")), "specs"));
    const [entry] = discoverSpecs(specs);
    // swagger-parser's own file resolver reads with fs.promises.readFile; rekey's reader never does.
    const readFile = vi.spyOn(fs.promises, "readFile");
    try {
      const loaded = await loadDocument(entry);
      expect([...loaded.externals.keys()]).toEqual([join(specs, EXAMPLE)]);
      expect(readFile).not.toHaveBeenCalled();
    } finally {
      readFile.mockRestore();
    }
  });
});
