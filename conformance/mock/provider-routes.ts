/**
 * ARM's providers API for the namespaces the specs cover — `GET /subscriptions/{id}/providers/{namespace}` →
 * `resourceTypes[].apiVersions` — answered from the specs (plus versions a state file says Azure also offers),
 * so `rekey versions --live` can be tested end to end offline.
 */
import { armErrors, type ArmError } from "./arm-errors.ts";
import { DEFAULT_LOCATIONS } from "./steps/api-version.ts";

export interface ProviderDirectory {
  /** Lower-case namespace → { namespace as written, resource type → api-versions newest first }. */
  namespaces: Map<string, { namespace: string; types: Map<string, string[]> }>;
}

export function providerDirectory(versionsByType: Map<string, string[]>, typeNames: Map<string, string>, extra: Record<string, string[]> = {}): ProviderDirectory {
  const namespaces: ProviderDirectory["namespaces"] = new Map();
  const add = (qualified: string, versions: string[]) => {
    const [namespace, type] = qualified.split("/");
    const entry = namespaces.get(namespace.toLowerCase()) ?? { namespace, types: new Map<string, string[]>() };
    const known = [...entry.types.keys()].find((t) => t.toLowerCase() === type.toLowerCase()) ?? type;
    entry.types.set(known, [...new Set([...(entry.types.get(known) ?? []), ...versions])].sort().reverse());
    namespaces.set(namespace.toLowerCase(), entry);
  };
  for (const [key, versions] of versionsByType) add(typeNames.get(key) ?? key, versions);
  for (const [qualified, versions] of Object.entries(extra)) add(qualified, versions);
  return { namespaces };
}

export function providerResponse(directory: ProviderDirectory, subscriptionId: string, namespace: string): unknown | ArmError {
  const entry = directory.namespaces.get(namespace.toLowerCase());
  if (!entry) return armErrors.invalidResourceNamespace(namespace);
  return {
    id: `/subscriptions/${subscriptionId}/providers/${entry.namespace}`,
    namespace: entry.namespace,
    registrationState: "Registered",
    registrationPolicy: "RegistrationRequired",
    resourceTypes: [...entry.types].map(([resourceType, apiVersions]) => ({
      resourceType,
      locations: DEFAULT_LOCATIONS,
      apiVersions,
      capabilities: "None",
    })),
  };
}
