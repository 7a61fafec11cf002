/**
 * A package generated from a specs tree once per content, shared by test files and runs: keyed by the generator's
 * own hash of everything generation reads (the specs, the generator's sources, the emitting packages' versions), so
 * any change to those makes a new one. Built by the real command into a staging folder and renamed into place, so a
 * parallel worker sees a whole package or none. Callers copy it; nobody writes into the cached tree.
 */
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, utimesSync } from "node:fs";
import { join } from "node:path";
import { inputsHash } from "../../generator/manifest.ts";
import { REPO_ROOT, runRekey } from "./cli.ts";
import { copyTree, tempDir, treeHash } from "./files.ts";

const CACHE = join(REPO_ROOT, "node_modules/.cache/rekey-tests");
const PREFIX = "generated-";
/** Packages unused this long are removed when a new one is made (each use refreshes its time). */
const UNUSED_FOR = 24 * 60 * 60 * 1000;

export async function cachedGeneration(specs: string): Promise<string> {
  const dir = join(CACHE, `${PREFIX}${inputsHash(specs).slice(0, 32)}`);
  const out = join(dir, "generated");
  if (existsSync(out)) {
    const now = new Date();
    utimesSync(dir, now, now);
    return out;
  }
  mkdirSync(CACHE, { recursive: true });
  const staging = `${dir}.${process.pid}.${Date.now()}.tmp`;
  const result = await runRekey(["generate", "--specs", specs, "--out", join(staging, "generated")]);
  if (result.code !== 0) {
    rmSync(staging, { recursive: true, force: true });
    throw new Error(`generate --specs ${specs} failed: ${result.stderr}`);
  }
  try {
    renameSync(staging, dir);
  } catch {
    rmSync(staging, { recursive: true, force: true }); // another worker made the same package first
  }
  removeUnused(dir);
  return out;
}

function removeUnused(keep: string): void {
  const before = Date.now() - UNUSED_FOR;
  for (const name of readdirSync(CACHE)) {
    const path = join(CACHE, name);
    if (!name.startsWith(PREFIX) || path === keep) continue;
    if ((statSync(path, { throwIfNoEntry: false })?.mtimeMs ?? Infinity) < before) rmSync(path, { recursive: true, force: true });
  }
}

/**
 * A package generated from `specs` in a fresh temp folder (a copy of the cached one), and the hash of its tree: the
 * "previous output" a refused run must leave byte-identical.
 */
export async function generatedBaseline(specs: string): Promise<{ outDir: string; outHash: string }> {
  const outDir = copyTree(await cachedGeneration(specs), join(tempDir(), "generated"));
  return { outDir, outHash: treeHash(outDir) };
}
