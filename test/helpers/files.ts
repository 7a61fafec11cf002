/** Temporary folders and whole-tree comparisons for generator tests. */
import { createHash } from "node:crypto";
import { cpSync, lstatSync, mkdtempSync, readFileSync, readlinkSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { listFiles } from "../../generator/manifest.ts";

const created: string[] = [];

export function tempDir(prefix = "rekey-test-"): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  created.push(dir);
  return dir;
}

export function removeTempDirs(): void {
  for (const dir of created.splice(0)) rmSync(dir, { recursive: true, force: true });
}

export function copyTree(from: string, to: string): string {
  cpSync(from, to, { recursive: true, filter: (src) => !src.includes("node_modules") });
  return to;
}

/** One hash over every file's path and bytes: equal hashes mean byte-identical trees. */
export function treeHash(dir: string): string {
  const hash = createHash("sha256");
  for (const file of listFiles(dir)) {
    const path = join(dir, file);
    // listFiles names a symlinked folder that leads out of the tree without walking it: hash where it points.
    const content = lstatSync(path).isSymbolicLink() && statSync(path).isDirectory() ? `-> ${readlinkSync(path)}` : readFileSync(path);
    hash.update(file).update("\0").update(content).update("\0");
  }
  return hash.digest("hex");
}
