/**
 * What an `x-rekey-rotation` says, once read and checked (rotation.ts reads it; the operation model carries it).
 */
export const ROTATION_EXTENSION = "x-rekey-rotation";

export type KeySelector = { in: "body"; pointer: string } | { in: "path" | "query"; parameter: string } | { fixed: string };

/** The array element a key lives in: the element of `array` whose fields equal `where`. */
export interface KeyElement {
  array: string;
  where: Record<string, string | number | boolean>;
}

export interface KeyLocation {
  /** When set, `value` and `lastUpdated` are relative to this element. */
  element?: KeyElement;
  /** Where the key's value appears (JSON pointer), if it does. */
  value?: string;
  /** Where its last-regenerated timestamp appears, if the schema has one. */
  lastUpdated?: string;
}

export type KeyFormat =
  | { encoding: "base64" | "base64url" | "hex"; bytes: number }
  | { encoding: "alphanumeric"; length: number; alphabet?: string };

export interface RotationSpec {
  selector: KeySelector;
  /** Key names as the selector spells them (e.g. "primary" or "Primary"); matched case-insensitively. */
  keys: Record<string, KeyLocation>;
  /** Where the success body echoes the resource's name. */
  resourceName?: string;
  keyFormat: KeyFormat;
  precondition?: {
    property: string;
    contains: string;
    default?: unknown[];
    status: number;
    code: string;
    message: string;
  };
  /** The answer carries no keys: a sibling operation of the same document reads them (pointers into its answer). */
  readBack?: { operationId: string; keys: Record<string, KeyLocation> };
  /** Where the extension is written, for messages. */
  pointer: string;
}
