/**
 * Standalone validators (ajv `standalone`) for each operation's parameters, body and responses, bundled with
 * esbuild so the generated package needs no ajv at run time. Each carries the document's open enums
 * (`caseInsensitiveEnums`), which the runtime matches in any case.
 */
import { createAjv, type DocumentModel, REPO_ROOT, requireCjs, schemaRef } from "../../kernel/index.ts";
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

export async function emitValidators(doc: DocumentModel): Promise<{ js: string; dts: string }> {
  const standaloneCode = (requireCjs("ajv/dist/standalone/index.js") as typeof import("ajv/dist/standalone/index.js")).default;
  const esbuild = await import("esbuild");
  const ajv = createAjv([doc], { standalone: true });
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
  const bundled = await esbuild.build({
    stdin: { contents: code, resolveDir: REPO_ROOT, loader: "js", sourcefile: "validators.js" },
    absWorkingDir: REPO_ROOT,
    bundle: true,
    format: "esm",
    platform: "neutral",
    target: "es2022",
    write: false,
    legalComments: "none",
    logLevel: "silent",
  });
  return {
    js: bundled.outputFiles[0].text,
    dts: render("validators.d.ts", {
      validators: schemas.map((v) => ({ exportName: identifier(v.exportName), comment: commentText(v.description) })),
    }),
  };
}
