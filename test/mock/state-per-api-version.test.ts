/**
 * One resource, two api-versions: the mock shares it between them, as ARM does; the mock a conformance run starts
 * for itself (statePerApiVersion) gives each api-version resources of its own.
 */
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { CompiledExchange } from "../../conformance/exchange.ts";
import { compileExchanges } from "../../conformance/exchanges/compile-exchanges.ts";
import { startMock, type RunningMock } from "../../conformance/mock/start-mock.ts";
import { keyValue, loadSpecs, type DocumentModel, type Ajv } from "../../kernel/index.ts";
import { copyAsApiVersion } from "../../scripts/synthetic-specs.ts";
import { removeTempDirs, tempDir } from "../helpers/files.ts";
import { productDocs, TOKEN } from "../helpers/mock.ts";

const [A, B] = ["2101-01-01", "2102-01-01"];
// A rotation answered at once with the keys in its body, with two keys to rotate.
const picked = (await productDocs()).flatMap((doc) => doc.operations.map((operation) => ({ doc, operation })))
  .find(({ operation }) => operation.rotation && !operation.longRunning && !operation.rotation.readBack
    && Object.values(operation.rotation.keys).filter((k) => k.value).length >= 2)!;
const spec = picked.operation.rotation!;
const [first, second] = Object.keys(spec.keys).filter((k) => spec.keys[k]!.value);

let docs: DocumentModel[];
let ajv: Ajv;
beforeAll(async () => {
  const root = tempDir();
  for (const apiVersion of [A, B]) copyAsApiVersion(join(picked.doc.file, ".."), join(root, picked.doc.service, apiVersion), apiVersion);
  ({ docs, ajv } = await loadSpecs(root) as { docs: DocumentModel[]; ajv: Ajv });
});
afterAll(removeTempDirs);

/** The first step of the scenario rotating `key` in api-version `apiVersion`. */
function rotation(apiVersion: string, key: string): CompiledExchange {
  const exchanges = compileExchanges({ docs, ajv, only: [`${picked.doc.service}/${apiVersion}/${picked.operation.operationId}/scenario/**`] });
  return exchanges.find((e) => e.scenario?.key === key && e.scenario.step === 1)!;
}

async function rotate(mock: RunningMock, apiVersion: string, key: string): Promise<unknown> {
  const { request } = rotation(apiVersion, key);
  const response = await fetch(mock.url + request.url, { method: request.method, headers: { ...request.headers, authorization: `Bearer ${TOKEN}` }, body: request.body });
  expect(response.status).toBe(200);
  return response.json();
}

const value = (body: unknown, key: string) => keyValue(spec.keys[key]!, "value", body);

describe.each([
  ["one state, as ARM (the default)", false],
  ["a state per api-version (the mock conformance starts)", true],
])("%s", (_name, perApiVersion) => {
  let mock: RunningMock;
  beforeAll(async () => {
    mock = await startMock({ docs, ajv, statePerApiVersion: perApiVersion });
  });
  afterAll(() => mock.close());

  test(perApiVersion ? "a key rotated through one api-version is not seen through another, only through its own" : "a key rotated through one api-version is seen through another", async () => {
    const rotatedInA = value(await rotate(mock, A, first!), first!);
    const seenFromB = value(await rotate(mock, B, second!), first!);
    const seenFromA = value(await rotate(mock, A, second!), first!);
    expect(rotatedInA).toEqual(expect.any(String));
    expect(seenFromA).toBe(rotatedInA);
    if (perApiVersion) expect(seenFromB).not.toBe(rotatedInA);
    else expect(seenFromB).toBe(rotatedInA);
  });

  test("the admin state lists the resource once, or once per api-version that addressed it", async () => {
    const resources = (await (await fetch(`${mock.url}/_rekey/state`)).json()).resources as Array<{ id: string; keys: Record<string, { value: string }> }>;
    const address = rotation(A, first!).resource;
    const copies = resources.filter((r) => r.id.toLowerCase() === address);
    expect(copies).toHaveLength(perApiVersion ? 2 : 1);
  });
});
