/**
 * Fuzz-style: malformed spec trees through `rekey lint` and `rekey generate` (main() in process). Whatever the
 * tree, rekey never crashes (exit 70, a stack trace): a refused tree gives exit 2 and located one-line errors from
 * both commands, and the output folder stays byte-identical. The trees are a fixed table (missing, empty, binary
 * and giant files, odd folder names, bad refs, YAML beyond JSON) and seeded fast-check runs that put a value of
 * the wrong type anywhere in the spec or its example, or remove a member.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { parse, stringify } from "yaml";
import { afterAll, describe, expect, it, vi } from "vitest";
import { escapeToken } from "../../kernel/json-pointer.ts";
import type { CliResult } from "../helpers/cli.ts";
import { copyTree, removeTempDirs, tempDir, treeHash } from "../helpers/files.ts";
import { EXAMPLE, FIXTURE, type HostileTree, MALFORMED_TREES, SPEC } from "../helpers/hostile-trees.ts";
import { runInProcess } from "../helpers/in-process.ts";

vi.mock("../../generator/emit/typescript-service.ts", async () => (await import("../helpers/in-process.ts")).refusedInputsOnly);

afterAll(removeTempDirs);

interface Tree {
  specs: string;
  out: string;
}

function freshTree(): Tree & { outside: string } {
  const dir = tempDir();
  const outside = join(dir, "outside");
  mkdirSync(outside);
  const out = join(dir, "generated");
  mkdirSync(out);
  writeFileSync(join(out, "README.md"), "# a previous generation\n");
  writeFileSync(join(out, "rekey-manifest.json"), JSON.stringify({ inputsHash: "0".repeat(64), files: { "README.md": "0".repeat(64) } }));
  return { specs: copyTree(FIXTURE, join(dir, "specs")), out, outside };
}

/** Never a crash; when refused, exit 2 and every line one located problem (in the specs or the output). */
function expectNoCrash(result: CliResult, { specs, out }: Tree): void {
  expect(result.stderr, "no crash").not.toMatch(/rekey crashed|\n\s+at /);
  expect([0, 2], result.stderr).toContain(result.code);
  if (result.code === 0) return;
  expect(result.stdout).toBe("");
  const lines = result.stderr.trimEnd().split("\n");
  expect(lines.some((l) => l.startsWith("error: ")), result.stderr).toBe(true);
  for (const line of lines) {
    // a pointer may hold spaces (it names what the spec wrote), so the location is known by where it starts
    const located = [specs, out].some((dir) => line.startsWith(`error: ${dir}`) || line.startsWith(`warning: ${dir}`));
    expect(located && / — .+ \[[\w/-]+\]$/.test(line), `one located line: what, where, how, rule: ${line}`).toBe(true);
  }
}

/** lint, then generate when lint refuses: both refuse alike and the output is untouched. */
async function expectRefusedCleanly(tree: Tree, refused = true): Promise<void> {
  const before = treeHash(tree.out);
  const lint = await runInProcess(["lint", "--specs", tree.specs]);
  expectNoCrash(lint, tree);
  if (refused) expect(lint.code, lint.stdout).toBe(2);
  if (lint.code === 0) return;
  const generate = await runInProcess(["generate", "--specs", tree.specs, "--out", tree.out]);
  expectNoCrash(generate, tree);
  expect(generate.code).toBe(2);
  expect(generate.stderr).toBe(lint.stderr);
  expect(treeHash(tree.out)).toBe(before);
}

describe("malformed spec trees", () => {
  it.each(MALFORMED_TREES)("$name", async (hostile: HostileTree) => {
    const tree = freshTree();
    hostile.build(tree.specs, tree.outside);
    await expectRefusedCleanly(tree);
    if (hostile.expected) {
      const first = (await runInProcess(["lint", "--specs", tree.specs])).stderr.split("\n")[0];
      expect(first.replace(/^error: \S+: /, "")).toMatch(hostile.expected);
    }
  });
});

/** Every JSON pointer of a value, the root included. */
function pointers(value: unknown, at = ""): string[] {
  if (value === null || typeof value !== "object") return [at];
  return [at, ...Object.entries(value).flatMap(([key, child]) => pointers(child, `${at}/${escapeToken(key)}`))];
}

/** Stands for "remove this member" among the values a node gets. */
const MISSING = Symbol("missing");

function setAt(root: unknown, pointer: string, value: unknown): unknown {
  if (pointer === "") return value === MISSING ? undefined : value;
  const tokens = pointer.slice(1).split("/").map((t) => t.replace(/~1/g, "/").replace(/~0/g, "~"));
  let node = root as Record<string, unknown>;
  for (const token of tokens.slice(0, -1)) node = node[token] as Record<string, unknown>;
  if (value === MISSING) delete node[tokens.at(-1)!];
  else node[tokens.at(-1)!] = value;
  return root;
}

const DOCUMENTS = [
  { file: SPEC, value: parse(readFileSync(join(FIXTURE, SPEC), "utf8")) as unknown, write: (v: unknown) => (v === undefined ? "" : stringify(v)) },
  { file: EXAMPLE, value: JSON.parse(readFileSync(join(FIXTURE, EXAMPLE), "utf8")) as unknown, write: (v: unknown) => JSON.stringify(v) ?? "" },
];
const WRONG_VALUES: unknown[] = [
  MISSING, MISSING, 5, -1, 0.5, "x", "", true, null, [], [1, "x"], {}, { $ref: "#/nope" }, { $ref: "/dev/zero" }, { $ref: "#" },
  { $ref: "../../../../etc/passwd" }, { $ref: "./examples" }, "*/ console.log(1) /*", JSON.parse(`{"__proto__": {"polluted": true}}`) as unknown, // an own __proto__ key, as a parser makes it
];

describe("a value of the wrong type, or none, anywhere", () => {
  const mutation = fc.array(
    fc.record({
      document: fc.nat({ max: DOCUMENTS.length - 1 }),
      node: fc.nat(),
      value: fc.constantFrom(...WRONG_VALUES),
    }),
    { minLength: 1, maxLength: 3 },
  );

  it("never crashes: the tree is accepted or refused with located lines, the output untouched", async () => {
    await fc.assert(
      fc.asyncProperty(mutation, async (changes) => {
        const tree = freshTree();
        const edited = DOCUMENTS.map((d) => structuredClone(d.value));
        for (const { document, node, value } of changes) {
          const all = pointers(edited[document]);
          edited[document] = setAt(edited[document], all[node % all.length], value === MISSING ? value : structuredClone(value));
        }
        DOCUMENTS.forEach((d, i) => writeFileSync(join(tree.specs, d.file), d.write(edited[i])));
        await expectRefusedCleanly(tree, false);
      }),
      { seed: 20261202, numRuns: 40 },
    );
  });
});
