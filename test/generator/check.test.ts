/**
 * `generate --check` and the promises around it: current output passes, a spec edit or a hand edit fails until
 * regenerated, output is deterministic, and a new api-version folder becomes a new entry point with no code change.
 * Most runs go through the CLI's main() in process; the real command is spawned where its exit code and streams
 * are the point (a pass, a failure's listing, a no-op generate) and for a full generation in the CLI's worker.
 */
import { appendFileSync, cpSync, existsSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { parseDocument } from "yaml";
import { type CliResult, REPO_ROOT, runRekey } from "../helpers/cli.ts";
import { copyTree, removeTempDirs, tempDir, treeHash } from "../helpers/files.ts";
import { runInProcess } from "../helpers/in-process.ts";
import { productDocs } from "../helpers/mock.ts";
import { listFiles } from "../../generator/manifest.ts";
import { RECORD_PATH } from "../../generator/release-record.ts";
import { clientNames, deref, tokens } from "../../kernel/index.ts";

afterAll(removeTempDirs);

// Spec folders picked from specs/: the first one, and the first with a parameter whose length the clients check.
const docs = await productDocs();
const FIRST = `${docs[0].service}/${docs[0].apiVersion}`;
const NEW = `${docs[0].service}/2099-01-01`;
const LIMITED = docs.flatMap((doc) => doc.operations.flatMap((op) => op.parameters.map((parameter) => ({ doc, at: deref(doc.raw, parameter.schema, parameter.schemaPointer) }))))
  .find(({ at }) => typeof at.node?.maxLength === "number")!;

let specs: string;
let out: string;
const flags = () => ["--specs", specs, "--out", out];

/**
 * The copy of the committed specs and package with FIRST copied to NEW and generated (both describes start there),
 * made once; each call gives a fresh copy of it in this test's specs and out, and what generate printed.
 */
let newVersion: Promise<{ specs: string; out: string; result: CliResult }> | undefined;
async function generatedWithNewVersion(): Promise<CliResult> {
  newVersion ??= (async () => {
    const dir = tempDir();
    const [specs, out] = [copyTree(join(REPO_ROOT, "specs"), join(dir, "specs")), copyTree(join(REPO_ROOT, "generated"), join(dir, "generated"))];
    cpSync(join(specs, FIRST), join(specs, NEW), { recursive: true });
    return { specs, out, result: await runInProcess(["generate", "--specs", specs, "--out", out]) };
  })();
  const made = await newVersion;
  rmSync(specs, { recursive: true });
  rmSync(out, { recursive: true });
  copyTree(made.specs, specs);
  copyTree(made.out, out);
  return made.result;
}

beforeEach(() => {
  const dir = tempDir();
  specs = copyTree(join(REPO_ROOT, "specs"), join(dir, "specs"));
  out = copyTree(join(REPO_ROOT, "generated"), join(dir, "generated"));
});

describe("generate --check", () => {
  it("passes on the committed generated/ without running the generator", async () => {
    const result = await runRekey(["generate", "--check", ...flags()]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/is current\n$/);
  });

  it("fails after a constraint changes in a spec, and passes once regenerated", async () => {
    const { doc, at } = LIMITED;
    const spec = join(specs, doc.service, doc.apiVersion, "openapi.yaml");
    const [before, after] = [at.node.maxLength as number, (at.node.maxLength as number) - 1];
    const yaml = parseDocument(readFileSync(spec, "utf8"));
    expect(yaml.getIn([...tokens(at.pointer), "maxLength"])).toBe(before);
    yaml.setIn([...tokens(at.pointer), "maxLength"], after);
    writeFileSync(spec, yaml.toString());

    const stale = await runRekey(["generate", "--check", ...flags()]);
    expect(stale.code).toBe(1);
    expect(stale.stderr).toMatch(/is not what the specs generate/);
    expect(stale.stderr).toMatch(new RegExp(`M src/${doc.service}/${doc.apiVersion}/validators\\.js:\\d+\\n\\s+- .*${before}.*\\n\\s+\\+ .*${after}`));
    expect(stale.stderr).toMatch(/run `npm run generate`/);

    expect((await runInProcess(["generate", ...flags()])).code).toBe(0);
    expect((await runInProcess(["generate", "--check", ...flags()])).code).toBe(0);
  });

  it("fails when a generated file is edited by hand", async () => {
    appendFileSync(join(out, `src/${FIRST}/client.ts`), "// a quick fix\n");
    const result = await runInProcess(["generate", "--check", ...flags()]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`M src/${FIRST}/client.ts`);
  });

  it("leaves dist/ out: it is built from the sources, never committed", async () => {
    rmSync(join(out, "dist"), { recursive: true, force: true });
    writeFileSync(join(out, "dist.build-1.tmp"), "");
    expect((await runInProcess(["generate", "--check", ...flags()])).code).toBe(1); // a file, not a build's staging folder
    rmSync(join(out, "dist.build-1.tmp"));
    cpSync(join(REPO_ROOT, "generated/dist"), join(out, "dist"), { recursive: true });
    appendFileSync(join(out, `dist/${FIRST}/index.js`), "// rebuilt by the next build\n");
    writeFileSync(join(out, "dist/extra.js"), "");
    const result = await runInProcess(["generate", "--check", ...flags()]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
  });

  it("fails when a file is added to the output by hand", async () => {
    writeFileSync(join(out, "src/extra.ts"), "export const x = 1;\n");
    const result = await runInProcess(["generate", "--check", ...flags()]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/\? src\/extra\.ts \(not written by rekey: remove it\)/);
  });

  it("prints a file's name and lines with their control characters escaped: no forged CI command", async () => {
    writeFileSync(join(out, "src/x\n::error file=a::forged\u001b[31m.ts"), "export const x = 1;\n");
    appendFileSync(join(out, `src/${FIRST}/index.ts`), "\n::warning::also forged\r\n");
    const result = await runInProcess(["generate", "--check", ...flags()]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("? src/x\\u000a::error file=a::forged\\u001b[31m.ts");
    expect(result.stderr.split("\n").filter((line) => line.startsWith("::"))).toEqual([]);
    expect(result.stderr).not.toMatch(/[\u0000-\u0009\u000b-\u001f]/);
  });
});

describe("generate", () => {
  it("is deterministic: two runs (the CLI with its worker, and in process) give identical bytes, equal to the committed package", async () => {
    // A new output folder starts from the committed release record, as the committed package did.
    const withRecord = () => copyTree(join(REPO_ROOT, "generated", RECORD_PATH), join(tempDir(), "generated", RECORD_PATH)).replace(/\/[^/]+$/, "");
    const second = withRecord();
    expect((await runRekey(["generate", "--specs", specs, "--out", second])).code).toBe(0);
    const third = withRecord();
    expect((await runInProcess(["generate", "--specs", specs, "--out", third])).code).toBe(0);
    expect(treeHash(second)).toBe(treeHash(third));
    expect(treeHash(second)).toBe(treeHash(out));
  });

  it("on unchanged inputs writes nothing and says so; a hand edit is still rewritten", async () => {
    const result = await runRekey(["generate", ...flags()]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/is current: nothing to write/);
    const edited = join(out, "src/index.ts");
    const committed = readFileSync(edited, "utf8");
    appendFileSync(edited, "// hand edit\n");
    const again = await runInProcess(["generate", ...flags()]);
    expect(again.stdout).toMatch(/1 written/);
    expect(readFileSync(edited, "utf8")).toBe(committed);
  });

  it("leaves a dist/ built from the same sources as it is, and rebuilds one that is not", async () => {
    const entry = join(out, "dist/index.js");
    const builtAt = statSync(entry).mtimeMs;
    expect((await runInProcess(["generate", ...flags()])).code).toBe(0);
    expect(statSync(entry).mtimeMs).toBe(builtAt);
    writeFileSync(join(out, "dist/.source-hash"), "0".repeat(64) + "\n");
    expect((await runInProcess(["generate", ...flags()])).code).toBe(0);
    expect(statSync(entry).mtimeMs).not.toBe(builtAt);
    expect(treeHash(join(out, "dist"))).toBe(treeHash(join(REPO_ROOT, "generated/dist")));
  });

  it("turns a copied spec folder under a new api-version into a new entry point", async () => {
    const result = await generatedWithNewVersion();
    expect(result.code).toBe(0);
    // The copy still says its own api-version inside; the folder name wins, with a warning.
    expect(result.stderr).toMatch(new RegExp(`^warning: .*${NEW}/openapi\\.yaml#/info/version: info\\.version "${docs[0].apiVersion}" differs`, "m"));

    const pkg = JSON.parse(readFileSync(join(out, "package.json"), "utf8"));
    expect(pkg.exports[`./${NEW}`]).toEqual({
      types: `./dist/${NEW}/index.d.ts`,
      default: `./dist/${NEW}/index.js`,
    });
    expect(existsSync(join(out, `dist/${FIRST}/index.js`))).toBe(true);
    expect(readFileSync(join(out, `src/${docs[0].service}/index.ts`), "utf8")).toContain('export * from "./2099-01-01/index.js";');

    const entry = await import(pathToFileURL(join(out, `dist/${NEW}/index.js`)).href);
    expect(entry.API_VERSION).toBe("2099-01-01");
    expect(typeof entry[clientNames(docs[0]).factoryName]).toBe("function");
  });
});

describe("generate after a spec folder is removed", () => {
  it("removes exactly the files it had written for that version", async () => {
    expect((await generatedWithNewVersion()).code).toBe(0);
    const beforeRemoval = treeHash(out);
    writeFileSync(join(out, "NOTES.md"), "kept: rekey never wrote this\n");
    rmSync(join(specs, NEW), { recursive: true });

    const result = await runInProcess(["generate", ...flags()]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/ 7 removed\n$/);
    expect(existsSync(join(out, `dist/${NEW}`))).toBe(false);
    expect(readFileSync(join(out, "NOTES.md"), "utf8")).toBe("kept: rekey never wrote this\n");
    rmSync(join(out, "NOTES.md"));
    expect(treeHash(out)).not.toBe(beforeRemoval);
    // The removal is a release of its own (major), after the one that added it: only the release files differ.
    const { releases } = JSON.parse(readFileSync(join(out, RECORD_PATH), "utf8")) as { releases: Array<{ change: string; apiVersion: string }> };
    expect(releases.slice(-2).map((r) => `${r.change} ${r.apiVersion}`)).toEqual(["added 2099-01-01", "removed 2099-01-01"]);
    const committed = join(REPO_ROOT, "generated");
    const differing = listFiles(out).filter((path) => readFileSync(join(out, path), "utf8") !== readFileSync(join(committed, path), "utf8"));
    expect(differing).toEqual([
      "CHANGELOG.md", "dist/package-info.d.ts", "dist/package-info.js", "package.json", "rekey-manifest.json", RECORD_PATH, "src/package-info.ts",
    ]);
    expect(listFiles(out)).toEqual(listFiles(committed));
  });
});

describe("in process and in the CLI's worker", () => {
  it("plan the same bytes as the committed package", async () => {
    const { loadSpecs } = await import("../../kernel/load-specs.ts");
    const { planPackage } = await import("../../generator/emit/plan.ts");
    const { planReleases } = await import("../../generator/release-record.ts");
    const { PACKAGE_NAME } = await import("../../generator/views/package-view.ts");
    const { docs } = await loadSpecs(join(REPO_ROOT, "specs"));
    const releases = planReleases(join(REPO_ROOT, "generated"), docs, PACKAGE_NAME);
    for (const file of await planPackage(docs, undefined, releases)) {
      expect(file.content, file.path).toBe(readFileSync(join(REPO_ROOT, "generated", file.path), "utf8"));
    }
  });
});
