/**
 * The call a consumer of the tarball makes, chosen from specs/ and not named here: the first service (by name) whose
 * default entry point (@rekey/clients/<service>) has an operation with an example answering a body. The consumer
 * builds that service's client with the example's values and calls the operation; the loopback server answers with
 * the example's body, which the consumer prints. Every name from the spec reaches the consumer's source as a string
 * literal (JSON), never as code, except the result type's name, which must be an identifier.
 */
import { clientNames, type DocumentModel, type ExampleModel, isIdentifier, type OperationModel, operationTypeNames, successResponses } from "../../kernel/index.ts";
import { defaultVersion, groupByService, PACKAGE_NAME } from "../../generator/views/package-view.ts";

export interface ConsumerCall {
  /** e.g. "<service>/<api-version> <operationId> \"<example title>\"", for messages. */
  label: string;
  importPath: string;
  factoryName: string;
  group: string | undefined;
  methodName: string;
  resultTypeName: string;
  clientOptions: Record<string, unknown>;
  args: Record<string, unknown>;
  status: number;
  answer: unknown;
  httpMethod: string;
  /** The path and query the server must see, percent-decoded. */
  expectedPath: string;
  expectedBody: unknown;
}

export const TOKEN = "release-verification-token";

function pick(docs: DocumentModel[]): { doc: DocumentModel; op: OperationModel; example: ExampleModel; status: string } | undefined {
  for (const [, versions] of [...groupByService(docs)].sort(([a], [b]) => a.localeCompare(b))) {
    const doc = defaultVersion(versions);
    for (const op of doc.operations) {
      for (const example of op.examples) {
        const success = successResponses(op).find((r) => r.schema && example.responses[r.status]?.body !== undefined);
        if (success) return { doc, op, example, status: success.status };
      }
    }
  }
  return undefined;
}

export function consumerCall(docs: DocumentModel[]): ConsumerCall | undefined {
  const picked = pick(docs);
  if (!picked) return undefined;
  const { doc, op, example, status } = picked;
  const clientOptions: Record<string, unknown> = {};
  const args: Record<string, unknown> = {};
  const query = new URLSearchParams();
  for (const p of op.parameters) {
    if (p.binding === "api-version") query.set(p.name, doc.apiVersion);
    if (p.binding === "api-version" || !(p.name in example.parameters)) continue;
    (p.binding === "client" ? clientOptions : args)[p.clientName] = example.parameters[p.name];
    if (p.in === "query") query.set(p.name, String(example.parameters[p.name]));
  }
  if (op.requestBody) args.body = example.parameters[op.requestBody.name];
  const path = op.pathTemplate.replace(/\{([^}]+)\}/g, (_, name: string) => String(example.parameters[name]));
  const resultTypeName = operationTypeNames(op).resultTypeName;
  if (!isIdentifier(resultTypeName)) throw new Error(`result type name ${JSON.stringify(resultTypeName)} is not an identifier`);
  return {
    label: `${doc.service}/${doc.apiVersion} ${op.operationId} "${example.title}"`,
    importPath: `${PACKAGE_NAME}/${doc.service}`,
    factoryName: clientNames(doc).factoryName,
    group: op.group || undefined,
    methodName: op.methodName,
    resultTypeName,
    clientOptions,
    args,
    status: Number(status),
    answer: example.responses[status]!.body,
    httpMethod: op.httpMethod.toUpperCase(),
    expectedPath: decodeURIComponent(`${path}?${query}`),
    expectedBody: op.requestBody ? example.parameters[op.requestBody.name] : undefined,
  };
}

const literal = (value: unknown) => JSON.stringify(value);

function callLines(call: ConsumerCall, endpoint: string, typed: boolean): string[] {
  const options = { ...call.clientOptions, credential: TOKEN, endpoint };
  const target = call.group === undefined ? "client" : `client[${literal(call.group)}]`;
  const result = typed ? `const result: entry.${call.resultTypeName}` : "const result";
  return [
    `const client = entry[${literal(call.factoryName)}](${literal(options)});`,
    `async function main()${typed ? ": Promise<void>" : ""} {`,
    `  ${result} = await ${target}[${literal(call.methodName)}](${literal(call.args)});`,
    "  console.log(JSON.stringify(result));",
    "}",
    "main().catch((error) => {",
    "  console.error(String(error));",
    "  process.exitCode = 1;",
    "});",
  ];
}

/** Plain ESM JavaScript, as a user writes it in a .mjs file. */
export function esmJavaScript(call: ConsumerCall, endpoint: string): string {
  return [`import * as entry from ${literal(call.importPath)};`, ...callLines(call, endpoint, false)].join("\n") + "\n";
}

/**
 * Strict TypeScript, the same source for an ESM package and a CommonJS one (module nodenext decides which).
 * `process` is declared rather than taken from @types/node: the empty project installs the tarball and nothing else.
 */
export function typeScript(call: ConsumerCall, endpoint: string): string {
  return [
    `import * as entry from ${literal(call.importPath)};`,
    "declare const process: { exitCode: number | undefined };",
    ...callLines(call, endpoint, true),
  ].join("\n") + "\n";
}
