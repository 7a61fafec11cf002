/**
 * The polling side of ARM's asynchronous contract as the mock serves it, on the origin the client reached it at:
 *   Azure-AsyncOperation, Operation-Location → {origin}{scope}/operationStatuses/{id}?api-version={v}
 *   Location                                 → {origin}{scope}/operationResults/{id}?api-version={v}
 * with scope = /subscriptions/{sub}/providers/{namespace}/locations/{location} — the subscription-level form ARM
 * prefers. The status resource answers 200 with id, name, status, startTime, endTime, percentComplete and error;
 * the result answers 202 + Location while the operation runs, then "the exact same response that would have been
 * returned had the operation been executed synchronously": its final answer, or its error.
 * Sources: Azure/azure-resource-manager-rpc v1.0/async-api-reference.md ("202 Accepted and Location Headers",
 * "Azure-AsyncOperation Resource format", "Operation result rules"); @azure/core-lro (Azure/azure-sdk-for-js
 * sdk/core/core-lro) polls these headers and stops on Succeeded, Failed and Canceled.
 */
import type { ArmError } from "./arm-errors.ts";
import { invalidBody, type LroFault } from "./faults.ts";
import { isArmError, type MockResponse } from "./mock-exchange.ts";
import type { AcceptedOperation } from "./operations.ts";

export type PollingResource = "operationStatuses" | "operationResults";

/** Which resource each polling header names. */
export const POLLED_BY: Record<string, PollingResource> = {
  "Azure-AsyncOperation": "operationStatuses",
  "Operation-Location": "operationStatuses",
  Location: "operationResults",
};

/** A host foreign to every target (RFC 6761 reserves .invalid), for the lro-foreign-host fault. */
export const FOREIGN_ORIGIN = "https://elsewhere.invalid";

/** The subscription-level scope operations are polled under (segments percent-encoded; compared case-insensitively). */
export function pollingScope(subscription: string, namespace: string, location: string): string {
  return `/subscriptions/${encodeURIComponent(subscription)}/providers/${encodeURIComponent(namespace)}/locations/${encodeURIComponent(location)}`;
}

/** ARM's location names: "East US" → eastus. A resource without a usable one is polled in the mock's region. */
export function locationName(value: unknown, fallback: string): string {
  const name = typeof value === "string" ? value.toLowerCase().replace(/[^a-z0-9]/g, "") : "";
  return name.length > 0 && name.length <= 64 ? name : fallback.toLowerCase();
}

export function resourcePath(op: AcceptedOperation, resource: PollingResource): string {
  return `${op.scope}/${resource}/${op.id}`;
}

export function pollingUrl(origin: string, op: AcceptedOperation, resource: PollingResource, fault?: LroFault): string {
  const path = `${resourcePath(op, resource)}?api-version=${encodeURIComponent(op.apiVersion)}`;
  if (fault === "relative-url") return path;
  return (fault === "foreign-host" ? FOREIGN_ORIGIN : origin) + path;
}

/**
 * Retry-After in whole seconds (ARM allows no fractions): what is left of the operation, rounded up so a client
 * that waits it finds the operation done — except that under a second it is 0, so short operations stay fast.
 */
export function retryAfter(op: AcceptedOperation, now: number): string {
  const left = Number.isFinite(op.endsAt) ? op.endsAt - now : op.durationMs;
  return String(left < 1000 ? 0 : Math.ceil(left / 1000));
}

function percentComplete(op: AcceptedOperation, now: number): number | undefined {
  if (op.status === "Succeeded") return 100;
  if (op.status !== "InProgress") return undefined;
  if (!Number.isFinite(op.endsAt) || op.durationMs <= 0) return 0;
  return Math.min(99, Math.floor(((now - op.startedAt) / op.durationMs) * 100));
}

/** The Azure-AsyncOperation resource: always 200; the body says how the operation is doing. */
export function statusAnswer(op: AcceptedOperation, now: number, fault?: LroFault): MockResponse {
  const body: Record<string, unknown> = {
    id: resourcePath(op, "operationStatuses"),
    name: op.id,
    status: op.status,
    startTime: new Date(op.startedAt).toISOString(),
  };
  if (op.status !== "InProgress") body.endTime = new Date(op.endsAt).toISOString();
  const percent = percentComplete(op, now);
  if (percent !== undefined) body.percentComplete = percent;
  if (op.error) body.error = { code: op.error.code, message: op.error.message };
  // A POST whose result is read from the status resource (final-state-via azure-async-operation) finds it in `properties`.
  const result = op.result;
  if (op.status === "Succeeded" && result && !isArmError(result) && result.json !== undefined
    && op.operation?.operation.longRunning?.finalStateVia === "azure-async-operation") {
    body.properties = fault === "invalid-final-result" ? invalidBody(result, { operation: op.operation, isError: false }).json : result.json;
  }
  if (fault === "bad-status-body") delete body.status;
  const headers: Record<string, string> = {};
  if (op.status === "InProgress" && fault !== "no-retry-after") headers["retry-after"] = retryAfter(op, now);
  return { status: 200, headers, json: body };
}

/** The Location URL: 202 while running, then the final answer (a fresh copy) or the error the operation ended with. */
export function resultAnswer(op: AcceptedOperation, origin: string, now: number, fault?: LroFault): MockResponse | ArmError {
  if (op.status === "InProgress") {
    const headers: Record<string, string> = { location: pollingUrl(origin, op, "operationResults", fault) };
    if (fault !== "no-retry-after") headers["retry-after"] = retryAfter(op, now);
    return { status: 202, headers };
  }
  const result = op.result!;
  if (isArmError(result)) return result;
  const answer: MockResponse = { ...result, headers: { ...result.headers } };
  return fault === "invalid-final-result" ? invalidBody(answer, { operation: op.operation, isError: false }) : answer;
}
