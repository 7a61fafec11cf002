/**
 * `x-rekey-rotation`: rekey's spec extension that says, as data, what regenerating does to a resource's keys —
 * which request value selects the key, where each key (and its timestamp) appears in the success body, what a
 * key looks like, and any precondition on the resource. The mock's regenerate-key behaviour and the runner's
 * rotation scenarios both read it, so neither holds code for one operation.
 */
import { get, join } from "./json-pointer.ts";
import type { DocumentModel, OperationModel } from "./model.ts";
import { schemaChecker } from "./schema-validator.ts";
import { displayPath } from "./spec-files.ts";
import { problem, UserError } from "./user-error.ts";

export const ROTATION_EXTENSION = "x-rekey-rotation";

export type KeySelector = { in: "body"; pointer: string } | { in: "path" | "query"; parameter: string } | { fixed: string };

export interface RotatedKey {
  /** Where the key's value appears in the success body (JSON pointer), if it does. */
  value?: string;
  /** Where its last-regenerated timestamp appears, if the schema has one. */
  lastUpdated?: string;
}

export interface RotationSpec {
  selector: KeySelector;
  /** Key names as the selector spells them (e.g. "primary" or "Primary"); matched case-insensitively. */
  keys: Record<string, RotatedKey>;
  /** Where the success body echoes the resource's name. */
  resourceName?: string;
  keyFormat: { encoding: "base64" | "base64url"; bytes: number };
  precondition?: {
    property: string;
    contains: string;
    default?: unknown[];
    status: number;
    code: string;
    message: string;
  };
  /** Where the extension is written, for messages. */
  pointer: string;
}

const POINTER = { type: "string", pattern: "^(/[^/]*)+$" };
const ROTATION_SCHEMA = {
  type: "object",
  required: ["selector", "keys", "keyFormat"],
  additionalProperties: false,
  properties: {
    selector: {
      oneOf: [
        { type: "object", required: ["in", "pointer"], additionalProperties: false, properties: { in: { const: "body" }, pointer: POINTER } },
        { type: "object", required: ["in", "parameter"], additionalProperties: false, properties: { in: { enum: ["path", "query"] }, parameter: { type: "string" } } },
        { type: "object", required: ["fixed"], additionalProperties: false, properties: { fixed: { type: "string" } } },
      ],
    },
    keys: {
      type: "object",
      minProperties: 2,
      additionalProperties: {
        type: "object",
        additionalProperties: false,
        properties: { value: POINTER, lastUpdated: POINTER },
      },
    },
    resourceName: POINTER,
    keyFormat: {
      type: "object",
      required: ["encoding", "bytes"],
      additionalProperties: false,
      properties: { encoding: { enum: ["base64", "base64url"] }, bytes: { type: "integer", minimum: 1, maximum: 1024 } },
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
  },
};

const validateRotation = schemaChecker(ROTATION_SCHEMA);

/**
 * The operation's rotation description, or undefined when it has none; a malformed one is a UserError (`trusted`:
 * already checked, e.g. read back from the mock's start-up cache).
 */
export function rotationSpec(doc: DocumentModel, operation: OperationModel, { trusted = false } = {}): RotationSpec | undefined {
  const pointer = join(operation.pointer, ROTATION_EXTENSION);
  const raw = get(doc.raw, pointer);
  if (raw === undefined) return undefined;
  if (trusted) return { ...(raw as Omit<RotationSpec, "pointer">), pointer };
  const file = displayPath(doc.file);
  const violations = validateRotation(raw);
  if (violations.length > 0) {
    throw new UserError(violations.map((v) => problem("rotation", { file, pointer: pointer + v.instancePath },
      `${ROTATION_EXTENSION} ${v.message}`, "see the x-rekey-rotation section of the README")));
  }
  const spec = { ...(raw as Omit<RotationSpec, "pointer">), pointer };
  const selector = spec.selector;
  if ("parameter" in selector && !operation.parameters.some((p) => p.name === selector.parameter && p.in === selector.in)) {
    throw new UserError(problem("rotation", { file, pointer: join(pointer, "selector", "parameter") },
      `${ROTATION_EXTENSION} selects the key by ${selector.in} parameter "${selector.parameter}", which the operation does not have`,
      "name one of the operation's parameters"));
  }
  if ("in" in selector && selector.in === "body" && !operation.requestBody) {
    throw new UserError(problem("rotation", { file, pointer: join(pointer, "selector") },
      `${ROTATION_EXTENSION} selects the key from the request body, but the operation has none`, "select by a parameter or use { fixed: … }"));
  }
  if ("fixed" in selector && keyName(spec, selector.fixed) === undefined) {
    throw new UserError(problem("rotation", { file, pointer: join(pointer, "selector", "fixed") },
      `${ROTATION_EXTENSION} fixes the key to "${selector.fixed}", which is not one of its keys`, `use one of ${Object.keys(spec.keys).join(", ")}`));
  }
  return spec;
}

/** The declared key name a selector value stands for (case-insensitive, as Azure's RPs compare enums). */
export function keyName(spec: RotationSpec, selected: unknown): string | undefined {
  if (typeof selected !== "string") return undefined;
  const wanted = selected.toLowerCase();
  return Object.keys(spec.keys).find((k) => k.toLowerCase() === wanted);
}
