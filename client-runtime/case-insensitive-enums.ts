/**
 * Enum values compared as Azure's resource providers compare them: ignoring case. A value a validator refused only
 * because of its case ("Primary" for `primary`) is replaced, in a copy, by the one allowed value it spells; the
 * copy is validated again. The validator's own errors say where each enum is and what it allows, so this works for
 * any schema (references, nested objects, arrays) without walking it.
 *
 * Azure PowerShell sends `{"keyType":"Primary"}` to an API whose enum is `primary`, and the service rotates the
 * primary key (Azure/azure-powershell, src/Maps/Maps.Test/SessionRecords/
 * Microsoft.Azure.Commands.Maps.Test.ScenarioTests.MapsAccountTests/TestNewAccountKey.json).
 */

export interface EnumError {
  instancePath: string;
  keyword: string;
  params: Record<string, unknown>;
}

export interface EnumValidator {
  (data: unknown): boolean;
  errors?: EnumError[] | null;
}

/** Rounds of replace-and-revalidate: each round fixes every enum the validator reported; anyOf may reveal more. */
const MAX_ROUNDS = 4;

function tokens(pointer: string): string[] {
  return pointer === "" ? [] : pointer.split("/").slice(1).map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"));
}

function own(node: unknown, key: string): unknown {
  if (typeof node !== "object" || node === null || !Object.prototype.hasOwnProperty.call(node, key)) return undefined;
  return (node as Record<string, unknown>)[key];
}

function valueAt(root: unknown, path: string[]): unknown {
  let node = root;
  for (const key of path) node = own(node, key);
  return node;
}

/** A copy of `root` with `value` at `path`; only the containers on the path are copied. */
function withValueAt(root: unknown, path: string[], value: unknown): unknown {
  if (path.length === 0) return value;
  const [key, ...rest] = path;
  const copy: Record<string, unknown> | unknown[] = Array.isArray(root) ? [...root] : { ...(root as Record<string, unknown>) };
  // defineProperty, not assignment: a key such as "__proto__" must stay an own property, never set a prototype
  Object.defineProperty(copy, key, { value: withValueAt(own(root, key), rest, value), enumerable: true, writable: true, configurable: true });
  return copy;
}

/** The one allowed string `value` spells in another case, if exactly one does. */
export function canonicalMember(value: unknown, allowed: readonly unknown[]): string | undefined {
  if (typeof value !== "string") return undefined;
  const lower = value.toLowerCase();
  const matches = allowed.filter((a): a is string => typeof a === "string" && a.toLowerCase() === lower);
  return matches.length === 1 && matches[0] !== value ? matches[0] : undefined;
}

/**
 * Validates `value`, matching enum values case-insensitively where `lenient(allowedValues)` says so (the enum's
 * values as the validator reports them: its schema paths depend on how references were compiled). Returns the value with each case variant replaced by its canonical spelling
 * (`value` itself when nothing needed replacing), or undefined when it is invalid all the same — then
 * `validator.errors` describes what is still wrong.
 */
export function validateCaseInsensitive(validator: EnumValidator, value: unknown, lenient: (allowedValues: readonly unknown[]) => boolean): { value: unknown } | undefined {
  let current = value;
  for (let round = 0; round <= MAX_ROUNDS; round++) {
    if (validator(current)) return { value: current };
    if (round === MAX_ROUNDS) return undefined;
    let changed = false;
    for (const error of validator.errors ?? []) {
      const allowed = error.params.allowedValues;
      if (error.keyword !== "enum" || !Array.isArray(allowed) || !lenient(allowed)) continue;
      const path = tokens(error.instancePath);
      const canonical = canonicalMember(valueAt(current, path), allowed);
      if (canonical === undefined) continue;
      current = withValueAt(current, path, canonical);
      changed = true;
    }
    if (!changed) return undefined;
  }
  return undefined;
}
