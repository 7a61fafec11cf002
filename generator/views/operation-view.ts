/** View model of one generated client method; the client template only interpolates it. */
import { camelCase, type OperationModel, operationTypeNames, type ParameterModel, pascalCase, type ResponseModel, successResponses } from "../../kernel/index.ts";
import { docComment, docLines, indexType } from "./doc-comment.ts";
import { type Code, code, commentText, identifier, joinCode, propertyAccess, propertyKey, stringLiteral, valueLiteral } from "./escape.ts";

export interface MethodParamView {
  key: Code;
  docComment: Code;
  typeExpr: Code;
  optional: boolean;
}

export interface EntryView {
  key: Code;
  valueExpr: Code;
}

export interface OperationView {
  /** The operationId inside a comment. */
  operationIdComment: Code;
  operationIdLiteral: Code;
  /** The method's name as a key of the client (or of its group). */
  methodKey: Code;
  /** The method's JSDoc, indented for its place in the client interface. */
  docComment: Code;
  paramsTypeName: Code;
  resultTypeName: Code;
  errorTypeName: Code;
  /** The typed guard for this operation's errors, e.g. isAccountsRegenerateKeysError. */
  errorGuardName: Code;
  /** RekeyServiceError<Status, Body> members of the error union, one per documented error status (narrowed by status). */
  errorTypeMembers: Code[];
  /** The OperationSpec object literal handed to the runtime's invoke. */
  operationSpecLiteral: Code;
  methodParams: MethodParamView[];
  /** All method parameters optional, so the argument itself may be omitted. */
  paramsOptional: boolean;
  httpMethodLiteral: Code;
  pathLiteral: Code;
  pathEntries: EntryView[];
  queryEntries: EntryView[];
  headerEntries: EntryView[];
  /** The values the parameters validator checks, keyed by wire name. */
  validationEntries: EntryView[];
  parametersValidator: Code;
  bodyValidator?: Code;
  /** The method takes a request body (as `parameters.body`). */
  hasBody: boolean;
  resultTypeExpr: Code;
  successStatusesLiteral: Code;
  /** Present when the operation is long-running (x-ms-long-running-operation). */
  longRunning: LongRunningView | undefined;
}

/** The methods a long-running operation adds: begin (returns the poller) and resume (from a resume token). */
export interface LongRunningView {
  /** e.g. beginRegenerateKey, a key of the client (or its group). */
  beginMethodKey: Code;
  resumeMethodKey: Code;
  /** The local function of the factory that begins the operation, e.g. beginDatabaseAccountsRegenerateKey. */
  beginFunction: Code;
  /** The factory's constant holding the operation's OperationSpec, shared by begin and resume. */
  specConst: Code;
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
export function valueExpression(p: ParameterModel): Code {
  if (p.binding === "api-version") return code`API_VERSION`;
  return propertyAccess(p.binding === "client" ? code`options` : code`parameters`, p.clientName);
}

export function buildOperationView(op: OperationModel): OperationView {
  const opType = indexType(code`operations`, op.operationId);
  const typeNames = operationTypeNames(op);
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
      typeExpr: parameterType(op, opType, p),
      optional: !p.required,
    }));
  if (op.requestBody) {
    methodParams.push({
      key: code`body`,
      docComment: docComment(docLines(op.requestBody.description), "  "),
      typeExpr: code`NonNullable<${indexType(opType, "requestBody")}>${indexType(code``, "content", op.requestBody.contentType)}`,
      optional: !op.requestBody.required,
    });
  }

  const success = successResponses(op);
  const secretPaths = [...new Set(op.responses.flatMap((r) => r.secretPaths))];
  const errorShownPaths = Object.fromEntries(op.responses.filter((r) => !success.includes(r)).map((r) => [r.status, r.shownPaths]));
  const lro = op.longRunning;
  // A long-running method resolves to the final result: the accepted answer's body is not what it returns.
  const results = lro ? success.filter((r) => lro.finalStatuses.includes(r.status)) : success;
  const resultTypes = results.map((r) =>
    r.schema ? indexType(opType, "responses", Number(r.status), "content", r.contentType!) : code`undefined`);
  const successStatuses = code`[${joinCode(success.map((r) => code`${Number(r.status)}`), ", ")}]`;

  return {
    operationIdComment: commentText(op.operationId),
    operationIdLiteral: stringLiteral(op.operationId),
    methodKey: propertyKey(op.methodName),
    docComment: docComment(docLines(op.summary, op.description), "  "),
    paramsTypeName: identifier(typeNames.paramsTypeName),
    resultTypeName: identifier(typeNames.resultTypeName),
    errorTypeName: identifier(typeNames.errorTypeName),
    errorGuardName: identifier(typeNames.errorGuardName),
    errorTypeMembers: errorTypeMembers(op, opType),
    operationSpecLiteral: code`{ operationId: ${stringLiteral(op.operationId)}, successStatuses: ${successStatuses}, secretPaths: ${valueLiteral(secretPaths, { compact: true })}, errorShownPaths: ${valueLiteral(errorShownPaths, { compact: true })}${lro ? code`, longRunning: ${longRunningLiteral(op)}` : code``} }`,
    methodParams,
    paramsOptional: methodParams.every((p) => p.optional),
    httpMethodLiteral: stringLiteral(op.httpMethod.toUpperCase()),
    pathLiteral: stringLiteral(op.pathTemplate),
    pathEntries: wire("path"),
    queryEntries: wire("query"),
    headerEntries: wire("header"),
    validationEntries: op.parameters
      .filter((p) => p.binding !== "api-version")
      .map((p) => ({ key: propertyKey(p.name), valueExpr: valueExpression(p) })),
    parametersValidator: identifier(names.parameters),
    bodyValidator: op.requestBody ? identifier(names.body) : undefined,
    hasBody: op.requestBody !== undefined,
    resultTypeExpr: joinCode([...new Set(resultTypes)], " | ") || code`undefined`,
    successStatusesLiteral: successStatuses,
    longRunning: lro ? longRunningView(op) : undefined,
  };
}

function longRunningView(op: OperationModel): LongRunningView {
  const name = pascalCase(op.methodName);
  return {
    beginMethodKey: propertyKey(`begin${name}`),
    resumeMethodKey: propertyKey(`resume${name}`),
    beginFunction: identifier(`begin${pascalCase(op.group)}${name}`),
    specConst: identifier(`${camelCase(op.group)}${name}Operation`),
  };
}

/** The runtime's LongRunningSpec of an operation: values from the model (final-state-via is one of four words). */
function longRunningLiteral(op: OperationModel): Code {
  const lro = op.longRunning!;
  return valueLiteral({
    method: op.httpMethod.toUpperCase(),
    finalStateVia: lro.finalStateVia,
    acceptedStatus: Number(lro.acceptedStatus),
    finalStatuses: lro.finalStatuses.map(Number),
  }, { compact: true });
}

/**
 * The type of one parameter, indexed into openapi-typescript's `parameters` group for its location. That generator
 * marks a group optional (`header?: {…}`) when none of its parameters is required; indexing into `… | undefined`
 * does not compile, so such a group is wrapped in NonNullable first.
 */
export function parameterType(op: OperationModel, opType: Code, p: ParameterModel): Code {
  const group = indexType(opType, "parameters", p.in);
  const groupOptional = !op.parameters.some((q) => q.in === p.in && q.required);
  return groupOptional ? indexType(code`NonNullable<${group}>`, p.name) : indexType(group, p.name);
}

/**
 * The members of an operation's error union, so that `status` narrows `body`: each documented error status
 * (400–599, "4XX"/"5XX" ranges, then `default` for the rest of 400–599) with its own schema's type, and every
 * status the spec does not document below 400 (an unexpected success is an error too) with an unknown body.
 */
export function errorTypeMembers(op: OperationModel, opType: Code): Code[] {
  const bodyType = (r: ResponseModel) => {
    const key = /^\d+$/.test(r.status) ? Number(r.status) : r.status;
    return r.schema ? indexType(opType, "responses", key, "content", r.contentType!) : code`unknown`;
  };
  // Statuses are digits (or nXX, of which only the digit is used): printed as numbers, never as spec text.
  const status = (r: ResponseModel) => code`${Number(r.status)}`;
  const range = (r: ResponseModel) => code`HttpStatusRange<${Number(r.status[0])}>`;
  const members: Code[] = [];
  const exact = op.responses.filter((r) => /^[45]\d\d$/.test(r.status));
  const ranges = op.responses.filter((r) => /^[45]XX$/i.test(r.status));
  for (const r of exact) members.push(code`RekeyServiceError<${status(r)}, ${bodyType(r)}>`);
  const exactList = joinCode(exact.map(status), " | ");
  const minusExact = (set: Code) => (exact.length ? code`Exclude<${set}, ${exactList}>` : set);
  for (const r of ranges) members.push(code`RekeyServiceError<${minusExact(range(r))}, ${bodyType(r)}>`);
  const fallback = op.responses.find((r) => r.status === "default");
  const covered = [...exact.map(status), ...ranges.map(range)];
  const rest = covered.length ? code`Exclude<HttpErrorStatus, ${joinCode(covered, " | ")}>` : code`HttpErrorStatus`;
  members.push(code`RekeyServiceError<${rest}, ${fallback ? bodyType(fallback) : code`unknown`}>`);
  const documented = op.responses.filter((r) => /^[123]\d\d$/.test(r.status)).map(status);
  members.push(code`RekeyServiceError<${documented.length ? code`Exclude<HttpOtherStatus, ${joinCode(documented, " | ")}>` : code`HttpOtherStatus`}, unknown>`);
  return members;
}
