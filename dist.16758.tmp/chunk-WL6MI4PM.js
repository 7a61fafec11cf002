import {
  addressedResource,
  optionError
} from "./chunk-DFAMEA3W.js";

// conformance/targets/named-resources.ts
function parseResourceFlags(flags) {
  const values = {};
  for (const flag of flags) {
    const match = /^([^=]+)\.([^.=]+)=(.+)$/.exec(flag);
    if (!match) throw optionError("--resource", `"${flag}" is not OPERATION.PARAMETER=VALUE`, "e.g. --resource maps.accountName=myaccount or --resource Accounts_RegenerateKeys.resourceGroupName=rg1");
    (values[match[1]] ??= {})[match[2]] = match[3];
  }
  return values;
}
function keysOf(doc, operation) {
  return [doc.service, operation.operationId, `${doc.service}/${operation.operationId}`, `${doc.service}/${doc.apiVersion}/${operation.operationId}`];
}
function namedResources(docs, subscription, given, flag = "--resource") {
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
  const values = (doc, operation) => {
    const merged = {};
    for (const key of keysOf(doc, operation)) Object.assign(merged, given[key] ?? {});
    const shape = operation.armPath;
    if (shape && subscription !== void 0) merged[shape.subscriptionParameter] = subscription;
    return merged;
  };
  return {
    values,
    named(doc, operation) {
      const shape = operation.armPath;
      if (!shape) return void 0;
      const own = values(doc, operation);
      const needed = [shape.subscriptionParameter, shape.resourceGroupParameter, ...shape.nameParameters].filter((p) => p !== void 0);
      const example = operation.examples[0]?.parameters ?? {};
      const free = needed.filter((p) => !operation.parameters.find((q) => q.name === p)?.schema?.enum);
      if (!free.every((p) => own[p] !== void 0)) return void 0;
      return addressedResource(operation, { ...example, ...own });
    }
  };
}

export {
  parseResourceFlags,
  namedResources
};
