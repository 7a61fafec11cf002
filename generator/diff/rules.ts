/**
 * The diff rule registry: every kind of change `rekey diff` reports, with a fixed side and a fixed severity for
 * clients of the OLD api-version. Severities follow what a caller of OLD experiences when the service moves to NEW:
 * a request the caller could send may now be refused (breaking), or a response may hold what the caller cannot
 * read (breaking); anything else is non-breaking.
 *
 * Names follow oasdiff's ids (kebab-case, side first); `oad` names the closest @azure/oad (openapi-diff) rule.
 * Two deliberate differences from what users report those tools get wrong:
 *   - additive response changes (a new response property, a new value of an extensible enum) are never breaking;
 *   - every tightening of a request constraint is breaking (pattern, format, min, max, enum, required), including
 *     the first constraint on a parameter that had none.
 */
export type Side = "request" | "response";
export type Severity = "breaking" | "non-breaking";

export interface DiffRule {
  side: Side;
  severity: Severity;
  /** One line: what the rule finds. */
  summary: string;
  /** The closest @azure/oad rule, for readers who know Azure's breaking-change tooling. */
  oad?: string;
}

const rule = (side: Side, severity: Severity, summary: string, oad?: string): DiffRule => ({ side, severity, summary, oad });

export const DIFF_RULES = {
  // operations (operation matching: match.ts)
  "operation-added": rule("request", "non-breaking", "a new operation", "1039 AddedOperation"),
  "operation-removed": rule("request", "breaking", "an operation is gone", "1035 RemovedOperation"),
  "operation-id-changed": rule("request", "breaking", "same method and path, another operationId (the client method is renamed)", "1008 ModifiedOperationId"),

  // parameters (parameters.ts)
  "request-parameter-added-required": rule("request", "breaking", "a new required parameter", "1010 AddingRequiredParameter"),
  "request-parameter-added-optional": rule("request", "non-breaking", "a new optional parameter", "1043 AddingOptionalParameter"),
  "request-parameter-removed": rule("request", "breaking", "a parameter is gone", "1009 RemovedRequiredParameter"),
  "request-parameter-became-required": rule("request", "breaking", "an optional parameter is now required", "1025 RequiredStatusChange"),
  "request-parameter-became-optional": rule("request", "non-breaking", "a required parameter is now optional", "1025 RequiredStatusChange"),
  "request-parameter-binding-changed": rule("request", "breaking", "a parameter moves between the client factory and each call", "1007 RemovedClientParameter"),
  "request-parameter-client-name-changed": rule("request", "breaking", "a parameter's name in generated clients changed (x-ms-client-name)", "1007 RemovedClientParameter"),

  // request bodies (operations.ts)
  "request-body-added-required": rule("request", "breaking", "a new required request body", "1010 AddingRequiredParameter"),
  "request-body-added-optional": rule("request", "non-breaking", "a new optional request body", "1043 AddingOptionalParameter"),
  "request-body-removed": rule("request", "breaking", "the request body is gone", "1009 RemovedRequiredParameter"),
  "request-body-became-required": rule("request", "breaking", "the request body is now required", "1025 RequiredStatusChange"),
  "request-body-became-optional": rule("request", "non-breaking", "the request body is now optional", "1025 RequiredStatusChange"),

  // request schemas: parameters and body properties (schemas.ts)
  "request-type-changed": rule("request", "breaking", "a request value's type changed or was first set", "1026 TypeChanged"),
  "request-pattern-added": rule("request", "breaking", "a pattern on a request value that had none", "1024 ConstraintIsStronger"),
  "request-pattern-changed": rule("request", "breaking", "another pattern on a request value (values the old one allowed may fail)", "1036 ConstraintChanged"),
  "request-pattern-removed": rule("request", "non-breaking", "a request value's pattern is gone", "1037 ConstraintIsWeaker"),
  "request-min-raised": rule("request", "breaking", "minLength, minimum or minItems set or raised on a request value", "1024 ConstraintIsStronger"),
  "request-min-lowered": rule("request", "non-breaking", "minLength, minimum or minItems lowered or removed", "1037 ConstraintIsWeaker"),
  "request-max-lowered": rule("request", "breaking", "maxLength, maximum or maxItems set or lowered on a request value", "1024 ConstraintIsStronger"),
  "request-max-raised": rule("request", "non-breaking", "maxLength, maximum or maxItems raised or removed", "1037 ConstraintIsWeaker"),
  "request-format-added": rule("request", "breaking", "a format on a request value that had none", "1023 TypeFormatChanged"),
  "request-format-changed": rule("request", "breaking", "another format on a request value", "1023 TypeFormatChanged"),
  "request-format-removed": rule("request", "non-breaking", "a request value's format is gone", "1023 TypeFormatChanged"),
  "request-enum-added": rule("request", "breaking", "a request value that took any value is now an enum", "1024 ConstraintIsStronger"),
  "request-enum-removed": rule("request", "non-breaking", "a request value is no longer limited to an enum", "1037 ConstraintIsWeaker"),
  "request-enum-value-added": rule("request", "non-breaking", "a new value a request may send", "1020 AddedEnumValue"),
  "request-enum-value-removed": rule("request", "breaking", "a value a request could send is gone", "1019 RemovedEnumValue"),
  "request-property-added-required": rule("request", "breaking", "a new required property in the request body", "1034 AddedRequiredProperty"),
  "request-property-added-optional": rule("request", "non-breaking", "a new optional property in the request body", "1045 AddedOptionalProperty"),
  "request-property-removed": rule("request", "breaking", "a request body property is gone", "1033 RemovedProperty"),
  "request-property-became-required": rule("request", "breaking", "an optional request property is now required", "1025 RequiredStatusChange"),
  "request-property-became-optional": rule("request", "non-breaking", "a required request property is now optional", "1025 RequiredStatusChange"),

  // response schemas (schemas.ts)
  "response-property-added": rule("response", "non-breaking", "a new response property (clients ignore what they do not read)", "1041 AddedPropertyInResponse"),
  "response-property-removed": rule("response", "breaking", "a response property is gone", "1033 RemovedProperty"),
  "response-property-became-optional": rule("response", "breaking", "a response property is no longer always present", "1025 RequiredStatusChange"),
  "response-property-became-required": rule("response", "non-breaking", "a response property is now always present", "1025 RequiredStatusChange"),
  "response-type-changed": rule("response", "breaking", "a response value's type changed or is no longer stated", "1026 TypeChanged"),
  "response-closed-enum-value-added": rule("response", "breaking", "a new value in a closed response enum (x-ms-enum modelAsString: false, or no x-ms-enum)", "1020 AddedEnumValue"),
  "response-extensible-enum-value-added": rule("response", "non-breaking", "a new value in an extensible response enum (modelAsString: true)", "1020 AddedEnumValue"),
  "response-enum-value-removed": rule("response", "non-breaking", "a response enum value is no longer returned", "1019 RemovedEnumValue"),

  // status codes, bodies and errors (responses.ts)
  "response-success-status-added": rule("response", "breaking", "a new success status (clients of OLD treat it as an error)", "1011 AddingResponseCode"),
  "response-success-status-removed": rule("response", "non-breaking", "a success status is no longer returned", "1012 RemovedResponseCode"),
  "response-error-status-added": rule("response", "non-breaking", "a new documented error status", "1011 AddingResponseCode"),
  "response-error-status-removed": rule("response", "non-breaking", "an error status is no longer documented", "1012 RemovedResponseCode"),
  "response-body-added": rule("response", "non-breaking", "a success response now has a body"),
  "response-body-removed": rule("response", "breaking", "a success response no longer has a body", "1033 RemovedProperty"),
  "error-schema-changed": rule("response", "breaking", "the error schema lost or retyped a field clients of OLD read", "1017 ReferenceRedirection"),
  "error-schema-extended": rule("response", "non-breaking", "the error schema changed by adding fields only", "1017 ReferenceRedirection"),

  // long-running operations (long-running.ts)
  "long-running-added": rule("response", "breaking", "the operation became long-running (a client of OLD cannot follow its 202)", "1044 XmsLongRunningOperationChanged"),
  "long-running-removed": rule("response", "non-breaking", "the operation is no longer long-running (a poller of OLD takes the answer as final)", "1044 XmsLongRunningOperationChanged"),
  "final-state-via-changed": rule("response", "breaking", "the final result is read elsewhere (final-state-via)"),
  "polling-header-added": rule("response", "non-breaking", "the accepted answer declares a new polling header (Azure-AsyncOperation, Location, Operation-Location)", "1013 AddingHeader"),
  "polling-header-removed": rule("response", "breaking", "the accepted answer no longer declares a polling header a client of OLD may follow", "1014 RemovingHeader"),
  "retry-after-added": rule("response", "non-breaking", "the accepted answer declares Retry-After", "1013 AddingHeader"),
  "retry-after-removed": rule("response", "non-breaking", "the accepted answer no longer declares Retry-After (pollers use their own interval)", "1014 RemovingHeader"),

  // documentation (operations.ts, parameters.ts, responses.ts)
  "request-description-changed": rule("request", "non-breaking", "an operation, parameter or body description changed"),
  "response-description-changed": rule("response", "non-breaking", "a response description changed"),
} as const satisfies Record<string, DiffRule>;

export type RuleName = keyof typeof DIFF_RULES;

/** One classified change. The pointer is into NEW, or into OLD when the thing is gone (`in: "old"`). */
export interface Change {
  operationId: string;
  side: Side;
  severity: Severity;
  rule: RuleName;
  pointer: string;
  message: string;
  in: "old" | "new";
}

export function change(rule: RuleName, operationId: string, pointer: string, message: string, where: "old" | "new" = "new"): Change {
  const { side, severity } = DIFF_RULES[rule];
  return { operationId, side, severity, rule, pointer, message, in: where };
}

/** A description quoted for a one-line message (long ones shortened). */
export function quote(text: string | undefined, max = 72): string {
  const flat = (text ?? "").replace(/\s+/g, " ").trim();
  return JSON.stringify(flat.length > max ? `${flat.slice(0, max - 1)}…` : flat);
}
