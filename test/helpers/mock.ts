/** Starts the real mock on 127.0.0.1 over the product specs, and sends requests to it as a client would. */
import { loadSpecs } from "../../kernel/load-specs.ts";
import { type DocumentModel, type OperationModel, type ResponseModel, successResponses } from "../../kernel/index.ts";
import { requestFromParameters } from "../../conformance/example-request.ts";
import { startMock, type MockOptions, type RunningMock } from "../../conformance/mock/start-mock.ts";

export const TOKEN = "mock-test-token-9d2e";

let loaded: ReturnType<typeof loadSpecs> | undefined;
export async function productDocs(): Promise<DocumentModel[]> {
  loaded ??= loadSpecs();
  return (await loaded).docs;
}

/** The product specs and the ajv instance lint compiled them with (loaded once per test file). */
export async function productSpecs(): Promise<{ docs: DocumentModel[]; ajv: NonNullable<Awaited<ReturnType<typeof loadSpecs>>["ajv"]> }> {
  loaded ??= loadSpecs();
  const { docs, ajv } = await loaded;
  return { docs, ajv: ajv! };
}

export async function startProductMock(options: MockOptions = {}): Promise<RunningMock> {
  loaded ??= loadSpecs();
  const { docs, ajv } = await loaded;
  return startMock({ docs, ajv, ...options });
}

export interface OperationUnderTest {
  doc: DocumentModel;
  operation: OperationModel;
  /** The first example's parameters. */
  values: Record<string, unknown>;
}

/** Every operation of every product spec, with its first example's parameter values. */
export async function operationsUnderTest(): Promise<OperationUnderTest[]> {
  return (await productDocs()).flatMap((doc) =>
    doc.operations.map((operation) => ({ doc, operation, values: structuredClone(operation.examples[0].parameters) })));
}

export interface Answer {
  status: number;
  headers: Headers;
  text: string;
  json: any;
}

export async function send(
  mock: RunningMock,
  operation: OperationModel,
  values: Record<string, unknown>,
  extra: { headers?: Record<string, string | undefined>; body?: string; fetchOptions?: RequestInit } = {},
): Promise<Answer> {
  const request = requestFromParameters(operation, values);
  const headers: Record<string, string> = { authorization: `Bearer ${TOKEN}`, ...request.headers };
  for (const [name, value] of Object.entries(extra.headers ?? {})) {
    if (value === undefined) delete headers[name];
    else headers[name] = value;
  }
  const response = await fetch(mock.url + request.url, {
    method: request.method,
    headers,
    body: extra.body ?? request.body,
    ...extra.fetchOptions,
  });
  const text = await response.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, text, json };
}

/** The response the mock answers a valid request with: a long-running operation's accepted one (202), else its first 2xx. */
export function firstAnswer(operation: OperationModel): ResponseModel {
  const accepted = operation.longRunning && operation.responses.find((r) => r.status === operation.longRunning!.acceptedStatus);
  return accepted || successResponses(operation)[0];
}

/** Waits, within a bound, until the long-running operation an accepted answer started has completed (its keys rotated). */
export async function settled(answer: Answer, boundMs = 5000): Promise<void> {
  const location = answer.headers.get("location") ?? answer.headers.get("azure-asyncoperation")?.replace("/operationStatuses/", "/operationResults/");
  if (answer.status !== 202 || !location) return;
  for (const until = Date.now() + boundMs; Date.now() < until;) {
    if ((await fetch(location, { headers: { authorization: `Bearer ${TOKEN}` } })).status !== 202) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`the operation at ${location} did not complete within ${boundMs} ms`);
}
