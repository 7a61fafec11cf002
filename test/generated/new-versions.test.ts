/**
 * api-versions as clients see them: `@rekey/clients/<service>` exports the newest stable one specs/ holds, and in
 * the api-versions that tightened their contract what `rekey diff` classifies as breaking (subscriptionId a UUID, Maps accountName's pattern, Batch resourceGroupName's limits) is
 * enforced before anything is sent, while the values of Azure's own examples go through.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createApiManagementClient, examples as apimExamples } from "@rekey/clients/apimanagement/2024-05-01";
import { createBatchClient, examples as batchExamples } from "@rekey/clients/batch/2026-08-01";
import { createMapsClient, examples as mapsExamples } from "@rekey/clients/maps/2026-12-01";
import { type RecordingServer, startRecordingServer } from "../helpers/recording-server.ts";
import { defaultApiVersion, services } from "../helpers/repo-specs.ts";

let server: RecordingServer;
beforeAll(async () => {
  server = await startRecordingServer();
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
});

const TOKEN = "test-token-9b2a";

describe("the default entry points are the newest stable api-versions", () => {
  it.each(services())("@rekey/clients/%s is its newest stable api-version", async (service) => {
    const apiVersion = defaultApiVersion(service);
    const fromDefault = await import(/* @vite-ignore */ `@rekey/clients/${service}`);
    const pinned = await import(/* @vite-ignore */ `@rekey/clients/${service}/${apiVersion}`);
    expect(fromDefault.examples).toBe(pinned.examples);
    const first = Object.values(Object.values(pinned.examples)[0] as Record<string, { parameters: Record<string, unknown> }>)[0];
    expect(first.parameters["api-version"]).toBe(apiVersion);
  });
});

describe("Maps Accounts_RegenerateKeys (2026-12-01)", () => {
  const example = mapsExamples.Accounts_RegenerateKeys["Regenerate Key"];
  const p = example.parameters as Record<string, any>;
  const client = (subscriptionId = p.subscriptionId) => createMapsClient({ credential: TOKEN, subscriptionId, endpoint: server.url });

  it("sends Azure's example with api-version 2026-12-01", async () => {
    server.respond({ status: 200, body: example.responses["200"].body });
    const keys = await client().accounts.regenerateKeys({ resourceGroupName: p.resourceGroupName, accountName: p.accountName, body: p.keySpecification });
    expect(keys.primaryKey).toBe("<primaryKey>");
    expect(server.requests[0].path).toBe(
      "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/myResourceGroup/providers/Microsoft.Maps/accounts/myMapsAccount/regenerateKey");
    expect(server.requests[0].query).toEqual({ "api-version": "2026-12-01" });
  });

  it("enforces accountName's new pattern and minLength, and subscriptionId's uuid format, before sending", async () => {
    const call = (accountName: string, subscriptionId?: string) =>
      client(subscriptionId).accounts.regenerateKeys({ resourceGroupName: "rg", accountName, body: { keyType: "primary" } }).catch((e: unknown) => e);
    expect(await call("a/b")).toMatchObject({ parameter: "accountName", rule: "pattern" });
    expect(await call("")).toMatchObject({ parameter: "accountName", rule: "minLength" });
    expect(await call("acct", "subid")).toMatchObject({ parameter: "subscriptionId", rule: "format" });
    expect(server.requests).toHaveLength(0);
  });
});

describe("Batch BatchAccount_RegenerateKey (2026-08-01)", () => {
  const p = batchExamples.BatchAccount_RegenerateKey.BatchAccountRegenerateKey.parameters as Record<string, any>;
  const client = () => createBatchClient({ credential: TOKEN, subscriptionId: p.subscriptionId, endpoint: server.url });

  it("enforces common-types v5's resourceGroupName limits before sending", async () => {
    const call = (resourceGroupName: string) =>
      client().batchAccount.regenerateKey({ resourceGroupName, accountName: p.accountName, body: { keyName: "Primary" } }).catch((e: unknown) => e);
    expect(await call("a".repeat(91))).toMatchObject({ parameter: "resourceGroupName", rule: "maxLength" });
    expect(await call("rg/1")).toMatchObject({ parameter: "resourceGroupName", rule: "pattern" });
    expect(server.requests).toHaveLength(0);
  });
});

describe("API Management TenantAccess_RegeneratePrimaryKey (2024-05-01)", () => {
  const p = apimExamples.TenantAccess_RegeneratePrimaryKey.ApiManagementTenantAccessRegenerateKey.parameters as Record<string, any>;
  const client = () => createApiManagementClient({ credential: TOKEN, subscriptionId: p.subscriptionId, endpoint: server.url });

  it("carries ARM's common error body (with target and additionalInfo) on failure", async () => {
    const body = { error: { code: "ValidationError", message: "One or more fields contain incorrect values:", target: "accessName",
      details: [{ code: "ValidationError", message: "Invalid access name", target: "accessName" }], additionalInfo: [] } };
    server.respond({ status: 400, body });
    const failure = await client().tenantAccess.regeneratePrimaryKey({ resourceGroupName: p.resourceGroupName, serviceName: p.serviceName, accessName: p.accessName })
      .catch((e: unknown) => e);
    expect(failure).toMatchObject({ status: 400, code: "ValidationError", body });
    expect(server.requests[0].query).toEqual({ "api-version": "2024-05-01" });
  });
});
