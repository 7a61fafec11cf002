/**
 * The mock's resources and their keys. Names are compared case-insensitively, as ARM compares them. Node runs one
 * request's behaviour to completion before the next, and every change here is synchronous, so concurrent
 * regenerations cannot interleave.
 *
 * As in ARM, one resource is the same whatever api-version addresses it — unless the state is kept per api-version
 * (`perApiVersion`: the mock a conformance run starts for itself), where each api-version starts from the initial
 * resources and sees only its own changes, as if each document were run against a mock of its own.
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

/** One set of resources: the whole state, or one api-version's. */
class Resources {
  private resources = new Map<string, MockResource>();
  private subscriptions = new Set<string>();
  private resourceGroups = new Set<string>();

  constructor(resources: MockResource[]) {
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

export interface MockStateOptions {
  /** Each api-version keeps resources of its own (see above); default: one state, as ARM. */
  perApiVersion?: boolean;
}

export class MockState {
  private shared!: Resources;
  private readonly byApiVersion = new Map<string, Resources>();
  /** The initial resources each api-version's state starts as a copy of (made once: seeding walks every example). */
  private seed?: MockResource[];

  constructor(private readonly initial: () => MockResource[], private readonly options: MockStateOptions = {}) {
    this.reset();
  }

  /** Back to the state the mock started with (examples and --state file). */
  reset(): void {
    this.byApiVersion.clear();
    this.seed = undefined;
    if (!this.options.perApiVersion) this.shared = new Resources(this.initial());
  }

  /** The resources `apiVersion` addresses: the one state, or that api-version's own (made on first use). */
  private resourcesOf(apiVersion: string): Resources {
    if (!this.options.perApiVersion) return this.shared;
    const key = lower(apiVersion);
    let resources = this.byApiVersion.get(key);
    if (!resources) {
      this.seed ??= this.initial();
      this.byApiVersion.set(key, resources = new Resources(structuredClone(this.seed)));
    }
    return resources;
  }

  lookup(address: ResourceAddress, apiVersion: string): Lookup {
    return this.resourcesOf(apiVersion).lookup(address);
  }

  /** Every resource; kept per api-version, each api-version's that was addressed (an id may then repeat). */
  list(): MockResource[] {
    return this.options.perApiVersion ? [...this.byApiVersion.values()].flatMap((r) => r.list()) : this.shared.list();
  }
}
