/** View model of the generated package: its entry points and the README's usage snippets. */
import type { DocumentModel } from "../model.ts";
import { buildClientView } from "./client-view.ts";

export const PACKAGE_NAME = "@rekey/clients";

export interface EntryPointView {
  service: string;
  apiVersion: string;
  /** "./maps/2023-06-01" */
  subpath: string;
  importPath: string;
  stable: boolean;
  /** This version is what "./<service>" points to. */
  isDefault: boolean;
  title: string;
  factoryName: string;
  snippets: SnippetView[];
}

export interface SnippetView {
  operationId: string;
  description: string;
  code: string;
}

/** The api-version "./<service>" exports: the newest stable one, else the newest of any kind. */
export function defaultVersion(docs: DocumentModel[]): DocumentModel {
  const sorted = [...docs].sort((a, b) => a.apiVersion.localeCompare(b.apiVersion));
  return sorted.filter((d) => d.stable).at(-1) ?? sorted.at(-1)!;
}

export function groupByService(docs: DocumentModel[]): Map<string, DocumentModel[]> {
  const byService = new Map<string, DocumentModel[]>();
  for (const doc of docs) byService.set(doc.service, [...(byService.get(doc.service) ?? []), doc]);
  return byService;
}

/** A JavaScript literal for a JSON value, with bare keys where they are identifiers. */
export function jsLiteral(value: unknown, indent = ""): string {
  return JSON.stringify(value, null, 2)
    .replace(/^(\s*)"([A-Za-z_$][\w$]*)":/gm, "$1$2:")
    .replace(/\n/g, `\n${indent}`);
}

/** One call per operation with the values of its first example. */
function snippets(doc: DocumentModel, importPath: string): SnippetView[] {
  const client = buildClientView(doc);
  return doc.operations.map((op) => {
    const example = op.examples[0]?.parameters ?? {};
    const clientArgs = op.parameters
      .filter((p) => p.binding === "client")
      .map((p) => `  ${p.clientName}: ${jsLiteral(example[p.name] ?? `<${p.name}>`, "  ")},`);
    const callArgs = op.parameters
      .filter((p) => p.binding === "method")
      .map((p) => `  ${p.clientName}: ${jsLiteral(example[p.name] ?? `<${p.name}>`, "  ")},`);
    if (op.requestBody) callArgs.push(`  body: ${jsLiteral(example[op.requestBody.name] ?? {}, "  ")},`);
    const call = [op.group, op.methodName].filter(Boolean).join(".");
    const returnsBody = op.responses.some((r) => /^2/.test(r.status) && r.schema);
    const code = [
      `import { DefaultAzureCredential } from "@azure/identity";`,
      `import { ${client.factoryName} } from "${importPath}";`,
      ``,
      `const client = ${client.factoryName}({`,
      `  credential: new DefaultAzureCredential(),`,
      ...clientArgs,
      `});`,
      `${returnsBody ? "const result = " : ""}await client.${call}({`,
      ...callArgs,
      `});`,
    ].join("\n");
    return { operationId: op.operationId, description: op.summary ?? op.description ?? "", code };
  });
}

export function buildEntryPoints(docs: DocumentModel[]): EntryPointView[] {
  const entries: EntryPointView[] = [];
  for (const [service, versions] of groupByService(docs)) {
    const chosen = defaultVersion(versions);
    for (const doc of versions) {
      const importPath = `${PACKAGE_NAME}/${service}/${doc.apiVersion}`;
      entries.push({
        service,
        apiVersion: doc.apiVersion,
        subpath: `./${service}/${doc.apiVersion}`,
        importPath,
        stable: doc.stable,
        isDefault: doc === chosen,
        title: doc.title,
        factoryName: buildClientView(doc).factoryName,
        snippets: snippets(doc, importPath),
      });
    }
  }
  return entries;
}
