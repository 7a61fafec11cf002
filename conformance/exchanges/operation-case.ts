/**
 * One operation as the exchange builders see it (its document, its validators, the parameter values every exchange
 * starts from) and the one function that turns a draft into an exchange with its id, request and resource.
 */
import { type Ajv, type DocumentModel, type ExampleModel, type OperationModel, resourceAddress, resourceId } from "../../kernel/index.ts";
import { requestFromParameters } from "../example-request.ts";
import type { CompiledExchange, Exchange, ExchangeKind, Expectation, Mutation, ScenarioStep } from "../exchange.ts";

export interface OperationCase {
  doc: DocumentModel;
  operation: OperationModel;
  ajv: Ajv;
  /** The values every exchange starts from: the first example's parameters, with the user's own values over them. */
  values: Record<string, unknown>;
  /** The example the values come from (absent when the operation has none: then only the user's values). */
  example?: ExampleModel;
}

export interface ExchangeDraft {
  kind: ExchangeKind;
  /** The id's last part(s), e.g. "body.keyType.enum" or "rotate-primary/2". */
  name: string;
  title: string;
  expect: Expectation;
  mutation: Mutation;
  source: string;
  /** Parameter values (default: the case's). */
  values?: Record<string, unknown>;
  /** Send this body text instead of the serialised body value. */
  rawBody?: string;
  /** Headers to set (a value of undefined removes it). */
  headers?: Record<string, string | undefined>;
  authorize?: boolean;
  scenario?: ScenarioStep;
}

export function operationPrefix(c: Pick<OperationCase, "doc" | "operation">): string {
  return `${c.doc.service}/${c.doc.apiVersion}/${c.operation.operationId}`;
}

/** The ARM resource id the values address (the path itself when the template is not ARM-shaped). */
export function addressedResource(operation: OperationModel, values: Record<string, unknown>): string {
  const shape = operation.armPath;
  if (!shape) return operation.pathTemplate.replace(/\{([^}]+)\}/g, (_, name: string) => String(values[name] ?? ""));
  return resourceId(resourceAddress(shape, Object.fromEntries(Object.entries(values).map(([k, v]) => [k, String(v)])))).toLowerCase();
}

export function buildExchange(c: OperationCase, draft: ExchangeDraft): CompiledExchange {
  const values = draft.values ?? c.values;
  const request = requestFromParameters(c.operation, values);
  if (draft.rawBody !== undefined) {
    request.body = draft.rawBody;
    request.headers["content-type"] ??= c.operation.requestBody?.contentType ?? "application/json";
  }
  for (const [name, value] of Object.entries(draft.headers ?? {})) {
    if (value === undefined) delete request.headers[name.toLowerCase()];
    else request.headers[name.toLowerCase()] = value;
  }
  const exchange: Exchange = {
    id: `${operationPrefix(c)}/${draft.kind}/${draft.name}`,
    kind: draft.kind,
    title: draft.title,
    service: c.doc.service,
    apiVersion: c.doc.apiVersion,
    operationId: c.operation.operationId,
    request,
    authorize: draft.authorize ?? true,
    expect: draft.expect,
    mutation: draft.mutation,
    resource: addressedResource(c.operation, { ...c.values, ...values }),
    scenario: draft.scenario,
    source: draft.source,
    checks: [],
  };
  return { ...exchange, context: { doc: c.doc, operation: c.operation } };
}

/** What a request with these values does when accepted: GET/HEAD/OPTIONS read, anything else may write. */
export function acceptedMutation(operation: OperationModel): Mutation {
  return ["get", "head", "options"].includes(operation.httpMethod) ? "never" : "always";
}
