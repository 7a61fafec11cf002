/**
 * Runs a generated standalone validator and turns its first error into a RekeyValidationError. Enum values the
 * spec declares open (`x-ms-enum` with `modelAsString: true`) match in any case, as Azure compares them: the
 * validator lists those enums' values in `caseInsensitiveEnums`. The value sent is the caller's, unchanged.
 */
import { validateCaseInsensitive } from "./case-insensitive-enums.js";
import { RekeyValidationError } from "./errors.js";

export interface ValidationError {
  instancePath: string;
  keyword: string;
  params: Record<string, unknown>;
  message?: string;
}

export interface Validator {
  (data: unknown): boolean;
  errors?: ValidationError[] | null;
  /** The value lists of the enums whose values match in any case (an enum error's `params.allowedValues`). */
  caseInsensitiveEnums?: readonly (readonly unknown[])[];
}

function describe(error: ValidationError): { path: string; detail: string } {
  const segments = error.instancePath.split("/").slice(1).map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"));
  if (error.keyword === "required") segments.push(String(error.params.missingProperty));
  const detail =
    error.keyword === "required" ? "is required"
    : error.keyword === "enum" ? `must be one of ${(error.params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(", ")}`
    : error.keyword === "pattern" ? `must match the pattern ${String(error.params.pattern)}`
    : (error.message ?? `breaks the ${error.keyword} rule`);
  return { path: segments.join("."), detail };
}

function sameValues(a: readonly unknown[], b: readonly unknown[]): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

/** `prefix` names the value as the caller knows it: "" for a parameters object, "body" for a request body. */
export function assertValid(validator: Validator, value: unknown, operationId: string, prefix: string): void {
  if (validator(value)) return;
  const open = validator.caseInsensitiveEnums;
  if (open && open.length > 0 && validateCaseInsensitive(validator, value, (allowed) => open.some((values) => sameValues(values, allowed)))) return;
  const first = validator.errors?.[0];
  if (!first) throw new RekeyValidationError(operationId, prefix || "parameters", "schema", "is invalid");
  const { path, detail } = describe(first);
  const parameter = [prefix, path].filter(Boolean).join(".") || "parameters";
  throw new RekeyValidationError(operationId, parameter, first.keyword, detail);
}
