/**
 * Installs a packed tarball into an empty project without the network, as a user's `npm install <tgz>` would lay it
 * out. `npm install --offline` cannot be trusted to: it resolves version ranges from registry metadata, which
 * `npm ci` never caches. So the project gets a lockfile made from the repository's own: the tarball, and every
 * package its dependencies need at the place the repository's lock put it (a subset of a valid tree that keeps each
 * package's resolution is valid). `npm ci --offline` then takes each tarball from the npm cache by its integrity,
 * as `npm ci` in the repository left it there. Used by the release verification and by the tests.
 */
import { createHash } from "node:crypto";
import { copyFileSync, readFileSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { gunzipSync } from "node:zlib";
import { REPO_ROOT } from "../../kernel/index.ts";
import { runCommand, StepFailed } from "./run-command.ts";

interface LockEntry {
  name?: string;
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

/** A tarball's package.json, read from the archive in memory (npm packs it as package/package.json). */
export function tarballManifest(tarball: string): LockEntry {
  const tar = gunzipSync(readFileSync(tarball));
  for (let at = 0; at + 512 <= tar.length;) {
    const name = tar.toString("utf8", at, at + 100).replace(/\0.*$/s, "");
    if (name === "") break;
    const size = parseInt(tar.toString("utf8", at + 124, at + 136).replace(/\0.*$/s, "").trim() || "0", 8);
    if (name === "package/package.json") return JSON.parse(tar.toString("utf8", at + 512, at + 512 + size)) as LockEntry;
    at += 512 + Math.ceil(size / 512) * 512;
  }
  throw new StepFailed("package.json", `${basename(tarball)} holds no package/package.json`);
}

/** The lock path of the folder whose node_modules Node searches next after the package at `at`'s. */
const parentOf = (at: string) => (at.includes("node_modules/") ? at.replace(/\/?node_modules\/(@[^/]+\/)?[^/]+$/, "") : "");

/** Where Node would find `name` required from the package at `from` (a lock path, "" for the root). */
function resolveIn(packages: Record<string, LockEntry>, from: string, name: string): string | undefined {
  for (let at = from; ; at = parentOf(at)) {
    const candidate = `${at ? `${at}/` : ""}node_modules/${name}`;
    if (packages[candidate]) return candidate;
    if (!at) return undefined;
  }
}

/** The lock entries of `names` (needed by the package at `from`) and of everything they need. */
function closure(packages: Record<string, LockEntry>, from: string, names: string[]): Record<string, LockEntry> {
  const kept: Record<string, LockEntry> = {};
  const visit = (at: string, name: string, optional: boolean) => {
    const path = resolveIn(packages, at, name);
    if (!path) {
      if (optional) return;
      throw new StepFailed("install", `${name} (needed by ${at || "the tarball"}) is not in the repository's package-lock.json`);
    }
    if (kept[path]) return;
    const { dev: _dev, devOptional: _devOptional, ...entry } = packages[path];
    // A package the tarball needs sits at the top of the project's node_modules, wherever a workspace's lock put it.
    const placed = path.startsWith("node_modules/") ? path : path.slice(path.indexOf("node_modules/"));
    kept[placed] = entry;
    for (const dep of Object.keys(entry.dependencies ?? {})) visit(path, dep, false);
    for (const dep of Object.keys(entry.optionalDependencies ?? {})) visit(path, dep, true);
    for (const dep of Object.keys(entry.peerDependencies ?? {})) visit(path, dep, entry.peerDependenciesMeta?.[dep]?.optional === true);
  };
  for (const name of names) visit(from, name, false);
  return kept;
}

/**
 * Installs `tarball` (with its dependencies, from the npm cache only) into `project`, an empty folder; the project's
 * package.json depends on it as `file:<tarball's name>`, with `fields` added (e.g. a "type"). Returns the installed
 * package's folder.
 */
export async function installOffline(project: string, tarball: string, fields: Record<string, string> = {}): Promise<string> {
  const manifest = tarballManifest(tarball);
  const packageName = manifest.name;
  if (typeof packageName !== "string") throw new StepFailed("package.json", `${basename(tarball)}'s package.json has no name`);
  const file = basename(tarball);
  copyFileSync(tarball, join(project, file));
  const integrity = `sha512-${createHash("sha512").update(readFileSync(tarball)).digest("base64")}`;
  const lock = JSON.parse(readFileSync(join(REPO_ROOT, "package-lock.json"), "utf8")) as { packages: Record<string, LockEntry> };
  // The repository's lock holds the package itself too: the root, or a workspace (whose own dependencies may sit under it).
  const from = Object.entries(lock.packages).find(([path, entry]) => !path.includes("node_modules/") && entry.name === packageName)?.[0] ?? "";
  const root = { name: "rekey-install-check", version: "1.0.0", private: true, dependencies: { [packageName]: `file:${file}` } };
  const needed = closure(lock.packages, from, [
    ...Object.keys(manifest.dependencies ?? {}),
    ...Object.keys(manifest.peerDependencies ?? {}).filter((p) => manifest.peerDependenciesMeta?.[p]?.optional !== true),
  ]);
  const installed: LockEntry = {
    version: manifest.version, resolved: `file:${file}`, integrity,
    ...Object.fromEntries(["license", "dependencies", "peerDependencies", "peerDependenciesMeta", "bin", "engines"]
      .filter((field) => manifest[field] !== undefined).map((field) => [field, manifest[field]])),
  };
  writeFileSync(join(project, "package.json"), JSON.stringify({ ...fields, ...root }, null, 2) + "\n");
  writeFileSync(join(project, "package-lock.json"), JSON.stringify({
    name: root.name, version: root.version, lockfileVersion: 3, requires: true,
    packages: { "": root, [`node_modules/${packageName}`]: installed, ...needed },
  }, null, 2) + "\n");
  // --offline: every tarball comes from the npm cache; nothing is fetched. --ignore-scripts: installing runs nothing.
  await runCommand("npm ci --offline", "npm", ["ci", "--offline", "--no-audit", "--no-fund", "--ignore-scripts", "--silent"], { cwd: project });
  return join(project, "node_modules", ...packageName.split("/"));
}
