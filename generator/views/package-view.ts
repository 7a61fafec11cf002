/** View models of the package around the clients: the README's entry points and usage snippets, the indexes. */
import { camelCase, clientNames, type DocumentModel, type OperationModel } from "../../kernel/index.ts";
import {
  type Code, code, commentText, identifier, joinCode, type Markdown, markdownCode, markdownFence, markdownText,
  propertyAccess, propertyKey, stringLiteral, valueLiteral,
} from "./escape.ts";

export const PACKAGE_NAME = "@rekey/clients";

export interface EntryPointView {
  importPath: Markdown;
  /** The import that also reaches this version (`<package>/<service>`), when it is the service's default. */
  defaultImport?: Markdown;
  title: Markdown;
  apiVersion: Markdown;
  factoryName: Markdown;
  snippets: SnippetView[];
}

export interface SnippetView {
  heading: Markdown;
  description: Markdown;
  codeBlock: Markdown;
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

/** One call per operation with the values of its first example, as TypeScript. */
export function snippetCode(doc: DocumentModel, op: OperationModel, importPath: string): Code {
  const { factoryName } = clientNames(doc);
  const parameters = op.examples[0]?.parameters ?? {};
  // Own values only: a parameter named like an Object.prototype member must not read the inherited one.
  const example = (name: string, otherwise: unknown) => (Object.hasOwn(parameters, name) ? parameters[name] : otherwise);
  const argument = (clientName: string, value: unknown) =>
    code`  ${propertyKey(clientName)}: ${valueLiteral(value, { bareKeys: true, indent: "  " })},`;
  const clientArgs = op.parameters
    .filter((p) => p.binding === "client")
    .map((p) => argument(p.clientName, example(p.name, `<${p.name}>`)));
  const callArgs = op.parameters
    .filter((p) => p.binding === "method")
    .map((p) => argument(p.clientName, example(p.name, `<${p.name}>`)));
  if (op.requestBody) callArgs.push(argument("body", example(op.requestBody.name, {})));
  const method = propertyAccess(op.group ? propertyAccess(code`client`, op.group) : code`client`, op.methodName);
  const returnsBody = op.responses.some((r) => /^2/.test(r.status) && r.schema);
  return joinCode([
    code`import { DefaultAzureCredential } from "@azure/identity";`,
    code`import { ${identifier(factoryName)} } from ${stringLiteral(importPath)};`,
    code``,
    code`const client = ${identifier(factoryName)}({`,
    code`  credential: new DefaultAzureCredential(),`,
    ...clientArgs,
    code`});`,
    code`${returnsBody ? code`const result = ` : code``}await ${method}({`,
    ...callArgs,
    code`});`,
  ], "\n");
}

export function buildEntryPoints(docs: DocumentModel[]): EntryPointView[] {
  const entries: EntryPointView[] = [];
  for (const [service, versions] of groupByService(docs)) {
    const chosen = defaultVersion(versions);
    for (const doc of versions) {
      const importPath = `${PACKAGE_NAME}/${service}/${doc.apiVersion}`;
      entries.push({
        importPath: markdownCode(importPath, { inTable: true }),
        defaultImport: doc === chosen ? markdownCode(`${PACKAGE_NAME}/${service}`, { inTable: true }) : undefined,
        title: markdownText(doc.title),
        apiVersion: markdownText(doc.apiVersion),
        factoryName: markdownCode(clientNames(doc).factoryName, { inTable: true }),
        snippets: doc.operations.map((op) => ({
          heading: markdownText(`${op.operationId} (${importPath})`),
          description: markdownText(op.summary ?? op.description ?? ""),
          codeBlock: markdownFence(snippetCode(doc, op, importPath), "ts"),
        })),
      });
    }
  }
  return entries;
}

export interface ServiceIndexView {
  /** The service's namespace in the package index: `export * as <namespace>`. */
  namespace: Code;
  /** "./<service>/index.js", from the package index. */
  moduleLiteral: Code;
  /** "./<api-version>/index.js", from the service index. */
  versionModuleLiteral: Code;
  /** The service index's doc comment text. */
  comment: Code;
}

/** Each service's index view, keyed by the service (its folder name). */
export function buildServiceIndexes(docs: DocumentModel[]): Map<string, ServiceIndexView> {
  return new Map([...groupByService(docs)].map(([service, versions]) => {
    const { apiVersion } = defaultVersion(versions);
    return [service, {
      namespace: identifier(camelCase(service)),
      moduleLiteral: stringLiteral(`./${service}/index.js`),
      versionModuleLiteral: stringLiteral(`./${apiVersion}/index.js`),
      comment: commentText(`${service}: the newest stable api-version, ${apiVersion}. Pin a version with "${PACKAGE_NAME}/${service}/<api-version>".`),
    }];
  }));
}
