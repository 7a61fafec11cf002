/**
 * load → lint → model → emit → write, and `--check`. Options are resolved once; the CLI and the tests call
 * these same functions. What is committed is the plan (sources, metadata, build script, manifest); dist/ is built
 * from it as the package's own build script would, and written after it.
 */
import { join } from "node:path";
import type { GeneratorOptions } from "./options.ts";
import { distHash, planDist, planPackage, runtimeSources } from "./emit/plan.ts";
import { startTypeScriptService, type TypeScriptService } from "./emit/typescript-service.ts";
import type { GeneratedFile } from "./emit/generated-file.ts";
import { displayPath, loadSpecs, type Problem, problem, readInputFile, UserError } from "../kernel/index.ts";
import { inputsHash, listCommittedFiles, MANIFEST_PATH, manifestFile, readManifest, sha256 } from "./manifest.ts";
import { buildInputsHash, distIsCurrent, readBuildInputs, writeDist } from "./package-build/dist-folder.ts";
import { planReleases } from "./release-record.ts";
import { PACKAGE_NAME } from "./views/package-view.ts";
import { staleLockWarning } from "./workspace-lock.ts";
import { comparePlan, type Difference, refuseOutsidePaths, writePlan, type WriteSummary } from "./write.ts";

export { type GeneratorOptions, resolveOptions } from "./options.ts";

interface Plan {
  files: GeneratedFile[];
  warnings: Problem[];
  dist?: Awaited<ReturnType<typeof planDist>>;
  /** The package's version: its release record's newest release. */
  version: string;
}

/**
 * Loads, lints and plans every file, and dist/ when `withDist` and the one in --out is not built from exactly these
 * sources; the TypeScript worker warms up while the specs load.
 */
async function loadAndPlan(options: GeneratorOptions, typescript: TypeScriptService, withDist: boolean): Promise<Plan> {
  if (withDist) void typescript.declarations(runtimeSources()).catch(() => {}); // warm: built while the specs load; errors resurface below
  try {
    const { docs, warnings } = await loadSpecs(options.specsDir);
    const releases = planReleases(options.outDir, docs, PACKAGE_NAME);
    const files = await planPackage(docs, typescript, releases);
    const dist = withDist && !distIsCurrent(options.outDir, distHash(files)) ? await planDist(files, typescript) : undefined;
    return { files: [...files, manifestFile(files, inputsHash(options.specsDir))], warnings, dist, version: releases.version };
  } finally {
    await typescript.close();
  }
}

export interface GenerateResult extends WriteSummary {
  warnings: Problem[];
  files: number;
}

/**
 * True when generating would change nothing: the inputs hash as the manifest records, every file hashes as it
 * records (so a hand edit is still caught), and dist/ is stamped with the hash of the sources on disk. Costs what
 * `--check` costs: no spec is parsed and no compiler loads.
 */
export function isCurrent(options: GeneratorOptions): boolean {
  const differences = fastCheck(options);
  if (!differences || differences.length > 0) return false;
  try {
    return distIsCurrent(options.outDir, buildInputsHash(readBuildInputs(options.outDir)));
  } catch {
    return false; // an unreadable build input: the full generation says what is wrong
  }
}

/** `typescript`: pass a service started earlier to overlap compiler loading with start-up (the CLI does). */
export async function generate(options: GeneratorOptions, typescript = startTypeScriptService()): Promise<GenerateResult> {
  const { files, warnings, dist, version } = await loadAndPlan(options, typescript, true);
  const summary = writePlan(options.outDir, files);
  if (dist) writeBuilt(options.outDir, dist);
  const lock = staleLockWarning(options.outDir, version);
  return { ...summary, warnings: [...warnings, ...summary.warnings, ...(lock ? [lock] : [])], files: files.length };
}

/** Writes dist/ after the committed form; a file system refusal there is the user's to fix, like one in writePlan. */
function writeBuilt(outDir: string, dist: NonNullable<Plan["dist"]>): void {
  try {
    writeDist(outDir, dist.files, dist.hash);
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    if (!e?.code || !e.path) throw error;
    throw new UserError(problem("write", { file: displayPath(e.path) }, `cannot write (${e.code}): the package's sources were written, its dist/ was not built`,
      "make --out writable, then generate again (or run `npm run build` in it)"));
  }
}

export interface CheckResult {
  differences: Difference[];
  /** True when the manifest proved generated/ current without running the generator. */
  fast: boolean;
  warnings: Problem[];
  /** Output is current but the manifest's input hash is not: `generate` would make --check fast again. */
  manifestStale?: boolean;
}

/** Hashes on disk against the manifest; undefined when the inputs changed and only a full plan can tell. */
function fastCheck(options: GeneratorOptions): Difference[] | undefined {
  const { manifest } = readManifest(options.outDir);
  if (!manifest || manifest.inputsHash !== inputsHash(options.specsDir)) return undefined;
  refuseOutsidePaths(options.outDir, [], Object.keys(manifest.files));
  const differences: Difference[] = [];
  for (const [path, hash] of Object.entries(manifest.files)) {
    const read = readInputFile(join(options.outDir, path));
    if (!read.ok && read.notFound) differences.push({ path, kind: "missing" });
    else if (!read.ok || sha256(read.text) !== hash) differences.push({ path, kind: "changed" });
  }
  for (const path of listCommittedFiles(options.outDir)) {
    if (path !== MANIFEST_PATH && !(path in manifest.files)) differences.push({ path, kind: "unexpected" });
  }
  return differences;
}

export async function check(options: GeneratorOptions): Promise<CheckResult> {
  const fast = fastCheck(options);
  if (fast && fast.length === 0) return { differences: [], fast: true, warnings: [] };
  // Inputs changed or files differ: run the generator to say exactly what differs.
  const { files, warnings } = await loadAndPlan(options, startTypeScriptService(), false);
  const differences = comparePlan(options.outDir, files);
  // Generator sources changed but not its output: only the manifest's input hash is behind, which is harmless.
  const manifestOnly = differences.every((d) => d.path === MANIFEST_PATH);
  return { differences: manifestOnly ? [] : differences, fast: false, warnings, manifestStale: differences.length > 0 && manifestOnly };
}
