/**
 * The names the generated client module declares, computed from the model in one place: the views emit them and
 * lint ("identifier-names") checks that each can be declared and that no two collide.
 */
import type { DocumentModel, OperationModel } from "./model-types.ts";
import { pascalCase } from "./names.ts";
import type { ArmClientOptions } from "../client-runtime/arm-client.ts";

/**
 * Top-level names client.ts.hbs imports or declares itself, besides those the view computes: a client, group or
 * operation name that became one of these would clash with it (lint refuses such a name).
 */
export const CLIENT_MODULE_NAMES: readonly string[] = [
  "Client", "PACKAGE_PRODUCT", "ArmClientOptions", "CallOptions", "HttpErrorStatus", "HttpOtherStatus", "HttpStatusRange",
  "RekeyError", "assertValid", "createArmClient", "isRekeyError", "operations", "paths", "validators", "API_VERSION",
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
