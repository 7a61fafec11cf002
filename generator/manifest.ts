/**
 * The manifest generated/ carries: a hash of everything generation reads (specs, generator sources, dependency
 * versions) and a hash of every file it wrote. `generate --check` uses it to prove generated/ current without
 * loading the TypeScript compiler when the inputs are unchanged, while still catching hand edits.
 */
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, realpathSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { GENERATOR_DIR, REPO_ROOT } from "./repo-paths.ts";
import type { GeneratedFile } from "./emit/generated-file.ts";
import { isWithin, readInputFile } from "./input-file.ts";
import { displayPath } from "./spec-files.ts";
import { type Problem, problem } from "./user-error.ts";

export const MANIFEST_PATH = "rekey-manifest.json";
/** Packages whose version changes what generation emits. */
const OUTPUT_DEPENDENCIES = [
  "openapi-typescript", "typescript", "ajv", "ajv-formats", "esbuild", "handlebars", "openapi-fetch",
  "@apidevtools/swagger-parser", "yaml",
];

export interface Manifest {
  inputsHash: string;
  files: Record<string, string>;
}

export function sha256(content: string | Buffer): string {
  return createHash("sha256").update(content).digest("hex");
}

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

export function inputsHash(specsDir: string): string {
  const hash = createHash("sha256");
  const add = (label: string, dir: string) => {
    for (const file of listFiles(dir)) {
      // What generation could read: the text of a file within the input limit; for anything else (too large, a
      // FIFO, a link to nowhere) the reason, without reading it.
      const read = readInputFile(join(dir, file));
      hash.update(`${label}/${file}\0`).update(read.ok ? read.text : `<${read.reason}>`).update("\0");
    }
  };
  add("specs", specsDir);
  add("generator", GENERATOR_DIR);
  for (const name of OUTPUT_DEPENDENCIES) {
    const pkg = join(REPO_ROOT, "node_modules", name, "package.json");
    const version = existsSync(pkg) ? (JSON.parse(readFileSync(pkg, "utf8")) as { version: string }).version : "missing";
    hash.update(`${name}@${version}\0`);
  }
  return hash.digest("hex");
}

export function manifestFile(files: GeneratedFile[], inputs: string): GeneratedFile {
  const manifest: Manifest = { inputsHash: inputs, files: Object.fromEntries(files.map((f) => [f.path, sha256(f.content)])) };
  return { path: MANIFEST_PATH, content: JSON.stringify(manifest, null, 2) + "\n" };
}

export interface ManifestRead {
  manifest?: Manifest;
  /** The manifest is there but is not one rekey wrote: treated as absent, with this warning. */
  damaged?: Problem;
}

const SHA256 = /^[0-9a-f]{64}$/;

function isManifest(value: unknown): value is Manifest {
  const v = value as Partial<Manifest> | null;
  return typeof v === "object" && v !== null && typeof v.inputsHash === "string" &&
    typeof v.files === "object" && v.files !== null && !Array.isArray(v.files) &&
    Object.values(v.files).every((hash) => typeof hash === "string" && SHA256.test(hash));
}

/**
 * The manifest the last generation left in outDir. One rekey did not write (a merge conflict, a hand edit, the
 * wrong shape) is treated as absent: nothing is removed on its word and --check compares in full. Its entries'
 * paths are checked where they are used (output-paths.ts).
 */
export function readManifest(outDir: string): ManifestRead {
  const file = join(outDir, MANIFEST_PATH);
  const read = readInputFile(file);
  if (!read.ok && read.notFound) return {};
  let why = read.ok ? "" : `the manifest ${read.reason}`;
  if (read.ok) {
    try {
      const parsed: unknown = JSON.parse(read.text);
      if (isManifest(parsed)) return { manifest: parsed };
      why = "the manifest is not shaped as rekey writes it ({ inputsHash, files: { path: sha256 } })";
    } catch {
      why = "the manifest is not JSON";
    }
  }
  return {
    damaged: problem("write/manifest", { file: displayPath(file) }, `${why}: files of the previous generation were not removed`,
      "delete any file `rekey generate --check` lists as unexpected", "warning"),
  };
}
