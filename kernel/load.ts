/**
 * Stage 1 — load: read and parse a spec document, check its OpenAPI version, resolve every $ref (local and the
 * example files, see resolve-refs.ts), and validate it against the OpenAPI 3.1 schema with swagger-parser. Every
 * failure is a Problem with a file and a JSON pointer (or a line for syntax errors).
 * The OpenAPI 3.1 schema check runs on the document as written (see openapi-schema.ts).
 * Only input-file.ts touches the disk: swagger-parser is handed the documents already read, never a path to read.
 */
import { resolve } from "node:path";
import type SwaggerParserType from "@apidevtools/swagger-parser";
import { HTTP_METHODS, type OpenAPIDocument } from "./openapi-types.ts";
import { readConfinedFile } from "./input-file.ts";
import { get, join } from "./json-pointer.ts";
import { confinementOf, resolveRefs } from "./resolve-refs.ts";
import type { SpecEntry } from "./spec-files.ts";
import { parseSpecText } from "./spec-text.ts";
import { openApiSchemaErrors } from "./openapi-schema.ts";
import { requireCjs } from "./require-cjs.ts";
import { type Problem, UserError, problem } from "./user-error.ts";

export interface LoadedDocument extends SpecEntry {
  /** The document as written, $refs intact. Never mutated. */
  raw: OpenAPIDocument;
  /** Files referenced by external $refs (the examples), parsed, keyed by absolute path. */
  externals: Map<string, unknown>;
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

interface AjvLikeError {
  instancePath?: string;
  message?: string;
  keyword?: string;
  params?: Record<string, unknown>;
}

/** swagger-parser reports schema violations as ajv errors; keep the most specific few. */
function schemaProblems(file: string, error: unknown, followed = false): Problem[] {
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
    problems.push(followed
      ? problem("load/schema", { file, pointer }, `not valid OpenAPI 3.1 once its $ref is followed: ${d.message}${extra}`,
        "point the $ref at an object of the kind this place needs")
      : problem("load/schema", { file, pointer }, `not valid OpenAPI 3.1: ${d.message}${extra}`,
        "see the OpenAPI 3.1 specification for this object"));
    if (problems.length === 3) break;
  }
  return problems;
}

/**
 * swagger-parser's plugins for reading: it asks for a referenced file by the URL it built from the spec's path
 * and the $ref, and gets the document rekey already read (a copy: it dereferences in place); it never reads the
 * disk or the network itself.
 */
function alreadyRead(documents: Map<string, unknown>) {
  return {
    resolve: {
      external: true,
      file: false,
      http: false,
      rekey: {
        order: 1,
        canRead: true,
        read(file: { url: string }) {
          const path = resolve(decodeURIComponent(file.url));
          if (!documents.has(path)) throw new Error(`${file.url} was not read by rekey's loader`);
          return structuredClone(documents.get(path));
        },
      },
    },
    parse: {
      json: false, yaml: false, text: false, binary: false,
      rekey: { order: 1, allowEmpty: true, canParse: true, parse: (file: { data: unknown }) => file.data },
    },
  };
}

/** The OpenAPI 3.1 schema requires a parameter's `in` but not its `name`, which everything after load needs. */
function unnamedParameters(dereferenced: unknown, file: string): Problem[] {
  const problems: Problem[] = [];
  const paths = (dereferenced as { paths?: Record<string, Record<string, unknown>> }).paths ?? {};
  for (const [path, item] of Object.entries(paths)) {
    for (const owner of ["", ...HTTP_METHODS]) {
      const at = owner === "" ? join("", "paths", path) : join("", "paths", path, owner);
      const list = get(dereferenced, join(at, "parameters"));
      if (!Array.isArray(list) || (owner !== "" && !item?.[owner])) continue;
      list.forEach((parameter, i) => {
        if (typeof (parameter as { name?: unknown })?.name !== "string") {
          problems.push(problem("load/schema", { file, pointer: join(at, "parameters", i) }, "parameter has no name",
            "give it a name (the parameter's wire name)"));
        }
      });
    }
  }
  return problems;
}

export async function loadDocument(entry: SpecEntry): Promise<LoadedDocument> {
  const confinement = confinementOf(entry);
  const read = readConfinedFile(entry.absoluteFile, confinement.roots, confinement.shown);
  if (!read.ok) throw new UserError(problem("load/read", { file: entry.file }, `the document ${read.reason}`, read.hint));
  const raw = parseSpecText(read.text, entry.file);
  if (raw === null || typeof raw !== "object" || Array.isArray(raw)) {
    throw new UserError(problem("load/syntax", { file: entry.file, pointer: "" }, "the document is not a YAML mapping",
      "start the document with `openapi: 3.1.0`"));
  }
  checkOpenApiVersion(raw as Record<string, unknown>, entry.file);

  const { documents, externals, problems } = resolveRefs(entry, raw, confinement);
  if (problems.length > 0) throw new UserError(problems);

  const schemaErrors = openApiSchemaErrors(raw);
  if (schemaErrors.length > 0) throw new UserError(schemaProblems(entry.file, { details: schemaErrors }));
  let dereferenced: unknown;
  try {
    // swagger-parser resolves and dereferences the whole document (in place, so it gets a copy); recursive
    // schemas keep their $refs, so the result has no cycles.
    const SwaggerParser = requireCjs("@apidevtools/swagger-parser") as typeof SwaggerParserType;
    dereferenced = await SwaggerParser.validate(entry.absoluteFile, structuredClone(raw) as never, {
      ...alreadyRead(documents),
      dereference: { circular: "ignore" },
      validate: { schema: false, spec: true },
    } as never);
  } catch (error) {
    throw new UserError(schemaProblems(entry.file, error));
  }
  // The document as written is valid; with its $refs followed it must be too: a parameter $ref to a schema, say,
  // is valid as written but no parameter. Reported where the $ref is.
  const followedErrors = openApiSchemaErrors(dereferenced);
  if (followedErrors.length > 0) throw new UserError(schemaProblems(entry.file, { details: followedErrors }, true));
  const unnamed = unnamedParameters(dereferenced, entry.file);
  if (unnamed.length > 0) throw new UserError(unnamed);
  return { ...entry, raw: raw as OpenAPIDocument, externals };
}
