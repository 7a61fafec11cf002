/**
 * Dredd's input for bench:conformance, derived at run time from specs/ (never committed): one Swagger 2.0 document
 * per x-ms-examples entry, so Dredd replays exactly the documented examples against the mock.
 *
 * Dredd 14 cannot read the specs as written: OpenAPI 3.1 is "not fully supported", it wants x-example values it
 * cannot find in Azure's x-ms-examples files, and its URI template parser rejects the `-` in `{?api-version}`
 * ("Expected … [a-zA-Z0-9_.%] but "-" found"). So each example becomes a Swagger 2.0 document where:
 *   - path, header and query parameters carry the example's value as `x-example`;
 *   - a query parameter whose name is not a URI-template variable name (api-version) cannot be a parameter at all:
 *     `name=value` is written into the path key (`…/regenerateKey?api-version=2023-06-01`);
 *   - the request body parameter (named by x-ms-requestBody-name) is `schema: { allOf: [<schema>], example: <body> }`
 *     (Dredd ignores `x-example` on body parameters);
 *   - each status the example documents becomes a response with the spec's schema for it (or `default`'s when the
 *     status is not declared) and `examples: { <content type>: <body> }`; no other responses, so every
 *     transaction Dredd compiles is one the example describes;
 *   - schemas move from components/schemas to definitions ($refs rewritten); 3.1-only keywords are lowered to
 *     Swagger 2.0 (type [T, "null"] → x-nullable, const → enum, numeric exclusiveMinimum/Maximum → boolean form)
 *     and $ref siblings are dropped;
 *   - a JSON response's content type gets "; charset=utf-8", as ARM sends it: Gavel matches Content-Type exactly,
 *     so "application/json" alone fails every JSON answer on that header;
 *   - security is left out: Dredd sends `Authorization: Bearer …` from `--header`.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { parse } from "yaml";
import { discoverSpecs, get } from "../kernel/index.ts";

type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any

export interface DreddDocument {
  /** The Swagger 2.0 file written for Dredd. */
  file: string;
  service: string;
  apiVersion: string;
  operationId: string;
  example: string;
  /** Responses the example documents (one Dredd transaction each). */
  statuses: string[];
}

export interface DreddInput {
  documents: DreddDocument[];
  /** What had to change for Dredd, one line each, deduplicated. */
  conversions: string[];
}

const HTTP_METHODS = ["get", "put", "post", "delete", "options", "head", "patch"];
/** RFC 6570 varname characters as Dredd's URI template parser accepts them. */
const URI_TEMPLATE_NAME = /^[A-Za-z0-9_.%]+$/;
const SCHEMA_MAPS = ["properties", "patternProperties", "definitions", "$defs"];
const SCHEMA_LISTS = ["allOf", "anyOf", "oneOf", "prefixItems"];
const SCHEMA_ONES = ["items", "additionalProperties", "not"];

/** Reads every spec document under `specsDir` and writes one Swagger 2.0 file per example into `outDir`. */
export function writeDreddInput(specsDir: string, outDir: string): DreddInput {
  const documents: DreddDocument[] = [];
  const conversions = new Set<string>();
  for (const entry of discoverSpecs(specsDir)) {
    const spec = parse(readFileSync(entry.absoluteFile, "utf8")) as Json;
    const load = makeLoader(spec, entry.absoluteFile);
    const definitions = Object.fromEntries(
      Object.entries<Json>(spec.components?.schemas ?? {}).map(([name, schema]) => [name, toSwaggerSchema(schema, conversions)]),
    );
    for (const [path, pathItem] of Object.entries<Json>(spec.paths ?? {})) {
      for (const method of HTTP_METHODS) {
        const operation = pathItem[method];
        if (!operation) continue;
        const parameters = [...(pathItem.parameters ?? []), ...(operation.parameters ?? [])].map((p: Json) => load(p).value);
        for (const [title, ref] of Object.entries<Json>(operation["x-ms-examples"] ?? {})) {
          const example = load(ref).value;
          const doc = swaggerDocument(spec, path, method, operation, parameters, example, definitions, load, conversions);
          const file = join(outDir, `${entry.service}-${entry.apiVersion}-${operation.operationId}-${documents.length + 1}.json`);
          // JSON, not YAML: Dredd reads YAML 1.1, which would turn dates in example bodies into timestamps.
          writeFileSync(file, JSON.stringify(doc, null, 2));
          documents.push({
            file, service: entry.service, apiVersion: entry.apiVersion, operationId: operation.operationId, example: title,
            statuses: Object.keys(example.responses ?? {}),
          });
        }
      }
    }
  }
  return { documents, conversions: [...conversions] };
}

/** Resolves `$ref`s: local pointers into the spec, relative files (the x-ms-examples) read once. */
function makeLoader(spec: Json, specFile: string) {
  const files = new Map<string, Json>();
  const load = (node: Json, base = specFile, root = spec): { value: Json; base: string; root: Json } => {
    if (!node || typeof node.$ref !== "string") return { value: node, base, root };
    const [filePart, pointer = ""] = node.$ref.split("#");
    let target = root;
    let targetBase = base;
    if (filePart) {
      targetBase = resolve(dirname(base), filePart);
      if (!files.has(targetBase)) files.set(targetBase, JSON.parse(readFileSync(targetBase, "utf8")));
      target = files.get(targetBase);
    }
    const value = pointer ? get(target, pointer) : target;
    if (value === undefined) throw new Error(`${specFile}: $ref ${node.$ref} does not resolve`);
    return load(value, targetBase, target);
  };
  return (node: Json) => load(node);
}

function swaggerDocument(
  spec: Json, path: string, method: string, operation: Json, parameters: Json[], example: Json,
  definitions: Record<string, Json>, load: (node: Json) => { value: Json }, conversions: Set<string>,
): Json {
  const values: Record<string, unknown> = example.parameters ?? {};
  const swaggerParameters: Json[] = [];
  const literalQuery: string[] = [];
  for (const parameter of parameters) {
    const value = values[parameter.name];
    if (parameter.in === "query" && !URI_TEMPLATE_NAME.test(parameter.name)) {
      if (value !== undefined) literalQuery.push(`${encodeURIComponent(parameter.name)}=${encodeURIComponent(String(value))}`);
      conversions.add(`query parameter "${parameter.name}" written into the path key (Dredd's URI templates reject "-" in names)`);
      continue;
    }
    const required = parameter.required ?? parameter.in === "path";
    if (!required && value === undefined) {
      // Dredd sends an optional header or query parameter without a value as an empty one ("x-ms-client-request-id: "),
      // which no example sends and a strict endpoint refuses.
      conversions.add("optional parameters the example gives no value left out");
      continue;
    }
    const schema = toSwaggerSchema(load(parameter.schema ?? {}).value, conversions);
    const { description, ...constraints } = schema;
    void description;
    swaggerParameters.push({
      name: parameter.name, in: parameter.in, required,
      ...(parameter.description ? { description: parameter.description } : {}),
      ...constraints,
      ...(value !== undefined ? { "x-example": value } : {}),
    });
  }
  conversions.add("parameter values from the example file as x-example");

  const consumes: string[] = [];
  const requestBody = operation.requestBody ? load(operation.requestBody).value : undefined;
  if (requestBody) {
    const [contentType, media] = jsonContent(requestBody.content);
    const name = requestBody["x-ms-requestBody-name"] ?? "body";
    const body = values[name];
    if (contentType) consumes.push(contentType);
    swaggerParameters.push({
      name, in: "body", required: requestBody.required ?? false,
      schema: { allOf: [toSwaggerSchema(media?.schema ?? {}, conversions)], ...(body !== undefined ? { example: body } : {}) },
    });
    conversions.add("request body from the example as the body parameter's schema.example (allOf-wrapped schema)");
  }

  const produces = new Set<string>();
  const responses: Record<string, Json> = {};
  for (const [status, documented] of Object.entries<Json>(example.responses ?? {})) {
    const declared = operation.responses?.[status] ?? operation.responses?.default;
    const response = declared ? load(declared).value : { description: "" };
    const [declaredType, media] = jsonContent(response.content);
    // Gavel compares Content-Type exactly; ARM (and the mock) answer JSON as "application/json; charset=utf-8".
    const contentType = declaredType && /json/.test(declaredType) && !declaredType.includes(";") ? `${declaredType}; charset=utf-8` : declaredType;
    if (contentType !== declaredType) conversions.add(`response content type ${declaredType} → ${contentType} (Gavel matches Content-Type exactly)`);
    const out: Json = { description: response.description ?? "" };
    if (media?.schema) out.schema = toSwaggerSchema(media.schema, conversions);
    if (contentType && documented?.body !== undefined) out.examples = { [contentType]: documented.body };
    if (contentType && (media?.schema || documented?.body !== undefined)) produces.add(contentType);
    responses[status] = out;
  }
  conversions.add("responses: only the statuses the example documents, body as examples[<content type>]");

  const pathKey = literalQuery.length > 0 ? `${path}?${literalQuery.join("&")}` : path;
  return {
    swagger: "2.0",
    info: { title: `${spec.info?.title ?? "API"} — ${operation.operationId}`, version: String(spec.info?.version ?? "") },
    schemes: ["http"],
    paths: {
      [pathKey]: {
        [method]: {
          operationId: operation.operationId,
          ...(operation.summary ? { summary: operation.summary } : {}),
          ...(consumes.length > 0 ? { consumes } : {}),
          ...(produces.size > 0 ? { produces: [...produces] } : {}),
          parameters: swaggerParameters,
          responses,
        },
      },
    },
    definitions,
  };
}

/** The JSON media type of a content map (the first one when none is JSON). */
function jsonContent(content: Json): [string, Json] | [] {
  const entries = Object.entries<Json>(content ?? {});
  return (entries.find(([type]) => /[/+]json\b/.test(type)) ?? entries[0] ?? []) as [string, Json] | [];
}

/** An OpenAPI 3.1 schema as Swagger 2.0 (JSON Schema draft 4 subset) can say it. */
function toSwaggerSchema(schema: Json, conversions: Set<string>): Json {
  if (schema === null || typeof schema !== "object") return schema;
  if (typeof schema.$ref === "string") {
    conversions.add("schemas: components/schemas → definitions, $ref siblings dropped");
    return { $ref: schema.$ref.replace("#/components/schemas/", "#/definitions/") };
  }
  const out: Json = {};
  for (const [key, value] of Object.entries<Json>(schema)) {
    if (SCHEMA_MAPS.includes(key)) out[key] = Object.fromEntries(Object.entries<Json>(value).map(([k, v]) => [k, toSwaggerSchema(v, conversions)]));
    else if (SCHEMA_LISTS.includes(key)) out[key] = value.map((v: Json) => toSwaggerSchema(v, conversions));
    else if (SCHEMA_ONES.includes(key)) out[key] = toSwaggerSchema(value, conversions);
    else out[key] = structuredClone(value);
  }
  if (Array.isArray(out.type)) {
    const types = out.type.filter((t: string) => t !== "null");
    if (types.length < out.type.length) out["x-nullable"] = true;
    out.type = types.length === 1 ? types[0] : undefined;
    if (out.type === undefined) delete out.type;
    conversions.add('type arrays → single type (+ x-nullable for "null")');
  }
  if ("const" in out) {
    out.enum = [out.const];
    delete out.const;
    conversions.add("const → enum");
  }
  for (const [bound, limit] of [["exclusiveMinimum", "minimum"], ["exclusiveMaximum", "maximum"]] as const) {
    if (typeof out[bound] === "number") {
      out[limit] = out[bound];
      out[bound] = true;
      conversions.add(`numeric ${bound} → ${limit} + ${bound}: true`);
    }
  }
  if (Array.isArray(out.examples)) {
    if (out.example === undefined && out.examples.length > 0) out.example = out.examples[0];
    delete out.examples;
  }
  return out;
}
