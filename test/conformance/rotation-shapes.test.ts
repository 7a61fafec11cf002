/**
 * One fixture spec (test/kernel/fixtures/lockers) with one operation per key shape x-rekey-rotation describes — keys in
 * array elements selected by keyName, a key selected by a path parameter after the action, and a 204 rotation whose
 * keys are read back by a sibling operation — served by the real mock and judged by the real runner with no code
 * for any of them: green as the spec says, and each rotation fault caught by the rotation check on every shape.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { conform } from "../../conformance/conform.ts";
import { startMock, type RunningMock } from "../../conformance/mock/start-mock.ts";
import { loadSpecs } from "../../kernel/load-specs.ts";
import type { OperationModel } from "../../kernel/index.ts";
import { copyTree, removeTempDirs, tempDir } from "../helpers/files.ts";
import { send } from "../helpers/mock.ts";

const FIXTURE = new URL("../kernel/fixtures", import.meta.url).pathname;
const { docs, ajv } = await loadSpecs(FIXTURE);
const operation = (id: string): OperationModel => docs[0].operations.find((o) => o.operationId === id)!;
const values = (id: string, extra: Record<string, unknown> = {}) => ({ ...structuredClone(operation(id).examples[0].parameters), ...extra });

const PREFIX = "lockers/2025-01-01";
const SCENARIOS = {
  array: `${PREFIX}/Lockers_RegenerateKey/scenario`,
  path: `${PREFIX}/Cabinets_RegenerateAdminKey/scenario`,
  readBack: `${PREFIX}/Doors_RotateAccessKey/scenario`,
};

describe("the mock answers each shape as its spec says", () => {
  let mock: RunningMock;
  beforeAll(async () => {
    mock = await startMock({ docs, ajv });
  });
  afterAll(() => mock.close());

  it("array elements: the selected element gets a new value and time; constant fields and the kerb entry stay; keys stays an array", async () => {
    const id = "Lockers_RegenerateKey";
    const first = await send(mock, operation(id), values(id, { body: { keyName: "key1" } }));
    const second = await send(mock, operation(id), values(id, { body: { keyName: "key2" } }));
    expect([first.status, second.status]).toEqual([200, 200]);
    for (const answer of [first, second]) {
      expect(Array.isArray(answer.json.keys)).toBe(true);
      expect(answer.json.keys.map((k: { keyName: string; permissions: string }) => [k.keyName, k.permissions])).toEqual([["key1", "FULL"], ["key2", "FULL"], ["kerb1", "READ"]]);
      expect(answer.json.keys[2].value).toBe("example-kerb-1");
      expect(answer.json.keys[0].value).toMatch(/^[A-Za-z0-9+/]{86}==$/);
    }
    expect(second.json.keys[0]).toEqual(first.json.keys[0]);
    expect(second.json.keys[1].value).not.toBe(first.json.keys[1].value);
    expect(Date.parse(second.json.keys[1].creationTime)).toBeGreaterThanOrEqual(Date.parse(first.json.keys[1].creationTime));
  });

  it("path selector: the keyKind after the action picks the key; alphanumeric keys of the declared length", async () => {
    const id = "Cabinets_RegenerateAdminKey";
    const before = await send(mock, operation(id), values(id, { keyKind: "secondary" }));
    const after = await send(mock, operation(id), values(id, { keyKind: "primary" }));
    expect(after.status).toBe(200);
    expect(after.json.primaryKey).toMatch(/^[A-Z0-9]{32}$/);
    expect(after.json.primaryKey).not.toBe(before.json.primaryKey);
    expect(after.json.secondaryKey).toBe(before.json.secondaryKey);
  });

  it("read-back: the rotation answers 204 with no body; the sibling list operation shows the new hex key", async () => {
    const list = () => send(mock, operation("Doors_ListAccessSecrets"), values("Doors_ListAccessSecrets"));
    const before = await list();
    const rotated = await send(mock, operation("Doors_RotateAccessKey"), values("Doors_RotateAccessKey"));
    const after = await list();
    expect(rotated.status).toBe(204);
    expect(rotated.text).toBe("");
    expect(after.status).toBe(200);
    expect(after.json.id).toBe("door1");
    expect(after.json.primaryKey).toMatch(/^[0-9a-f]{64}$/);
    expect(after.json.primaryKey).not.toBe(before.json.primaryKey);
    expect(after.json.secondaryKey).toBe(before.json.secondaryKey);
  });
});

describe("the runner judges each shape from the spec alone", () => {
  it("a faithful mock passes every exchange, with rotation scenarios for every shape", async () => {
    const { summary, results } = await conform({ target: "mock", docs, ajv, retries: 0 });
    expect(summary.failed, JSON.stringify(results.filter((r) => r.outcome === "failed").map((r) => [r.exchange.id, r.failures]), null, 1)).toBe(0);
    const scenarioIds = results.filter((r) => r.exchange.kind === "scenario").map((r) => r.exchange.id);
    expect(scenarioIds.filter((id) => id.startsWith(SCENARIOS.array))).toHaveLength(6);
    expect(scenarioIds.filter((id) => id.startsWith(SCENARIOS.path))).toHaveLength(6);
    expect(scenarioIds.filter((id) => id.startsWith(SCENARIOS.readBack))).toEqual([1, 2, 3, 4, 5].map((n) => `${SCENARIOS.readBack}/rotate-primary/${n}`));
    const readStep = results.find((r) => r.exchange.id === `${SCENARIOS.readBack}/rotate-primary/3`)!;
    expect(readStep.exchange.operationId).toBe("Doors_ListAccessSecrets");
    expect(readStep.checksRun).toContain("rotation");
    expect(JSON.stringify(results)).not.toMatch(/"primaryKey":"[0-9a-f]{64}"/);
  });

  it.each([
    ["no-rotation", `${SCENARIOS.array}/rotate-key2/2`, /regenerating key2 left \/keys\[keyName=key2\]\/value unchanged/],
    ["rotate-other", `${SCENARIOS.array}/rotate-key1/2`, /regenerating key1 changed \/keys\[keyName=key2\]\/value/],
    ["rotate-both", `${SCENARIOS.path}/rotate-primary/3`, /regenerating primary changed \/secondaryKey/],
    ["rotate-other", `${SCENARIOS.path}/rotate-secondary/2`, /regenerating secondary left \/secondaryKey unchanged/],
    ["no-rotation", `${SCENARIOS.readBack}/rotate-primary/3`, /regenerating primary left \/primaryKey unchanged/],
    ["rotate-other", `${SCENARIOS.readBack}/rotate-primary/5`, /regenerating primary changed \/secondaryKey/],
  ])("fault %s fails the rotation check at %s", async (fault, id, message) => {
    const { results } = await conform({ target: "mock", docs, ajv, fault, retries: 0, only: [id.replace(/\/\d+$/, "")] });
    const result = results.find((r) => r.exchange.id === id)!;
    expect(result.outcome).toBe("failed");
    const rotation = result.failures.filter((f) => f.check === "rotation");
    expect(rotation.map((f) => f.message).join("\n")).toMatch(message);
    for (const f of rotation) expect(JSON.stringify(f)).not.toMatch(/[A-Za-z0-9+/]{40,}|[0-9a-f]{64}/);
  });
});

describe("where a rotation says keys appear is secret, marked or not", () => {
  afterAll(removeTempDirs);

  it("a key value without x-ms-secret is still redacted in every result of a run", async () => {
    const specs = copyTree(FIXTURE, join(tempDir(), "specs"));
    const file = join(specs, "lockers/2025-01-01/openapi.yaml");
    const text = readFileSync(file, "utf8");
    const unmarked = text.replace("value: { type: string, readOnly: true, x-ms-secret: true }", "value: { type: string, readOnly: true }");
    expect(unmarked).not.toBe(text);
    writeFileSync(file, unmarked);
    const loaded = await loadSpecs(specs);
    const regenerate = loaded.docs[0].operations.find((o) => o.operationId === "Lockers_RegenerateKey")!;
    const success = regenerate.responses.find((r) => r.status === "200")!;
    expect(success.secretPaths).toContain("/keys/*/value");
    expect(success.shownPaths).not.toContain("/keys/*/value");
    expect(success.shownPaths).toContain("/keys/*/permissions");
    const { summary, results } = await conform({ target: "mock", docs: loaded.docs, ajv: loaded.ajv, retries: 0, only: ["lockers/2025-01-01/Lockers_RegenerateKey/**"] });
    expect(summary.failed).toBe(0);
    const scenario = results.find((r) => r.exchange.id === `${SCENARIOS.array}/rotate-key1/2`)!;
    expect((scenario.response!.json as { keys: Array<{ value: string; permissions: string }> }).keys.map((k) => [k.value, k.permissions]))
      .toEqual([["[REDACTED]", "FULL"], ["[REDACTED]", "FULL"], ["[REDACTED]", "READ"]]);
    expect(JSON.stringify(results)).not.toMatch(/[A-Za-z0-9+/]{86}==/);
  });
});
