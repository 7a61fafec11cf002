/**
 * Where rekey's own files are, in both shapes rekey runs in: its repository (sources run by tsx or vitest, or the
 * CLI's dev bundle in build/) and the installed tool (compiled code in the package's dist/, with copies of the
 * files the generator reads — templates, client runtime, the package's build script — at the same relative paths;
 * scripts/build-tool.ts makes it). Nothing here assumes more of a layout than that, so the installed tool reads no
 * file of the repository's and the repository reads none of dist/.
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const HERE = dirname(fileURLToPath(import.meta.url));

function above(from: string, found: (dir: string) => boolean, what: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (found(dir)) return dir;
    if (dirname(dir) === dir) throw new Error(`${what} not found above ${from}`);
  }
}

const isRekeyPackage = (dir: string) => {
  const pkg = join(dir, "package.json");
  return existsSync(pkg) && (JSON.parse(readFileSync(pkg, "utf8")) as { name?: string }).name === "rekey";
};

/** rekey's package root (its package.json): the repository, or where the tool is installed (node_modules/rekey). */
export const REPO_ROOT = above(HERE, isRekeyPackage, "rekey's package.json");

/** rekey's own version, from its package.json (`rekey --version`). */
export function rekeyVersion(): string {
  return (JSON.parse(readFileSync(join(REPO_ROOT, "package.json"), "utf8")) as { version: string }).version;
}

/**
 * The folder the generator's files are read from (generator/templates, generator/package-build, client-runtime):
 * the nearest one above the running code that holds them — the repository, or the installed tool's dist/.
 */
export const ASSETS_ROOT = above(HERE, (dir) => existsSync(join(dir, "generator", "templates")), "rekey's generator/templates");

/** True in the installed tool: its code is compiled into ASSETS_ROOT (dist/) and no sources sit beside it. */
export const COMPILED = ASSETS_ROOT !== REPO_ROOT;

/** Start-up caches (the compiled OpenAPI schema check, the mock's model): build/ in the package root. */
export const CACHE_DIR = join(REPO_ROOT, "build");

/**
 * The folders whose files are rekey's code, for cache keys that must change when the code does: the named source
 * folders in the repository; in the installed tool, its whole compiled dist/ (sources are not shipped).
 */
export function codeTrees(sourceFolders: readonly string[]): Record<string, string> {
  if (COMPILED) return { rekey: ASSETS_ROOT };
  return Object.fromEntries(sourceFolders.map((folder) => [folder, join(REPO_ROOT, folder)]));
}

/**
 * The folder of an installed package, found as Node finds a bare import from rekey's own code: in node_modules/
 * of the package root or of any folder above it (an installed tool's dependencies usually sit beside it, not
 * inside it). Undefined when it is not installed.
 */
export function packageDir(name: string): string | undefined {
  try {
    return dirname(join(above(REPO_ROOT, (dir) => existsSync(join(dir, "node_modules", name, "package.json")), name), "node_modules", name, "package.json"));
  } catch {
    return undefined;
  }
}
