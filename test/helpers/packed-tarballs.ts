/**
 * The tarballs tests install (@rekey/clients from generated/, the tool from `npm run pack:tool`), packed once per
 * change of what goes into them and shared by every test file and worker: each lives in
 * node_modules/.cache/rekey-tests/<name>-<hash>/, <hash> covering every file that is packed or built into what is
 * packed. A tarball is packed in a staging folder and renamed into place, so a parallel worker finds a whole tarball
 * or none; when two pack at once, the second rename loses and its copy is dropped.
 */
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { promisify } from "node:util";
import { REPO_ROOT } from "./cli.ts";

const run = promisify(execFile);
const CACHE = join(REPO_ROOT, "node_modules/.cache/rekey-tests");
const SKIPPED = new Set(["node_modules", ".git"]);

function hashTrees(hash: ReturnType<typeof createHash>, path: string): void {
  if (!existsSync(path)) return;
  if (statSync(path).isDirectory()) {
    for (const name of readdirSync(path).sort()) if (!SKIPPED.has(name)) hashTrees(hash, join(path, name));
    return;
  }
  hash.update(relative(REPO_ROOT, path)).update("\0").update(readFileSync(path)).update("\0");
}

/** One hash over the paths and bytes of `paths` (files or folders, relative to the repository). */
export function inputsHash(paths: string[]): string {
  const hash = createHash("sha256");
  for (const path of paths) hashTrees(hash, join(REPO_ROOT, path));
  return hash.digest("hex").slice(0, 16);
}

/** The only .tgz in `dir`. */
function tarballIn(dir: string): string {
  const found = readdirSync(dir).filter((f) => f.endsWith(".tgz"));
  if (found.length !== 1) throw new Error(`${dir} should hold one tarball, not ${found.length}`);
  return join(dir, found[0]);
}

/**
 * The cached folder `name-hash`, made by `pack(staging)` when missing; `pack` may also write notes (what a command
 * printed) beside the tarball. Returns the folder.
 */
async function cached(name: string, hash: string, pack: (staging: string) => Promise<void>): Promise<string> {
  const final = join(CACHE, `${name}-${hash}`);
  if (existsSync(final)) return final;
  mkdirSync(CACHE, { recursive: true });
  const staging = join(CACHE, `.${name}-${hash}.${process.pid}.${Date.now()}.tmp`);
  mkdirSync(staging);
  try {
    await pack(staging);
    tarballIn(staging);
    renameSync(staging, final);
  } catch (error) {
    // Another worker renamed its whole copy into place first: use that one.
    if (!existsSync(final)) throw error;
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
  return final;
}

/** generated/ as `npm pack` packs it (dist/ built by the global set-up; --ignore-scripts: prepare would build it again). */
export async function clientTarball(): Promise<string> {
  const folder = await cached("clients", inputsHash(["generated"]), async (staging) => {
    await run("npm", ["pack", join(REPO_ROOT, "generated"), "--pack-destination", staging, "--ignore-scripts", "--silent"], { cwd: staging });
  });
  return tarballIn(folder);
}

/** What `npm run pack:tool` builds the tool from: its sources, the files build:tool copies, the manifest and the lock. */
const TOOL_INPUTS = ["api", "cli", "client-runtime", "conformance", "generator", "kernel", "scripts", "package.json", "package-lock.json", "README.md", "tsconfig.json"];

/**
 * The tool packed by the real `npm run pack:tool`, and what it printed. pack:tool builds into the repository's
 * dist/ first: a lock (a folder made atomically, naming its owner's pid) keeps two workers or two runs from
 * building it at once, and the one that waited finds the tarball cached.
 */
export async function toolTarball(): Promise<{ tarball: string; printed: string }> {
  const hash = inputsHash(TOOL_INPUTS);
  const folder = await withRepoLock("dist", () => cached("tool", hash, async (staging) => {
    const { stdout } = await run("npm", ["run", "--silent", "pack:tool", "--", staging], { cwd: REPO_ROOT, maxBuffer: 16 * 1024 * 1024 });
    writeFileSync(join(staging, "printed.txt"), stdout);
  }));
  return { tarball: tarballIn(folder), printed: readFileSync(join(folder, "printed.txt"), "utf8") };
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/**
 * Runs `work` holding the lock named `name` (e.g. "dist", "packs": a folder of the repository the work writes), so
 * no other test worker or run writes it meanwhile.
 */
export async function withRepoLock<T>(name: string, work: () => Promise<T>): Promise<T> {
  mkdirSync(CACHE, { recursive: true });
  const lock = join(CACHE, `${name}.lock`);
  for (;;) {
    try {
      mkdirSync(lock);
      writeFileSync(join(lock, "pid"), String(process.pid));
      break;
    } catch {
      const since = statSync(lock, { throwIfNoEntry: false })?.mtimeMs;
      if (since === undefined) continue; // released meanwhile
      let owner = 0;
      try {
        owner = Number(readFileSync(join(lock, "pid"), "utf8"));
      } catch {
        // made, its pid not yet written
      }
      // A lock whose owner died, or that never got its pid and is old, is taken over.
      if (owner > 0 ? !alive(owner) : Date.now() - since > 60_000) rmSync(lock, { recursive: true, force: true });
      else await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  try {
    return await work();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}
