/**
 * Stage 1 — load: parse a spec document, check its OpenAPI version, resolve every $ref (local and the example
 * files), and validate it against the OpenAPI 3.1 schema with swagger-parser. Every failure is a Problem with a
 * file and a JSON pointer (or a line for syntax errors).
 * The OpenAPI 3.1 schema check runs on the document as written (see openapi-schema.ts).
 */
import { readFileSync, existsSync } from "node:fs";
import { dirname, resolve } from "node:path";
import type SwaggerParserType from "@apidevtools/swagger-parser";
import type * as Yaml from "yaml";
import type { OpenAPIDocument } from "./openapi-types.ts";
import { get, join } from "./json-pointer.ts";
import { type SpecEntry, displayPath, isApiVersion } from "./spec-files.ts";
import { openApiSchemaErrors } from "./openapi-schema.ts";
import { requireCjs } from "./require-cjs.ts";
import { type Problem, UserError, problem } from "./user-error.ts";

export interface LoadedDocument extends SpecEntry {
  /** The document as written, $refs intact. Never mutated. */
  raw: OpenAPIDocument;
  /** Files referenced by external $refs (the examples), parsed, keyed by absolute path. */
  externals: Map<string, unknown>;
}

/** Parses YAML or JSON text; syntax errors become Problems with line and column. */
export function parseSpecText(text: string, file: string): unknown {
  const { parseDocument } = requireCjs("yaml") as typeof Yaml;
  const doc = parseDocument(text, { uniqueKeys: true, prettyErrors: true });
  if (doc.errors.length > 0) {
    throw new UserError(
      doc.errors.slice(0, 1).map((e) => {
        const pos = e.linePos?.[0];
        const what = e.message.split("\n")[0].replace(/ at line \d+, column \d+.*$/, "");
        return problem("load/syntax", { file, line: pos?.line, column: pos?.col }, `invalid YAML/JSON: ${what}`, "fix the syntax at that line");
      }),
    );
  }
  return doc.toJS({ maxAliasCount: 100 });
}

function checkOpenApiVersion(raw: Record<string, unknown>, file: string): void {
  if (typeof raw.swagger === "string") {
    throw new UserError(
      problem("load/version", { file, pointer: "/swagger" }, `Swagger ${raw.swagger} is not supported`,
        "convert the document to OpenAPI 3.1 (e.g. with swagger2openapi, then set `openapi: 3.1.0`)"),
    );
  }
  const version = raw.openapi;
  if (typeof version !== "string") {
    throw new UserError(
      problem("load/version", { file, pointer: "" }, "no `openapi` field: this is not an OpenAPI document",
        "start the document with `openapi: 3.1.0`"),
    );
  }
  if (!/^3\.1\.\d+$/.test(version)) {
    throw new UserError(
      problem("load/version", { file, pointer: "/openapi" }, `OpenAPI ${version} is not supported; rekey reads OpenAPI 3.1`,
        "set `openapi: 3.1.0` and update 3.0 idioms (nullable → type arrays, exclusiveMinimum as a number)"),
    );
  }
}

/** Walks every `$ref` and checks that it resolves; external files are read once and kept. */
function resolveRefs(entry: SpecEntry, raw: unknown, externals: Map<string, unknown>): Problem[] {
  const problems: Problem[] = [];
  const baseDir = dirname(entry.absoluteFile);

  const visit = (node: unknown, pointer: string): void => {
    if (Array.isArray(node)) return node.forEach((item, i) => visit(item, join(pointer, i)));
    if (node === null || typeof node !== "object") return;
    const record = node as Record<string, unknown>;
    if (typeof record.$ref === "string") {
      const failure = checkRef(record.$ref);
      if (failure) {
        problems.push(problem("load/ref", { file: entry.file, pointer: join(pointer, "$ref") },
          `$ref "${record.$ref}" does not resolve: ${failure}`, "point it at an existing file and JSON pointer"));
      }
    }
    for (const [key, value] of Object.entries(record)) if (key !== "$ref") visit(value, join(pointer, key));
  };

  const checkRef = (ref: string): string | undefined => {
    const hashAt = ref.indexOf("#");
    const filePart = hashAt === -1 ? ref : ref.slice(0, hashAt);
    const fragment = hashAt === -1 ? "" : ref.slice(hashAt + 1);
    let target: unknown = raw;
    if (filePart !== "") {
      if (/^[a-z]+:/i.test(filePart)) return "only local files can be referenced";
      const absolute = resolve(baseDir, filePart);
      if (!externals.has(absolute)) {
        if (!existsSync(absolute)) return `file ${displayPath(absolute)} not found`;
        externals.set(absolute, parseSpecText(readFileSync(absolute, "utf8"), displayPath(absolute)));
      }
      target = externals.get(absolute);
    }
    if (fragment !== "" && get(target, fragment) === undefined) return `nothing at ${fragment}`;
    return undefined;
  };

  visit(raw, "");
  return problems;
}

interface AjvLikeError {
  instancePath?: string;
  message?: string;
  keyword?: string;
  params?: Record<string, unknown>;
}

/** swagger-parser reports schema violations as ajv errors; keep the most specific few. */
function schemaProblems(file: string, error: unknown): Problem[] {
  const details = (error as { details?: AjvLikeError[] }).details;
  if (!Array.isArray(details) || details.length === 0) {
    const message = String((error as Error).message ?? error).split("\n")[0];
    return [problem("load/schema", { file, pointer: "" }, message, "fix the document so it is valid OpenAPI 3.1")];
  }
  const noise = new Set(["oneOf", "anyOf", "if", "not", "$dynamicRef", "$ref", "unevaluatedProperties"]);
  const specific = details.filter((d) => !noise.has(d.keyword ?? ""));
  const chosen = (specific.length > 0 ? specific : details)
    .sort((a, b) => (b.instancePath ?? "").length - (a.instancePath ?? "").length);
  const seen = new Set<string>();
  const problems: Problem[] = [];
  for (const d of chosen) {
    const pointer = d.instancePath ?? "";
    if (seen.has(pointer)) continue;
    seen.add(pointer);
    const extra = d.params?.additionalProperty ? ` ("${String(d.params.additionalProperty)}")` : "";
    problems.push(problem("load/schema", { file, pointer }, `not valid OpenAPI 3.1: ${d.message}${extra}`,
      "see the OpenAPI 3.1 specification for this object"));
    if (problems.length === 3) break;
  }
  return problems;
}

export async function loadDocument(entry: SpecEntry): Promise<LoadedDocument> {
  if (!isApiVersion(entry.apiVersion)) {
    throw new UserError(problem("load/layout", { file: entry.file }, `folder "${entry.apiVersion}" is not an api-version`,
      "name spec folders specs/<service>/<YYYY-MM-DD[-preview]>/openapi.yaml"));
  }
  const raw = parseSpecText(readFileSync(entry.absoluteFile, "utf8"), entry.file);
  if (raw === null || typeof raw !== "object" || Array.isArray(raw)) {
    throw new UserError(problem("load/syntax", { file: entry.file, pointer: "" }, "the document is not a YAML mapping",
      "start the document with `openapi: 3.1.0`"));
  }
  checkOpenApiVersion(raw as Record<string, unknown>, entry.file);

  const externals = new Map<string, unknown>();
  const refProblems = resolveRefs(entry, raw, externals);
  if (refProblems.length > 0) throw new UserError(refProblems);

  const schemaErrors = openApiSchemaErrors(raw);
  if (schemaErrors.length > 0) throw new UserError(schemaProblems(entry.file, { details: schemaErrors }));
  try {
    // swagger-parser resolves and dereferences the whole document (in place, so it gets a copy).
    const SwaggerParser = requireCjs("@apidevtools/swagger-parser") as typeof SwaggerParserType;
    await SwaggerParser.validate(entry.absoluteFile, structuredClone(raw) as never, {
      resolve: { external: true },
      validate: { schema: false, spec: true },
    });
  } catch (error) {
    throw new UserError(schemaProblems(entry.file, error));
  }
  return { ...entry, raw: raw as OpenAPIDocument, externals };
}
