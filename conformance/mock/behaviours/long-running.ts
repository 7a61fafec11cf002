/**
 * The start of a long-running operation (x-ms-long-running-operation; ARM's contract in
 * Azure/azure-resource-manager-rpc v1.0/async-api-reference.md): the request is checked and its work planned now,
 * the work itself happens when the operation completes (operations.ts). The answer is the accepted status with the
 * polling headers that response declares (polling.ts builds them on the mock's own origin), Retry-After, and the body
 * that response declares (its example, with the keys written in as they will be at completion). One path for every
 * long-running operation: a rotation's plan, else its documented examples, says what completing does.
 */
import { POLLING_HEADERS, type ResponseModel } from "../../../kernel/index.ts";
import { armErrors, type ArmError } from "../arm-errors.ts";
import { MOCK_REGION } from "../arm-headers.ts";
import { isArmError, type MockExchange, type MockResponse } from "../mock-exchange.ts";
import type { MockOperation } from "../mock-model.ts";
import type { Completion } from "../operations.ts";
import { locationName, POLLED_BY, pollingScope, pollingUrl, retryAfter } from "../polling.ts";
import type { Behaviour, BehaviourOptions } from "./behaviour.ts";
import { exampleResponse, type Preference } from "./example-response.ts";
import { afterRegeneration, applyRegeneration, planRegeneration, regeneratedBody } from "./regenerate-key.ts";

/** The accepted answer's body (if its response declares one) and what completing the operation does. */
interface Work {
  body?: unknown;
  complete: Completion;
}

const responseOf = (op: MockOperation, status: string): ResponseModel | undefined => op.operation.responses.find((r) => r.status === status);

/**
 * The final answer's status, and the response whose schema (and examples) shape its body: the final 2xx the spec
 * declares (SDKs type the poller's result by it), else the accepted response's own body answered 200 (an operation
 * that declares its result only on the 202), else 204.
 */
export function finalShape(op: MockOperation): { status: number; bodyStatus?: string } {
  const lr = op.operation.longRunning!;
  const final = lr.finalStatuses.map((s) => responseOf(op, s)).find((r) => r !== undefined);
  if (final) return { status: Number(final.status), bodyStatus: final.schema ? final.status : undefined };
  return responseOf(op, lr.acceptedStatus)?.schema ? { status: 200, bodyStatus: lr.acceptedStatus } : { status: 204 };
}

function rotationWork(exchange: MockExchange, options: BehaviourOptions): Work | ArmError {
  const plan = planRegeneration(exchange, options);
  if (isArmError(plan)) return plan;
  const op = exchange.operation!;
  const { address, state } = exchange;
  const early = options.fault?.lro === "rotate-early";
  if (early) applyRegeneration(plan, exchange.now);
  const acceptedStatus = op.operation.longRunning!.acceptedStatus;
  const shape = finalShape(op);
  // A 202 that declares the keys shows the new ones, which take effect at completion: Azure's SignalR answers so
  // (Azure/azure-cli src/azure-cli/azure/cli/command_modules/signalr/tests/latest/recordings/test_signalr_commands.yaml).
  const accepted = responseOf(op, acceptedStatus)?.schema
    ? regeneratedBody(op, acceptedStatus, early ? plan.resource : afterRegeneration(plan, exchange.now), address)
    : undefined;
  return {
    body: accepted,
    complete: (at) => {
      // The resource as state holds it now: a state replaced meanwhile is the one that changes.
      const lookup = address ? state.lookup(address, op.doc.apiVersion) : { found: plan.resource };
      if (!("found" in lookup)) return armErrors.resourceNotFound("qualifiedName" in lookup ? lookup.qualifiedName : "", address?.resourceGroup);
      if (!early) applyRegeneration(plan, at, lookup.found);
      const json = shape.bodyStatus ? regeneratedBody(op, shape.bodyStatus, lookup.found, address) : undefined;
      return { status: shape.status, headers: {}, json };
    },
  };
}

/** The documented example of a status (by name when one is asked for), if there is one. */
function exampleBody(exchange: MockExchange, status: string, example?: string): unknown {
  const answer = exampleResponse(exchange, { code: status, example });
  return isArmError(answer) ? undefined : answer.json;
}

/** An operation without a behaviour of its own, or --examples-only: the examples, and no change to state. */
function exampleWork(exchange: MockExchange, accepted: MockResponse | undefined, example?: string): Work {
  const op = exchange.operation!;
  const shape = finalShape(op);
  const final: MockResponse = { status: shape.status, headers: {} };
  if (shape.bodyStatus) final.json = exampleBody(exchange, shape.bodyStatus, example) ?? {};
  const acceptedStatus = op.operation.longRunning!.acceptedStatus;
  const body = accepted ? accepted.json : responseOf(op, acceptedStatus)?.schema ? exampleBody(exchange, acceptedStatus, example) : undefined;
  return { body, complete: () => ({ ...final, headers: {} }) };
}

function accept(exchange: MockExchange, options: BehaviourOptions, work: Work, pollingHeaders: string[], headers: Record<string, string> = {}): MockResponse {
  const op = exchange.operation!;
  const lro = options.fault?.lro;
  const address = exchange.address!;
  const location = locationName(exchange.resource?.properties.location, MOCK_REGION);
  const started = options.operations.start({
    scope: pollingScope(address.subscriptionId, op.shape!.namespace, location),
    apiVersion: op.doc.apiVersion,
    operation: op,
    fault: options.fault,
    outcome: lro === "failed" ? "Failed" : lro === "canceled" ? "Canceled" : "Succeeded",
    error: lro === "failed" ? armErrors.operationFailed() : lro === "canceled" ? armErrors.operationCanceled() : undefined,
    durationMs: options.lroDurationMs,
    neverEnds: lro === "never-finishes",
    complete: work.complete,
  }, exchange.now.getTime());
  if (lro !== "no-polling-header") {
    for (const header of pollingHeaders) headers[header.toLowerCase()] = pollingUrl(exchange.request.origin ?? "", started, POLLED_BY[header], lro);
  }
  if (lro !== "no-retry-after") headers["retry-after"] = retryAfter(started, exchange.now.getTime());
  const status = Number(op.operation.longRunning!.acceptedStatus);
  return work.body === undefined ? { status, headers } : { status, headers, json: work.body };
}

/** The state-driven start: the polling headers the accepted response declares. */
export const acceptOperation: Behaviour = (exchange, options) => {
  const op = exchange.operation!;
  const work = op.rotation ? rotationWork(exchange, options) : exampleWork(exchange, undefined);
  if (isArmError(work)) return work;
  return accept(exchange, options, work, op.operation.longRunning!.declaredHeaders.filter((h) => h in POLLED_BY));
};

/**
 * --examples-only (or Prefer: code=202): the example's accepted answer — its body, and the polling headers it shows —
 * but with the mock's own URLs: an example's URLs point at management.azure.com, which must never be handed out.
 */
export function acceptExample(exchange: MockExchange, options: BehaviourOptions, preference: Preference): MockResponse | ArmError {
  const acceptedStatus = exchange.operation!.operation.longRunning!.acceptedStatus;
  const accepted = exampleResponse(exchange, { ...preference, code: acceptedStatus });
  if (isArmError(accepted)) return accepted;
  const shown = POLLING_HEADERS.filter((h) => accepted.headers[h.toLowerCase()] !== undefined);
  const kept: Record<string, string> = {};
  for (const [name, value] of Object.entries(accepted.headers)) {
    if (!shown.some((h) => h.toLowerCase() === name) && name !== "retry-after") kept[name] = value;
  }
  return accept(exchange, options, exampleWork(exchange, accepted, preference.example), shown, kept);
}
