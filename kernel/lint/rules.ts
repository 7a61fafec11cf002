/**
 * Project lint rules: one named function each, in a registry. A rule returns Problems; it never throws.
 */
import { errorResponse, secretMarker, successResponses, walkProperties } from "../model.ts";
import type { DocumentModel } from "../model-types.ts";
import { get, join } from "../json-pointer.ts";
import { problem, type Problem } from "../user-error.ts";
import type { ErrorObject } from "ajv";
import { compiledSchema } from "../schema-validator.ts";
import { identifierNames } from "./identifier-names.ts";
import type { LintContext, LintRule } from "./lint-context.ts";

type AnyRecord = Record<string, any>;

/** Every place a schema starts: components/schemas and each parameter, body and response schema. */
export function schemaLocations(doc: DocumentModel): string[] {
  const locations = new Set<string>();
  for (const name of Object.keys((doc.raw.components?.schemas ?? {}) as AnyRecord)) {
    locations.add(join("", "components", "schemas", name));
  }
  for (const op of doc.operations) {
    for (const p of op.parameters) locations.add(p.schemaPointer);
    if (op.requestBody) locations.add(op.requestBody.schemaPointer);
    for (const r of op.responses) if (r.schemaPointer) locations.add(r.schemaPointer);
  }
  return [...locations];
}

function findKey(node: unknown, key: string, pointer: string): string | undefined {
  if (!node || typeof node !== "object") return undefined;
  if (Object.prototype.hasOwnProperty.call(node, key)) return join(pointer, key);
  for (const [k, v] of Object.entries(node)) {
    const found = findKey(v, key, join(pointer, k));
    if (found) return found;
  }
  return undefined;
}

/** ajv's meta-schema errors for one keyword come in several (enum, type, anyOf): keep the most telling one. */
function metaSchemaMessage(errors: ErrorObject[], value: unknown): string {
  const allowed = errors.find((e) => e.keyword === "enum")?.params as { allowedValues?: unknown[] } | undefined;
  if (allowed?.allowedValues) {
    return `${JSON.stringify(value)} is not allowed here; use one of ${allowed.allowedValues.map((v) => JSON.stringify(v)).join(", ")}`;
  }
  return errors[0].message ?? errors[0].keyword;
}

const schemaValid: LintRule = ({ doc, ajv, at }) => {
  const problems: Problem[] = [];
  for (const location of schemaLocations(doc)) {
    const node = get(doc.raw, location);
    if (ajv.validateSchema(node as object)) continue;
    const byPointer = new Map<string, ErrorObject[]>();
    for (const e of ajv.errors ?? []) byPointer.set(e.instancePath, [...(byPointer.get(e.instancePath) ?? []), e]);
    for (const [pointer, errors] of byPointer) {
      problems.push(problem("schema-valid", at(location + pointer),
        `invalid JSON Schema: ${metaSchemaMessage(errors, get(node, pointer))}`,
        "fix the keyword (JSON Schema 2020-12, as OpenAPI 3.1 uses)"));
    }
  }
  if (problems.length > 0) return dedupe(problems);
  // Valid against the meta-schema; compiling finds what it cannot: bad regexes and unknown keywords.
  for (const location of schemaLocations(doc)) {
    const node = get(doc.raw, location);
    try {
      compiledSchema(ajv, doc, location);
    } catch (error) {
      const message = String((error as Error).message).split("\n")[0];
      const unknown = /unknown keyword: "([^"]+)"/.exec(message)?.[1];
      const pattern = /Invalid regular expression/.test(message);
      const where = (unknown && findKey(node, unknown, location)) || (pattern && findKey(node, "pattern", location)) || location;
      problems.push(problem("schema-valid", at(where), `invalid schema: ${message}`,
        unknown ? `remove or correct "${unknown}" (extensions must start with x-)` : "correct the schema"));
    }
  }
  return dedupe(problems);
};

function dedupe(problems: Problem[]): Problem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.location.file}#${p.location.pointer}:${p.message}`;
    return seen.has(key) ? false : (seen.add(key), true);
  });
}

const operationIdUnique: LintRule = ({ doc, at }) => {
  const problems: Problem[] = [];
  const firstSeen = new Map<string, string>();
  for (const op of doc.operations) {
    const written = (get(doc.raw, op.pointer) as AnyRecord).operationId;
    if (typeof written !== "string" || written === "") {
      problems.push(problem("operation-id", at(op.pointer), "operation has no operationId",
        "add an operationId such as Group_Action (it names the generated method)"));
      continue;
    }
    const earlier = firstSeen.get(written);
    if (earlier) {
      problems.push(problem("operation-id", at(join(op.pointer, "operationId")),
        `operationId "${written}" is already used at ${earlier}`, "give every operation its own operationId"));
    } else firstSeen.set(written, op.pointer);
  }
  return problems;
};

const apiVersionParameter: LintRule = ({ doc, at }) =>
  doc.operations.flatMap((op) => {
    const p = op.parameters.find((x) => x.binding === "api-version");
    if (p?.required) return [];
    return [problem("api-version-parameter", at(join(op.pointer, "parameters")),
      p ? "the api-version query parameter must be required" : "operation has no api-version query parameter",
      "add a required query parameter named api-version (ARM rejects requests without it)")];
  });

/**
 * openapi-fetch writes query parameter names into the URL as they are (only values are encoded), and header names
 * must be HTTP tokens: a name with `&`, `=`, `#` or a space would send something other than the spec says.
 */
const QUERY_NAME = /^[A-Za-z0-9\-._~!$'()*,;:@/?[\]]+$/;
const HEADER_NAME = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

const wireNames: LintRule = ({ doc, at }) => {
  const parameters = new Map(doc.operations.flatMap((op) => op.parameters).map((p) => [p.pointer, p]));
  return [...parameters.values()].flatMap((p) => {
    const pattern = p.in === "query" ? QUERY_NAME : p.in === "header" ? HEADER_NAME : undefined;
    if (!pattern || pattern.test(p.name)) return [];
    return [problem("wire-names", at(join(p.pointer, "name")), `${p.in} parameter name ${JSON.stringify(p.name)} cannot be sent as written`,
      p.in === "query" ? "use letters, digits and - . _ ~ $ (no &, =, #, + or spaces)" : "use an HTTP header name: letters, digits and - _ .")];
  });
};

const responsesPresent: LintRule = ({ doc, at }) =>
  doc.operations.flatMap((op) =>
    successResponses(op).length > 0 ? [] : [problem("success-response", at(join(op.pointer, "responses")),
      "operation documents no 2xx response", "document the success status (e.g. 200 with a schema, or 204)")]);

const errorResponseDeclared: LintRule = ({ doc, at }) =>
  doc.operations.flatMap((op) => {
    const error = errorResponse(op);
    if (error?.schema) return [];
    return [problem("error-response", at(join(op.pointer, "responses")),
      error ? `error response "${error.status}" has no JSON schema` : "operation documents no error response",
      "add a `default` response with the service's error schema (e.g. ErrorResponse or CloudError)")];
  });

const pathParameters: LintRule = ({ doc, at }) =>
  doc.operations.flatMap((op) => {
    const inTemplate = [...op.pathTemplate.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
    const declared = op.parameters.filter((p) => p.in === "path").map((p) => p.name);
    return [
      ...inTemplate.filter((n) => !declared.includes(n)).map((n) =>
        problem("path-parameters", at(join(op.pointer, "parameters")), `path segment {${n}} has no path parameter`,
          `declare a required path parameter named ${n}`)),
      ...declared.filter((n) => !inTemplate.includes(n)).map((n) =>
        problem("path-parameters", at(join(op.pointer, "parameters")), `path parameter "${n}" is not in the path`,
          "remove it or add {" + n + "} to the path")),
    ];
  });

const securityDeclared: LintRule = ({ doc, at }) =>
  doc.operations.flatMap((op) => {
    if (op.security.length === 0) {
      return [problem("security-declared", at(op.pointer), "operation declares no security requirement",
        "add `security: [{ azure_auth: [user_impersonation] }]` at the top level or on the operation")];
    }
    return op.security
      .filter((s) => !doc.securitySchemes.some((scheme) => scheme.name === s.scheme))
      .map((s) => problem("security-declared", at(op.pointer), `security scheme "${s.scheme}" is not defined`,
        "define it under components/securitySchemes"));
  });

const examplePresent: LintRule = ({ doc, at }) =>
  doc.operations.flatMap((op) =>
    op.examples.length > 0 ? [] : [problem("example-present", at(op.pointer), `operation ${op.operationId} has no example`,
      "add x-ms-examples: { <title>: { $ref: ./examples/<File>.json } }")]);

const exampleValid: LintRule = (ctx) => {
  const problems: Problem[] = [];
  for (const op of ctx.doc.operations) {
    for (const example of op.examples) {
      const where = (pointer: string) => ctx.inExample(example, pointer);
      const report = (pointer: string, message: string, hint: string) =>
        problems.push(problem("example-valid", where(pointer), `example "${example.title}": ${message}`, hint));
      const known = new Set(op.parameters.map((p) => p.name));
      for (const p of op.parameters) {
        const pointer = join("", "parameters", p.name);
        if (!Object.hasOwn(example.parameters, p.name)) { // own: "constructor" in {} is true
          if (p.required) report("/parameters", `missing required parameter "${p.name}"`, `add "${p.name}" to the example's parameters`);
          continue;
        }
        for (const v of ctx.check(p.schemaPointer, example.parameters[p.name]) ?? []) {
          report(pointer + v.instancePath, `parameter "${p.name}" ${v.message}`, `change the value or the schema at ${p.schemaPointer}`);
        }
      }
      const body = op.requestBody;
      if (body) {
        known.add(body.name);
        if (!Object.hasOwn(example.parameters, body.name)) {
          if (body.required) report("/parameters", `missing request body "${body.name}"`, `add "${body.name}" to the example's parameters`);
        } else {
          for (const v of ctx.check(body.schemaPointer, example.parameters[body.name]) ?? []) {
            report(join("", "parameters", body.name) + v.instancePath, `body ${v.message}`, `change the value or the schema at ${body.schemaPointer}`);
          }
        }
      }
      for (const name of Object.keys(example.parameters)) {
        if (!known.has(name)) report(join("", "parameters", name), `"${name}" is not a parameter of ${op.operationId}`, "remove it or declare the parameter");
      }
      if (Object.keys(example.responses).length === 0) report("/responses", "has no responses", "add at least the success response");
      for (const [status, response] of Object.entries(example.responses)) {
        const documented = op.responses.find((r) => r.status === status) ??
          op.responses.find((r) => r.status.toUpperCase() === `${status[0]}XX`) ??
          op.responses.find((r) => r.status === "default");
        const pointer = join("", "responses", status);
        if (!documented) {
          report(pointer, `status ${status} is not documented by the operation`, "document it or remove it from the example");
          continue;
        }
        const hasBody = response && typeof response === "object" && "body" in response;
        if (!documented.schema) {
          if (hasBody) report(join(pointer, "body"), `status ${status} documents no body, but the example has one`, "remove the body");
          continue;
        }
        if (!hasBody) continue;
        for (const v of ctx.check(documented.schemaPointer!, response.body) ?? []) {
          report(join(pointer, "body") + v.instancePath, `response body ${v.message}`, `change the value or the schema at ${documented.schemaPointer}`);
        }
      }
    }
  }
  return problems;
};

const SECRET_NAME = /(key|secret|password|token|credential)s?$/i;
const SECRET_WORDS = /\b(key|secret|password|token)\b/i;
const NOT_A_SECRET = /\b(date|time|type|name|kind|identifier|id|expiry|updated)\b/i;

/** Response fields that look like key values must say whether they are secret (x-ms-secret). */
const secretsMarked: LintRule = ({ doc, at }) => {
  const reported = new Map<string, Problem>();
  for (const op of doc.operations) {
    for (const r of successResponses(op)) {
      if (!r.schemaPointer) continue;
      walkProperties(doc.raw, r.schema, r.schemaPointer, (property) => {
        const { name, schema: prop } = property;
        const looksSecret = prop?.type === "string" && !prop.enum &&
          (SECRET_NAME.test(name) || (SECRET_WORDS.test(prop.description ?? "") && !NOT_A_SECRET.test(prop.description ?? "")));
        if (!looksSecret || typeof secretMarker(property) === "boolean" || reported.has(property.pointer)) return;
        reported.set(property.pointer, problem("secret-marked", at(property.pointer),
          `property "${name}" looks like a key or secret but has no x-ms-secret`,
          'add "x-ms-secret: true" so tools redact it (or "x-ms-secret: false" if it is not secret)'));
      });
    }
  }
  return [...reported.values()];
};

/** The folder name is the api-version; say so when the document or an example disagrees (a warning). */
const apiVersionConsistent: LintRule = ({ doc, at, inExample }) => {
  const problems: Problem[] = [];
  const written = (doc.raw.info as AnyRecord | undefined)?.version;
  if (written !== doc.apiVersion) {
    problems.push(problem("api-version-consistent", at("/info/version"),
      `info.version "${String(written)}" differs from the folder's api-version ${doc.apiVersion}; the folder name is used`,
      `set info.version to '${doc.apiVersion}'`, "warning"));
  }
  for (const op of doc.operations) {
    for (const ex of op.examples) {
      const value = ex.parameters["api-version"];
      if (value !== undefined && value !== doc.apiVersion) {
        problems.push(problem("api-version-consistent", inExample(ex, "/parameters/api-version"),
          `example "${ex.title}" uses api-version ${String(value)}, the folder is ${doc.apiVersion}`,
          `set it to "${doc.apiVersion}"`, "warning"));
      }
    }
  }
  return problems;
};

export const LINT_RULES: Record<string, LintRule> = {
  "schema-valid": schemaValid,
  "operation-id": operationIdUnique,
  "identifier-names": identifierNames,
  "wire-names": wireNames,
  "api-version-parameter": apiVersionParameter,
  "path-parameters": pathParameters,
  "success-response": responsesPresent,
  "error-response": errorResponseDeclared,
  "security-declared": securityDeclared,
  "example-present": examplePresent,
  "example-valid": exampleValid,
  "secret-marked": secretsMarked,
  "api-version-consistent": apiVersionConsistent,
};

export function lintDocument(ctx: LintContext): Problem[] {
  return Object.values(LINT_RULES).flatMap((rule) => rule(ctx));
}
