/**
 * JSON Schema validation against a spec document with ajv (2020-12 dialect, as OpenAPI 3.1 uses).
 *
 * The whole document is registered under its docUri, so a schema anywhere in it is `${docUri}#${pointer}` and
 * its $refs resolve as written. Patterns are compiled without the `u` flag: Azure writes .NET-style regexes such
 * as `^[-\w\._\(\)]+$`, whose `\_` is a syntax error in a unicode JS regex.
 */
import type Ajv2020Module from "ajv/dist/2020.js";
import type { ErrorObject, ValidateFunction } from "ajv/dist/2020.js";
import type addFormatsModule from "ajv-formats";
import type { DocumentModel } from "./model-types.ts";
import { join } from "./json-pointer.ts";
import { requireCjs } from "./require-cjs.ts";

export type Ajv = InstanceType<typeof Ajv2020Module.default>;

/** OpenAPI document keys (and schema annotations) that ajv must accept as inert keywords. */
const OPENAPI_KEYWORDS = [
  "openapi", "info", "servers", "paths", "webhooks", "components", "security", "tags", "externalDocs",
  "jsonSchemaDialect", "example", "xml", "discriminator",
];

function extensionKeywords(node: unknown, found: Set<string>): Set<string> {
  if (Array.isArray(node)) node.forEach((n) => extensionKeywords(n, found));
  else if (node && typeof node === "object") {
    for (const [key, value] of Object.entries(node)) {
      if (key.startsWith("x-")) found.add(key);
      extensionKeywords(value, found);
    }
  }
  return found;
}

export interface SchemaValidatorOptions {
  /** Emit code for ajv standalone (only the generator's emit stage needs it). */
  standalone?: boolean;
  /** Skip checking the schemas against the JSON Schema meta-schema (for callers that serve already-linted specs). */
  trusted?: boolean;
}

/** One ajv instance per document, with the document registered. */
export function createAjv(documents: DocumentModel[], options: SchemaValidatorOptions = {}): Ajv {
  const Ajv2020 = (requireCjs("ajv/dist/2020.js") as { default: typeof Ajv2020Module.default }).default;
  const addFormats = (requireCjs("ajv-formats") as { default: typeof addFormatsModule.default }).default;
  const ajv = new Ajv2020({
    allErrors: true,
    strict: true,
    strictTypes: false, // Azure's error schemas have `properties` without `type: object`
    strictRequired: false,
    unicodeRegExp: false,
    code: options.standalone ? { source: true, esm: true, lines: true } : undefined,
    validateSchema: !options.trusted,
  });
  addFormats(ajv);
  const keywords = new Set(OPENAPI_KEYWORDS);
  for (const doc of documents) extensionKeywords(doc.raw, keywords);
  for (const keyword of keywords) if (!ajv.getKeyword(keyword)) ajv.addKeyword({ keyword });
  for (const doc of documents) ajv.addSchema({ ...doc.raw, $id: doc.docUri } as object);
  return ajv;
}

export function schemaRef(doc: DocumentModel, pointer: string): { $ref: string } {
  return { $ref: `${doc.docUri}#${pointer}` };
}

/**
 * The compiled validator of the schema at a pointer in a registered document. ajv caches it (and every schema
 * it references) per document, so each schema is compiled once however often it is asked for. Throws when the
 * schema cannot compile (a bad regex, an unknown keyword).
 */
export function compiledSchema(ajv: Ajv, doc: DocumentModel, pointer: string): ValidateFunction {
  const fn = ajv.getSchema(`${doc.docUri}#${pointer}`);
  if (!fn) throw new Error(`no schema at ${doc.docUri}#${pointer}`);
  return fn;
}

export interface SchemaViolation {
  /** Pointer into the validated value, e.g. /keyType */
  instancePath: string;
  /** Pointer into the schema that was violated, relative to the document, e.g. #/components/schemas/X/properties/keyType/enum */
  schemaPointer: string;
  keyword: string;
  message: string;
}

/** The one place ajv errors are turned into rekey's words. */
export function toViolations(errors: ErrorObject[] | null | undefined): SchemaViolation[] {
  return (errors ?? []).map((e) => {
    const params = e.params as Record<string, unknown>;
    let message = e.message ?? e.keyword;
    if (e.keyword === "enum") message = `must be one of ${(params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(", ")}`;
    if (e.keyword === "required") message = `must have required property "${String(params.missingProperty)}"`;
    if (e.keyword === "additionalProperties") message = `must not have property "${String(params.additionalProperty)}"`;
    if (e.keyword === "pattern") message = `must match pattern ${String(params.pattern)}`;
    const instancePath = e.keyword === "required" ? join(e.instancePath, String(params.missingProperty)) : e.instancePath;
    const hash = e.schemaPath.indexOf("#");
    return { instancePath, schemaPointer: hash === -1 ? e.schemaPath : e.schemaPath.slice(hash + 1), keyword: e.keyword, message };
  });
}

/** A checker for a plain JSON Schema (rekey's own formats: state files, spec extensions), compiled on first use. */
export function schemaChecker(schema: object): (value: unknown) => SchemaViolation[] {
  let fn: ValidateFunction | undefined;
  return (value) => {
    if (!fn) {
      const Ajv2020 = (requireCjs("ajv/dist/2020.js") as { default: typeof Ajv2020Module.default }).default;
      fn = new Ajv2020({ allErrors: true, allowUnionTypes: true }).compile(schema);
    }
    return validate(fn, value);
  };
}

export function validate(fn: ValidateFunction, value: unknown): SchemaViolation[] {
  return fn(value) ? [] : toViolations(fn.errors);
}
