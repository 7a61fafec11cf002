/**
 * Every operation of every spec in specs/, called through its generated client (imported as the package,
 * @rekey/clients/<service>/<api-version>) over real HTTP on 127.0.0.1 with each of its examples' values: the request
 * on the wire is the one the example documents, and the call resolves to the example's answer. A new spec folder
 * extends this test by itself.
 */
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { clientNames, type DocumentModel, type ExampleModel, loadSpecs, type OperationModel, REPO_ROOT, successResponses } from "../../kernel/index.ts";
import { type RecordingServer, startRecordingServer } from "../helpers/recording-server.ts";

const TOKEN = "test-token-every-example";
const { docs } = await loadSpecs(join(REPO_ROOT, "specs"), { lint: false });

let server: RecordingServer;
beforeAll(async () => {
  server = await startRecordingServer();
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
});

const cases = docs.flatMap((doc) => doc.operations.flatMap((op) => op.examples.map((example) => ({ doc, op, example }))));

it("finds an example for every operation of every spec", () => {
  expect(cases.length).toBeGreaterThan(0);
  for (const doc of docs) for (const op of doc.operations) expect(op.examples.length, `${doc.service}/${doc.apiVersion} ${op.operationId}`).toBeGreaterThan(0);
});

describe.each(cases.map((c) => [`${c.doc.service}/${c.doc.apiVersion} ${c.op.operationId} "${c.example.title}"`, c] as const))("%s", (_, { doc, op, example }) => {
  it("sends the documented request and resolves to the documented answer", async () => {
    const success = successResponses(op).find((r) => example.responses[r.status] !== undefined) ?? successResponses(op)[0];
    const answer = example.responses[success.status]?.body;
    server.respond({ status: Number(success.status), body: answer });

    const result = await call(doc, op, example);

    expect(result).toEqual(success.schema ? answer : undefined);
    expect(server.requests).toHaveLength(1);
    const [request] = server.requests;
    expect(request.method).toBe(op.httpMethod.toUpperCase());
    expect(decodeURIComponent(request.path)).toBe(expectedPath(op, example));
    expect(request.query).toEqual(expectedQuery(doc, op, example));
    expect(request.headers.authorization).toBe(`Bearer ${TOKEN}`);
    if (op.requestBody) expect(JSON.parse(request.body)).toEqual(example.parameters[op.requestBody.name]);
    else expect(request.body).toBe("");
  });
});

/** Builds the client from the example's client-level values and calls the operation with its method-level ones. */
async function call(doc: DocumentModel, op: OperationModel, example: ExampleModel): Promise<unknown> {
  const module = await import(/* @vite-ignore */ `@rekey/clients/${doc.service}/${doc.apiVersion}`);
  const options: Record<string, unknown> = { credential: TOKEN, endpoint: server.url };
  const args: Record<string, unknown> = {};
  for (const p of op.parameters) {
    if (p.binding === "api-version" || !(p.name in example.parameters)) continue;
    (p.binding === "client" ? options : args)[p.clientName] = example.parameters[p.name];
  }
  if (op.requestBody) args.body = example.parameters[op.requestBody.name];
  const client = module[clientNames(doc).factoryName](options);
  const target = op.group ? client[op.group] : client;
  return target[op.methodName](args);
}

function expectedPath(op: OperationModel, example: ExampleModel): string {
  return op.pathTemplate.replace(/\{([^}]+)\}/g, (_, name: string) => String(example.parameters[name]));
}

function expectedQuery(doc: DocumentModel, op: OperationModel, example: ExampleModel): Record<string, string> {
  const query: Record<string, string> = {};
  for (const p of op.parameters) {
    if (p.in !== "query") continue;
    if (p.binding === "api-version") query[p.name] = doc.apiVersion;
    else if (p.name in example.parameters) query[p.name] = String(example.parameters[p.name]);
  }
  return query;
}
