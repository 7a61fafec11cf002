/**
 * The shape of an Azure Resource Manager path template: subscription, resource group, provider namespace, the
 * type/name pairs of the (possibly nested) resource, and a trailing action. From it the mock finds the resource a
 * request addresses, and ARM's messages name it the way ARM does.
 */

export interface ArmPathShape {
  subscriptionParameter: string;
  resourceGroupParameter?: string;
  namespace: string;
  /** Resource types from the top-level one down, e.g. ["service", "tenant"]. */
  types: string[];
  /** The path parameters naming each level, e.g. ["serviceName", "accessName"]. */
  nameParameters: string[];
  /** A trailing literal segment (a POST action such as regenerateKey). */
  action?: string;
  /** Path parameters after the action (AI Search's regenerateAdminKey/{keyKind}): arguments, not resource names. */
  actionParameters: string[];
}

const PARAMETER = /^\{([^{}]+)\}$/;

function parameterName(segment: string | undefined): string | undefined {
  return segment === undefined ? undefined : PARAMETER.exec(segment)?.[1];
}

/**
 * Parses `/subscriptions/{s}/resourceGroups/{rg}/providers/{Ns}/{type}/{name}/…[/{action}[/{parameter}]]`; undefined
 * if not ARM-shaped. ARM's resource provider contract uses POST only for actions, never to address a resource, so for
 * POST a trailing `literal/{parameter}` pair below a resource is an action with its parameter: AI Search's
 * `…/searchServices/{searchServiceName}/regenerateAdminKey/{keyKind}` acts on the search service
 * (Azure/azure-rest-api-specs, specification/search/resource-manager/Microsoft.Search/stable/2023-11-01/search.json).
 */
export function armPathShape(template: string, method?: string): ArmPathShape | undefined {
  const segments = template.split("/").slice(1);
  if (segments[0]?.toLowerCase() !== "subscriptions") return undefined;
  const subscriptionParameter = parameterName(segments[1]);
  if (!subscriptionParameter) return undefined;
  let i = 2;
  let resourceGroupParameter: string | undefined;
  if (segments[i]?.toLowerCase() === "resourcegroups") {
    resourceGroupParameter = parameterName(segments[i + 1]);
    if (!resourceGroupParameter) return undefined;
    i += 2;
  }
  if (segments[i]?.toLowerCase() !== "providers" || !segments[i + 1] || parameterName(segments[i + 1])) return undefined;
  const namespace = segments[i + 1];
  const types: string[] = [];
  const nameParameters: string[] = [];
  let action: string | undefined;
  for (i += 2; i < segments.length; i += 2) {
    const type = segments[i];
    const name = parameterName(segments[i + 1]);
    if (parameterName(type)) return undefined;
    if (name) {
      types.push(type);
      nameParameters.push(name);
    } else if (i === segments.length - 1) action = type;
    else return undefined;
  }
  const actionParameters: string[] = [];
  if (!action && method?.toLowerCase() === "post" && types.length > 1) {
    action = types.pop();
    actionParameters.push(nameParameters.pop()!);
  }
  if (types.length === 0) return undefined;
  return { subscriptionParameter, resourceGroupParameter, namespace, types, nameParameters, action, actionParameters };
}

/** ARM's full type: Microsoft.ApiManagement/service/tenant. */
export function fullType(shape: ArmPathShape): string {
  return [shape.namespace, ...shape.types].join("/");
}

export interface ResourceAddress {
  subscriptionId: string;
  resourceGroup?: string;
  namespace: string;
  types: string[];
  names: string[];
}

export function resourceAddress(shape: ArmPathShape, values: Record<string, string>): ResourceAddress {
  return {
    subscriptionId: values[shape.subscriptionParameter],
    resourceGroup: shape.resourceGroupParameter ? values[shape.resourceGroupParameter] : undefined,
    namespace: shape.namespace,
    types: shape.types,
    names: shape.nameParameters.map((p) => values[p]),
  };
}

/** The address of each parent resource, top-level first: service/apim1 for service/apim1/tenant/access. */
export function parents(address: ResourceAddress): ResourceAddress[] {
  return address.types.slice(0, -1).map((_, i) => ({ ...address, types: address.types.slice(0, i + 1), names: address.names.slice(0, i + 1) }));
}

export function resourceId(address: ResourceAddress, depth = address.types.length): string {
  const scope = `/subscriptions/${address.subscriptionId}` + (address.resourceGroup !== undefined ? `/resourceGroups/${address.resourceGroup}` : "");
  const pairs = address.types.slice(0, depth).map((t, i) => `/${t}/${address.names[i]}`).join("");
  return `${scope}/providers/${address.namespace}${pairs}`;
}

/** As ARM's ResourceNotFound message names it: Microsoft.ApiManagement/service/apim1/tenant/access. */
export function qualifiedName(address: ResourceAddress, depth = address.types.length): string {
  return [address.namespace, ...address.types.slice(0, depth).flatMap((t, i) => [t, address.names[i]])].join("/");
}

/** Parses a resource id back into an address (for state files); undefined when it is not one. */
export function parseResourceId(id: string): ResourceAddress | undefined {
  const segments = id.split("/").slice(1);
  if (segments[0]?.toLowerCase() !== "subscriptions" || !segments[1]) return undefined;
  let i = 2;
  let resourceGroup: string | undefined;
  if (segments[i]?.toLowerCase() === "resourcegroups") {
    resourceGroup = segments[i + 1];
    if (!resourceGroup) return undefined;
    i += 2;
  }
  if (segments[i]?.toLowerCase() !== "providers" || !segments[i + 1]) return undefined;
  const rest = segments.slice(i + 2);
  if (rest.length === 0 || rest.length % 2 !== 0 || rest.some((s) => s === "")) return undefined;
  return {
    subscriptionId: segments[1],
    resourceGroup,
    namespace: segments[i + 1],
    types: rest.filter((_, k) => k % 2 === 0),
    names: rest.filter((_, k) => k % 2 === 1),
  };
}
