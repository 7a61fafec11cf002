/**
 * `rekey diff` inputs are regular files within the input size limit (a folder stands for its openapi.yaml, which is
 * checked the same way), and a document outside the specs layout keeps its $refs inside its own folder: anything
 * else is one line and exit 2, without reading it.
 */
import { cpSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runRekey } from "../helpers/cli.ts";
import { removeTempDirs, tempDir } from "../helpers/files.ts";
import { fifo, sparseFile } from "../helpers/hostile-trees.ts";
import { productDocs } from "../helpers/mock.ts";
import { escapeRegExp } from "../helpers/picked-operation.ts";

afterAll(removeTempDirs);

// The first spec folder in specs/ whose document refers to an example file in its examples/ folder.
const EXAMPLE_REF = (doc: { operations: Array<{ examples: Array<{ file: string }> }> }) => doc.operations.flatMap((op) => op.examples)
  .map((example) => `$ref: ./examples/${basename(example.file)}`)[0];
const picked = (await productDocs()).find((doc) => EXAMPLE_REF(doc) && readFileSync(`specs/${doc.service}/${doc.apiVersion}/openapi.yaml`, "utf8").includes(EXAMPLE_REF(doc)))!;
const GOOD = `specs/${picked.service}/${picked.apiVersion}`;
const SPEC = readFileSync(`${GOOD}/openapi.yaml`, "utf8");
const EXAMPLE = EXAMPLE_REF(picked).replace("$ref: ./examples/", "");

async function expectRefused(input: string, expected: RegExp): Promise<void> {
  const result = await runRekey(["diff", input, GOOD]);
  expect(result.stderr).not.toMatch(/rekey crashed|\n\s+at /);
  expect(result.code, result.stderr).toBe(2);
  expect(result.stdout).toBe("");
  const lines = result.stderr.trimEnd().split("\n");
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(expected);
}

describe("rekey diff on inputs that are not spec documents", () => {
  it("refuses /dev/zero without reading it", async () => {
    await expectRefused("/dev/zero", /^error: \/dev\/zero: the input is not a regular file \(a device, FIFO or socket\) — .+ \[diff\/input\]$/);
  });

  it("refuses a FIFO without waiting on it", async () => {
    const pipe = join(tempDir(), "openapi.yaml");
    fifo(pipe);
    await expectRefused(pipe, /^error: \S+\/openapi\.yaml: the input is not a regular file \(a device, FIFO or socket\) — .+ \[diff\/input\]$/);
  });

  it("refuses a folder whose openapi.yaml is a link to /dev/zero", async () => {
    const folder = join(tempDir(), "2030-01-01");
    mkdirSync(folder);
    symlinkSync("/dev/zero", join(folder, "openapi.yaml"));
    await expectRefused(folder, /^error: \S+\/2030-01-01\/openapi\.yaml: the input is not a regular file .+ \[diff\/input\]$/);
  });

  it("refuses a sparse 5 GiB file", async () => {
    const giant = join(tempDir(), "giant.yaml");
    sparseFile(giant, 5 * 1024 ** 3);
    await expectRefused(giant, /^error: \S+\/giant\.yaml: the input is larger than the 4 MiB limit — .+ \[diff\/input\]$/);
  });

  it("refuses a valid document past the limit", async () => {
    const padded = join(tempDir(), "padded.yaml");
    writeFileSync(padded, SPEC + `# ${"padding ".repeat(70)}\n`.repeat(8 * 1024));
    await expectRefused(padded, /^error: \S+\/padded\.yaml: the input is larger than the 4 MiB limit — .+ \[diff\/input\]$/);
  });

  it("keeps the $refs of a document outside the specs layout inside its own folder", async () => {
    const dir = tempDir();
    mkdirSync(join(dir, "doc"));
    cpSync(`${GOOD}/examples`, join(dir, "doc/examples"), { recursive: true }); // the document's other examples resolve
    writeFileSync(join(dir, EXAMPLE), readFileSync(`${GOOD}/examples/${EXAMPLE}`));
    writeFileSync(join(dir, "doc/openapi.yaml"), SPEC.replace(`$ref: ./examples/${EXAMPLE}`, `$ref: ../${EXAMPLE}`));
    const name = escapeRegExp(EXAMPLE);
    await expectRefused(join(dir, "doc"), new RegExp(`^error: \\S+/doc/openapi\\.yaml#/paths/.+/\\$ref: \\$ref "\\.\\./${name}" is refused: \\S+/${name} lies outside \\S+/doc/ — .+ \\[load/ref\\]$`));
  });
});
