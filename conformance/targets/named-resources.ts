/**
 * The user's own resources for a live or URL target: parameter values per operation (from --resource flags or the
 * config file), the subscription over every example's (when given; a URL target keeps the examples' without one),
 * and the ids of the resources so named — the only ones a mutating exchange may address (mutation-gate.ts).
 */
import { type DocumentModel, type OperationModel } from "../../kernel/index.ts";
import { addressedResource } from "../exchanges/operation-case.ts";
import { optionError } from "./target-options.ts";

export type ResourceValues = Record<string, Record<string, string>>;

/** Parses repeated `--resource OPERATION.PARAMETER=VALUE` (OPERATION: an operationId, a service, or service/operationId). */
export function parseResourceFlags(flags: string[]): ResourceValues {
  const values: ResourceValues = {};
  for (const flag of flags) {
    const match = /^([^=]+)\.([^.=]+)=(.+)$/.exec(flag);
    if (!match) throw optionError("--resource", `"${flag}" is not OPERATION.PARAMETER=VALUE`, "e.g. --resource maps.accountName=myaccount or --resource Accounts_RegenerateKeys.resourceGroupName=rg1");
    (values[match[1]] ??= {})[match[2]] = match[3];
  }
  return values;
}

function keysOf(doc: DocumentModel, operation: OperationModel): string[] {
  return [doc.service, operation.operationId, `${doc.service}/${operation.operationId}`, `${doc.service}/${doc.apiVersion}/${operation.operationId}`];
}

export interface NamedResources {
  /** The values every exchange of an operation starts from. */
  values(doc: DocumentModel, operation: OperationModel): Record<string, string>;
  /** Lower-cased resource ids the user named, per operation key service/api-version/operationId. */
  named(doc: DocumentModel, operation: OperationModel): string | undefined;
}

export function namedResources(docs: DocumentModel[], subscription: string | undefined, given: ResourceValues, flag = "--resource"): NamedResources {
  const operations = docs.flatMap((doc) => doc.operations.map((operation) => ({ doc, operation })));
  for (const [key, parameters] of Object.entries(given)) {
    const matching = operations.filter(({ doc, operation }) => keysOf(doc, operation).includes(key));
    if (matching.length === 0) {
      throw optionError(flag, `"${key}" names no operation`, `use a service (${[...new Set(docs.map((d) => d.service))].join(", ")}) or an operationId`);
    }
    for (const name of Object.keys(parameters)) {
      if (!matching.some(({ operation }) => operation.parameters.some((p) => p.name === name && p.in === "path"))) {
        throw optionError(flag, `"${key}" has no path parameter "${name}"`, `name one of ${matching[0].operation.parameters.filter((p) => p.in === "path").map((p) => p.name).join(", ")}`);
      }
    }
  }
  const values = (doc: DocumentModel, operation: OperationModel): Record<string, string> => {
    const merged: Record<string, string> = {};
    for (const key of keysOf(doc, operation)) Object.assign(merged, given[key] ?? {});
    const shape = operation.armPath;
    if (shape && subscription !== undefined) merged[shape.subscriptionParameter] = subscription;
    return merged;
  };
  return {
    values,
    named(doc, operation) {
      const shape = operation.armPath;
      if (!shape) return undefined;
      const own = values(doc, operation);
      const needed = [shape.subscriptionParameter, shape.resourceGroupParameter, ...shape.nameParameters].filter((p): p is string => p !== undefined);
      const example = operation.examples[0]?.parameters ?? {};
      // Enum-named children (API Management's tenant/access) may come from the example; free-form names (the
      // subscription too: a URL target without --subscription keeps the examples') must be the user's.
      const free = needed.filter((p) => !operation.parameters.find((q) => q.name === p)?.schema?.enum);
      if (!free.every((p) => own[p] !== undefined)) return undefined;
      return addressedResource(operation, { ...example, ...own });
    },
  };
}
