/**
 * The generated clients, imported as the package (@rekey/clients), called over real HTTP on 127.0.0.1 with the
 * spec's example values: the request on the wire and the parsed result are asserted.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createApiManagementClient, examples as apimExamples } from "@rekey/clients/apimanagement/2022-08-01";
import { createBatchClient, examples as batchExamples } from "@rekey/clients/batch/2024-02-01";
import { createMapsClient, examples as mapsExamples, isRekeyError, RekeyError, RekeyOptionsError, RekeyValidationError } from "@rekey/clients/maps/2023-06-01";
import { type RecordingServer, startRecordingServer } from "../helpers/recording-server.ts";

let server: RecordingServer;
beforeAll(async () => {
  server = await startRecordingServer();
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
});

const TOKEN = "test-token-3f1c";

describe("Maps Accounts_RegenerateKeys (2023-06-01)", () => {
  const example = mapsExamples.Accounts_RegenerateKeys["Regenerate Key"];
  const p = example.parameters as Record<string, any>;
  const client = () => createMapsClient({ credential: TOKEN, subscriptionId: p.subscriptionId, endpoint: server.url });

  it("sends the documented request and returns the parsed keys", async () => {
    server.respond({ status: 200, body: example.responses["200"].body });
    const result = await client().accounts.regenerateKeys({
      resourceGroupName: p.resourceGroupName,
      accountName: p.accountName,
      body: p.keySpecification,
    });
    expect(result).toEqual({
      primaryKey: "<primaryKey>",
      primaryKeyLastUpdated: "2021-07-02T01:01:01.1075056Z",
      secondaryKey: "<secondaryKey>",
      secondaryKeyLastUpdated: "2021-07-02T01:01:01.1075056Z",
    });
    expect(server.requests).toHaveLength(1);
    const [request] = server.requests;
    expect(request.method).toBe("POST");
    expect(request.path).toBe(
      "/subscriptions/21a9967a-e8a9-4656-a70b-96ff1c4d05a0/resourceGroups/myResourceGroup/providers/Microsoft.Maps/accounts/myMapsAccount/regenerateKey");
    expect(request.query).toEqual({ "api-version": "2023-06-01" });
    expect(request.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(request.headers["content-type"]).toBe("application/json");
    expect(JSON.parse(request.body)).toEqual({ keyType: "primary" });
  });

  it("URL-encodes path parameters", async () => {
    server.respond({ status: 200, body: {} });
    await client().accounts.regenerateKeys({ resourceGroupName: "rg(1)", accountName: "my account/x?y", body: { keyType: "secondary" } });
    expect(server.requests[0].path).toBe(
      "/subscriptions/21a9967a-e8a9-4656-a70b-96ff1c4d05a0/resourceGroups/rg(1)/providers/Microsoft.Maps/accounts/my%20account%2Fx%3Fy/regenerateKey");
  });

  it("rejects with a RekeyError carrying status, code, requestId and the service's error body", async () => {
    const body = { error: { code: "ResourceNotFound", message: "The Resource 'Microsoft.Maps/accounts/nope' under resource group 'rg' was not found." } };
    server.respond({ status: 404, headers: { "x-ms-request-id": "req-123" }, body });
    const failure = await client().accounts.regenerateKeys({ resourceGroupName: "rg", accountName: "nope", body: { keyType: "primary" } })
      .catch((e: unknown) => e);
    expect(isRekeyError(failure)).toBe(true);
    const error = failure as RekeyError<number, typeof body>;
    expect(error).toBeInstanceOf(RekeyError);
    expect(error.status).toBe(404);
    expect(error.code).toBe("ResourceNotFound");
    expect(error.requestId).toBe("req-123");
    expect(error.body).toEqual(body);
    expect(error.message).toBe(`Accounts_RegenerateKeys failed with status 404 ResourceNotFound: ${body.error.message}`);
    expect(error.message).not.toContain(TOKEN);
  });

  it("validates the body against the spec before sending anything", async () => {
    const failure = await client().accounts.regenerateKeys({ resourceGroupName: "rg", accountName: "a", body: { keyType: "tertiary" as "primary" } })
      .catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(RekeyValidationError);
    expect(failure).toMatchObject({ parameter: "body.keyType", rule: "enum" });
    expect((failure as Error).message).toBe('Accounts_RegenerateKeys: body.keyType must be one of "primary", "secondary"');
    expect(server.requests).toHaveLength(0);
  });

  it("accepts a case variant of the open keyType enum (modelAsString: true), as Azure does, and sends it as given", async () => {
    // Azure PowerShell sends "Primary" and "Secondary" (its Maps session record TestNewAccountKey.json)
    server.respond({ status: 200, body: {} }, { status: 200, body: {} });
    await client().accounts.regenerateKeys({ resourceGroupName: "rg", accountName: "a", body: { keyType: "Primary" as "primary" } });
    await client().accounts.regenerateKeys({ resourceGroupName: "rg", accountName: "a", body: { keyType: "SECONDARY" as "secondary" } });
    expect(server.requests.map((r) => JSON.parse(r.body))).toEqual([{ keyType: "Primary" }, { keyType: "SECONDARY" }]);
    const failure = await client().accounts.regenerateKeys({ resourceGroupName: "rg", accountName: "a", body: { keyType: "Primary-" as "primary" } })
      .catch((e: unknown) => e);
    expect(failure).toMatchObject({ parameter: "body.keyType", rule: "enum" });
    expect(server.requests).toHaveLength(2);
  });

  it("asks a TokenCredential for the endpoint's .default scope", async () => {
    const scopes: unknown[] = [];
    const credential = {
      getToken: async (s: string | string[]) => (scopes.push(s), { token: "from-credential", expiresOnTimestamp: Date.now() + 3_600_000 }),
    };
    server.respond({ status: 200, body: {} }, { status: 200, body: {} });
    const c = createMapsClient({ credential, subscriptionId: "s", endpoint: server.url });
    await c.accounts.regenerateKeys({ resourceGroupName: "rg", accountName: "a", body: { keyType: "primary" } });
    await c.accounts.regenerateKeys({ resourceGroupName: "rg", accountName: "a", body: { keyType: "primary" } });
    expect(scopes).toEqual([[`${server.url}/.default`]]);
    expect(server.requests.map((r) => r.headers.authorization)).toEqual(["Bearer from-credential", "Bearer from-credential"]);
  });

  it("refuses to send a bearer token over plain HTTP to a non-loopback host", () => {
    const create = () => createMapsClient({ credential: TOKEN, subscriptionId: "s", endpoint: "http://management.example.invalid" });
    expect(create).toThrow(RekeyOptionsError);
    expect(create).toThrow("endpoint: refusing to send a bearer token over http to management.example.invalid: use https:// (plain http is allowed only to loopback)");
  });
});

describe("API Management TenantAccess_RegeneratePrimaryKey (2022-08-01)", () => {
  const p = apimExamples.TenantAccess_RegeneratePrimaryKey.ApiManagementTenantAccessRegenerateKey.parameters as Record<string, any>;
  const client = () => createApiManagementClient({ credential: async () => TOKEN, subscriptionId: p.subscriptionId, endpoint: server.url });

  it("sends a POST without a body and resolves 204 to undefined", async () => {
    server.respond({ status: 204 });
    const result = await client().tenantAccess.regeneratePrimaryKey({
      resourceGroupName: p.resourceGroupName,
      serviceName: p.serviceName,
      accessName: p.accessName,
    });
    expect(result).toBeUndefined();
    const [request] = server.requests;
    expect(request.method).toBe("POST");
    expect(request.path).toBe(
      "/subscriptions/subid/resourceGroups/rg1/providers/Microsoft.ApiManagement/service/apimService1/tenant/access/regeneratePrimaryKey");
    expect(request.query).toEqual({ "api-version": "2022-08-01" });
    expect(request.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(request.headers["content-type"]).toBeUndefined();
    expect(request.body).toBe("");
  });

  it("treats an undocumented success status (200 instead of 204) as an error, as Azure's SDK does", async () => {
    server.respond({ status: 200, body: {} });
    const failure = await client().tenantAccess.regeneratePrimaryKey({ resourceGroupName: "rg1", serviceName: "apim1", accessName: "access" })
      .catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(RekeyError);
    expect((failure as RekeyError).status).toBe(200);
  });

  it("enforces serviceName's length and pattern before sending", async () => {
    const call = (serviceName: string) =>
      client().tenantAccess.regeneratePrimaryKey({ resourceGroupName: "rg1", serviceName, accessName: "access" }).catch((e: unknown) => e);
    expect(await call("1starts-with-digit")).toMatchObject({ parameter: "serviceName", rule: "pattern" });
    expect(await call("a".repeat(51))).toMatchObject({ parameter: "serviceName", rule: "maxLength" });
    expect(server.requests).toHaveLength(0);
  });

  it("matches the open accessName path enum in any case and rejects a non-member", async () => {
    const call = (accessName: string) =>
      client().tenantAccess.regeneratePrimaryKey({ resourceGroupName: "rg1", serviceName: "apim1", accessName: accessName as "access" }).catch((e: unknown) => e);
    server.respond({ status: 204 });
    expect(await call("GITACCESS")).toBeUndefined();
    expect(server.requests[0].path).toMatch(/\/tenant\/GITACCESS\/regeneratePrimaryKey$/);
    expect(await call("gitAccessX")).toMatchObject({ parameter: "accessName", rule: "enum" });
    expect(server.requests).toHaveLength(1);
  });
});

describe("Batch BatchAccount_RegenerateKey (2024-02-01)", () => {
  const example = batchExamples.BatchAccount_RegenerateKey.BatchAccountRegenerateKey;
  const p = example.parameters as Record<string, any>;
  const client = () => createBatchClient({ credential: TOKEN, subscriptionId: p.subscriptionId, endpoint: server.url });

  it("sends the documented request and returns the parsed keys", async () => {
    server.respond({ status: 200, body: example.responses["200"].body });
    const result = await client().batchAccount.regenerateKey({
      resourceGroupName: p.resourceGroupName,
      accountName: p.accountName,
      body: p.parameters,
    });
    expect(result).toEqual({ accountName: "sampleacct", primary: "AAAA==", secondary: "BBBB==" });
    const [request] = server.requests;
    expect(request.method).toBe("POST");
    expect(request.path).toBe(
      "/subscriptions/subid/resourceGroups/default-azurebatch-japaneast/providers/Microsoft.Batch/batchAccounts/sampleacct/regenerateKeys");
    expect(request.query).toEqual({ "api-version": "2024-02-01" });
    expect(request.headers["content-type"]).toBe("application/json");
    expect(JSON.parse(request.body)).toEqual({ keyName: "Primary" });
  });

  it("enforces accountName 3–24 characters of ^[a-zA-Z0-9]+$ and the closed keyName enum", async () => {
    const call = (accountName: string, keyName = "Primary") =>
      client().batchAccount.regenerateKey({ resourceGroupName: "rg", accountName, body: { keyName: keyName as "Primary" } })
        .catch((e: unknown) => e);
    expect(await call("ab")).toMatchObject({ parameter: "accountName", rule: "minLength" });
    expect(await call("acct_1")).toMatchObject({ parameter: "accountName", rule: "pattern" });
    expect(await call("a".repeat(25))).toMatchObject({ parameter: "accountName", rule: "maxLength" });
    expect(await call("sampleacct", "primary")).toMatchObject({ parameter: "body.keyName", rule: "enum" });
    expect(server.requests).toHaveLength(0);
  });

  it("carries the Batch CloudError body on failure", async () => {
    const body = { error: { code: "AccountNotFound", message: "no such account", target: "accountName" } };
    server.respond({ status: 404, body });
    const failure = (await client().batchAccount.regenerateKey({ resourceGroupName: "rg", accountName: "nope123", body: { keyName: "Secondary" } })
      .catch((e: unknown) => e)) as RekeyError<number, typeof body>;
    expect(failure.status).toBe(404);
    expect(failure.code).toBe("AccountNotFound");
    expect(failure.target).toBe("accountName");
    expect(failure.body).toEqual(body);
  });
});
