/**
 * Derived negative cases: for each constraint the spec writes on a parameter or the request body, one request that
 * breaks that constraint (and, where possible, nothing else), plus the refusals every ARM operation owes: malformed
 * JSON, a wrong Content-Type, no or an unknown api-version, no Authorization, and a resource that does not exist.
 * Each expects a 4xx in the operation's error schema (401 and 404 where ARM's answer is fixed).
 */
import { compiledSchema, deref, get, join, type ParameterModel, remove, set, validate, walkProperties } from "../../kernel/index.ts";
import type { CompiledExchange, Mutation } from "../exchange.ts";
import { buildExchange, type ExchangeDraft, type OperationCase } from "./operation-case.ts";
import { stringKeywords, violateString, wrongType, type ViolatingValue } from "./violating-values.ts";

type Schema = Record<string, unknown>;

/** An api-version no ARM provider has ever had. */
const UNKNOWN_API_VERSION = "1999-01-01";

function describe(keyword: string, schema: Schema): string {
  const rule = keyword === "enum" ? `one of ${(schema.enum as unknown[]).map((v) => JSON.stringify(v)).join(", ")}`
    : keyword === "pattern" ? `pattern ${String(schema.pattern)}`
    : keyword === "format" ? `format ${String(schema.format)}`
    : keyword === "type" ? `type ${JSON.stringify(schema.type)}`
    : `${keyword} ${JSON.stringify(schema[keyword])}`;
  return rule;
}

function titleFor(what: string, violation: ViolatingValue, schema: Schema): string {
  const also = violation.alsoBreaks.length > 0 ? ` (unavoidably also ${violation.alsoBreaks.join(", ")})` : "";
  return `${what} = ${JSON.stringify(violation.value)} breaks ${describe(violation.keyword, schema)}${also}`;
}

function parameterCases(c: OperationCase, source: (pointer: string) => string): ExchangeDraft[] {
  const drafts: ExchangeDraft[] = [];
  for (const parameter of c.operation.parameters) {
    if (parameter.binding === "api-version") continue; // covered by the missing and unknown api-version cases
    const valid = c.values[parameter.name];
    if (typeof valid !== "string") continue;
    const schema = deref(c.doc.raw, parameter.schema, parameter.schemaPointer).node as Schema;
    const validator = compiledSchema(c.ajv, c.doc, parameter.schemaPointer);
    const check = (value: unknown) => validate(validator, value);
    for (const keyword of stringKeywords(schema)) {
      const violation = violateString(keyword, schema, valid, { inPath: parameter.in === "path", check });
      if (!violation) continue;
      drafts.push({
        kind: "negative",
        name: `${parameter.in}.${parameter.name}.${keyword}`,
        title: titleFor(`${parameter.in} parameter ${parameter.name}`, violation, schema),
        expect: { kind: "rejection", violates: `${parameter.name}: ${describe(keyword, schema)}` },
        mutation: parameterMutation(parameter),
        source: source(join(parameter.schemaPointer, keyword)),
        values: { ...c.values, [parameter.name]: violation.value },
      });
    }
  }
  return drafts;
}

/** A name that breaks a path constraint cannot address an existing resource; other parameters can. */
function parameterMutation(parameter: ParameterModel): Mutation {
  return parameter.in === "path" ? "never" : "if-accepted";
}

function bodyCases(c: OperationCase, source: (pointer: string) => string): ExchangeDraft[] {
  const model = c.operation.requestBody;
  const body = model ? c.values[model.name] : undefined;
  if (!model || body === undefined) return [];
  const validator = compiledSchema(c.ajv, c.doc, model.schemaPointer);
  const check = (candidate: unknown) => validate(validator, candidate);
  const drafts: ExchangeDraft[] = [];
  const withBody = (name: string, title: string, violates: string, pointer: string, value: unknown): void => {
    drafts.push({
      kind: "negative", name, title, expect: { kind: "rejection", violates }, mutation: "if-accepted",
      source: source(pointer), values: { ...c.values, [model.name]: value },
    });
  };

  const root = deref(c.doc.raw, model.schema, model.schemaPointer);
  if (root.node?.type !== undefined) {
    withBody("body.type", `body is ${JSON.stringify(wrongType(root.node))}, not ${describe("type", root.node)}`,
      `body: ${describe("type", root.node)}`, join(root.pointer, "type"), wrongType(root.node));
  }
  const requiredAt = (schema: Schema, schemaPointer: string, instance: string): void => {
    for (const name of (schema.required as string[] | undefined) ?? []) {
      const pointer = join(instance, name);
      withBody(`body${pointer.replace(/\//g, ".")}.required`, `body without required property ${pointer}`,
        `body: ${pointer} is required`, join(schemaPointer, "required"), remove(body, pointer));
    }
  };
  requiredAt(root.node as Schema, root.pointer, "");

  walkProperties(c.doc.raw, model.schema, model.schemaPointer, (property) => {
    if (property.instancePath.includes("*") || property.schema.readOnly === true) return;
    const present = get(body, property.instancePath);
    if (present === undefined) return;
    const label = `body${property.instancePath.replace(/\//g, ".")}`;
    if (property.schema.type !== undefined) {
      const value = wrongType(property.schema);
      withBody(`${label}.type`, `body ${property.instancePath} = ${JSON.stringify(value)} breaks ${describe("type", property.schema)}`,
        `${property.instancePath}: ${describe("type", property.schema)}`, join(property.pointer, "type"), set(body, property.instancePath, value));
    }
    if (typeof present === "string") {
      for (const keyword of stringKeywords(property.schema)) {
        const violation = violateString(keyword, property.schema, present, {
          inPath: false,
          check: (candidate) => check(set(body, property.instancePath, candidate)),
        });
        if (!violation) continue;
        withBody(`${label}.${keyword}`, titleFor(`body ${property.instancePath}`, violation, property.schema),
          `${property.instancePath}: ${describe(keyword, property.schema)}`, join(property.pointer, keyword),
          set(body, property.instancePath, violation.value));
      }
    }
    if (property.schema.type === "object" || property.schema.properties) requiredAt(property.schema, property.pointer, property.instancePath);
  });

  drafts.push({
    kind: "negative", name: "request.malformed-json", title: "body is truncated JSON",
    expect: { kind: "rejection", violates: "the body must be JSON" }, mutation: "if-accepted",
    source: source(model.pointer), rawBody: JSON.stringify(body).slice(0, -1),
  });
  drafts.push({
    kind: "negative", name: "request.content-type", title: `body sent as text/plain instead of ${model.contentType}`,
    expect: { kind: "rejection", violates: `Content-Type must be ${model.contentType}` }, mutation: "if-accepted",
    source: source(model.pointer), headers: { "content-type": "text/plain; charset=utf-8" },
  });
  if (model.required) {
    drafts.push({
      kind: "negative", name: "request.body-missing", title: "no body, though the operation requires one",
      expect: { kind: "rejection", violates: "the body is required" }, mutation: "if-accepted",
      source: source(join(model.pointer, "required")), values: { ...c.values, [model.name]: undefined },
    });
  }
  return drafts;
}

function apiVersionCases(c: OperationCase, source: (pointer: string) => string): ExchangeDraft[] {
  const parameter = c.operation.parameters.find((p) => p.binding === "api-version");
  if (!parameter) return [];
  return [
    {
      kind: "negative", name: "query.api-version.missing", title: "no api-version query parameter",
      expect: { kind: "rejection", violates: "api-version is required" }, mutation: "never",
      source: source(parameter.pointer), values: { ...c.values, [parameter.name]: undefined },
    },
    {
      kind: "negative", name: "query.api-version.unknown", title: `api-version=${UNKNOWN_API_VERSION}, which the service does not have`,
      expect: { kind: "rejection", violates: `api-version must be one the service supports` }, mutation: "never",
      source: source(parameter.pointer), values: { ...c.values, [parameter.name]: UNKNOWN_API_VERSION },
    },
  ];
}

/** A valid name for the deepest free-form name parameter that no resource has, or undefined. */
function absentName(c: OperationCase): { parameter: ParameterModel; value: string } | undefined {
  const shape = c.operation.armPath;
  if (!shape) return undefined;
  for (const name of [...shape.nameParameters].reverse()) {
    const parameter = c.operation.parameters.find((p) => p.name === name && p.in === "path");
    const current = c.values[name];
    if (!parameter || typeof current !== "string") continue;
    const schema = deref(c.doc.raw, parameter.schema, parameter.schemaPointer).node as Schema;
    if (schema.enum || schema.const !== undefined) continue;
    const validate = compiledSchema(c.ajv, c.doc, parameter.schemaPointer);
    const max = typeof schema.maxLength === "number" ? schema.maxLength : Infinity;
    for (const suffix of ["rekeyabsent", "rekey-absent", "0"]) {
      const value = (current + suffix).slice(-Math.min(max, current.length + suffix.length));
      if (value.toLowerCase() !== current.toLowerCase() && validate(value)) return { parameter, value };
    }
  }
  return undefined;
}

function fixedRefusals(c: OperationCase, source: (pointer: string) => string): ExchangeDraft[] {
  const drafts: ExchangeDraft[] = [];
  if (c.operation.security.length > 0) {
    drafts.push({
      kind: "negative", name: "auth.missing", title: "no Authorization header",
      expect: { kind: "rejection", status: 401, violates: `security ${c.operation.security.map((s) => s.scheme).join(", ")}` },
      mutation: "never", source: source(c.operation.pointer), authorize: false,
    });
  }
  const absent = absentName(c);
  if (absent) {
    drafts.push({
      kind: "negative", name: "resource.not-found", title: `${absent.parameter.name} = ${JSON.stringify(absent.value)}, a resource that does not exist`,
      expect: { kind: "rejection", status: 404, violates: "the resource must exist" }, mutation: "never",
      source: source(absent.parameter.pointer), values: { ...c.values, [absent.parameter.name]: absent.value },
    });
  }
  return drafts;
}

export function negativeExchanges(c: OperationCase): CompiledExchange[] {
  const source = (pointer: string) => `${c.doc.file}#${pointer}`;
  return [
    ...parameterCases(c, source),
    ...bodyCases(c, source),
    ...apiVersionCases(c, source),
    ...fixedRefusals(c, source),
  ].map((draft) => buildExchange(c, draft));
}
