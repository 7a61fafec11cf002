/** View model of one generated client module (one spec document). */
import type { DocumentModel } from "../model.ts";
import { pascalCase } from "../names.ts";
import type { ArmClientOptions } from "../runtime/arm-client.ts";
import { docComment, docLines, indexType } from "./doc-comment.ts";
import { type Code, code, commentText, identifier, propertyKey, stringLiteral } from "./escape.ts";
import { buildOperationView, type OperationView } from "./operation-view.ts";

/**
 * Top-level names client.ts.hbs imports or declares itself, besides those the view computes: a client, group or
 * operation name that became one of these would clash with it (lint refuses such a name).
 */
export const CLIENT_MODULE_NAMES: readonly string[] = [
  "Client", "PACKAGE_PRODUCT", "ArmClientOptions", "CallOptions", "HttpErrorStatus", "HttpOtherStatus", "HttpStatusRange",
  "RekeyError", "assertValid", "createArmClient", "isRekeyError", "operations", "paths", "validators", "API_VERSION",
  "DEFAULT_ENDPOINT",
];

/** Every option the runtime's createArmClient reads: a client-level parameter must not take one of these names. */
export const ARM_CLIENT_OPTION_NAMES: readonly string[] = Object.keys({
  credential: true, cloud: true, endpoint: true, scope: true, retry: true, timeoutMs: true, middleware: true,
  userAgentPrefix: true, fetch: true, ca: true, maxResponseBytes: true,
} satisfies Record<keyof ArmClientOptions, true>);

/** The names a document's client module declares, from its client name (info.x-ms-code-generation-settings.name). */
export function clientNames(doc: Pick<DocumentModel, "clientName">) {
  const base = pascalCase(doc.clientName);
  return {
    clientTypeName: base,
    optionsTypeName: `${base}Options`,
    factoryName: `create${base}`,
    groupTypeName: (group: string) => `${base}${pascalCase(group)}Operations`,
  };
}

export interface ClientParamView {
  key: Code;
  docComment: Code;
  typeExpr: Code;
}

export interface GroupView {
  key: Code;
  typeName: Code;
  operations: OperationView[];
}

export interface ClientView {
  titleComment: Code;
  apiVersionLiteral: Code;
  defaultEndpointLiteral: Code;
  clientTypeName: Code;
  optionsTypeName: Code;
  factoryName: Code;
  /** The user-agent product token of this entry point after a space, e.g. " maps/2023-06-01". */
  productTokenLiteral: Code;
  clientParams: ClientParamView[];
  groups: GroupView[];
  /** Operations without a group prefix in their operationId sit on the client itself. */
  rootOperations: OperationView[];
  operations: OperationView[];
}

export function buildClientView(doc: DocumentModel): ClientView {
  const names = clientNames(doc);
  const clientParams = new Map<string, ClientParamView>();
  for (const op of doc.operations) {
    for (const p of op.parameters.filter((x) => x.binding === "client")) {
      clientParams.set(p.clientName, {
        key: propertyKey(p.clientName),
        docComment: docComment(docLines(p.description), "  "),
        typeExpr: indexType(code`operations`, op.operationId, "parameters", p.in, p.name),
      });
    }
  }
  const groups = new Map<string, GroupView>();
  const rootOperations: OperationView[] = [];
  const operations: OperationView[] = [];
  for (const op of doc.operations) {
    const view = buildOperationView(op);
    operations.push(view);
    if (!op.group) {
      rootOperations.push(view);
      continue;
    }
    const group = groups.get(op.group) ?? { key: propertyKey(op.group), typeName: identifier(names.groupTypeName(op.group)), operations: [] };
    group.operations.push(view);
    groups.set(op.group, group);
  }
  return {
    titleComment: commentText(doc.title),
    apiVersionLiteral: stringLiteral(doc.apiVersion),
    defaultEndpointLiteral: stringLiteral(doc.defaultEndpoint),
    clientTypeName: identifier(names.clientTypeName),
    optionsTypeName: identifier(names.optionsTypeName),
    factoryName: identifier(names.factoryName),
    productTokenLiteral: stringLiteral(` ${doc.service}/${doc.apiVersion}`),
    clientParams: [...clientParams.values()],
    groups: [...groups.values()],
    rootOperations,
    operations,
  };
}
