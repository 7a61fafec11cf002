/**
 * The routes that serve the polling URLs (polling.ts builds them and their answers): which namespaces and
 * api-versions they accept, built once from the model, and how one poll is answered.
 */
import type { IncomingHttpHeaders } from "node:http";
import { armErrors, type ArmError } from "./arm-errors.ts";
import type { Fault } from "./faults.ts";
import type { MockResponse } from "./mock-exchange.ts";
import type { MockModel } from "./mock-model.ts";
import type { AcceptedOperation, OperationStore } from "./operations.ts";
import { type PollingResource, pollingScope, resultAnswer, statusAnswer } from "./polling.ts";
import { DEFAULT_LOCATIONS } from "./steps/api-version.ts";
import { checkBearer } from "./steps/authentication.ts";

export interface PollingNamespace {
  /** Every api-version the specs hold for the namespace, newest first. */
  apiVersions: string[];
  /** Any of its operations asks for a bearer token (the polling URLs then do too). */
  requiresBearer: boolean;
}

/** Lower-case namespace → what its polling URLs accept: built once from the model. */
export function pollingDirectory(model: MockModel): Map<string, PollingNamespace> {
  const found = new Map<string, { versions: Set<string>; requiresBearer: boolean }>();
  for (const route of model.routes) {
    for (const versions of route.operations.values()) {
      for (const op of versions.values()) {
        if (!op.shape) continue;
        const key = op.shape.namespace.toLowerCase();
        const entry = found.get(key) ?? { versions: new Set<string>(), requiresBearer: false };
        entry.versions.add(op.doc.apiVersion);
        entry.requiresBearer ||= op.requiresBearer;
        found.set(key, entry);
      }
    }
  }
  return new Map([...found].map(([key, { versions, requiresBearer }]) => [key, { apiVersions: [...versions].sort().reverse(), requiresBearer }]));
}

export interface PollRequest {
  method: string;
  resource: PollingResource;
  /** As the route captured them, decoded. */
  params: { subscriptionId: string; namespace: string; location: string; operationId: string };
  apiVersion: unknown;
  headers: IncomingHttpHeaders;
  now: Date;
  origin: string;
  /** The fault the poll itself names (x-rekey-fault); else the operation's own applies. */
  fault?: Fault;
}

/**
 * A poll, in ARM's order: GET only (405), api-version present, a token where the namespace's operations ask for one,
 * a namespace the specs cover and one of its api-versions, then the operation — under the subscription and location
 * it was started in, else 404 (async-api-reference.md, "Operation result rules"). Reads state, never changes it.
 */
export function answerPoll(request: PollRequest, namespaces: Map<string, PollingNamespace>, operations: OperationStore):
  { answer: MockResponse | ArmError; accepted?: AcceptedOperation; fault?: Fault } {
  const { params, apiVersion, now } = request;
  if (request.method !== "GET") return { answer: armErrors.methodNotAllowed(request.method, ["GET"]), fault: request.fault };
  if (apiVersion === undefined || apiVersion === "") return { answer: armErrors.missingApiVersion(), fault: request.fault };
  const entry = namespaces.get(params.namespace.toLowerCase());
  const refusal = entry?.requiresBearer === false ? undefined : checkBearer(request.headers, now);
  if (refusal) return { answer: refusal, fault: request.fault };
  if (!entry) return { answer: armErrors.invalidResourceNamespace(params.namespace), fault: request.fault };
  if (typeof apiVersion !== "string") return { answer: armErrors.invalidApiVersion(String(apiVersion), entry.apiVersions), fault: request.fault };
  if (!entry.apiVersions.some((v) => v.toLowerCase() === apiVersion.toLowerCase())) {
    return { answer: armErrors.noRegisteredProvider(apiVersion, `locations/${request.resource}`, entry.apiVersions, DEFAULT_LOCATIONS), fault: request.fault };
  }
  const accepted = operations.find(params.operationId, pollingScope(params.subscriptionId, params.namespace, params.location), now.getTime());
  const fault = request.fault ?? accepted?.fault;
  let answer: MockResponse | ArmError;
  if (fault?.before) answer = fault.before(params.subscriptionId);
  else if (!accepted || fault?.lro === "status-404") answer = armErrors.operationNotFound(params.operationId);
  else if (request.resource === "operationStatuses") answer = statusAnswer(accepted, now.getTime(), fault?.lro);
  else answer = resultAnswer(accepted, request.origin, now.getTime(), fault?.lro);
  return { answer, accepted, fault };
}
