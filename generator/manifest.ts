/**
 * The manifest generated/ carries: a hash of everything generation reads (specs, generator sources, dependency
 * versions) and a hash of every file it wrote. `generate --check` uses it to prove generated/ current without
 * loading the TypeScript compiler when the inputs are unchanged, while still catching hand edits.
 */
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { GENERATOR_DIR, REPO_ROOT } from "./repo-paths.ts";
import type { GeneratedFile } from "./emit/generated-file.ts";

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

/** Every file under a folder, relative and sorted; skips node_modules and dot-files. */
export function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  const walk = (at: string): void => {
    for (const name of readdirSync(at)) {
      if (name === "node_modules" || name.startsWith(".")) continue;
      const full = join(at, name);
      if (statSync(full).isDirectory()) walk(full);
      else out.push(relative(dir, full).split("\\").join("/"));
    }
  };
  walk(dir);
  return out.sort();
}

export function inputsHash(specsDir: string): string {
  const hash = createHash("sha256");
  const add = (label: string, dir: string) => {
    for (const file of listFiles(dir)) hash.update(`${label}/${file}\0`).update(readFileSync(join(dir, file))).update("\0");
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

export function readManifest(outDir: string): Manifest | undefined {
  try {
    return JSON.parse(readFileSync(join(outDir, MANIFEST_PATH), "utf8")) as Manifest;
  } catch {
    return undefined;
  }
}
