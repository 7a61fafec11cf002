/**
 * Standalone validators (ajv `standalone`) for each operation's parameters, body and responses, bundled with
 * esbuild so the generated package needs no ajv at run time. Each carries the document's open enums
 * (`caseInsensitiveEnums`), which the runtime matches in any case.
 */
import { dirname, join, posix, relative, sep } from "node:path";
import { createAjv, type DocumentModel, packageDir, REPO_ROOT, requireCjs, schemaRef } from "../../kernel/index.ts";
import { commentText, identifier, valueLiteral } from "../views/escape.ts";
import { validatorNames } from "../views/operation-view.ts";
import { openEnumValueLists } from "./open-enums.ts";
import { render } from "./render.ts";

export interface ValidatorSchema {
  exportName: string;
  description: string;
  schema: object;
}

/** The schemas each operation's validators check; refs point into the registered document. */
export function validatorSchemas(doc: DocumentModel): ValidatorSchema[] {
  const ref = (pointer: string) => schemaRef(doc, pointer);
  const list: ValidatorSchema[] = [];
  for (const op of doc.operations) {
    const names = validatorNames(op);
    const params = op.parameters.filter((p) => p.binding !== "api-version");
    list.push({
      exportName: names.parameters,
      description: `${op.operationId}: path, query and header parameters (api-version excluded), keyed by wire name.`,
      schema: {
        type: "object",
        properties: Object.fromEntries(params.map((p) => [p.name, ref(p.schemaPointer)])),
        required: params.filter((p) => p.required).map((p) => p.name),
      },
    });
    if (op.requestBody) {
      list.push({ exportName: names.body, description: `${op.operationId}: request body.`, schema: ref(op.requestBody.schemaPointer) });
    }
    for (const r of op.responses) {
      if (!r.schemaPointer) continue;
      list.push({ exportName: names.response(r.status), description: `${op.operationId}: ${r.status} response body.`, schema: ref(r.schemaPointer) });
    }
  }
  return list;
}

/** One document's validators as ajv's standalone module (CommonJS requires of ajv's helpers), and their types. */
export function standaloneValidators(doc: DocumentModel): { code: string; dts: string } {
  const standaloneCode = (requireCjs("ajv/dist/standalone/index.js") as typeof import("ajv/dist/standalone/index.js")).default;
  // Trusted: lint (loadSpecs) has checked every schema against the meta-schema; checking again here, in a fresh
  // instance per document, cost more than compiling the validators themselves.
  const ajv = createAjv([doc], { standalone: true, trusted: true });
  const schemas = validatorSchemas(doc);
  const exportsMap: Record<string, string> = {};
  for (const v of schemas) {
    const id = `${doc.docUri.replace(/openapi\.json$/, "validators/")}${v.exportName}`;
    ajv.addSchema({ $id: id, ...v.schema });
    exportsMap[v.exportName] = id;
  }
  const openEnums = openEnumValueLists(doc);
  const code = standaloneCode(ajv, exportsMap) + (openEnums.length === 0 ? "" : [
    `\nconst caseInsensitiveEnums = Object.freeze(${valueLiteral(openEnums, { compact: true })});`,
    ...schemas.map((v) => `${identifier(v.exportName)}.caseInsensitiveEnums = caseInsensitiveEnums;`),
  ].join("\n") + "\n");
  return {
    code,
    dts: render("validators.d.ts", {
      validators: schemas.map((v) => ({ exportName: identifier(v.exportName), comment: commentText(v.description) })),
    }),
  };
}

/**
 * The folder whose node_modules/ holds ajv, which the bundle runs in: its comments name the helpers it inlines from
 * there (node_modules/ajv/dist/runtime/…), the same whether rekey runs from its repository or is installed with its
 * dependencies beside it, so the generated package does not depend on where rekey sits.
 */
const BUNDLE_ROOT = dirname(dirname(packageDir("ajv") ?? join(REPO_ROOT, "node_modules", "ajv")));

/** Where the ajv helpers several documents' validators share are emitted, once for the package. */
const SHARED_CHUNK_NAMES = "validator-helpers-[hash]";

/**
 * Every document's validators bundled in one esbuild run, as ES modules: ajv's helpers they use (string length in
 * code points, deep equality, formats) are inlined, and those two or more documents use go into a module of their
 * own under src/ that they import, rather than into each of them. `modules`: the path each is emitted at
 * (src/<service>/<api-version>/validators.js) and its standalone code.
 */
export async function bundleValidators(modules: Array<{ path: string; code: string }>): Promise<Array<{ path: string; content: string }>> {
  if (modules.length === 0) return [];
  const esbuild = await import("esbuild");
  const byPath = new Map(modules.map((m) => [m.path, m.code]));
  const bundled = await esbuild.build({
    entryPoints: modules.map((m) => ({ in: m.path, out: m.path.replace(/^src\//, "").replace(/\.js$/, "") })),
    outdir: "src",
    absWorkingDir: BUNDLE_ROOT,
    bundle: true,
    splitting: true,
    chunkNames: SHARED_CHUNK_NAMES,
    format: "esm",
    platform: "neutral",
    target: "es2022",
    write: false,
    legalComments: "none",
    logLevel: "silent",
    plugins: [{
      name: "rekey-validators",
      setup(build) {
        build.onResolve({ filter: /.*/ }, (args) => args.kind === "entry-point" ? { path: posix.normalize(args.path), namespace: "rekey-validators" } : undefined);
        build.onLoad({ filter: /.*/, namespace: "rekey-validators" }, (args) => ({ contents: byPath.get(args.path)!, resolveDir: BUNDLE_ROOT, loader: "js" }));
      },
    }],
  });
  return bundled.outputFiles.map((f) => ({ path: relative(BUNDLE_ROOT, f.path).split(sep).join("/"), content: f.text }));
}
