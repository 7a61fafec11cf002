/**
 * When the output folder is an npm workspace of the project above it (generated/ in rekey's own repository), that
 * project's package-lock.json repeats the package's version; `npm ci` fails once they disagree. Generation does not
 * edit the lock (npm owns it): it says so when a new release left it behind.
 */
import { basename, dirname, join } from "node:path";
import { displayPath, join as pointerTo, type Problem, problem, readInputFile } from "../kernel/index.ts";

export function staleLockWarning(outDir: string, version: string): Problem | undefined {
  const lockPath = join(dirname(outDir), "package-lock.json");
  const read = readInputFile(lockPath);
  if (!read.ok) return undefined;
  let recorded: unknown;
  try {
    const lock = JSON.parse(read.text) as { packages?: Record<string, { version?: unknown }> };
    recorded = lock.packages?.[basename(outDir)]?.version;
  } catch {
    return undefined; // not a lock npm wrote: none of generation's business
  }
  if (typeof recorded !== "string" || recorded === version) return undefined;
  return problem("release/lock", { file: displayPath(lockPath), pointer: pointerTo("", "packages", basename(outDir), "version") },
    `the workspace is at ${recorded}, the package now at ${version}`, "run `npm install --package-lock-only` and commit the lock with generated/", "warning");
}
