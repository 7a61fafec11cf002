/**
 * The operation model's shape: the normalised view of a document and its operations that the kernel builds once
 * (model.ts) and every floor above reads. Types only, so the modules that build parts of the model (rotation, ARM
 * path, schema validation) can name it without importing its builder.
 */
import type { ArmPathShape } from "./arm-path.ts";
import type { OpenAPIDocument, SchemaObject } from "./openapi-types.ts";
import type { RotationSpec } from "./rotation-spec.ts";
import type { Problem } from "./user-error.ts";

export type ParameterLocation = "path" | "query" | "header" | "cookie";

/**
 * How a generated client supplies a parameter: `method` — an argument of each call; `client` — given once when
 * the client is created (subscriptionId); `api-version` — fixed to the document's api-version.
 * Follows AutoRest: a parameter defined once under components is client-level unless `x-ms-parameter-location: method`.
 */
export type ParameterBinding = "method" | "client" | "api-version";

export interface ParameterModel {
  name: string;
  in: ParameterLocation;
  required: boolean;
  description?: string;
  /** Name in generated code: x-ms-client-name, else the camelCased wire name. */
  clientName: string;
  binding: ParameterBinding;
  schema: SchemaObject;
  /** Where the parameter object is defined (its component when the operation uses a $ref). */
  pointer: string;
  schemaPointer: string;
}

export interface RequestBodyModel {
  /** The body's name in examples and generated code (x-ms-requestBody-name, as AutoRest names it). */
  name: string;
  required: boolean;
  description?: string;
  contentType: string;
  schema: SchemaObject;
  pointer: string;
  schemaPointer: string;
}

export interface ResponseModel {
  /** "200", "204", "4XX" or "default". */
  status: string;
  description: string;
  contentType?: string;
  schema?: SchemaObject;
  schemaPointer?: string;
  pointer: string;
  /** Instance pointers of fields marked x-ms-secret in this response's body ("*" stands for any array index). */
  secretPaths: string[];
  /**
   * Instance pointers of the fields this response's schema declares and does not mark secret (nor holds inside a
   * secret): the only places a target's string is shown as it is; any other string is shown by its shape.
   */
  shownPaths: string[];
}

export interface ExampleModel {
  title: string;
  /** The example file (or the spec file, for an inline example), as shown to the user. */
  file: string;
  /** Where the example is referenced from, in the spec. */
  pointer: string;
  parameters: Record<string, unknown>;
  responses: Record<string, { body?: unknown; headers?: Record<string, unknown> }>;
}

export interface SecurityRequirementModel {
  scheme: string;
  scopes: string[];
}

export interface OperationModel {
  operationId: string;
  /** Method group and method name in generated clients: Accounts_RegenerateKeys → accounts.regenerateKeys */
  group: string;
  methodName: string;
  httpMethod: string;
  pathTemplate: string;
  pointer: string;
  summary?: string;
  description?: string;
  tags: string[];
  parameters: ParameterModel[];
  requestBody?: RequestBodyModel;
  responses: ResponseModel[];
  security: SecurityRequirementModel[];
  examples: ExampleModel[];
  /** The ARM shape of the path (resource type/name levels, action); absent when the path is not ARM-shaped. */
  armPath?: ArmPathShape;
  /** Its x-rekey-rotation, checked (absent when it has none or it is malformed: see DocumentModel.problems). */
  rotation?: RotationSpec;
  /** ARM's asynchronous contract, when x-ms-long-running-operation is true (absent when it is not, or malformed). */
  longRunning?: LongRunningModel;
}

/** Where a long-running operation's final result is read (x-ms-long-running-operation-options.final-state-via). */
export type FinalStateVia = "azure-async-operation" | "location" | "original-uri" | "operation-location";

export interface LongRunningModel {
  finalStateVia: FinalStateVia;
  /** False when the spec leaves final-state-via to AutoRest's default for the method (location for POST). */
  finalStateViaWritten: boolean;
  /** The status of the accepted answer: "202" (or "201"). */
  acceptedStatus: string;
  /** Headers the accepted answer declares, polling ones in canonical spelling (Azure-AsyncOperation, Location, Operation-Location, Retry-After). */
  declaredHeaders: string[];
  /** The other 2xx statuses the operation declares: the synchronous answer and/or the final result's ("200", "204"). */
  finalStatuses: string[];
}

export interface SecuritySchemeModel {
  name: string;
  type: string;
  description?: string;
  scopes: string[];
}

export interface DocumentModel {
  service: string;
  apiVersion: string;
  stable: boolean;
  file: string;
  /** The $id under which the whole document is registered with ajv; schema refs are `${docUri}#${pointer}`. */
  docUri: string;
  raw: OpenAPIDocument;
  title: string;
  description?: string;
  /** Client name: info.x-ms-code-generation-settings.name, else <Service>Client. */
  clientName: string;
  defaultEndpoint: string;
  securitySchemes: SecuritySchemeModel[];
  operations: OperationModel[];
  /** What building the model found wrong in rekey's own extensions (loadSpecs stops on them). */
  problems: Problem[];
}
