/**
 * The mock's resources and their keys. Names are compared case-insensitively, as ARM compares them. Node runs one
 * request's behaviour to completion before the next, and every change here is synchronous, so concurrent
 * regenerations cannot interleave.
 */
import { qualifiedName, type ResourceAddress, resourceId } from "../../kernel/index.ts";

export interface StoredKey {
  value: string;
  lastUpdated: string;
}

export interface MockResource {
  id: string;
  address: ResourceAddress;
  properties: Record<string, unknown>;
  keys: Record<string, StoredKey>;
}

export type Lookup =
  | { found: MockResource }
  | { missing: "subscription" | "resourceGroup" }
  | { missing: "resource"; qualifiedName: string };

const lower = (s: string) => s.toLowerCase();

export class MockState {
  private resources = new Map<string, MockResource>();
  private subscriptions = new Set<string>();
  private resourceGroups = new Set<string>();

  constructor(private readonly initial: () => MockResource[]) {
    this.reset();
  }

  /** Back to the state the mock started with (examples and --state file). */
  reset(): void {
    this.replace(this.initial());
  }

  replace(resources: MockResource[]): void {
    this.resources.clear();
    this.subscriptions.clear();
    this.resourceGroups.clear();
    for (const r of resources) this.put(r);
  }

  /** Adds a resource, or replaces the one with the same id. */
  put(resource: MockResource): void {
    const { subscriptionId, resourceGroup } = resource.address;
    this.subscriptions.add(lower(subscriptionId));
    if (resourceGroup !== undefined) this.resourceGroups.add(lower(`${subscriptionId}/${resourceGroup}`));
    this.resources.set(lower(resource.id), resource);
  }

  lookup(address: ResourceAddress): Lookup {
    if (!this.subscriptions.has(lower(address.subscriptionId))) return { missing: "subscription" };
    if (address.resourceGroup !== undefined && !this.resourceGroups.has(lower(`${address.subscriptionId}/${address.resourceGroup}`))) {
      return { missing: "resourceGroup" };
    }
    for (let depth = 1; depth < address.types.length; depth++) {
      if (!this.resources.has(lower(resourceId(address, depth)))) return { missing: "resource", qualifiedName: qualifiedName(address, depth) };
    }
    const found = this.resources.get(lower(resourceId(address)));
    return found ? { found } : { missing: "resource", qualifiedName: qualifiedName(address) };
  }

  list(): MockResource[] {
    return [...this.resources.values()];
  }
}
