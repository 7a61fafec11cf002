/**
 * The manifest generated/ carries: a hash of everything generation reads (specs, generator sources, dependency
 * versions) and a hash of every file it wrote. `generate --check` uses it to prove generated/ current without
 * loading the TypeScript compiler when the inputs are unchanged, while still catching hand edits.
 */
import { createHash } from "node:crypto";
import { join } from "node:path";
import { OUTPUT_CODE_DIRS } from "./generator-paths.ts";
import { displayPath, listFiles, type Problem, problem, readInputFile, treesHash } from "../kernel/index.ts";
import type { GeneratedFile } from "./emit/generated-file.ts";
import { DIST_DIR } from "./package-build/dist-folder.ts";

export { listFiles } from "../kernel/index.ts";

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

/** Everything generation reads: the specs, the code that turns them into files, and the packages that emit. */
export function inputsHash(specsDir: string): string {
  return treesHash({ specs: specsDir, ...OUTPUT_CODE_DIRS }, OUTPUT_DEPENDENCIES);
}

export function manifestFile(files: GeneratedFile[], inputs: string): GeneratedFile {
  const manifest: Manifest = { inputsHash: inputs, files: Object.fromEntries(files.map((f) => [f.path, sha256(f.content)])) };
  return { path: MANIFEST_PATH, content: JSON.stringify(manifest, null, 2) + "\n" };
}

/**
 * The files under outDir that belong to the committed form: all but dist/ (and the folder a build stages it in),
 * which the package builds from its sources and nobody commits.
 */
export function listCommittedFiles(outDir: string): string[] {
  const built = new RegExp(`^${DIST_DIR}(\\.build-\\d+\\.tmp)?/`);
  return listFiles(outDir).filter((path) => !built.test(path));
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
