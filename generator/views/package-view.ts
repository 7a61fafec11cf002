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

/** The call of one operation with the values of its first example, as TypeScript lines (after the client). */
function callLines(op: OperationModel, resultName: string, comment?: string): Code[] {
  const parameters = op.examples[0]?.parameters ?? {};
  // Own values only: a parameter named like an Object.prototype member must not read the inherited one.
  const example = (name: string, otherwise: unknown) => (Object.hasOwn(parameters, name) ? parameters[name] : otherwise);
  const callArgs = op.parameters
    .filter((p) => p.binding === "method")
    .map((p) => argument(p.clientName, example(p.name, `<${p.name}>`)));
  if (op.requestBody) callArgs.push(argument("body", example(op.requestBody.name, {})));
  const method = propertyAccess(op.group ? propertyAccess(code`client`, op.group) : code`client`, op.methodName);
  const lro = op.longRunning;
  const finalStatuses = lro ? lro.finalStatuses : op.responses.map((r) => r.status);
  const returnsBody = op.responses.some((r) => /^2/.test(r.status) && r.schema && finalStatuses.includes(r.status));
  return [
    ...(comment ? [code`// ${commentText(comment)}`] : []),
    code`${returnsBody ? code`const ${identifier(resultName)} = ` : code``}await ${method}({`,
    ...callArgs,
    code`});`,
  ];
}

function argument(clientName: string, value: unknown): Code {
  return code`  ${propertyKey(clientName)}: ${valueLiteral(value, { bareKeys: true, indent: "  " })},`;
}

/**
 * One call per operation with the values of its first example, as TypeScript. A long-running operation's method
 * awaits its final result; when its rotation reads the keys back with another operation, that call follows.
 */
export function snippetCode(doc: DocumentModel, op: OperationModel, importPath: string): Code {
  const { factoryName } = clientNames(doc);
  const parameters = op.examples[0]?.parameters ?? {};
  const example = (name: string, otherwise: unknown) => (Object.hasOwn(parameters, name) ? parameters[name] : otherwise);
  const clientArgs = op.parameters
    .filter((p) => p.binding === "client")
    .map((p) => argument(p.clientName, example(p.name, `<${p.name}>`)));
  const readBack = op.longRunning && op.rotation?.readBack
    ? doc.operations.find((o) => o.operationId === op.rotation!.readBack!.operationId)
    : undefined;
  return joinCode([
    code`import { DefaultAzureCredential } from "@azure/identity";`,
    code`import { ${identifier(factoryName)} } from ${stringLiteral(importPath)};`,
    code``,
    code`const client = ${identifier(factoryName)}({`,
    code`  credential: new DefaultAzureCredential(),`,
    ...clientArgs,
    code`});`,
    ...callLines(op, "result", op.longRunning ? "Long-running: resolves once the operation has succeeded (begin… returns the poller)." : undefined),
    ...(readBack ? callLines(readBack, "keys", "The new keys are read back once the operation has completed:") : []),
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
