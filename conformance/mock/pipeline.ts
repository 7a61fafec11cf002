/**
 * The mock's request pipeline, in ARM's order: method → api-version present → authentication → api-version
 * supported → parameters → body → resource lookup → behaviour. (ARM checks api-version before authentication, as an
 * anonymous call shows: MicrosoftDocs/feedback#2279; the order after authentication is inferred.) Each step is one
 * module and refuses with ARM's own error; the first refusal ends the request.
 */
import type { ArmError } from "./arm-errors.ts";
import { exampleResponse, parsePrefer } from "./behaviours/example-response.ts";
import type { Behaviour, BehaviourOptions } from "./behaviours/behaviour.ts";
import { acceptExample, acceptOperation } from "./behaviours/long-running.ts";
import { readBack } from "./behaviours/read-back.ts";
import { regenerateKey } from "./behaviours/regenerate-key.ts";
import type { MockExchange, MockResponse, MockStep } from "./mock-exchange.ts";
import { requireApiVersion, selectOperationByApiVersion } from "./steps/api-version.ts";
import { authenticate } from "./steps/authentication.ts";
import { checkMethod } from "./steps/method.ts";
import { validateParameters } from "./steps/parameters.ts";
import { validateRequestBody } from "./steps/request-body.ts";
import { lookUpResource } from "./steps/resource-lookup.ts";

export const STEPS: MockStep[] = [
  checkMethod,
  requireApiVersion,
  authenticate,
  selectOperationByApiVersion,
  validateParameters,
  validateRequestBody,
  lookUpResource,
];

/**
 * The behaviour for an operation: a plug-in chosen by what its spec declares, else its documented example. A
 * long-running operation starts asynchronously, unless Prefer asks for another documented status.
 */
function behaviourFor(exchange: MockExchange, examplesOnly: boolean): Behaviour {
  const preference = parsePrefer(exchange.request.headers.prefer);
  const longRunning = exchange.operation!.operation.longRunning;
  if (preference || examplesOnly) {
    if (longRunning && (preference?.code === undefined || preference.code === longRunning.acceptedStatus)) {
      return (ex, options) => acceptExample(ex, options, preference ?? {});
    }
    return (ex) => exampleResponse(ex, preference);
  }
  if (longRunning) return acceptOperation;
  if (exchange.operation!.rotation) return regenerateKey;
  if (exchange.operation!.readsBackFor) return readBack;
  return (ex) => exampleResponse(ex);
}

export function runPipeline(exchange: MockExchange, options: BehaviourOptions & { examplesOnly: boolean }): MockResponse | ArmError {
  for (const step of STEPS) {
    const refusal = step(exchange);
    if (refusal) return refusal;
  }
  return behaviourFor(exchange, options.examplesOnly)(exchange, options);
}
