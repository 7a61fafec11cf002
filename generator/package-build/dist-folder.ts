/**
 * The generated package's dist/ on disk: what it is built from (src/ and the build script), whether it is current
 * (a hash of those inputs and of the compilers, kept in dist/), and replacing it whole. dist/ is never committed:
 * the package's `prepare` script, `rekey generate` and the test set-up build it, and skip the work when it is current.
 *
 * Like build-dist.ts, this runs inside the package too, so it imports nothing but Node, esbuild and typescript.
 */
import { createHash } from "node:crypto";
import { lstatSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { buildDeclarations, buildDist, type PackageFile } from "./build-dist.ts";

/** The build's output folder, relative to the package. */
export const DIST_DIR = "dist";
/** The package's build script (the generator bundles it from build-script.ts). */
export const BUILD_SCRIPT = "build.js";
/** Inside dist/: the hash of the inputs it was built from (not published: the package's `files` leave it out). */
export const DIST_STAMP = ".source-hash";

/** The files dist/ is built from, among a package's files: src/ and the build script. */
export function buildInputs(files: PackageFile[]): PackageFile[] {
  return files.filter((f) => f.path.startsWith("src/") || f.path === BUILD_SCRIPT);
}

/** The compilers' versions change the output as much as the sources do. */
function compilerVersions(): string {
  const require = createRequire(import.meta.url);
  const version = (name: string) => (require(`${name}/package.json`) as { version: string }).version;
  return `esbuild@${version("esbuild")} typescript@${version("typescript")}`;
}

/** What dist/ is stamped with: the inputs' paths and text, and the compilers' versions. */
export function buildInputsHash(inputs: PackageFile[]): string {
  const hash = createHash("sha256").update(compilerVersions()).update("\0");
  for (const f of [...inputs].sort((a, b) => (a.path < b.path ? -1 : 1))) hash.update(f.path).update("\0").update(f.content).update("\0");
  return hash.digest("hex");
}

/** Regular files only: a symlink in src/ is neither followed nor built. */
function readTree(packageDir: string, relative: string, out: PackageFile[]): void {
  for (const name of readdirSync(join(packageDir, relative)).sort()) {
    const path = `${relative}/${name}`;
    const stat = lstatSync(join(packageDir, path));
    if (stat.isDirectory()) readTree(packageDir, path, out);
    else if (stat.isFile()) out.push({ path, content: readFileSync(join(packageDir, path), "utf8") });
  }
}

/** src/ and the build script as they are on disk. */
export function readBuildInputs(packageDir: string): PackageFile[] {
  const files: PackageFile[] = [{ path: BUILD_SCRIPT, content: readFileSync(join(packageDir, BUILD_SCRIPT), "utf8") }];
  readTree(packageDir, "src", files);
  return files;
}

/** The stamp of a dist/ that is a real folder (one that is a symlink is not this package's to trust). */
function readStamp(packageDir: string): string | undefined {
  try {
    if (!lstatSync(join(packageDir, DIST_DIR)).isDirectory()) return undefined;
    return readFileSync(join(packageDir, DIST_DIR, DIST_STAMP), "utf8").trim();
  } catch {
    return undefined;
  }
}

/**
 * Replaces dist/ whole with `files` (paths relative to the package, all under dist/): the new tree is written into a
 * fresh folder beside it, then renamed into place, so no file is ever written through whatever dist/ was (a symlink
 * is removed, not followed) and a failed write leaves the old one. Another process may finish the same build first;
 * then its dist/ stays.
 */
export function writeDist(packageDir: string, files: PackageFile[], hash: string): void {
  const target = join(packageDir, DIST_DIR);
  const staging = `${target}.build-${process.pid}.tmp`;
  rmSync(staging, { recursive: true, force: true });
  try {
    for (const f of files) {
      if (!f.path.startsWith(`${DIST_DIR}/`)) throw new Error(`the build planned ${f.path}, outside ${DIST_DIR}/`);
      const to = join(staging, f.path.slice(DIST_DIR.length + 1));
      mkdirSync(dirname(to), { recursive: true });
      writeFileSync(to, f.content);
    }
    writeFileSync(join(staging, DIST_STAMP), hash + "\n");
    for (let attempt = 0; ; attempt++) {
      rmSync(target, { recursive: true, force: true });
      try {
        renameSync(staging, target);
        return;
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if ((code !== "ENOTEMPTY" && code !== "EEXIST") || attempt > 2) throw error;
        if (readStamp(packageDir) === hash) return; // a concurrent build of the same inputs won
      }
    }
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

/** dist/ built from these inputs, in memory; `declarations` may run elsewhere (the generator's worker). */
export async function buildFromInputs(
  inputs: PackageFile[],
  declarations: (files: PackageFile[]) => Promise<PackageFile[]> = buildDeclarations,
): Promise<{ files: PackageFile[]; hash: string }> {
  return {
    // The build script is an input to the hash, not to the build: it is not part of the package's modules.
    files: await buildDist(inputs.filter((f) => f.path.startsWith("src/")), declarations),
    hash: buildInputsHash(inputs),
  };
}

/** Builds the package in packageDir unless its dist/ is current. True when it built. */
export async function buildPackage(packageDir: string): Promise<boolean> {
  const inputs = readBuildInputs(packageDir);
  const hash = buildInputsHash(inputs);
  if (readStamp(packageDir) === hash) return false;
  const built = await buildFromInputs(inputs);
  writeDist(packageDir, built.files, built.hash);
  return true;
}

/** Is dist/ in packageDir built from exactly these inputs? */
export function distIsCurrent(packageDir: string, hash: string): boolean {
  return readStamp(packageDir) === hash;
}
