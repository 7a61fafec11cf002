/**
 * The mock's state: keys are realistic, regenerating changes exactly the selected key (and its timestamp), the
 * old value is gone, concurrent regenerations are safe, and a state file adds resources — including a Batch
 * account without SharedKey, whose regeneration fails.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { RunningMock } from "../../conformance/mock/start-mock.ts";
import { UserError } from "../../kernel/user-error.ts";
import { operationsUnderTest, send, startProductMock, type OperationUnderTest } from "../helpers/mock.ts";

let mock: RunningMock;
let operations: OperationUnderTest[];
beforeAll(async () => {
  mock = await startProductMock();
  operations = await operationsUnderTest();
});
afterAll(() => mock.close());

const op = (id: string) => operations.find((o) => o.operation.operationId === id)!;
const MAPS_KEY = /^[A-Za-z0-9_-]{43}$/;
const BATCH_KEY = /^[A-Za-z0-9+/]{86}==$/;
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{7}Z$/;

async function adminState(target: RunningMock = mock) {
  return (await (await fetch(`${target.url}/_rekey/state`)).json()).resources as Array<{ id: string; keys: Record<string, { value: string; lastUpdated: string }> }>;
}

describe("Maps: regenerate changes the selected key only", () => {
  it.each(["primary", "secondary"])("%s, twice", async (keyType) => {
    const maps = op("Accounts_RegenerateKeys");
    const other = keyType === "primary" ? "secondary" : "primary";
    const call = async () => (await send(mock, maps.operation, { ...maps.values, keySpecification: { keyType } })).json;
    const first = await call();
    const second = await call();
    for (const body of [first, second]) {
      expect(body[`${keyType}Key`]).toMatch(MAPS_KEY);
      expect(body[`${keyType}KeyLastUpdated`]).toMatch(TIMESTAMP);
    }
    expect(second[`${keyType}Key`]).not.toBe(first[`${keyType}Key`]);
    expect(second[`${keyType}KeyLastUpdated` ] > first[`${keyType}KeyLastUpdated`]).toBe(true);
    expect(second[`${other}Key`]).toBe(first[`${other}Key`]);
    expect(second[`${other}KeyLastUpdated`]).toBe(first[`${other}KeyLastUpdated`]);
    expect(Object.keys(second).sort()).toEqual(["primaryKey", "primaryKeyLastUpdated", "secondaryKey", "secondaryKeyLastUpdated"]);
  });
});

describe("Batch: regenerate changes the selected key only, echoes the account name", () => {
  it("Primary then Secondary", async () => {
    const batch = op("BatchAccount_RegenerateKey");
    const before = (await adminState()).find((r) => r.id.endsWith(`/${batch.values.accountName}`))!;
    const primary = (await send(mock, batch.operation, { ...batch.values, parameters: { keyName: "Primary" } })).json;
    expect(primary).toEqual({ accountName: batch.values.accountName, primary: expect.stringMatching(BATCH_KEY), secondary: before.keys.Secondary.value });
    expect(primary.primary).not.toBe(before.keys.Primary.value);
    const secondary = (await send(mock, batch.operation, { ...batch.values, parameters: { keyName: "Secondary" } })).json;
    expect(secondary.primary).toBe(primary.primary);
    expect(secondary.secondary).not.toBe(primary.secondary);
    const after = (await adminState()).find((r) => r.id === before.id)!;
    expect(after.keys.Primary.value).toBe(primary.primary);
    expect(JSON.stringify(after)).not.toContain(before.keys.Primary.value); // the old value is gone
  });
});

describe("APIM: regeneratePrimaryKey rotates the primary key in state", () => {
  it("primary changes, secondary does not", async () => {
    const apim = op("TenantAccess_RegeneratePrimaryKey");
    const id = (r: { id: string }) => r.id.toLowerCase().endsWith(`/tenant/${String(apim.values.accessName).toLowerCase()}`);
    const before = (await adminState()).find(id)!;
    expect((await send(mock, apim.operation, apim.values)).status).toBe(204);
    const after = (await adminState()).find(id)!;
    expect(after.keys.primary.value).not.toBe(before.keys.primary.value);
    expect(after.keys.primary.lastUpdated > before.keys.primary.lastUpdated).toBe(true);
    expect(after.keys.secondary).toEqual(before.keys.secondary);
  });
});

describe("concurrency and reset", () => {
  it("50 concurrent regenerations of one key each get a distinct key; the other key never changes", async () => {
    const maps = op("Accounts_RegenerateKeys");
    const bodies = await Promise.all(Array.from({ length: 50 }, () =>
      send(mock, maps.operation, { ...maps.values, keySpecification: { keyType: "primary" } }).then((a) => a.json)));
    expect(new Set(bodies.map((b) => b.primaryKey)).size).toBe(50);
    expect(new Set(bodies.map((b) => b.primaryKeyLastUpdated)).size).toBe(50);
    expect(new Set(bodies.map((b) => b.secondaryKey)).size).toBe(1);
  });

  it("POST /_rekey/state/reset restores the starting resources with fresh keys", async () => {
    const before = await adminState();
    expect((await fetch(`${mock.url}/_rekey/state/reset`, { method: "POST" })).status).toBe(204);
    const after = await adminState();
    expect(after.map((r) => r.id)).toEqual(before.map((r) => r.id));
  });
});

describe("--state FILE", () => {
  const dir = mkdtempSync(join(tmpdir(), "rekey-state-"));
  const sub = "subid";
  const aad = `/subscriptions/${sub}/resourceGroups/batch-rg/providers/Microsoft.Batch/batchAccounts/aadonly`;
  const shared = `/subscriptions/${sub}/resourceGroups/batch-rg/providers/Microsoft.Batch/batchAccounts/sharedkey`;

  it("adds resources; a Batch account without SharedKey refuses regeneration", async () => {
    const file = join(dir, "state.json");
    writeFileSync(file, JSON.stringify({
      resources: [
        { id: aad, properties: { allowedAuthenticationModes: ["AAD", "TaskAuthenticationToken"] } },
        { id: shared, keys: { Primary: "p".repeat(88), Secondary: "s".repeat(88) } },
      ],
    }));
    const custom = await startProductMock({ state: file });
    try {
      const batch = op("BatchAccount_RegenerateKey");
      const base = { ...batch.values, resourceGroupName: "batch-rg" };
      const refused = await send(custom, batch.operation, { ...base, accountName: "aadonly" });
      expect(refused.status).toBe(409);
      expect(refused.json.error.code).toBe("SharedKeyAuthenticationDisabled");
      expect(refused.json.error.message).toContain("SharedKey");
      const allowed = await send(custom, batch.operation, { ...base, accountName: "sharedkey", parameters: { keyName: "Secondary" } });
      expect(allowed.json).toEqual({ accountName: "sharedkey", primary: "p".repeat(88), secondary: expect.stringMatching(BATCH_KEY) });
      const maps = op("Accounts_RegenerateKeys"); // the examples' resources are still there
      expect((await send(custom, maps.operation, maps.values)).status).toBe(200);
    } finally {
      await custom.close();
    }
  });

  it("examples: false starts without the examples' resources; PUT /_rekey/state replaces the state", async () => {
    const custom = await startProductMock({ state: { examples: false, resources: [{ id: shared }] } });
    try {
      const maps = op("Accounts_RegenerateKeys");
      expect((await send(custom, maps.operation, maps.values)).json.error.code).toBe("SubscriptionNotFound");
      const put = await fetch(`${custom.url}/_rekey/state`, { method: "PUT", headers: { "content-type": "application/json" }, body: JSON.stringify({ examples: true }) });
      expect(put.status).toBe(204);
      expect((await send(custom, maps.operation, maps.values)).status).toBe(200);
      const bad = await fetch(`${custom.url}/_rekey/state`, { method: "PUT", headers: { "content-type": "application/json" }, body: JSON.stringify({ resources: [{}] }) });
      expect(bad.status).toBe(400);
      expect((await bad.json()).error.message).toContain("/resources/0");
    } finally {
      await custom.close();
    }
  });

  it("a bad state file is a UserError naming the file and pointer", async () => {
    const file = join(dir, "bad.json");
    writeFileSync(file, JSON.stringify({ resources: [{ id: "/not/a/resource" }] }));
    await expect(startProductMock({ state: file })).rejects.toThrow(UserError);
    await expect(startProductMock({ state: file })).rejects.toThrow(/bad\.json#\/resources\/0\/id/);
    writeFileSync(file, "{");
    await expect(startProductMock({ state: file })).rejects.toThrow(/bad\.json: not JSON/);
  });

  it("extra api-versions in the state file appear in ARM's providers API", async () => {
    const custom = await startProductMock({ state: { apiVersions: { "Microsoft.Maps/accounts": ["2099-01-01"] } } });
    try {
      const body = await (await fetch(`${custom.url}/subscriptions/subid/providers/Microsoft.Maps?api-version=2021-04-01`, { headers: { authorization: "Bearer t" } })).json();
      expect(body.resourceTypes[0].apiVersions[0]).toBe("2099-01-01");
    } finally {
      await custom.close();
    }
  });
});
