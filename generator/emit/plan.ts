/**
 * Stage 4 — emit: every file of the generated package as it is committed (sources, package metadata, its build
 * script), in memory, sorted by path; and dist/, built from them the way the package builds itself. Nothing touches
 * disk here.
 */
import type { DocumentModel } from "../../kernel/index.ts";
import { buildClientView } from "../views/client-view.ts";
import { buildTypesView } from "../views/types-view.ts";
import { valueLiteral } from "../views/escape.ts";
import { bundleValidators, standaloneValidators } from "./emit-validators.ts";
import { buildFromInputs, buildInputs, buildInputsHash } from "../package-build/dist-folder.ts";
import type { PackageFile } from "../package-build/build-dist.ts";
import { buildFiles } from "./emit-build.ts";
import { packageFiles, runtimeFiles } from "./emit-package.ts";
import { type GeneratedFile, withHeader } from "./generated-file.ts";
import { render } from "./render.ts";
import { inProcessTypeScript, type TypeScriptService } from "./typescript-service.ts";
import { appendReleases, type ReleasePlan } from "../release-record.ts";
import { PACKAGE_NAME } from "../views/package-view.ts";

async function documentFiles(doc: DocumentModel, typescript: TypeScriptService): Promise<GeneratedFile[]> {
  const dir = `src/${doc.service}/${doc.apiVersion}`;
  const types = typescript.types(doc.raw);
  const validators = standaloneValidators(doc);
  const examples = Object.fromEntries(doc.operations.map((op) => [
    op.operationId,
    Object.fromEntries(op.examples.map((ex) => [ex.title, { parameters: ex.parameters, responses: ex.responses }])),
  ]));
  return [
    { path: `${dir}/schema.ts`, content: await types },
    { path: `${dir}/client.ts`, content: render("client.ts", buildClientView(doc)) },
    { path: `${dir}/types.ts`, content: render("types.ts", buildTypesView(doc)) },
    { path: `${dir}/validators.js`, content: validators.code },
    { path: `${dir}/validators.d.ts`, content: validators.dts },
    { path: `${dir}/examples.ts`, content: render("examples.ts", { examplesLiteral: valueLiteral(examples) }) },
    { path: `${dir}/index.ts`, content: render("version-index.ts", {}) },
  ];
}

/** The runtime every client imports, copied from client-runtime/. Known before any spec is read. */
export function runtimeSources(): GeneratedFile[] {
  return runtimeFiles().map((f) => withHeader(f.path, f.content, `client-runtime/${f.path.slice("src/runtime/".length)}`));
}

/** Each document's validators.js, bundled together so the ajv helpers they share are emitted once (src/validator-helpers-<hash>.js). */
async function withBundledValidators(perDocument: GeneratedFile[][]): Promise<{ perDocument: GeneratedFile[][]; shared: GeneratedFile[] }> {
  const standalone = perDocument.flat().filter((f) => f.path.endsWith("/validators.js"));
  const bundled = new Map((await bundleValidators(standalone.map((f) => ({ path: f.path, code: f.content })))).map((f) => [f.path, f.content]));
  const replaced = perDocument.map((files) => files.map((f) => bundled.has(f.path) ? { path: f.path, content: bundled.get(f.path)! } : f));
  const standalonePaths = new Set(standalone.map((f) => f.path));
  return { perDocument: replaced, shared: [...bundled].filter(([path]) => !standalonePaths.has(path)).map(([path, content]) => ({ path, content })) };
}

/**
 * Plans the committed package: sources with headers, package metadata and the build script. `releases`: the record
 * to write, from the output folder's (pipeline.ts); by default the specs' history alone.
 */
export async function planPackage(
  docs: DocumentModel[],
  typescript: TypeScriptService = inProcessTypeScript,
  releases: ReleasePlan = appendReleases([], docs, PACKAGE_NAME),
): Promise<GeneratedFile[]> {
  const build = buildFiles(); // esbuild bundles build.js meanwhile, in its own process
  build.catch(() => {}); // awaited below
  const { perDocument, shared: sharedValidation } = await withBundledValidators(await Promise.all(docs.map((doc) => documentFiles(doc, typescript))));
  const documents = perDocument.flatMap((files, i) =>
    files.map((f) => withHeader(f.path, f.content, `specs/${docs[i].service}/${docs[i].apiVersion}/openapi.yaml`)));
  const shared = [
    ...[...packageFiles(docs, releases), ...sharedValidation].map((f) => withHeader(f.path, f.content, "specs/")),
    ...runtimeSources(),
    ...await build,
  ];
  return [...shared, ...documents].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** The hash dist/ is stamped with when built from these planned files. */
export function distHash(files: GeneratedFile[]): string {
  return buildInputsHash(buildInputs(files));
}

/** dist/ as the package's build script makes it from the planned files, with the hash it is stamped with. */
export function planDist(files: GeneratedFile[], typescript: TypeScriptService = inProcessTypeScript): Promise<{ files: PackageFile[]; hash: string }> {
  return buildFromInputs(buildInputs(files), typescript.declarations);
}
