/**
 * Which ARM resource type each spec serves, and what api-versions specs/ holds for it; compared with what ARM's
 * providers API says Azure offers, which newer stable api-versions have no spec yet.
 *
 * The resource type comes from the operation's ARM path (the kernel's armPathShape): `/providers/{namespace}/{type}/
 * {name}/{type}/{name}/…` → `{namespace}` and the types joined by "/" (Microsoft.ApiManagement service/tenant,
 * Microsoft.Maps accounts); a POST's trailing `action/{parameter}` is an action, not a child type (AI Search's
 * searchServices/{name}/regenerateAdminKey/{keyKind} is of type searchServices). ARM compares both case-insensitively.
 */
import { armPathShape, type DocumentModel, isStable } from "../../kernel/index.ts";

export interface ResourceTypeVersions {
  namespace: string;
  resourceType: string;
  services: string[];
  /** Oldest first. */
  apiVersions: string[];
}

export function resourceTypeOf(pathTemplate: string, method?: string): { namespace: string; resourceType: string } | undefined {
  const shape = armPathShape(pathTemplate, method);
  return shape ? { namespace: shape.namespace, resourceType: shape.types.join("/") } : undefined;
}

export function specResourceTypes(docs: DocumentModel[]): ResourceTypeVersions[] {
  const byKey = new Map<string, ResourceTypeVersions>();
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
  return [...byKey.values()]
    .map((e) => ({ ...e, services: e.services.sort(), apiVersions: e.apiVersions.sort() }))
    .sort((a, b) => `${a.namespace}/${a.resourceType}`.localeCompare(`${b.namespace}/${b.resourceType}`));
}

/** One entry of ARM's `GET /subscriptions/{id}/providers/{namespace}` → `resourceTypes[]`. */
export interface ProviderResourceType {
  resourceType: string;
  apiVersions?: string[];
}

export interface LiveComparison extends ResourceTypeVersions {
  /** The provider's resource type the versions were read from (the parent type when the child is not listed). */
  matchedType?: string;
  /** Every api-version Azure offers for it, newest first, as ARM lists them. */
  offered: string[];
  /** Stable api-versions newer than every spec, newest first: these have no spec yet. */
  newerStable: string[];
}

export function compareWithProvider(spec: ResourceTypeVersions, types: ProviderResourceType[]): LiveComparison {
  const find = (name: string) => types.find((t) => t.resourceType.toLowerCase() === name.toLowerCase());
  const parts = spec.resourceType.split("/");
  let match: ProviderResourceType | undefined;
  for (let n = parts.length; n > 0 && !match; n--) match = find(parts.slice(0, n).join("/"));
  const offered = [...(match?.apiVersions ?? [])].sort().reverse();
  const newest = spec.apiVersions.at(-1) ?? "";
  const newerStable = offered.filter((v) => isStable(v) && v > newest && !spec.apiVersions.includes(v));
  return { ...spec, matchedType: match?.resourceType, offered, newerStable };
}
