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

const INDEX = /^(0|[1-9]\d*)$/;

function put(container: Record<string, unknown> | unknown[], key: string, value: unknown): void {
  if (Array.isArray(container) && INDEX.test(key)) container[Number(key)] = value;
  else if (!Array.isArray(container) && key !== "__proto__") container[key] = value;
  // a key such as "__proto__" must stay an own property, never set a prototype
  else Object.defineProperty(container, key, { value, enumerable: true, writable: true, configurable: true });
}

/**
 * Copies of the containers on the way to each replaced value, each copied at most once however many values below it
 * are replaced (a body of many enum values costs one copy of it, not one per value); everything else is shared.
 */
class CopyOnWrite {
  private readonly copies = new Map<object, Record<string, unknown> | unknown[]>();
  root: unknown;
  constructor(private readonly original: unknown) {
    this.root = original;
  }

  private copyOf(node: object): Record<string, unknown> | unknown[] {
    let copy = this.copies.get(node);
    if (!copy) {
      copy = Array.isArray(node) ? [...node] : { ...(node as Record<string, unknown>) };
      this.copies.set(node, copy);
    }
    return copy;
  }

  set(path: string[], value: unknown): void {
    if (path.length === 0) {
      this.root = value;
      return;
    }
    let node = this.original as object;
    let copy = this.copyOf(node);
    this.root = copy;
    for (const [i, key] of path.entries()) {
      const last = i === path.length - 1;
      const child = last ? undefined : (own(node, key) as object);
      const next = last ? value : this.copyOf(child!);
      put(copy, key, next);
      if (!last) [node, copy] = [child!, next as Record<string, unknown> | unknown[]];
    }
  }
}

/** Lower-cased member → its spelling (null when two members share it), per enum, built once per enum. */
const MEMBERS = new WeakMap<readonly unknown[], Map<string, string | null>>();

function members(allowed: readonly unknown[]): Map<string, string | null> {
  let byLower = MEMBERS.get(allowed);
  if (!byLower) {
    byLower = new Map();
    for (const member of allowed) {
      if (typeof member !== "string") continue;
      const lower = member.toLowerCase();
      byLower.set(lower, byLower.has(lower) ? null : member);
    }
    MEMBERS.set(allowed, byLower);
  }
  return byLower;
}

/** The one allowed string `value` spells in another case, if exactly one does. */
export function canonicalMember(value: unknown, allowed: readonly unknown[]): string | undefined {
  if (typeof value !== "string") return undefined;
  const member = members(allowed).get(value.toLowerCase());
  return member && member !== value ? member : undefined;
}

/**
 * Validates `value`, matching enum values case-insensitively where `lenient(allowedValues)` says so (the enum's
 * values as the validator reports them: its schema paths depend on how references were compiled). Returns the
 * value with each case variant replaced by its canonical spelling (`value` itself when nothing needed replacing),
 * or undefined when it is invalid all the same — then `validator.errors` describes what is still wrong.
 */
export function validateCaseInsensitive(validator: EnumValidator, value: unknown, lenient: (allowedValues: readonly unknown[]) => boolean): { value: unknown } | undefined {
  let current = value;
  for (let round = 0; round <= MAX_ROUNDS; round++) {
    if (validator(current)) return { value: current };
    if (round === MAX_ROUNDS) return undefined;
    const judged = new Map<readonly unknown[], boolean>();
    const edit = new CopyOnWrite(current);
    let changed = false;
    for (const error of validator.errors ?? []) {
      const allowed = error.params.allowedValues;
      if (error.keyword !== "enum" || !Array.isArray(allowed)) continue;
      if (!judged.has(allowed)) judged.set(allowed, lenient(allowed));
      if (!judged.get(allowed)) continue;
      const path = tokens(error.instancePath);
      const canonical = canonicalMember(valueAt(current, path), allowed);
      if (canonical === undefined) continue;
      edit.set(path, canonical);
      changed = true;
    }
    if (!changed) return undefined;
    current = edit.root;
  }
  return undefined;
}
