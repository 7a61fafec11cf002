import {
  armPathShape,
  isStable
} from "./chunk-ZOVCPWKV.js";

// generator/diff/resource-types.ts
function resourceTypeOf(pathTemplate, method) {
  const shape = armPathShape(pathTemplate, method);
  return shape ? { namespace: shape.namespace, resourceType: shape.types.join("/") } : void 0;
}
function specResourceTypes(docs) {
  const byKey = /* @__PURE__ */ new Map();
  for (const doc of docs) {
    for (const op of doc.operations) {
      const type = resourceTypeOf(op.pathTemplate, op.httpMethod);
      if (!type) continue;
      const key = `${type.namespace}/${type.resourceType}`.toLowerCase();
      const entry = byKey.get(key) ?? { ...type, services: [], apiVersions: [] };
      if (!entry.services.includes(doc.service)) entry.services.push(doc.service);
      if (!entry.apiVersions.includes(doc.apiVersion)) entry.apiVersions.push(doc.apiVersion);
      byKey.set(key, entry);
    }
  }
  return [...byKey.values()].map((e) => ({ ...e, services: e.services.sort(), apiVersions: e.apiVersions.sort() })).sort((a, b) => `${a.namespace}/${a.resourceType}`.localeCompare(`${b.namespace}/${b.resourceType}`));
}
function compareWithProvider(spec, types) {
  const find = (name) => types.find((t) => t.resourceType.toLowerCase() === name.toLowerCase());
  const parts = spec.resourceType.split("/");
  let match;
  for (let n = parts.length; n > 0 && !match; n--) match = find(parts.slice(0, n).join("/"));
  const offered = [...match?.apiVersions ?? []].sort().reverse();
  const newest = spec.apiVersions.at(-1) ?? "";
  const newerStable = offered.filter((v) => isStable(v) && v > newest && !spec.apiVersions.includes(v));
  return { ...spec, matchedType: match?.resourceType, offered, newerStable };
}
export {
  compareWithProvider,
  resourceTypeOf,
  specResourceTypes
};
