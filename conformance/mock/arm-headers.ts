/**
 * The headers ARM puts on every response (Azure/azure-resource-manager-rpc, common-api-details.md §Response Headers): request, correlation and routing ids, the
 * remaining-writes counters, and the no-cache / HSTS / nosniff set.
 */
import { randomUUID } from "node:crypto";
import type { IncomingHttpHeaders } from "node:http";

export const MOCK_REGION = "EASTUS";

/**
 * Subscriptions whose buckets the mock keeps: a client cycling through made-up subscription ids must not grow it
 * without end, so past this the least recently used bucket is forgotten (and starts full if that id comes back).
 */
export const TRACKED_SUBSCRIPTIONS = 10_000;
/** Subscription ids are 36 characters; a longer path segment is keyed by its start, so keys stay small too. */
const KEY_LENGTH = 64;

/**
 * ARM's 2024 token buckets (MicrosoftDocs/azure-docs, articles/azure-resource-manager/management/
 * request-limits-and-throttling.md): 200 writes per subscription and principal, refilled at 10 per second, and a
 * global one across principals 15 times as large. Reported, not enforced.
 */
const WRITES = { capacity: 200, perSecond: 10 };
const GLOBAL_WRITES = { capacity: WRITES.capacity * 15, perSecond: WRITES.perSecond * 15 };

/** Buckets are keyed by the subscription id's start, in lower case: ARM compares ids without case. */
function bucketKey(subscription: string): string {
  return (subscription.length > KEY_LENGTH ? subscription.slice(0, KEY_LENGTH) : subscription).toLowerCase();
}

/** One token bucket per subscription (the mock has one principal, so the global bucket is per subscription too). */
export class RemainingWrites {
  /** In least-recently-used-first order: a bucket is re-inserted each time it is taken from. */
  private readonly buckets = new Map<string, { tokens: number; at: number }>();
  constructor(private readonly capacity = WRITES.capacity, private readonly perSecond = WRITES.perSecond, private readonly tracked = TRACKED_SUBSCRIPTIONS) {}

  get size(): number {
    return this.buckets.size;
  }

  /** The bucket last taken from (the newest in the order), which needs no moving when it is taken from again. */
  private newest: string | undefined;

  take(subscription: string, now: number): number {
    return this.takeKey(bucketKey(subscription), now);
  }

  /** take() for a key bucketKey() made. */
  takeKey(key: string, now: number): number {
    let bucket = this.buckets.get(key);
    if (!bucket) bucket = { tokens: this.capacity, at: now };
    bucket.tokens = Math.min(this.capacity, bucket.tokens + ((now - bucket.at) / 1000) * this.perSecond);
    bucket.at = now;
    bucket.tokens = Math.max(0, bucket.tokens - 1);
    if (key !== this.newest) {
      this.buckets.delete(key);
      this.buckets.set(key, bucket);
      this.newest = key;
      if (this.buckets.size > this.tracked) this.buckets.delete(this.buckets.keys().next().value!);
    }
    return Math.floor(bucket.tokens);
  }
}

let routingSecond = -1;
let routingStamp = "";

/** 20261122T031017Z, computed once per second. */
function routingTime(now: Date): string {
  const second = Math.floor(now.getTime() / 1000);
  if (second !== routingSecond) {
    routingSecond = second;
    routingStamp = now.toISOString().replace(/[-:]/g, "").replace(/\.\d{3}Z$/, "Z");
  }
  return routingStamp;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function armHeaders(request: IncomingHttpHeaders, now: Date): Record<string, string> {
  const sent = request["x-ms-correlation-request-id"];
  const correlation = typeof sent === "string" && GUID.test(sent) ? sent : randomUUID();
  const headers: Record<string, string> = {
    "cache-control": "no-cache",
    pragma: "no-cache",
    expires: "-1",
    "strict-transport-security": "max-age=31536000; includeSubDomains",
    "x-content-type-options": "nosniff",
    "x-ms-request-id": randomUUID(),
    "x-ms-correlation-request-id": correlation,
    "x-ms-routing-request-id": `${MOCK_REGION}:${routingTime(now)}:${correlation}`,
  };
  const clientRequestId = request["x-ms-client-request-id"];
  if (request["x-ms-return-client-request-id"] === "true" && typeof clientRequestId === "string") {
    headers["x-ms-client-request-id"] = clientRequestId;
  }
  return headers;
}

/**
 * What a write's answer says is left: the principal's and the global counter, both sent by ARM since its 2024
 * limits (`x-ms-ratelimit-remaining-subscription-global-writes` beside `…-subscription-writes`). A client may read
 * them; none may require them, as older recordings have only the first.
 */
export class WriteCounters {
  private readonly writes = new RemainingWrites();
  private readonly global = new RemainingWrites(GLOBAL_WRITES.capacity, GLOBAL_WRITES.perSecond);

  take(subscription: string, now: number): Record<string, string> {
    return this.addTo({}, subscription, now);
  }

  /** Takes one write from each counter and sets both headers on `headers`. */
  addTo(headers: Record<string, string>, subscription: string, now: number): Record<string, string> {
    const key = bucketKey(subscription);
    headers["x-ms-ratelimit-remaining-subscription-writes"] = String(this.writes.takeKey(key, now));
    headers["x-ms-ratelimit-remaining-subscription-global-writes"] = String(this.global.takeKey(key, now));
    return headers;
  }
}
