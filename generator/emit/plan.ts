/**
 * Stage 4 — emit: every file of the generated package, in memory, sorted by path. Nothing touches disk here.
 */
import type { DocumentModel } from "../../kernel/index.ts";
import { buildClientView } from "../views/client-view.ts";
import { valueLiteral } from "../views/escape.ts";
import { emitValidators } from "./emit-validators.ts";
import { buildDist } from "./build.ts";
import { packageFiles, runtimeFiles } from "./emit-package.ts";
import { type GeneratedFile, withHeader } from "./generated-file.ts";
import { render } from "./render.ts";
import { appendReleases, type ReleasePlan } from "../release-record.ts";
import { PACKAGE_NAME } from "../views/package-view.ts";
import { inProcessTypeScript, type TypeScriptService } from "./typescript-service.ts";

async function documentFiles(doc: DocumentModel, typescript: TypeScriptService): Promise<GeneratedFile[]> {
  const dir = `src/${doc.service}/${doc.apiVersion}`;
  const types = typescript.types(doc.raw);
  const validators = await emitValidators(doc);
  const examples = Object.fromEntries(doc.operations.map((op) => [
    op.operationId,
    Object.fromEntries(op.examples.map((ex) => [ex.title, { parameters: ex.parameters, responses: ex.responses }])),
  ]));
  return [
    { path: `${dir}/schema.ts`, content: await types },
    { path: `${dir}/client.ts`, content: render("client.ts", buildClientView(doc)) },
    { path: `${dir}/validators.js`, content: validators.js },
    { path: `${dir}/validators.d.ts`, content: validators.dts },
    { path: `${dir}/examples.ts`, content: render("examples.ts", { examplesLiteral: valueLiteral(examples) }) },
    { path: `${dir}/index.ts`, content: render("version-index.ts", {}) },
  ];
}

/** The runtime every client imports, copied from client-runtime/. Known before any spec is read. */
export function runtimeSources(): GeneratedFile[] {
  return runtimeFiles().map((f) => withHeader(f.path, f.content, `client-runtime/${f.path.slice("src/runtime/".length)}`));
}

/** Plans the whole package: sources with headers, then dist/ built from them. */
/** `releases`: the record to write, from the output folder's (pipeline.ts); by default the specs' history alone. */
export async function planPackage(
  docs: DocumentModel[],
  typescript: TypeScriptService = inProcessTypeScript,
  releases: ReleasePlan = appendReleases([], docs, PACKAGE_NAME),
): Promise<GeneratedFile[]> {
  const perDocument = await Promise.all(docs.map(async (doc) =>
    (await documentFiles(doc, typescript)).map((f) => withHeader(f.path, f.content, `specs/${doc.service}/${doc.apiVersion}/openapi.yaml`))));
  const shared = [...packageFiles(docs, releases).map((f) => withHeader(f.path, f.content, "specs/")), ...runtimeSources()];
  const sources = [...shared, ...perDocument.flat()];
  const dist = await buildDist(sources, typescript.declarations);
  return [...sources, ...dist].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
