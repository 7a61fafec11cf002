/**
 * Stage 4 — emit: every file of the generated package, in memory, sorted by path. Nothing touches disk here.
 */
import type { DocumentModel } from "../model.ts";
import { buildClientView } from "../views/client-view.ts";
import { buildDist } from "./build.ts";
import { emitTypes } from "./emit-types.ts";
import { emitValidators } from "./emit-validators.ts";
import { packageFiles, runtimeFiles } from "./emit-package.ts";
import { type GeneratedFile, withHeader } from "./generated-file.ts";
import { render } from "./render.ts";

async function documentFiles(doc: DocumentModel): Promise<GeneratedFile[]> {
  const dir = `src/${doc.service}/${doc.apiVersion}`;
  const validators = await emitValidators(doc);
  const examples = Object.fromEntries(doc.operations.map((op) => [
    op.operationId,
    Object.fromEntries(op.examples.map((ex) => [ex.title, { parameters: ex.parameters, responses: ex.responses }])),
  ]));
  return [
    { path: `${dir}/schema.ts`, content: await emitTypes(doc) },
    { path: `${dir}/client.ts`, content: render("client.ts", buildClientView(doc)) },
    { path: `${dir}/validators.js`, content: validators.js },
    { path: `${dir}/validators.d.ts`, content: validators.dts },
    { path: `${dir}/examples.ts`, content: render("examples.ts", { examplesLiteral: JSON.stringify(examples, null, 2) }) },
    { path: `${dir}/index.ts`, content: render("version-index.ts", {}) },
  ];
}

/** Plans the whole package: sources with headers, then dist/ built from them. */
export async function planPackage(docs: DocumentModel[]): Promise<GeneratedFile[]> {
  const perDocument = await Promise.all(docs.map(async (doc) =>
    (await documentFiles(doc)).map((f) => withHeader(f.path, f.content, `specs/${doc.service}/${doc.apiVersion}/openapi.yaml`))));
  const shared = [...packageFiles(docs), ...runtimeFiles()].map((f) =>
    withHeader(f.path, f.content, f.path.startsWith("src/runtime/") ? `generator/runtime/${f.path.slice(12)}` : "specs/"));
  const sources = [...shared, ...perDocument.flat()];
  const dist = await buildDist(sources);
  return [...sources, ...dist].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
