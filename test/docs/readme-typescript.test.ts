/**
 * The README's TypeScript is code a newcomer pastes into a strict project: every ```ts block compiles, as its own
 * module, against @rekey/clients (a link to generated/, the package folder) and @azure/identity, with strict
 * TypeScript in an ESM project — so a renamed export, option or guard fails here before it fails a reader.
 */
import { mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";
import { afterAll, describe, expect, it } from "vitest";
import { REPO_ROOT } from "../../kernel/index.ts";
import { type ParsedFiles, sharingHost } from "../../scripts/release/type-check.ts";
import { removeTempDirs, tempDir } from "../helpers/files.ts";
import { flatten, parse } from "../helpers/markdown.ts";

afterAll(removeTempDirs);

const tsBlocks = (file: string) => flatten(parse(file)).filter((t) => t.type === "fence" && t.info.trim() === "ts").map((t) => t.content);
const blocks = tsBlocks("README.md");
/** docs/errors.md shows the error classes, guards and named types the same way: its blocks compile too. */
const errorBlocks = tsBlocks("docs/errors.md");

/** The libraries, the package's declarations and @azure/identity's, parsed once for every project below. */
const parsed: ParsedFiles = new Map();

/** A strict ESM project holding each block as its own module; the diagnostics tsc gives it. */
function compile(sources: string[]): string[] {
  const dir = tempDir("rekey-readme-ts-");
  mkdirSync(join(dir, "node_modules/@rekey"), { recursive: true });
  mkdirSync(join(dir, "node_modules/@azure"), { recursive: true });
  symlinkSync(join(REPO_ROOT, "generated"), join(dir, "node_modules/@rekey/clients"), "dir");
  symlinkSync(join(REPO_ROOT, "node_modules/@azure/identity"), join(dir, "node_modules/@azure/identity"), "dir");
  writeFileSync(join(dir, "package.json"), JSON.stringify({ name: "my-rotation", private: true, type: "module" }));
  const files = sources.map((source, i) => {
    const file = join(dir, `block-${i + 1}.ts`);
    writeFileSync(file, source);
    return file;
  });
  const options: ts.CompilerOptions = {
    strict: true, noEmit: true, target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext, lib: ["lib.es2022.d.ts", "lib.dom.d.ts"], types: [], skipLibCheck: true,
  };
  const program = ts.createProgram(files, options, sharingHost(options, parsed));
  return ts.getPreEmitDiagnostics(program).map((d) => {
    const where = d.file ? `${d.file.fileName.slice(dir.length + 1)}:${d.file.getLineAndCharacterOfPosition(d.start ?? 0).line + 1}` : "";
    return `${where} ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`;
  });
}

describe("the README's TypeScript", () => {
  it("has blocks to compile", () => {
    expect(blocks.length).toBeGreaterThan(0);
  });

  it("compiles in a strict ESM project against the package and @azure/identity", () => {
    expect(compile(blocks)).toEqual([]);
  });

  it("and so does docs/errors.md's", () => {
    expect(errorBlocks.length).toBeGreaterThan(0);
    expect(compile(errorBlocks)).toEqual([]);
  });

  it("would fail on an export the package does not have (the check can fail)", () => {
    expect(compile([`import { createNoSuchClient } from "@rekey/clients/maps";\ncreateNoSuchClient();\n`]).join("\n")).toMatch(/createNoSuchClient/);
  });
});
