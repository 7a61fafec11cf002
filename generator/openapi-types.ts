/** The OpenAPI 3.1 object shapes rekey reads (type-only: openapi-typescript is never loaded for these). */
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
