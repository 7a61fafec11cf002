/**
 * What the mock serves, compiled once from the operation model: one route per path template (all api-versions of
 * it), and for each operation its parameter and body validators, its error shape, its ARM path shape and its
 * rotation description.
 */
import type { ValidateFunction } from "ajv/dist/2020.js";
import { type Ajv, type ArmPathShape, compiledSchema, createAjv, displayPath, type DocumentModel, type OperationModel, type ParameterModel, problem, type RequestBodyModel, type ResponseModel, type RotationSpec, successResponses, UserError } from "../../kernel/index.ts";
import { errorShape, type ErrorShape } from "./error-body.ts";

/** The mock's own routes (admin-routes.ts); no operation's path may start with it. */
export const ADMIN_PREFIX = "/_rekey";

/** The compiled validator for a schema of a document, by JSON pointer. */
export type ValidatorLookup = (doc: DocumentModel, pointer: string) => ValidateFunction;

export interface ParameterCheck {
  parameter: ParameterModel;
  validate: ValidateFunction;
}

export interface MockOperation {
  doc: DocumentModel;
  operation: OperationModel;
  /** Path parameter names in template order (the route captures them by position). */
  pathParameters: string[];
  parameters: ParameterCheck[];
  body?: { model: RequestBodyModel; validate: ValidateFunction };
  success: ResponseModel;
  errorShape: ErrorShape;
  shape?: ArmPathShape;
  rotation?: RotationSpec;
  /** The rotation of a sibling operation whose keys this one reads back (its x-rekey-rotation readBack names it). */
  readsBackFor?: RotationSpec;
  requiresBearer: boolean;
}

export interface MockRoute {
  /** The router's URL: the template with positional parameters (:p0, :p1, …). */
  url: string;
  template: string;
  /** Upper-case method → lower-case api-version → operation. */
  operations: Map<string, Map<string, MockOperation>>;
  /** The resource type ARM names in api-version errors (the top-level type, e.g. "accounts"). */
  typeLabel: string;
  /** The namespace/top-level type the api-versions belong to, e.g. Microsoft.Maps/accounts. */
  resourceType?: string;
}

export interface MockModel {
  docs: DocumentModel[];
  routes: MockRoute[];
}

const TEMPLATE_PARAMETER = /\{([^{}]+)\}/g;

function routeKey(template: string): string {
  return template.replace(TEMPLATE_PARAMETER, "{}").toLowerCase();
}

function bearerRequired(doc: DocumentModel, operation: OperationModel): boolean {
  return operation.security.some((requirement) => {
    const scheme = doc.securitySchemes.find((s) => s.name === requirement.scheme);
    return scheme !== undefined && (scheme.type === "oauth2" || scheme.type === "http" || scheme.type === "openIdConnect");
  });
}

/** The parameters the mock checks against their schemas (api-version has its own step; cookies are not ARM's). */
export function validatedParameters(operation: OperationModel): ParameterModel[] {
  return operation.parameters.filter((p) => p.binding !== "api-version" && p.in !== "cookie");
}

function mockOperation(doc: DocumentModel, operation: OperationModel, validatorFor: ValidatorLookup): MockOperation {
  const success = successResponses(operation)[0];
  if (!success) {
    throw new UserError(problem("mock", { file: displayPath(doc.file), pointer: operation.pointer + "/responses" },
      `operation ${operation.operationId} has no success response to serve`, "document a 2xx response"));
  }
  if (operation.longRunning && !operation.armPath) {
    throw new UserError(problem("mock", { file: displayPath(doc.file), pointer: operation.pointer },
      `long-running operation ${operation.operationId} has a path that is not ARM-shaped, so it has no provider namespace to poll under`,
      "give it an ARM path (/subscriptions/{subscriptionId}/…/providers/{namespace}/…)"));
  }
  const pathParameters = [...operation.pathTemplate.matchAll(TEMPLATE_PARAMETER)].map((m) => m[1]);
  return {
    doc,
    operation,
    pathParameters,
    parameters: validatedParameters(operation).map((parameter) => ({ parameter, validate: validatorFor(doc, parameter.schemaPointer) })),
    body: operation.requestBody && {
      model: operation.requestBody,
      validate: validatorFor(doc, operation.requestBody.schemaPointer),
    },
    success,
    errorShape: errorShape(doc, operation),
    shape: operation.armPath,
    rotation: operation.rotation,
    readsBackFor: doc.operations.find((o) => o.rotation?.readBack?.operationId === operation.operationId)?.rotation,
    requiresBearer: bearerRequired(doc, operation),
  };
}

/** An ajv-backed validator lookup; pass the instance the specs were linted with to reuse its compiled validators. */
export function ajvValidators(docs: DocumentModel[], ajv: Ajv = createAjv(docs, { trusted: true })): ValidatorLookup {
  return (doc, pointer) => compiledSchema(ajv, doc, pointer);
}

/** Builds the routes. Validators come from ajv, or from the start-up cache (model-cache.ts). */
export function buildMockModel(docs: DocumentModel[], validatorFor: ValidatorLookup = ajvValidators(docs)): MockModel {
  const routes = new Map<string, MockRoute>();
  for (const doc of docs) {
    for (const operation of doc.operations) {
      if (operation.pathTemplate.toLowerCase().startsWith(ADMIN_PREFIX)) {
        throw new UserError(problem("mock", { file: displayPath(doc.file), pointer: operation.pointer },
          "paths under /_rekey are reserved for the mock's admin routes", "rename the path"));
      }
      const entry = mockOperation(doc, operation, validatorFor);
      const key = routeKey(operation.pathTemplate);
      let route = routes.get(key);
      if (!route) {
        let i = 0;
        route = {
          url: operation.pathTemplate.replace(TEMPLATE_PARAMETER, () => `:p${i++}`),
          template: operation.pathTemplate,
          operations: new Map(),
          typeLabel: entry.shape?.types[0] ?? operation.pathTemplate,
          resourceType: entry.shape ? `${entry.shape.namespace}/${entry.shape.types[0]}` : undefined,
        };
        routes.set(key, route);
      }
      const method = operation.httpMethod.toUpperCase();
      const versions = route.operations.get(method) ?? new Map<string, MockOperation>();
      versions.set(doc.apiVersion.toLowerCase(), entry);
      route.operations.set(method, versions);
    }
  }
  return { docs, routes: [...routes.values()] };
}

/** Every api-version the specs hold for a resource type (namespace/top-level type), newest first. */
export function apiVersionsByResourceType(model: MockModel): Map<string, string[]> {
  const byType = new Map<string, Set<string>>();
  for (const route of model.routes) {
    if (!route.resourceType) continue;
    const key = route.resourceType.toLowerCase();
    const set = byType.get(key) ?? new Set<string>();
    for (const versions of route.operations.values()) for (const op of versions.values()) set.add(op.doc.apiVersion);
    byType.set(key, set);
  }
  return new Map([...byType].map(([k, v]) => [k, [...v].sort().reverse()]));
}
