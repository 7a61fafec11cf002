/**
 * `generate` writes, removes and (in --check) reads only inside --out. The manifest a previous run left there is a
 * file anyone can edit: an entry leading out of --out (by "..", an absolute path or a symlink) stops generation
 * with one line naming the entry, and nothing is written or removed; a manifest of the wrong shape removes nothing.
 * Files beside the specs that generation never reads (a FIFO, /dev/zero, a sparse giant) are hashed, not read.
 */
import { execFileSync } from "node:child_process";
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { GeneratedFile } from "../../generator/emit/generated-file.ts";
import { inputsHash, listFiles, MANIFEST_PATH } from "../../generator/manifest.ts";
import { UserError } from "../../kernel/user-error.ts";
import { writePlan } from "../../generator/write.ts";
import { writeDist } from "../../generator/package-build/dist-folder.ts";
import { runRekey } from "../helpers/cli.ts";
import { copyTree, removeTempDirs, tempDir, treeHash } from "../helpers/files.ts";
import { FIXTURE, fifo, sparseFile } from "../helpers/hostile-trees.ts";

afterAll(removeTempDirs);

const SHA = "0".repeat(64);
const PLAN: GeneratedFile[] = [
  { path: "README.md", content: "# new\n" },
  { path: "src/index.ts", content: "export {};\n" },
];

/** An --out as a previous run left it, with `listed` added to its manifest, and a victim file beside it. */
function previousRun(listed: string[], inputs = SHA): { out: string; victim: string; outside: string } {
  const dir = tempDir();
  const out = join(dir, "generated");
  const outside = join(dir, "outside");
  mkdirSync(join(out, "src"), { recursive: true });
  mkdirSync(outside);
  writeFileSync(join(out, "README.md"), "# old\n");
  writeFileSync(join(out, "src/index.ts"), "export {};\n");
  const victim = join(dir, "victim.txt");
  writeFileSync(victim, "not rekey's\n");
  writeFileSync(join(outside, "victim.txt"), "not rekey's either\n");
  const files = Object.fromEntries(["README.md", "src/index.ts", ...listed].map((p) => [p, SHA]));
  writeFileSync(join(out, MANIFEST_PATH), JSON.stringify({ inputsHash: inputs, files }, null, 2));
  return { out, victim, outside };
}

function refusal(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    if (error instanceof UserError) return error.message.split("\n");
    throw error;
  }
  throw new Error("expected a UserError");
}

describe("the manifest's entries", () => {
  it("generate refuses ../victim.txt with one line naming the entry, and deletes and writes nothing", async () => {
    const { out, victim } = previousRun(["../victim.txt"]);
    const before = treeHash(out);
    const result = await runRekey(["generate", "--specs", FIXTURE, "--out", out]);
    expect(result.code, result.stderr).toBe(2);
    expect(result.stderr).toBe(`error: ${out}/rekey-manifest.json#/files/..~1victim.txt: the previous manifest lists "../victim.txt", which is not a plain relative path inside ${out}/: nothing was changed — rekey only removes files it wrote inside --out: restore the manifest from version control or delete it, then generate again [write/manifest]\n`);
    expect(readFileSync(victim, "utf8")).toBe("not rekey's\n");
    expect(treeHash(out)).toBe(before);
  });

  it.each([
    ["an absolute path", (outside: string) => join(outside, "victim.txt"), /which is not a plain relative path inside/],
    ["a path climbing out from a folder", () => "src/../../victim.txt", /which is not a plain relative path inside/],
    ["a path through a symlink leading out", () => "src/link/victim.txt", /which leads outside \S+ through a symlink \(to \S+\/outside\/victim\.txt\)/],
    ["a path that is a symlink leading out", () => "src/victim-link.txt", /which leads outside \S+ through a symlink \(to \S+\/outside\/victim\.txt\)/],
    ["a detour that names a planned file", () => "src/./index.ts", /which is not a plain relative path inside/],
  ])("writePlan refuses %s, before writing anything", (_, entry, expected) => {
    const dir = previousRun([]);
    const listed = entry(dir.outside);
    symlinkSync(dir.outside, join(dir.out, "src/link"));
    symlinkSync(join(dir.outside, "victim.txt"), join(dir.out, "src/victim-link.txt"));
    const manifest = JSON.parse(readFileSync(join(dir.out, MANIFEST_PATH), "utf8"));
    manifest.files[listed] = SHA;
    writeFileSync(join(dir.out, MANIFEST_PATH), JSON.stringify(manifest));
    const before = treeHash(dir.out);

    const lines = refusal(() => writePlan(dir.out, PLAN));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(`rekey-manifest.json#/files/${listed.replace(/~/g, "~0").replace(/\//g, "~1")}: `);
    expect(lines[0]).toMatch(expected);
    expect(readFileSync(join(dir.outside, "victim.txt"), "utf8")).toBe("not rekey's either\n");
    expect(treeHash(dir.out)).toBe(before);
  });

  it("generate --check refuses them too, before reading through them", async () => {
    const specs = copyTree(FIXTURE, join(tempDir(), "specs"));
    const { out } = previousRun(["../victim.txt"], inputsHash(specs));
    const result = await runRekey(["generate", "--check", "--specs", specs, "--out", out]);
    expect(result.code, result.stderr).toBe(2);
    expect(result.stderr).toMatch(/^error: \S+\/rekey-manifest\.json#\/files\/\.\.~1victim\.txt: the previous manifest lists "\.\.\/victim\.txt", which is not a plain relative path .+ \[write\/manifest\]\n$/);
  });

  it.each([
    ["files that are not an object", { inputsHash: SHA, files: 5 }],
    ["hashes that are not strings", { inputsHash: SHA, files: { "keep.txt": 5 } }],
    ["a list", [["keep.txt", SHA]]],
    ["not JSON", "<<<<<<< HEAD\n"],
  ])("a manifest with %s is treated as absent: nothing is removed on its word, with a warning", (_, manifest) => {
    const dir = previousRun([]);
    writeFileSync(join(dir.out, "keep.txt"), "kept\n");
    writeFileSync(join(dir.out, MANIFEST_PATH), typeof manifest === "string" ? manifest : JSON.stringify(manifest));
    const summary = writePlan(dir.out, PLAN);
    expect(readFileSync(join(dir.out, "keep.txt"), "utf8")).toBe("kept\n");
    expect(summary.removed).toEqual([]);
    expect(summary.warnings.map((w) => w.rule)).toEqual(["write/manifest"]);
    expect(summary.warnings[0].message).toMatch(/^the manifest is not (JSON|shaped as rekey writes it .+): files of the previous generation were not removed$/);
  });
});

describe("the plan's own paths", () => {
  it("are not written through a folder that is a symlink leading out of --out", () => {
    const dir = previousRun([]);
    const elsewhere = join(dir.outside, "src");
    mkdirSync(elsewhere);
    execFileSync("rm", ["-r", join(dir.out, "src")]);
    symlinkSync(elsewhere, join(dir.out, "src"));
    const lines = refusal(() => writePlan(dir.out, PLAN));
    expect(lines).toEqual([expect.stringMatching(/^error: \S+\/src\/index\.ts: cannot write "src\/index\.ts": it leads outside \S+ through a symlink \(to \S+\/outside\/src\) — replace the symlink with a real folder \[write\]$/)]);
    expect(existsSync(join(elsewhere, "index.ts"))).toBe(false);
    expect(readFileSync(join(dir.out, "README.md"), "utf8")).toBe("# old\n");
  });

  it("replace a dist/ (and a build's staging folder) that is a symlink leading out of --out, never writing through it", () => {
    const dir = previousRun([]);
    symlinkSync(dir.outside, join(dir.out, "dist"));
    const elsewhere = join(dir.outside, "..", "elsewhere");
    mkdirSync(elsewhere);
    symlinkSync(elsewhere, join(dir.out, `dist.build-${process.pid}.tmp`));
    writeDist(dir.out, [{ path: "dist/victim.txt", content: "built\n" }], SHA);
    expect(readFileSync(join(dir.outside, "victim.txt"), "utf8")).toBe("not rekey's either\n");
    expect(readdirSync(elsewhere)).toEqual([]);
    expect(lstatSync(join(dir.out, "dist")).isDirectory()).toBe(true);
    expect(readFileSync(join(dir.out, "dist/victim.txt"), "utf8")).toBe("built\n");
    expect(existsSync(join(dir.out, `dist.build-${process.pid}.tmp`))).toBe(false);
  });

  it("replace a FIFO where a file goes instead of waiting on it", () => {
    const dir = previousRun([]);
    fifo(join(dir.out, "README.md"));
    expect(writePlan(dir.out, PLAN).written).toEqual(["README.md"]);
    expect(readFileSync(join(dir.out, "README.md"), "utf8")).toBe("# new\n");
  });

  it("stop before any rename when a folder sits where a file goes", () => {
    const dir = previousRun([]);
    const plan = [{ path: "README.md", content: "# new\n" }, { path: "src/index.ts", content: "export const changed = 1;\n" }];
    execFileSync("rm", [join(dir.out, "README.md")]);
    mkdirSync(join(dir.out, "README.md"));
    const before = treeHash(dir.out);
    expect(refusal(() => writePlan(dir.out, plan))).toEqual([expect.stringMatching(/README\.md: cannot write \(EISDIR\): nothing was changed/)]);
    expect(treeHash(dir.out)).toBe(before);
  });
});

describe("files beside the specs that no $ref names", () => {
  it("are hashed without being read: a FIFO, a link to /dev/zero, a 5 GiB sparse file", () => {
    const specs = copyTree(FIXTURE, join(tempDir(), "specs"));
    const plain = inputsHash(specs);
    const examples = join(specs, "widgets/2024-01-01/examples");
    fifo(join(examples, "pipe.json"));
    symlinkSync("/dev/zero", join(examples, "zero.json"));
    sparseFile(join(examples, "giant.json"), 5 * 1024 ** 3);
    symlinkSync("..", join(examples, "loop"));
    const hostile = inputsHash(specs);
    expect(hostile).not.toBe(plain);
    sparseFile(join(examples, "giant.json"), 6 * 1024 ** 3);
    expect(inputsHash(specs)).toBe(hostile); // a file too large to read is named by what it is, not by its bytes
  });

  it("are not walked when they are a folder outside the specs: a link to another tree is named, its files never read", () => {
    const specs = copyTree(FIXTURE, join(tempDir(), "specs"));
    const elsewhere = join(tempDir(), "elsewhere");
    mkdirSync(elsewhere);
    writeFileSync(join(elsewhere, "secret.txt"), "one");
    symlinkSync(elsewhere, join(specs, "widgets/2024-01-01/examples/outside"));
    const linked = inputsHash(specs);
    writeFileSync(join(elsewhere, "secret.txt"), "two"); // what lies outside does not change what generation reads
    expect(inputsHash(specs)).toBe(linked);
    expect(listFiles(specs)).toContain("widgets/2024-01-01/examples/outside");
  });
});
