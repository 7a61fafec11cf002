/** The OpenAPI 3.1 object shapes rekey reads (types only: openapi-typescript is never loaded for these), and its methods. */
export type {
  OpenAPI3 as OpenAPIDocument,
  OperationObject,
  ParameterObject,
  ReferenceObject,
  RequestBodyObject,
  ResponseObject,
  SchemaObject,
  MediaTypeObject,
  PathItemObject,
  SecuritySchemeObject,
} from "openapi-typescript";

/** The keys of a path item that are operations. */
export const HTTP_METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"] as const;
