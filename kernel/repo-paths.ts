/**
 * Where rekey's own files are. Found by walking up to rekey's package.json rather than relative to this module, so
 * the same code works when run from source (tsx, vitest) and from the CLI's compiled bundle.
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

function findRepoRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const pkg = join(dir, "package.json");
    if (existsSync(pkg) && (JSON.parse(readFileSync(pkg, "utf8")) as { name?: string }).name === "rekey") return dir;
    if (dirname(dir) === dir) throw new Error(`rekey's package.json not found above ${from}`);
  }
}

export const REPO_ROOT = findRepoRoot(dirname(fileURLToPath(import.meta.url)));
