/** Listing and hashing input folders: what generated/'s manifest and the mock's start-up cache are keyed on. */
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, realpathSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { isWithin, readInputFile } from "./input-file.ts";
import { packageDir } from "./repo-paths.ts";

/**
 * Every file under a folder, relative and sorted; skips node_modules and dot-files. Symlinked folders inside the
 * folder are walked once (a link back up the tree is not followed again); a symlinked folder outside it, a dangling
 * symlink or an unreadable folder is listed like a file.
 */
export function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  const walk = (at: string, ancestors: Set<string>): void => {
    let names: string[];
    try {
      names = readdirSync(at);
    } catch {
      // Unreadable: listed, so a hash or a comparison still sees it (an unreadable dir fails where it is written).
      if (at !== dir) out.push(relative(dir, at).split("\\").join("/"));
      return;
    }
    for (const name of names) {
      if (name === "node_modules" || name.startsWith(".")) continue;
      const full = join(at, name);
      let real: string | undefined;
      try {
        real = statSync(full).isDirectory() ? realpathSync(full) : undefined;
      } catch {
        real = undefined;
      }
      // A folder outside the tree (a link to / or to $HOME) is listed, not walked: nothing outside is ever read.
      if (real === undefined || !isWithin(root, real)) out.push(relative(dir, full).split("\\").join("/"));
      else if (!ancestors.has(real)) walk(full, new Set(ancestors).add(real));
    }
  };
  const root = realpathSync(dir);
  walk(dir, new Set([root]));
  return out.sort();
}

/**
 * One hash of every file under the named folders (each file's text within the input limit; for anything else, the
 * reason it was not read) and of the installed versions of the named packages: a cache key that changes whenever
 * an input could.
 */
export function treesHash(trees: Record<string, string>, packages: readonly string[]): string {
  const hash = createHash("sha256");
  const add = (label: string, dir: string) => {
    for (const file of listFiles(dir)) {
      // What generation could read: the text of a file within the input limit; for anything else (too large, a
      // FIFO, a link to nowhere) the reason, without reading it.
      const read = readInputFile(join(dir, file));
      hash.update(`${label}/${file}\0`).update(read.ok ? read.text : `<${read.reason}>`).update("\0");
    }
  };
  for (const [label, dir] of Object.entries(trees)) add(label, dir);
  for (const name of packages) {
    const dir = packageDir(name);
    const pkg = dir && join(dir, "package.json");
    const version = pkg && existsSync(pkg) ? (JSON.parse(readFileSync(pkg, "utf8")) as { version: string }).version : "missing";
    hash.update(`${name}@${version}\0`);
  }
  return hash.digest("hex");
}
