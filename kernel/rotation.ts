/**
 * `x-rekey-rotation`: rekey's spec extension that says, as data, what regenerating does to a resource's keys —
 * which request value selects the key, where each key (and its timestamp) appears in the success body (at a fixed
 * pointer, or inside an array element picked by constant fields), what a key looks like, any precondition on the
 * resource, and, when the answer carries no keys, which sibling operation reads them back. The model reads it once
 * (model.ts); the mock's regenerate behaviour and the runner's rotation scenarios read the model, so neither holds
 * code for one operation. Every pointer is resolved against the schema it points into, so a typo is a lint problem.
 */
import { get, join } from "./json-pointer.ts";
import type { OperationModel } from "./model-types.ts";
import { type KeyElement, type KeyLocation, type KeySelector, ROTATION_EXTENSION, type RotationSpec } from "./rotation-spec.ts";
import { itemSchemas, schemasAt, type SchemaAt } from "./schema-at.ts";
import { schemaChecker } from "./schema-validator.ts";
import { type Problem, problem } from "./user-error.ts";

const POINTER = { type: "string", pattern: "^(/[^/]*)+$" };
const NAME = { type: "string", minLength: 1 };
const KEY_LOCATION = {
  type: "object",
  additionalProperties: false,
  properties: {
    element: {
      type: "object",
      required: ["array", "where"],
      additionalProperties: false,
      properties: {
        array: POINTER,
        where: { type: "object", minProperties: 1, additionalProperties: { type: ["string", "number", "boolean"] } },
      },
    },
    value: POINTER,
    lastUpdated: POINTER,
  },
};
/** Key names become parts of exchange ids and messages: letters, digits, dot, dash and underscore. */
const KEY_NAME_PATTERN = "^[A-Za-z0-9._-]{1,64}$";
const KEY_NAME = { type: "string", pattern: KEY_NAME_PATTERN };
const KEY_NAME_RE = new RegExp(KEY_NAME_PATTERN);
const KEY_LOCATIONS = { type: "object", minProperties: 1, propertyNames: KEY_NAME, additionalProperties: KEY_LOCATION };

/** The JSON Schema of `x-rekey-rotation` (`rekey lint --print-rotation-schema` prints it). */
export const ROTATION_SCHEMA = {
  $schema: "https://json-schema.org/draft/2020-12/schema",
  title: "x-rekey-rotation",
  type: "object",
  required: ["selector", "keys", "keyFormat"],
  additionalProperties: false,
  properties: {
    selector: {
      type: "object",
      additionalProperties: false,
      properties: { in: { enum: ["body", "path", "query"] }, pointer: POINTER, parameter: NAME, fixed: NAME },
      allOf: [
        { if: { required: ["fixed"] }, then: { maxProperties: 1 }, else: { required: ["in"] } },
        { if: { required: ["in"], properties: { in: { const: "body" } } }, then: { required: ["pointer"], not: { required: ["parameter"] } } },
        { if: { required: ["in"], properties: { in: { enum: ["path", "query"] } } }, then: { required: ["parameter"], not: { required: ["pointer"] } } },
      ],
    },
    keys: KEY_LOCATIONS,
    resourceName: POINTER,
    keyFormat: {
      type: "object",
      required: ["encoding"],
      additionalProperties: false,
      properties: {
        encoding: { enum: ["base64", "base64url", "hex", "alphanumeric"] },
        bytes: { type: "integer", minimum: 1, maximum: 1024 },
        length: { type: "integer", minimum: 1, maximum: 1024 },
        alphabet: { type: "string", minLength: 2, maxLength: 256 },
      },
      allOf: [
        { if: { required: ["encoding"], properties: { encoding: { const: "alphanumeric" } } }, then: { required: ["length"], properties: { bytes: false } }, else: { required: ["bytes"], properties: { length: false, alphabet: false } } },
      ],
    },
    precondition: {
      type: "object",
      required: ["property", "contains", "status", "code", "message"],
      additionalProperties: false,
      properties: {
        property: { type: "string" },
        contains: { type: "string" },
        default: { type: "array" },
        status: { type: "integer", minimum: 400, maximum: 499 },
        code: { type: "string", minLength: 1 },
        message: { type: "string", minLength: 1 },
      },
    },
    readBack: {
      type: "object",
      required: ["operationId", "keys"],
      additionalProperties: false,
      properties: { operationId: NAME, keys: KEY_LOCATIONS },
    },
  },
};

const validateRotation = schemaChecker(ROTATION_SCHEMA);

/** What resolving an extension needs from the document: its text and its other operations. */
export interface RotationSource {
  file: string;
  raw: unknown;
  operations: OperationModel[];
}

export interface RotationResult {
  rotation?: RotationSpec;
  problems: Problem[];
}

const HINT = "see docs/rotation-extension.md (`rekey lint --print-rotation-schema` prints its schema)";

/** The first success response with a body schema (where the keys of a rotation appear). */
function successSchema(operation: OperationModel): SchemaAt | undefined {
  const success = operation.responses.find((r) => /^2\d\d$/.test(r.status) && r.schema && r.schemaPointer);
  return success ? { node: success.schema as Record<string, unknown>, pointer: success.schemaPointer! } : undefined;
}

/**
 * Reads and checks the operation's x-rekey-rotation: undefined with no problem when it has none; with problems (and
 * no rotation) when it is malformed or a pointer names nothing its schema declares. One problem per fault, each at
 * the file#pointer of the field to fix.
 */
export function readRotation(source: RotationSource, operation: OperationModel): RotationResult {
  const pointer = join(operation.pointer, ROTATION_EXTENSION);
  const raw = get(source.raw, pointer);
  if (raw === undefined) return { problems: [] };
  const problems: Problem[] = [];
  const refuse = (at: string, message: string, hint = HINT) => problems.push(problem("rotation", { file: source.file, pointer: at }, `${ROTATION_EXTENSION}: ${message}`, hint));
  // A bad key name is reported below, once and at its own pointer (ajv says only "property name must be valid").
  const violations = validateRotation(raw).filter((v) => v.keyword !== "if" && v.keyword !== "propertyNames" && !v.schemaPointer.includes("/propertyNames"));
  for (const at of ["keys", "readBack/keys"]) {
    const names = get(raw, `/${at}`);
    if (names === null || typeof names !== "object" || Array.isArray(names)) continue;
    for (const name of Object.keys(names).filter((n) => !KEY_NAME_RE.test(n))) {
      refuse(join(pointer, ...at.split("/"), name), `key name ${JSON.stringify(name)} may hold only letters, digits, ".", "-" and "_" (1 to 64)`, "name the key as the request does, e.g. key1 or primary");
    }
  }
  for (const v of violations) refuse(pointer + v.instancePath, v.keyword === "false schema" ? "does not apply to this encoding (bytes go with base64, base64url and hex; length and alphabet with alphanumeric)" : v.message);
  if (problems.length > 0) return { problems };
  const spec = { ...(raw as Omit<RotationSpec, "pointer">), pointer };

  const selector = spec.selector;
  const accepted = acceptedValues(source, operation, selector);
  for (const name of Object.keys(spec.keys)) {
    if (accepted && !accepted.some((v) => v.toLowerCase() === name.toLowerCase())) {
      refuse(join(pointer, "keys", name), `key "${name}" is not a value the selector accepts`, `name the keys as the request does: ${accepted.join(", ")}`);
    }
  }
  if ("fixed" in selector) {
    if (keyName(spec, selector.fixed) === undefined) refuse(join(pointer, "selector", "fixed"), `the key is fixed to "${selector.fixed}", which is not one of its keys`, `use one of ${Object.keys(spec.keys).join(", ")}`);
  } else if (selector.in === "body") {
    const body = operation.requestBody;
    if (!body) refuse(join(pointer, "selector"), "selects the key from the request body, but the operation has none", "select by a parameter or use { fixed: … }");
    else if (schemasAt(source.raw, body.schema, body.schemaPointer, selector.pointer).length === 0) {
      refuse(join(pointer, "selector", "pointer"), `the request body schema declares nothing at ${selector.pointer}`, "point at the body property that names the key");
    }
  } else if (!operation.parameters.some((p) => p.name === selector.parameter && p.in === selector.in)) {
    refuse(join(pointer, "selector", "parameter"), `selects the key by ${selector.in} parameter "${selector.parameter}", which the operation does not have`,
      `name one of its ${selector.in} parameters: ${operation.parameters.filter((p) => p.in === selector.in).map((p) => p.name).join(", ") || "(none)"}`);
  }

  const pointed = Object.values(spec.keys).some((k) => k.value || k.lastUpdated || k.element) || spec.resourceName !== undefined;
  const own = successSchema(operation);
  if (pointed && !own) {
    refuse(pointer, "points into the success body, but the operation's success response has no body schema", "drop the pointers and read the keys back (readBack), or document the body");
  } else if (own) {
    checkLocations(source, own, spec.keys, join(pointer, "keys"), refuse);
    if (spec.resourceName && schemasAt(source.raw, own.node, own.pointer, spec.resourceName).length === 0) {
      refuse(join(pointer, "resourceName"), `the success response schema declares nothing at ${spec.resourceName}`, "point at the field that echoes the resource name");
    }
  }

  if (spec.readBack) {
    const at = join(pointer, "readBack");
    const reader = source.operations.find((o) => o.operationId === spec.readBack!.operationId);
    const readerSchema = reader && successSchema(reader);
    if (!reader) {
      refuse(join(at, "operationId"), `reads the keys back with "${spec.readBack.operationId}", which is not an operation of this document`,
        `name one of ${source.operations.filter((o) => o !== operation).map((o) => o.operationId).join(", ") || "(none: add the list operation)"}`);
    } else if (reader === operation) {
      refuse(join(at, "operationId"), "reads the keys back with the rotating operation itself", "name the sibling operation that lists the keys");
    } else if (!readerSchema) {
      refuse(join(at, "operationId"), `${reader.operationId} answers without a body schema, so it cannot show the keys`, "name an operation whose success response has the keys");
    } else checkLocations(source, readerSchema, spec.readBack.keys, join(at, "keys"), refuse);
    for (const name of Object.keys(spec.readBack.keys)) {
      if (keyName(spec, name) === undefined) refuse(join(at, "keys", name), `"${name}" is not one of the rotation's keys`, `use one of ${Object.keys(spec.keys).join(", ")}`);
    }
  }
  return problems.length > 0 ? { problems } : { rotation: spec, problems };
}

/** The values the selected request field's schema allows (its enum), when it lists them. */
function acceptedValues(source: RotationSource, operation: OperationModel, selector: KeySelector): string[] | undefined {
  let schemas: SchemaAt[] = [];
  if ("in" in selector && selector.in === "body" && operation.requestBody) {
    schemas = schemasAt(source.raw, operation.requestBody.schema, operation.requestBody.schemaPointer, selector.pointer);
  } else if ("parameter" in selector) {
    const parameter = operation.parameters.find((p) => p.name === selector.parameter && p.in === selector.in);
    if (parameter) schemas = schemasAt(source.raw, parameter.schema, parameter.schemaPointer, "");
  }
  const values = schemas.flatMap((s) => (Array.isArray(s.node.enum) ? s.node.enum.filter((v: unknown): v is string => typeof v === "string") : []));
  return values.length > 0 ? [...new Set(values)] : undefined;
}

/** Every pointer of every key location resolves in `schema`: element arrays, their where-fields, values, timestamps. */
function checkLocations(source: RotationSource, schema: SchemaAt, keys: Record<string, KeyLocation>, at: string, refuse: (at: string, message: string, hint?: string) => void): void {
  for (const [name, location] of Object.entries(keys)) {
    let base = [schema];
    let relative = "";
    if (location.element) {
      const arrays = schemasAt(source.raw, schema.node, schema.pointer, location.element.array);
      const items = itemSchemas(source.raw, arrays);
      if (items.length === 0) {
        refuse(join(at, name, "element", "array"), `the response schema declares no array at ${location.element.array}`, "point at the array that holds the keys");
        continue;
      }
      for (const field of Object.keys(location.element.where)) {
        if (items.every((item) => schemasAt(source.raw, item.node, item.pointer, join("", field)).length === 0)) {
          refuse(join(at, name, "element", "where", field), `the elements of ${location.element.array} declare no field "${field}"`, "select the element by one of its declared fields");
        }
      }
      base = items;
      relative = " of the element";
    }
    for (const field of ["value", "lastUpdated"] as const) {
      const target = location[field];
      if (target && base.every((s) => schemasAt(source.raw, s.node, s.pointer, target).length === 0)) {
        refuse(join(at, name, field), `the response schema declares nothing at ${target}${relative}`, `point at the key's ${field === "value" ? "value" : "timestamp"} as the schema names it`);
      }
    }
  }
}

/** The declared key name a selector value stands for (case-insensitive, as Azure's RPs compare enums). */
export function keyName(spec: Pick<RotationSpec, "keys">, selected: unknown): string | undefined {
  if (typeof selected !== "string") return undefined;
  const wanted = selected.toLowerCase();
  for (const k in spec.keys) if (k.toLowerCase() === wanted) return k; // the mock asks on every request: no array
  return undefined;
}

/** The index of the element of `array` whose fields equal `where`, or -1. */
export function elementIndex(array: unknown, where: KeyElement["where"]): number {
  if (!Array.isArray(array)) return -1;
  return array.findIndex((e) => e !== null && typeof e === "object" && Object.entries(where).every(([k, v]) => Object.prototype.hasOwnProperty.call(e, k) && (e as Record<string, unknown>)[k] === v));
}

/**
 * Where a key's value (or timestamp) is in this body: the pointer itself, or for a key in an array element, the
 * pointer through the element the body has at present; undefined when the body lacks the element.
 */
export function keyPointer(location: KeyLocation, field: "value" | "lastUpdated", body: unknown): string | undefined {
  const relative = location[field];
  if (!relative) return undefined;
  if (!location.element) return relative;
  const index = elementIndex(get(body, location.element.array), location.element.where);
  return index < 0 ? undefined : `${location.element.array}/${index}${relative}`;
}

/** The key's value (or timestamp) in a body, or undefined. */
export function keyValue(location: KeyLocation, field: "value" | "lastUpdated", body: unknown): unknown {
  const at = keyPointer(location, field, body);
  return at === undefined ? undefined : get(body, at);
}

/** Where a key location is described, for messages: "/keys[keyName=key1]/value". */
export function describeLocation(location: KeyLocation, field: "value" | "lastUpdated"): string {
  const relative = location[field] ?? "";
  if (!location.element) return relative;
  const where = Object.entries(location.element.where).map(([k, v]) => `${k}=${String(v)}`).join(",");
  return `${location.element.array}[${where}]${relative}`;
}

