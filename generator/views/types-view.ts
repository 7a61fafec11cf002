/**
 * View model of a document's types module (types.ts): one named type per components.schemas entry, per enum the
 * spec names with x-ms-enum where it is declared inline (as Azure's SDKs name them), and per operation's request
 * body — so users write `KeyType`, not `components["schemas"]["KeyType"]`.
 *
 * Names are claimed in a fixed order — schemas whose name is already a type name, then the other schemas, then the
 * inline enums, then the body aliases, each group sorted — against every other name the entry point exports; a
 * name already taken gets its kind's suffix, then a number (BatchAccountRegenerateKeyParametersSchema, KeyTypeEnum2). Spec names reach code only through typeNameOf (letters
 * and digits) and comments only through commentText.
 */
import {
  claimTypeNames, clientModuleExports, type DocumentModel, ENTRY_POINT_NAMES, get, type OperationModel, operationTypeNames,
  TYPES_MODULE_NAMES, typeNameOf,
} from "../../kernel/index.ts";
import { docComment, docLines, indexType } from "./doc-comment.ts";
import { type Code, code, commentText, identifier } from "./escape.ts";
import { parameterType } from "./operation-view.ts";

export interface TypeExportView {
  docComment: Code;
  name: Code;
  typeExpr: Code;
}

export interface TypesView {
  types: TypeExportView[];
}

interface Candidate {
  wanted: string;
  /** Added to `wanted` when another export has that name: "Schema", "Enum", "Type". */
  suffix: string;
  /** Orders candidates within their group. */
  sortKey: string;
  /** Where it comes from, for the comment: e.g. `schema "KeyType"`. */
  origin: string;
  description?: string;
  typeExpr: Code;
  /** Two candidates with the same name and identity are one type (an enum named alike at several places). */
  identity: string;
}

/** Deepest nesting of properties and items searched for named inline enums: ARM bodies nest a few levels. */
const MAX_DEPTH = 8;

type Node = Record<string, unknown>;

function isNode(value: unknown): value is Node {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The x-ms-enum name of an enum schema, when it has one. */
function enumName(schema: Node): string | undefined {
  const extension = schema["x-ms-enum"];
  if (!Array.isArray(schema.enum) || !isNode(extension)) return undefined;
  return typeof extension.name === "string" && extension.name !== "" ? extension.name : undefined;
}

function description(schema: Node): string | undefined {
  return typeof schema.description === "string" ? schema.description : undefined;
}

function enumCandidate(name: string, schema: Node, place: string, sortKey: string, typeExpr: Code): Candidate {
  return {
    wanted: typeNameOf(name), suffix: "Enum", sortKey: `${name}\u0000${sortKey}`, origin: `x-ms-enum "${name}" ${place}`, description: description(schema), typeExpr,
    identity: JSON.stringify(schema.enum),
  };
}

/** Named enums declared inline below `schema` (not behind a $ref: a referenced schema is named by its own key). */
function inlineEnums(schema: unknown, typeExpr: Code, where: string, depth: number, found: Candidate[]): void {
  if (!isNode(schema) || "$ref" in schema || depth > MAX_DEPTH) return;
  const name = depth > 0 ? enumName(schema) : undefined;
  if (name !== undefined) found.push(enumCandidate(name, schema, `at ${where}`, where, typeExpr));
  if (isNode(schema.properties)) {
    for (const [property, child] of Object.entries(schema.properties)) {
      inlineEnums(child, indexType(depth === 0 ? typeExpr : code`NonNullable<${typeExpr}>`, property), `${where}.${property}`, depth + 1, found);
    }
  }
  if (isNode(schema.items)) inlineEnums(schema.items, code`NonNullable<${typeExpr}>[number]`, `${where}[]`, depth + 1, found);
}

function schemaCandidates(doc: DocumentModel): { exact: Candidate[]; other: Candidate[]; enums: Candidate[] } {
  const schemas = get(doc.raw, "/components/schemas");
  const exact: Candidate[] = [];
  const other: Candidate[] = [];
  const enums: Candidate[] = [];
  if (!isNode(schemas)) return { exact, other, enums };
  for (const [key, schema] of Object.entries(schemas)) {
    // openapi-typescript leaves a schema named __proto__ out of `components` (it would set the prototype there).
    if (key === "__proto__") continue;
    const typeExpr = indexType(code`components`, "schemas", key);
    const candidate = { wanted: typeNameOf(key), suffix: "Schema", sortKey: key, origin: `schema "${key}"`, description: isNode(schema) ? description(schema) : undefined, typeExpr, identity: typeExpr };
    (candidate.wanted === key ? exact : other).push(candidate);
    inlineEnums(schema, typeExpr, key, 0, enums);
  }
  return { exact, other, enums };
}

/** Named enums of parameters (each defined once, whether in components or inline) and of inline request bodies. */
function operationEnums(doc: DocumentModel): Candidate[] {
  const found: Candidate[] = [];
  const seen = new Set<string>();
  for (const op of doc.operations) {
    const opType = indexType(code`operations`, op.operationId);
    for (const p of op.parameters) {
      // A parameter whose schema is a components.schemas entry has that schema's name already.
      const name = isNode(p.schema) && !p.schemaPointer.startsWith("/components/schemas/") ? enumName(p.schema) : undefined;
      if (name === undefined || seen.has(p.pointer)) continue;
      seen.add(p.pointer);
      found.push(enumCandidate(name, p.schema as Node, `of parameter "${p.name}"`, p.pointer, parameterType(op, opType, p)));
    }
    const body = op.requestBody;
    if (body && !body.schemaPointer.startsWith("/components/")) inlineEnums(get(doc.raw, body.schemaPointer), bodyType(op), `${op.operationId} body`, 0, found);
  }
  return found;
}

function bodyType(op: OperationModel): Code {
  return code`NonNullable<${indexType(indexType(code`operations`, op.operationId), "requestBody")}>${indexType(code``, "content", op.requestBody!.contentType)}`;
}

/** `<Prefix>Body` for each operation that takes a body: its type whether the spec names it or declares it inline. */
function bodyAliases(doc: DocumentModel): Candidate[] {
  return doc.operations.filter((op) => op.requestBody).map((op) => {
    const { paramsTypeName } = operationTypeNames(op);
    return {
      wanted: `${paramsTypeName.replace(/Parameters$/, "")}Body`,
      suffix: "Type",
      sortKey: "",
      origin: `the request body of ${op.operationId}`,
      description: op.requestBody!.description,
      typeExpr: bodyType(op),
      identity: op.operationId,
    };
  });
}

/** The same enum named at several places (same name, same type) is exported once. */
function distinct(candidates: Candidate[]): Candidate[] {
  const seen = new Set<string>();
  return candidates.filter((c) => {
    const key = `${c.wanted}\u0000${c.identity}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

const bySortKey = (a: Candidate, b: Candidate) => (a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : 0);

export function buildTypesView(doc: DocumentModel): TypesView {
  const { exact, other, enums } = schemaCandidates(doc);
  const named = distinct([...enums, ...operationEnums(doc)].sort(bySortKey));
  const taken = [...ENTRY_POINT_NAMES, ...TYPES_MODULE_NAMES, ...clientModuleExports(doc)];
  const claimed = claimTypeNames([...exact.sort(bySortKey), ...other.sort(bySortKey), ...named, ...bodyAliases(doc)], taken);
  return {
    types: claimed.map((c) => ({
      docComment: docComment([...docLines(c.description), commentText(`From ${c.origin}.`)], ""),
      name: identifier(c.name),
      typeExpr: c.typeExpr,
    })),
  };
}
