/** View model of one generated client method; the client template only interpolates it. */
import { type OperationModel, type ParameterModel, type ResponseModel, successResponses } from "../model.ts";
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
  /** The typed guard for this operation's errors, e.g. isAccountsRegenerateKeysError. */
  errorGuardName: string;
  /** RekeyError<Status, Body> members of the error union, one per documented error status (narrowed by status). */
  errorTypeMembers: string[];
  /** The OperationSpec object literal handed to the runtime's invoke. */
  operationSpecLiteral: string;
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
  const secretPaths = [...new Set(op.responses.flatMap((r) => r.secretPaths))];
  const errorShownPaths = Object.fromEntries(op.responses.filter((r) => !success.includes(r)).map((r) => [r.status, r.shownPaths]));
  const resultTypes = success.map((r) =>
    r.schema ? indexType(opType, "responses", Number(r.status), "content", r.contentType!) : "undefined");

  return {
    operationId: op.operationId,
    operationIdLiteral: JSON.stringify(op.operationId),
    methodName: op.methodName,
    docComment: docComment(docLines(op.summary, op.description), "  "),
    paramsTypeName: `${typePrefix}Parameters`,
    resultTypeName: `${typePrefix}Result`,
    errorTypeName: `${typePrefix}Error`,
    errorGuardName: `is${typePrefix}Error`,
    errorTypeMembers: errorTypeMembers(op, opType),
    operationSpecLiteral: `{ operationId: ${JSON.stringify(op.operationId)}, successStatuses: [${success.map((r) => Number(r.status)).join(", ")}], secretPaths: ${JSON.stringify(secretPaths)}, errorShownPaths: ${JSON.stringify(errorShownPaths)} }`,
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
    successStatusesLiteral: `[${success.map((r) => Number(r.status)).join(", ")}]`,
  };
}

/**
 * The members of an operation's error union, so that `status` narrows `body`: each documented error status
 * (400–599, "4XX"/"5XX" ranges, then `default` for the rest of 400–599) with its own schema's type, and every
 * status the spec does not document below 400 (an unexpected success is an error too) with an unknown body.
 */
export function errorTypeMembers(op: OperationModel, opType: string): string[] {
  const bodyType = (r: ResponseModel) => {
    const key = /^\d+$/.test(r.status) ? Number(r.status) : r.status;
    return r.schema ? indexType(opType, "responses", key, "content", r.contentType!) : "unknown";
  };
  const members: string[] = [];
  const exact = op.responses.filter((r) => /^[45]\d\d$/.test(r.status));
  const ranges = op.responses.filter((r) => /^[45]XX$/i.test(r.status));
  for (const r of exact) members.push(`RekeyError<${r.status}, ${bodyType(r)}>`);
  const exactList = exact.map((r) => r.status).join(" | ");
  const minusExact = (set: string) => (exact.length ? `Exclude<${set}, ${exactList}>` : set);
  for (const r of ranges) members.push(`RekeyError<${minusExact(`HttpStatusRange<${r.status[0]}>`)}, ${bodyType(r)}>`);
  const fallback = op.responses.find((r) => r.status === "default");
  const covered = [...exact.map((r) => r.status), ...ranges.map((r) => `HttpStatusRange<${r.status[0]}>`)];
  const rest = covered.length ? `Exclude<HttpErrorStatus, ${covered.join(" | ")}>` : "HttpErrorStatus";
  members.push(`RekeyError<${rest}, ${fallback ? bodyType(fallback) : "unknown"}>`);
  const documented = op.responses.filter((r) => /^[123]\d\d$/.test(r.status)).map((r) => r.status);
  members.push(`RekeyError<${documented.length ? `Exclude<HttpOtherStatus, ${documented.join(" | ")}>` : "HttpOtherStatus"}, unknown>`);
  return members;
}
