/**
 * The names the generated client module declares, computed from the model in one place: the views emit them and
 * lint ("identifier-names") checks that each can be declared and that no two collide.
 */
import type { DocumentModel, OperationModel } from "./model-types.ts";
import { isBindingName, pascalCase } from "./names.ts";
import type { ArmClientOptions } from "../client-runtime/arm-client.ts";

/**
 * Top-level names client.ts.hbs imports or declares itself, besides those the view computes: a client, group or
 * operation name that became one of these would clash with it (lint refuses such a name).
 */
export const CLIENT_MODULE_NAMES: readonly string[] = [
  "Client", "PACKAGE_PRODUCT", "ArmClientOptions", "CallOptions", "HttpErrorStatus", "HttpOtherStatus", "HttpStatusRange",
  "RekeyServiceError", "assertValid", "createArmClient", "isRekeyServiceError", "operations", "paths", "validators", "API_VERSION",
  "DEFAULT_ENDPOINT", "OperationSpec", "Poller", "PollerOptions",
];

/** Every option the runtime's createArmClient reads: a client-level parameter must not take one of these names. */
export const ARM_CLIENT_OPTION_NAMES: readonly string[] = Object.keys({
  credential: true, cloud: true, endpoint: true, scope: true, retry: true, timeoutMs: true, middleware: true,
  userAgentPrefix: true, fetch: true, ca: true, maxResponseBytes: true,
} satisfies Record<keyof ArmClientOptions, true>);

/** The names a document's client module declares, from its client name (info.x-ms-code-generation-settings.name). */
export function clientNames(doc: Pick<DocumentModel, "clientName">) {
  const base = pascalCase(doc.clientName);
  return {
    clientTypeName: base,
    optionsTypeName: `${base}Options`,
    factoryName: `create${base}`,
    groupTypeName: (group: string) => `${base}${pascalCase(group)}Operations`,
  };
}

/** The types and the guard a client module declares for one operation, e.g. AccountsRegenerateKeysParameters. */
export function operationTypeNames(op: Pick<OperationModel, "group" | "methodName">) {
  const prefix = pascalCase(op.group) + pascalCase(op.methodName);
  return {
    paramsTypeName: `${prefix}Parameters`,
    resultTypeName: `${prefix}Result`,
    errorTypeName: `${prefix}Error`,
    errorGuardName: `is${prefix}Error`,
  };
}

/**
 * Names every api-version entry point (version-index.ts.hbs) exports besides its client module's and its types
 * module's: a spec-named type must not take one of them (an explicit re-export would silently hide it).
 */
export const ENTRY_POINT_NAMES: readonly string[] = [
  "components", "operations", "paths", "validators", "examples",
  "RekeyError", "RekeyOptionsError", "RekeyResponseTooLargeError", "RekeyServiceError", "RekeyThrottledError", "RekeyTimeoutError",
  "RekeyTransportError", "RekeyValidationError", "isRekeyError", "isRekeyServiceError", "AnyRekeyError", "HttpErrorStatus",
  "HttpOtherStatus", "HttpStatusRange", "RekeyErrorKind", "RekeyFailure", "StatusClass", "StatusClassOf", "CLOUDS", "CloudName",
  "CloudOptions", "AccessToken", "Credential", "TokenCredential", "ArmClientOptions", "CallOptions", "RetryOptions",
  "RekeyOperationFailedError", "FailedOperationStatus", "OperationStatus", "Poller", "PollerOptions",
];

/** Names the types module (types.ts.hbs) refers to itself: a type declared under one of them would capture the reference. */
export const TYPES_MODULE_NAMES: readonly string[] = ["components", "operations", "NonNullable"];

/** TypeScript's own type names, which a type alias cannot take. */
const TYPE_KEYWORDS = new Set(["any", "bigint", "boolean", "never", "number", "object", "string", "symbol", "undefined", "unknown", "void"]);

/**
 * A spec name (a components.schemas key, an x-ms-enum name) as a type name: as written when it can name a type,
 * else PascalCased from its ASCII letters and digits (so nothing else of it reaches code), with "Schema" in front
 * when no letter would lead.
 */
export function typeNameOf(text: string): string {
  if (isBindingName(text) && !TYPE_KEYWORDS.has(text) && text !== "__proto__") return text;
  const pascal = pascalCase(text);
  return /^[A-Za-z]/.test(pascal) ? pascal : `Schema${pascal}`;
}

/**
 * Gives each candidate, in the order given, the name it wants, or — when an earlier candidate or `taken` already
 * has it — the first free of `${wanted}${suffix}`, `${wanted}${suffix}2`, `${wanted}${suffix}3`, … (suffix
 * "Schema" for a schema, say): the same spec always yields the same names.
 */
export function claimTypeNames<T extends { wanted: string; suffix: string }>(candidates: readonly T[], taken: Iterable<string>): Array<T & { name: string }> {
  const used = new Set(taken);
  return candidates.map((candidate) => {
    let name = candidate.wanted;
    if (used.has(name)) name = `${candidate.wanted}${candidate.suffix}`;
    for (let n = 2; used.has(name); n++) name = `${candidate.wanted}${candidate.suffix}${n}`;
    used.add(name);
    return { ...candidate, name };
  });
}

/** Every name a document's client module exports, from its model. */
export function clientModuleExports(doc: Pick<DocumentModel, "clientName" | "operations">): string[] {
  const names = clientNames(doc);
  return [
    "API_VERSION", "DEFAULT_ENDPOINT", names.clientTypeName, names.optionsTypeName, names.factoryName,
    ...doc.operations.flatMap((op) => [...(op.group ? [names.groupTypeName(op.group)] : []), ...Object.values(operationTypeNames(op))]),
  ];
}
