/** View model of one generated client module (one spec document). */
import type { DocumentModel } from "../model.ts";
import { pascalCase } from "../names.ts";
import { docComment, docLines, indexType, propertyKey } from "./doc-comment.ts";
import { buildOperationView, type OperationView } from "./operation-view.ts";

export interface ClientParamView {
  key: string;
  docComment: string;
  typeExpr: string;
}

export interface GroupView {
  name: string;
  typeName: string;
  operations: OperationView[];
}

export interface ClientView {
  title: string;
  apiVersionLiteral: string;
  defaultEndpointLiteral: string;
  clientTypeName: string;
  optionsTypeName: string;
  factoryName: string;
  /** The user-agent product token of this entry point, e.g. maps/2023-06-01. */
  productToken: string;
  clientParams: ClientParamView[];
  groups: GroupView[];
  /** Operations without a group prefix in their operationId sit on the client itself. */
  rootOperations: OperationView[];
  operations: OperationView[];
}

export function buildClientView(doc: DocumentModel): ClientView {
  const clientParams = new Map<string, ClientParamView>();
  for (const op of doc.operations) {
    for (const p of op.parameters.filter((x) => x.binding === "client")) {
      clientParams.set(p.clientName, {
        key: propertyKey(p.clientName),
        docComment: docComment(docLines(p.description), "  "),
        typeExpr: indexType("operations", op.operationId, "parameters", p.in, p.name),
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
    const group = groups.get(op.group) ?? { name: op.group, typeName: `${pascalCase(doc.clientName)}${pascalCase(op.group)}Operations`, operations: [] };
    group.operations.push(view);
    groups.set(op.group, group);
  }
  return {
    title: doc.title,
    apiVersionLiteral: JSON.stringify(doc.apiVersion),
    defaultEndpointLiteral: JSON.stringify(doc.defaultEndpoint),
    clientTypeName: pascalCase(doc.clientName),
    optionsTypeName: `${pascalCase(doc.clientName)}Options`,
    factoryName: `create${pascalCase(doc.clientName)}`,
    productToken: `${doc.service}/${doc.apiVersion}`,
    clientParams: [...clientParams.values()],
    groups: [...groups.values()],
    rootOperations,
    operations,
  };
}
