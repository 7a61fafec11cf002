/** View model of one generated client module (one spec document). */
import { clientNames, type DocumentModel, pascalCase } from "../../kernel/index.ts";
import { docComment, docLines, indexType } from "./doc-comment.ts";
import { type Code, code, commentText, identifier, propertyKey, stringLiteral } from "./escape.ts";
import { buildOperationView, type OperationView } from "./operation-view.ts";

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
  /** Some operation is long-running: the module imports the poller's types. */
  hasLongRunning: boolean;
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
    hasLongRunning: operations.some((o) => o.longRunning !== undefined),
  };
}
