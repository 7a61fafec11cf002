/**
 * TypeScript types for one document with openapi-typescript (paths, components, operations).
 *
 * Its transform is called directly, not through `openapiTS()`: that entry point first runs Redocly's linter and
 * bundler over the document, and loading Redocly and running it cost more than the transform itself. Neither has
 * anything left to do here: the document is already linted by rekey (operationIds unique, the OpenAPI 3.1 schema,
 * every schema compiled), and bundling only inlines external $refs, of which a linted document has none once its
 * examples are removed (a schema's $ref must resolve inside the document for lint's compile to pass). The context
 * below is `openapiTS()`'s with the options rekey passes (only `silent`), as openapi-typescript 7.13.0 builds it
 * (its dist/index.cjs); the package is pinned exactly, and the output is the same byte for byte.
 */
import { requireCjs } from "../../kernel/index.ts";

type AnyRecord = Record<string, any>;

/** openapi-typescript needs no examples, and their external $refs would only be resolved for nothing. */
function withoutExamples(raw: unknown): unknown {
  if (Array.isArray(raw)) return raw.map(withoutExamples);
  if (!raw || typeof raw !== "object") return raw;
  const copy: AnyRecord = {};
  for (const [key, value] of Object.entries(raw)) if (key !== "x-ms-examples") copy[key] = withoutExamples(value);
  return copy;
}

interface Transform {
  transformSchema: (schema: unknown, ctx: AnyRecord) => unknown;
  astToString: (ast: unknown) => string;
  scanDiscriminators: (schema: unknown, options: AnyRecord) => unknown;
  resolveRef: (schema: unknown, $ref: string, options: { silent: boolean }) => unknown;
}

/** openapi-typescript's transform and printer, without its index module (which loads all of Redocly). */
export function loadTransform(): Transform {
  const transformSchema = requireCjs("openapi-typescript/dist/transform/index.cjs") as Transform["transformSchema"];
  const { astToString } = requireCjs("openapi-typescript/dist/lib/ts.cjs") as Pick<Transform, "astToString">;
  const { scanDiscriminators, resolveRef } = requireCjs("openapi-typescript/dist/lib/utils.cjs") as Pick<Transform, "scanDiscriminators" | "resolveRef">;
  return { transformSchema, astToString, scanDiscriminators, resolveRef };
}

/** Takes the raw document (not the model) so it can run in a worker thread. */
export async function emitTypes(raw: unknown): Promise<string> {
  const { transformSchema, astToString, scanDiscriminators, resolveRef } = loadTransform();
  const schema = withoutExamples(raw);
  const ctx = {
    additionalProperties: false,
    alphabetize: false,
    arrayLength: false,
    defaultNonNullable: true,
    discriminators: scanDiscriminators(schema, { silent: true }),
    emptyObjectsUnknown: false,
    enum: false,
    enumValues: false,
    conditionalEnums: false,
    dedupeEnums: false,
    excludeDeprecated: false,
    exportType: false,
    immutable: false,
    rootTypes: false,
    rootTypesNoSchemaPrefix: false,
    rootTypesKeepCasing: false,
    injectFooter: [],
    pathParamsAsTypes: false,
    postTransform: undefined,
    propertiesRequiredByDefault: false,
    redoc: undefined,
    silent: true,
    inject: undefined,
    transform: undefined,
    transformProperty: undefined,
    makePathsEnum: false,
    generatePathParams: false,
    readWriteMarkers: false,
    resolve: ($ref: string) => resolveRef(schema, $ref, { silent: true }),
  };
  return astToString(transformSchema(schema, ctx));
}
