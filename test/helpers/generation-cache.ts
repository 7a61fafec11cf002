/**
 * `rekey generate` of a specs tree into a fresh folder, made once per content and shared by test files and runs:
 * keyed by the generator's own hash of everything generation reads (the specs, the generator's sources, the emitting
 * packages' versions), so any change to those makes a new one. The real command writes into a staging folder that is
 * renamed into place, so a parallel worker sees a whole package or none. Callers get a copy; nobody writes into the
 * cached tree. A failed generation is returned as it is and never kept.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { inputsHash } from "../../generator/manifest.ts";
import { type CliResult, REPO_ROOT, runRekey } from "./cli.ts";
import { tempDir, treeHash } from "./files.ts";

const CACHE = join(REPO_ROOT, "node_modules/.cache/rekey-tests");
const PREFIX = "generated-";
/** Packages unused this long are removed when a new one is made (each use refreshes its time). */
const UNUSED_FOR = 24 * 60 * 60 * 1000;
const RESULT = "result.json";

/**
 * What `rekey generate --specs <specs> --out <outDir>` exits with and prints (its stdout names the folder the cached
 * package was first written to), with that package copied to outDir when it succeeded.
 */
export async function generateInto(specs: string, outDir: string): Promise<CliResult> {
  const dir = join(CACHE, `${PREFIX}${inputsHash(specs).slice(0, 32)}`);
  if (!existsSync(join(dir, RESULT))) {
    const failed = await generateToCache(specs, dir);
    if (failed) return failed;
  }
  const now = new Date();
  utimesSync(dir, now, now);
  cpSync(join(dir, "generated"), outDir, { recursive: true }); // not copyTree: it leaves out paths under node_modules/, as this one is
  if (!existsSync(join(outDir, "package.json"))) throw new Error(`${dir}: the cached package was not copied to ${outDir}`);
  return JSON.parse(readFileSync(join(dir, RESULT), "utf8")) as CliResult;
}

/**
 * A package generated from `specs` in a fresh temp folder, and the hash of its tree: the "previous output" a refused
 * run must leave byte-identical.
 */
export async function generatedBaseline(specs: string): Promise<{ outDir: string; outHash: string }> {
  const outDir = join(tempDir(), "generated");
  const result = await generateInto(specs, outDir);
  if (result.code !== 0) throw new Error(`generate --specs ${specs} failed: ${result.stderr}`);
  return { outDir, outHash: treeHash(outDir) };
}

async function generateToCache(specs: string, dir: string): Promise<CliResult | undefined> {
  mkdirSync(CACHE, { recursive: true });
  const staging = `${dir}.${process.pid}.${Date.now()}.tmp`;
  const result = await runRekey(["generate", "--specs", specs, "--out", join(staging, "generated")]);
  if (result.code !== 0) {
    rmSync(staging, { recursive: true, force: true });
    return result;
  }
  writeFileSync(join(staging, RESULT), JSON.stringify(result));
  try {
    renameSync(staging, dir);
  } catch {
    if (existsSync(join(dir, RESULT))) rmSync(staging, { recursive: true, force: true }); // another worker made it first
    else {
      rmSync(dir, { recursive: true, force: true }); // not one this helper finished: replaced
      renameSync(staging, dir);
    }
  }
  removeUnused(dir);
  return undefined;
}

function removeUnused(keep: string): void {
  const before = Date.now() - UNUSED_FOR;
  for (const name of readdirSync(CACHE)) {
    const path = join(CACHE, name);
    if (!name.startsWith(PREFIX) || path === keep) continue;
    if ((statSync(path, { throwIfNoEntry: false })?.mtimeMs ?? Infinity) < before) rmSync(path, { recursive: true, force: true });
  }
}
