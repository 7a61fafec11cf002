/**
 * Installs a packed tarball into an empty project without the network. `npm install --offline` alone cannot: it
 * resolves version ranges from registry metadata, which `npm ci` never caches. So the project gets a lockfile made
 * from the repository's own: the tarball, and every package its dependencies need at the place the repository's lock
 * put it (a subset of a valid tree that keeps each package's resolution is valid). `npm ci --offline` then takes
 * each tarball from the npm cache by its integrity, as `npm ci` in the repository left it there.
 */
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { copyFileSync, readFileSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { promisify } from "node:util";
import { REPO_ROOT } from "../../kernel/index.ts";

const run = promisify(execFile);

interface LockEntry {
  version?: string;
  resolved?: string;
  integrity?: string;
  link?: boolean;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
  [field: string]: unknown;
}

/** Where Node would find `name` required from the package at `from` (a lock path, "" for the root). */
function resolveIn(packages: Record<string, LockEntry>, from: string, name: string): string | undefined {
  for (let at = from; ; at = at.replace(/\/?node_modules\/(@[^/]+\/)?[^/]+$/, "")) {
    const candidate = `${at ? `${at}/` : ""}node_modules/${name}`;
    if (packages[candidate]) return candidate;
    if (!at) return undefined;
  }
}

/** The lock entries of `names` and of everything they need, as the repository's lock places them. */
function closure(packages: Record<string, LockEntry>, names: string[]): Record<string, LockEntry> {
  const kept: Record<string, LockEntry> = {};
  const visit = (from: string, name: string, optional: boolean) => {
    const path = resolveIn(packages, from, name);
    if (!path) {
      if (optional) return;
      throw new Error(`${name} (needed by ${from || "the tarball"}) is not in the repository's package-lock.json`);
    }
    if (kept[path]) return;
    const { dev: _dev, devOptional: _devOptional, ...entry } = packages[path];
    kept[path] = entry;
    for (const dep of Object.keys(entry.dependencies ?? {})) visit(path, dep, false);
    for (const dep of Object.keys(entry.optionalDependencies ?? {})) visit(path, dep, true);
    for (const dep of Object.keys(entry.peerDependencies ?? {})) visit(path, dep, entry.peerDependenciesMeta?.[dep]?.optional === true);
  };
  for (const name of names) visit("", name, false);
  return kept;
}

/**
 * Installs `tarball` (with its dependencies, from the npm cache only) into `project`, an empty folder; the project's
 * package.json depends on it as `file:<name>.tgz`. Returns npm's output.
 */
export async function installOffline(project: string, tarball: string, packageName: string): Promise<string> {
  const file = basename(tarball);
  copyFileSync(tarball, join(project, file));
  const integrity = `sha512-${createHash("sha512").update(readFileSync(tarball)).digest("base64")}`;
  const manifest = JSON.parse(readFileSync(join(REPO_ROOT, "package.json"), "utf8")) as LockEntry;
  const lock = JSON.parse(readFileSync(join(REPO_ROOT, "package-lock.json"), "utf8")) as { packages: Record<string, LockEntry> };
  const root = { name: "rekey-install-check", version: "1.0.0", private: true, dependencies: { [packageName]: `file:${file}` } };
  const needed = closure(lock.packages, [
    ...Object.keys(manifest.dependencies ?? {}),
    ...Object.keys(manifest.peerDependencies ?? {}).filter((p) => manifest.peerDependenciesMeta?.[p]?.optional !== true),
  ]);
  const tool: LockEntry = {
    version: manifest.version, resolved: `file:${file}`, integrity,
    ...Object.fromEntries(["license", "dependencies", "peerDependencies", "peerDependenciesMeta", "bin", "engines"]
      .filter((field) => manifest[field] !== undefined).map((field) => [field, manifest[field]])),
  };
  writeFileSync(join(project, "package.json"), JSON.stringify(root, null, 2));
  writeFileSync(join(project, "package-lock.json"), JSON.stringify({
    name: root.name, version: root.version, lockfileVersion: 3, requires: true,
    packages: { "": root, [`node_modules/${packageName}`]: tool, ...needed },
  }, null, 2));
  // --offline: every tarball comes from the npm cache; nothing is fetched.
  const { stdout, stderr } = await run("npm", ["ci", "--offline", "--no-audit", "--no-fund", "--ignore-scripts"], { cwd: project, maxBuffer: 16 * 1024 * 1024 });
  return stdout + stderr;
}
