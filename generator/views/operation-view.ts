/** View model of one generated client method; the client template only interpolates it. */
import { type OperationModel, type ParameterModel, errorResponse, successResponses } from "../model.ts";
import { isIdentifier, pascalCase } from "../names.ts";
import { docComment, docLines, indexType, propertyKey } from "./doc-comment.ts";

export interface MethodParamView {
  key: string;
  docComment: string;
  typeExpr: string;
  optional: boolean;
}

export interface EntryView {
  key: string;
  valueExpr: string;
}

export interface OperationView {
  operationId: string;
  operationIdLiteral: string;
  methodName: string;
  /** The method's JSDoc, indented for its place in the client interface. */
  docComment: string;
  paramsTypeName: string;
  resultTypeName: string;
  errorTypeName: string;
  methodParams: MethodParamView[];
  /** All method parameters optional, so the argument itself may be omitted. */
  paramsOptional: boolean;
  httpMethod: string;
  pathLiteral: string;
  pathEntries: EntryView[];
  queryEntries: EntryView[];
  headerEntries: EntryView[];
  /** The values the parameters validator checks, keyed by wire name. */
  validationEntries: EntryView[];
  parametersValidator: string;
  bodyValidator?: string;
  bodyExpr?: string;
  resultTypeExpr: string;
  errorBodyTypeExpr: string;
  successStatusesLiteral: string;
}

export interface ValidatorNames {
  parameters: string;
  body: string;
  response(status: string): string;
}

export function validatorNames(op: OperationModel): ValidatorNames {
  const base = `validate${pascalCase(op.group)}${pascalCase(op.methodName)}`;
  return {
    parameters: `${base}Parameters`,
    body: `${base}Body`,
    response: (status) => `${base}Response${pascalCase(status.toLowerCase() === "default" ? "Default" : status)}`,
  };
}

/** How generated code reads a parameter's value: from the call's arguments or the client's options. */
export function valueExpression(p: ParameterModel): string {
  if (p.binding === "api-version") return "API_VERSION";
  const source = p.binding === "client" ? "options" : "parameters";
  return `${source}${isIdentifier(p.clientName) ? `.${p.clientName}` : `[${JSON.stringify(p.clientName)}]`}`;
}

export function buildOperationView(op: OperationModel): OperationView {
  const opType = indexType("operations", op.operationId);
  const typePrefix = pascalCase(op.group) + pascalCase(op.methodName);
  const names = validatorNames(op);
  const wire = (location: string) =>
    op.parameters
      .filter((p) => p.in === location)
      .map((p) => ({ key: propertyKey(p.name), valueExpr: valueExpression(p) }));

  const methodParams: MethodParamView[] = op.parameters
    .filter((p) => p.binding === "method")
    .map((p) => ({
      key: propertyKey(p.clientName),
      docComment: docComment(docLines(p.description), "  "),
      typeExpr: indexType(opType, "parameters", p.in, p.name),
      optional: !p.required,
    }));
  if (op.requestBody) {
    methodParams.push({
      key: "body",
      docComment: docComment(docLines(op.requestBody.description), "  "),
      typeExpr: `NonNullable<${indexType(opType, "requestBody")}>${indexType("", "content", op.requestBody.contentType)}`,
      optional: !op.requestBody.required,
    });
  }

  const success = successResponses(op);
  const resultTypes = success.map((r) =>
    r.schema ? indexType(opType, "responses", Number(r.status), "content", r.contentType!) : "undefined");
  const error = errorResponse(op);
  const errorKey = error && /^\d+$/.test(error.status) ? Number(error.status) : error?.status;

  return {
    operationId: op.operationId,
    operationIdLiteral: JSON.stringify(op.operationId),
    methodName: op.methodName,
    docComment: docComment(docLines(op.summary, op.description), "  "),
    paramsTypeName: `${typePrefix}Parameters`,
    resultTypeName: `${typePrefix}Result`,
    errorTypeName: `${typePrefix}Error`,
    methodParams,
    paramsOptional: methodParams.every((p) => p.optional),
    httpMethod: op.httpMethod.toUpperCase(),
    pathLiteral: JSON.stringify(op.pathTemplate),
    pathEntries: wire("path"),
    queryEntries: wire("query"),
    headerEntries: wire("header"),
    validationEntries: op.parameters
      .filter((p) => p.binding !== "api-version")
      .map((p) => ({ key: propertyKey(p.name), valueExpr: valueExpression(p) })),
    parametersValidator: names.parameters,
    bodyValidator: op.requestBody ? names.body : undefined,
    bodyExpr: op.requestBody ? "parameters.body" : undefined,
    resultTypeExpr: [...new Set(resultTypes)].join(" | ") || "undefined",
    errorBodyTypeExpr: error?.schema && errorKey !== undefined
      ? indexType(opType, "responses", errorKey, "content", error.contentType!)
      : "unknown",
    successStatusesLiteral: `[${success.map((r) => Number(r.status)).join(", ")}]`,
  };
}
