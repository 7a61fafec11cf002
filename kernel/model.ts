/**
 * Stage 3 — model: the normalised view of every operation (see docs/architecture.md, "operation model").
 * The generator, the mock and the conformance runner all read specs through this module.
 *
 * Schemas stay as written ($refs intact) and carry the JSON pointer where they live, so ajv can compile them
 * against the whole document and every message can say where a rule comes from.
 */
import { dirname, resolve } from "node:path";
import type { LoadedDocument } from "./load.ts";
import { HTTP_METHODS, type OpenAPIDocument, type SchemaObject } from "./openapi-types.ts";
import { armPathShape, type ArmPathShape } from "./arm-path.ts";
import { deref } from "./deref.ts";
import type { DocumentModel, ExampleModel, OperationModel, ParameterBinding, ParameterLocation, ParameterModel, RequestBodyModel, ResponseModel, SecurityRequirementModel, SecuritySchemeModel } from "./model-types.ts";
import { readLongRunning } from "./long-running.ts";
import { readRotation } from "./rotation.ts";
import type { KeyLocation, RotationSpec } from "./rotation-spec.ts";
import type { Problem } from "./user-error.ts";
import { get, join } from "./json-pointer.ts";
import { camelCase, pascalCase } from "./names.ts";
import { displayPath, isStable } from "./spec-files.ts";

type AnyRecord = Record<string, any>;

export function successResponses(operation: OperationModel): ResponseModel[] {
  return operation.responses.filter((r) => /^2\d\d$/.test(r.status));
}

/** The documented error response: `default`, else the first 4XX/4xx/5xx one with a body. */
export function errorResponse(operation: OperationModel): ResponseModel | undefined {
  return (
    operation.responses.find((r) => r.status === "default") ??
    operation.responses.find((r) => /^[45]/.test(r.status) && r.schema)
  );
}

export interface SchemaProperty {
  name: string;
  /** The property as written (may be a $ref with siblings such as x-ms-secret). */
  written: AnyRecord;
  /** The property's schema, $refs followed. */
  schema: AnyRecord;
  /** Where that schema is defined in the document. */
  pointer: string;
  /** Where the property sits in an instance: /a/b, with "*" for any array index. */
  instancePath: string;
}

/**
 * Visits every property of a schema through $refs, items and allOf/anyOf/oneOf; a recursive schema is entered at most
 * `depth` times along one path (once by default: it ends where it repeats).
 */
export function walkProperties(raw: unknown, schema: unknown, schemaPointer: string, visit: (property: SchemaProperty) => void, depth = 1): void {
  const walk = (node: unknown, pointer: string, instance: string, seen: readonly string[]): void => {
    const { node: s, pointer: at } = deref(raw, node, pointer);
    if (!s || typeof s !== "object" || seen.filter((p) => p === at).length >= depth) return;
    const inner = [...seen, at];
    for (const [name, written] of Object.entries((s.properties ?? {}) as AnyRecord)) {
      const { node: prop, pointer: defined } = deref(raw, written, join(at, "properties", name));
      visit({ name, written, schema: prop, pointer: defined, instancePath: join(instance, name) });
      walk(prop, defined, join(instance, name), inner);
    }
    if (s.items) walk(s.items, join(at, "items"), instance + "/*", inner);
    for (const key of ["allOf", "anyOf", "oneOf"]) {
      ((s[key] ?? []) as unknown[]).forEach((sub, i) => walk(sub, join(at, key, i), instance, inner));
    }
  };
  walk(schema, schemaPointer, "", []);
}

/** x-ms-secret, written beside a $ref or on the schema it points to. */
export function secretMarker(property: Pick<SchemaProperty, "written" | "schema">): boolean | undefined {
  return property.written?.["x-ms-secret"] ?? property.schema?.["x-ms-secret"];
}

export function secretPaths(raw: unknown, schema: unknown, schemaPointer: string): string[] {
  const paths: string[] = deref(raw, schema, schemaPointer).node?.["x-ms-secret"] === true ? ["/"] : [];
  walkProperties(raw, schema, schemaPointer, (p) => {
    if (secretMarker(p) === true) paths.push(p.instancePath);
  });
  return paths;
}

/** How deep shown paths follow a recursive schema (an ARM error's details of details). */
const SHOWN_DEPTH = 3;

/**
 * The declared, non-secret instance pointers of a schema where a string may stand: its properties' and their array
 * items' (see ResponseModel.shownPaths). A pointer whose schema declares an object or an array is left out, so a
 * string a target sends there (an array of keys where objects are declared) is shown by its shape, not as it is.
 */
export function shownPaths(raw: unknown, schema: unknown, schemaPointer: string, secret = secretPaths(raw, schema, schemaPointer)): string[] {
  if (secret.includes("/")) return [];
  const insideSecret = (path: string) => secret.some((s) => path === s || path.startsWith(`${s}/`));
  const shown = new Set<string>();
  /** A declared value's pointer and, when it is an array (of arrays…), its items', where they may hold a string. */
  const add = (node: unknown, pointer: string, path: string) => {
    let { node: s, pointer: at } = deref(raw, node, pointer);
    if (path !== "" && mayBeString(s)) shown.add(path);
    for (let depth = 0; s?.items && depth < 32; depth++) {
      ({ node: s, pointer: at } = deref(raw, s.items, join(at, "items")));
      path += "/*";
      if (mayBeString(s)) shown.add(path);
    }
  };
  add(schema, schemaPointer, "");
  walkProperties(raw, schema, schemaPointer, (p) => {
    if (!insideSecret(p.instancePath)) add(p.schema, p.pointer, p.instancePath);
  }, SHOWN_DEPTH);
  return [...shown];
}

/** True when a schema admits a string: its type says so, or it declares no type and no properties or items. */
function mayBeString(schema: AnyRecord | undefined): boolean {
  if (!schema || typeof schema !== "object") return true;
  const type = schema.type;
  if (typeof type === "string") return type === "string";
  if (Array.isArray(type)) return type.includes("string");
  return schema.properties === undefined && schema.items === undefined;
}

function firstJsonMedia(content: AnyRecord | undefined): [string, AnyRecord] | undefined {
  if (!content) return undefined;
  const entries = Object.entries(content);
  return entries.find(([type]) => /\bjson\b/.test(type)) ?? entries[0];
}

function parameterModels(doc: LoadedDocument, pathItemPointer: string, operationPointer: string): ParameterModel[] {
  const raw = doc.raw;
  const byKey = new Map<string, ParameterModel>();
  for (const ownerPointer of [pathItemPointer, operationPointer]) {
    const list = (get(raw, join(ownerPointer, "parameters")) ?? []) as unknown[];
    list.forEach((entry, index) => {
      const written = join(ownerPointer, "parameters", index);
      const isComponent = typeof (entry as AnyRecord)?.$ref === "string" &&
        (entry as AnyRecord).$ref.startsWith("#/components/parameters/");
      const { node: p, pointer } = deref(raw, entry, written);
      const location = p["x-ms-parameter-location"];
      const binding: ParameterBinding =
        p.in === "query" && p.name === "api-version" ? "api-version"
        : location === "client" ? "client"
        : location === "method" ? "method"
        : isComponent ? "client" : "method";
      byKey.set(`${p.in}:${p.name}`, {
        name: p.name,
        in: p.in,
        required: p.required === true,
        description: p.description,
        clientName: p["x-ms-client-name"] ?? camelCase(p.name),
        binding,
        schema: (p.schema ?? {}) as SchemaObject,
        pointer,
        schemaPointer: join(pointer, "schema"),
      });
    });
  }
  return [...byKey.values()];
}

function requestBodyModel(doc: LoadedDocument, operationPointer: string): RequestBodyModel | undefined {
  const written = get(doc.raw, join(operationPointer, "requestBody"));
  if (!written) return undefined;
  const { node: body, pointer } = deref(doc.raw, written, join(operationPointer, "requestBody"));
  const media = firstJsonMedia(body.content);
  if (!media) return undefined;
  const [contentType, mediaObject] = media;
  return {
    name: body["x-ms-requestBody-name"] ?? (written as AnyRecord)["x-ms-requestBody-name"] ?? "body",
    required: body.required === true,
    description: body.description,
    contentType,
    schema: (mediaObject.schema ?? {}) as SchemaObject,
    pointer,
    schemaPointer: join(pointer, "content", contentType, "schema"),
  };
}

function responseModels(doc: LoadedDocument, operationPointer: string): ResponseModel[] {
  const responses = (get(doc.raw, join(operationPointer, "responses")) ?? {}) as AnyRecord;
  return Object.entries(responses).map(([status, written]) => {
    const { node: response, pointer } = deref(doc.raw, written, join(operationPointer, "responses", status));
    const media = firstJsonMedia(response.content);
    const schemaPointer = media ? join(pointer, "content", media[0], "schema") : undefined;
    const schema = media?.[1].schema as SchemaObject | undefined;
    const secret = schema && schemaPointer ? secretPaths(doc.raw, schema, schemaPointer) : [];
    return {
      status,
      description: response.description ?? "",
      contentType: media?.[0],
      schema,
      schemaPointer: schema ? schemaPointer : undefined,
      pointer,
      secretPaths: secret,
      shownPaths: schema && schemaPointer ? shownPaths(doc.raw, schema, schemaPointer, secret) : [],
    };
  });
}

function exampleModels(doc: LoadedDocument, operationPointer: string): ExampleModel[] {
  const declared = (get(doc.raw, join(operationPointer, "x-ms-examples")) ?? {}) as AnyRecord;
  return Object.entries(declared).map(([title, entry]) => {
    const pointer = join(operationPointer, "x-ms-examples", title);
    let file = doc.file;
    let content: AnyRecord = entry;
    if (typeof entry?.$ref === "string") {
      const [filePart, fragment = ""] = entry.$ref.split("#");
      const absolute = filePart ? resolve(dirname(doc.absoluteFile), filePart) : doc.absoluteFile;
      const source = filePart ? doc.externals.get(absolute) : doc.raw;
      file = displayPath(absolute);
      content = get(source, fragment) as AnyRecord;
    }
    return {
      title,
      file,
      pointer,
      parameters: (content?.parameters ?? {}) as Record<string, unknown>,
      responses: (content?.responses ?? {}) as ExampleModel["responses"],
    };
  });
}

function operationModel(doc: LoadedDocument, path: string, httpMethod: string): OperationModel {
  const pathItemPointer = join("", "paths", path);
  const pointer = join(pathItemPointer, httpMethod);
  const op = get(doc.raw, pointer) as AnyRecord;
  const operationId: string = op.operationId ?? `${httpMethod}${pascalCase(path)}`;
  const [groupPart, ...rest] = operationId.split("_");
  const security = (op.security ?? doc.raw.security ?? []) as Array<Record<string, string[]>>;
  return {
    operationId,
    group: rest.length > 0 ? camelCase(groupPart) : "",
    methodName: camelCase(rest.length > 0 ? rest.join("_") : groupPart),
    httpMethod,
    pathTemplate: path,
    pointer,
    summary: op.summary,
    description: op.description,
    tags: op.tags ?? [],
    parameters: parameterModels(doc, pathItemPointer, pointer),
    requestBody: requestBodyModel(doc, pointer),
    responses: responseModels(doc, pointer),
    security: security.flatMap((requirement) =>
      Object.entries(requirement).map(([scheme, scopes]) => ({ scheme, scopes }))),
    examples: exampleModels(doc, pointer),
    armPath: armPathShape(path, httpMethod),
  };
}

/**
 * Where a rotation says keys appear is secret, whether or not the schema says x-ms-secret (Azure's Storage marks no
 * key `value`): added to the success responses' secret paths (of the read-back operation too), and taken out of
 * their shown paths, so reports, errors and generated clients redact them.
 */
function markRotatedKeysSecret(rotation: RotationSpec, operation: OperationModel, operations: OperationModel[]): void {
  const reader = rotation.readBack && operations.find((o) => o.operationId === rotation.readBack!.operationId);
  const targets: Array<[OperationModel, Record<string, KeyLocation>]> = [[operation, rotation.keys]];
  if (reader) targets.push([reader, rotation.readBack!.keys]);
  for (const [owner, locations] of targets) {
    const paths = Object.values(locations).flatMap((l) => (l.value ? [(l.element ? `${l.element.array}/*` : "") + l.value] : []));
    if (paths.length === 0) continue;
    for (const response of successResponses(owner)) {
      if (!response.schema) continue;
      response.secretPaths = [...new Set([...response.secretPaths, ...paths])];
      response.shownPaths = response.shownPaths.filter((p) => !paths.some((s) => p === s || p.startsWith(`${s}/`)));
    }
  }
}

export function documentUri(service: string, apiVersion: string): string {
  return `https://rekey.invalid/specs/${service}/${apiVersion}/openapi.json`;
}

export function buildDocumentModel(doc: LoadedDocument): DocumentModel {
  const raw = doc.raw as AnyRecord;
  const operations: OperationModel[] = [];
  for (const [path, pathItem] of Object.entries((raw.paths ?? {}) as AnyRecord)) {
    const item = deref(raw, pathItem, join("", "paths", path)).node;
    for (const method of HTTP_METHODS) if (item?.[method]) operations.push(operationModel(doc, path, method));
  }
  const problems: Problem[] = [];
  for (const operation of operations) {
    const read = readRotation({ file: doc.file, raw, operations }, operation);
    problems.push(...read.problems);
    if (read.rotation) operation.rotation = read.rotation;
    const async = readLongRunning({ file: doc.file, raw }, operation);
    problems.push(...async.problems);
    if (async.longRunning) operation.longRunning = async.longRunning;
  }
  for (const operation of operations) if (operation.rotation) markRotatedKeysSecret(operation.rotation, operation, operations);
  const schemes = (raw.components?.securitySchemes ?? {}) as AnyRecord;
  return {
    service: doc.service,
    apiVersion: doc.apiVersion,
    stable: isStable(doc.apiVersion),
    file: doc.file,
    docUri: documentUri(doc.service, doc.apiVersion),
    raw: doc.raw,
    title: raw.info?.title ?? doc.service,
    description: raw.info?.description,
    clientName: raw.info?.["x-ms-code-generation-settings"]?.name ?? `${pascalCase(doc.service)}Client`,
    defaultEndpoint: raw.servers?.[0]?.url ?? "https://management.azure.com",
    securitySchemes: Object.entries(schemes).map(([name, written]) => {
      const s = deref(raw, written, join("", "components", "securitySchemes", name)).node;
      const scopes = Object.values((s.flows ?? {}) as AnyRecord).flatMap((flow) => Object.keys(flow?.scopes ?? {}));
      return { name, type: s.type, description: s.description, scopes: [...new Set(scopes)] };
    }),
    operations,
    problems,
  };
}
