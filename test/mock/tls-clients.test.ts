/**
 * `--tls`: the mock serves HTTPS with a certificate made at start; a Node process that trusts the written CA via
 * NODE_EXTRA_CA_CERTS — here running the generated clients — gets ARM-faithful answers from all three operations.
 * The same clients also succeed over plain HTTP on loopback.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { execFile } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createApiManagementClient } from "@rekey/clients/apimanagement/2022-08-01";
import { createBatchClient } from "@rekey/clients/batch/2024-02-01";
import { createMapsClient, isRekeyError } from "@rekey/clients/maps/2023-06-01";
import type { RunningMock } from "../../conformance/mock/start-mock.ts";
import { REPO_ROOT } from "../helpers/cli.ts";
import { startProductMock, TOKEN } from "../helpers/mock.ts";

const CLIENT_SCRIPT = `
import { createApiManagementClient } from "@rekey/clients/apimanagement/2022-08-01";
import { createBatchClient } from "@rekey/clients/batch/2024-02-01";
import { createMapsClient } from "@rekey/clients/maps/2023-06-01";
const endpoint = process.env.MOCK_URL, credential = "tls-test-token";
const maps = await createMapsClient({ credential, endpoint, subscriptionId: "21a9967a-e8a9-4656-a70b-96ff1c4d05a0" })
  .accounts.regenerateKeys({ resourceGroupName: "myResourceGroup", accountName: "myMapsAccount", body: { keyType: "secondary" } });
const batch = await createBatchClient({ credential, endpoint, subscriptionId: "subid" })
  .batchAccount.regenerateKey({ resourceGroupName: "default-azurebatch-japaneast", accountName: "sampleacct", body: { keyName: "Primary" } });
const apim = await createApiManagementClient({ credential, endpoint, subscriptionId: "subid" })
  .tenantAccess.regeneratePrimaryKey({ resourceGroupName: "rg1", serviceName: "apimService1", accessName: "access" });
console.log(JSON.stringify({ maps, batch, apim: apim ?? null }));
`;

function runNode(env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ["--input-type=module", "-e", CLIENT_SCRIPT], { cwd: REPO_ROOT, env: { ...process.env, ...env } }, (error, stdout, stderr) =>
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }));
  });
}

// Each test spawns a Node process of its own against the one HTTPS mock (and only rotates keys, never compares them
// with earlier ones): the tests overlap.
let https: RunningMock;
let caFile: string;
beforeAll(async () => {
  caFile = join(mkdtempSync(join(tmpdir(), "rekey-tls-")), "ca.pem");
  https = await startProductMock({ tls: true, caOut: caFile });
});
afterAll(() => https.close());

describe.concurrent("HTTPS", () => {
  it("serves https on 127.0.0.1 and the generated clients succeed when the written CA is trusted", async () => {
    expect(https.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    const result = await runNode({ MOCK_URL: https.url, NODE_EXTRA_CA_CERTS: caFile });
    expect(result.stderr).toBe("");
    const out = JSON.parse(result.stdout);
    expect(out.maps).toEqual(expect.objectContaining({ secondaryKey: expect.stringMatching(/^[\w-]{43}$/) }));
    expect(out.batch).toEqual({ accountName: "sampleacct", primary: expect.stringMatching(/^[A-Za-z0-9+/]{86}==$/), secondary: expect.any(String) });
    expect(out.apim).toBeNull();
  });

  it("is refused by a client that does not trust the CA", async () => {
    const result = await runNode({ MOCK_URL: https.url });
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(/self[- ]signed|unable to verify|UNABLE_TO_GET_ISSUER_CERT|fetch failed/i);
    // The failure says how to trust the mock's certificate, in its message's one line.
    expect(result.stderr).toMatch(/RekeyTransportError: .*the server's certificate is not trusted: pass its CA certificate with the client's `ca` option, or run Node with NODE_EXTRA_CA_CERTS=<ca\.pem> \(`rekey mock --tls --ca-out ca\.pem` writes the mock's\)/);
  });

  it("the certificate names localhost too", async () => {
    const result = await runNode({ MOCK_URL: https.url.replace("127.0.0.1", "localhost"), NODE_EXTRA_CA_CERTS: caFile });
    expect(result.stderr).toBe("");
  });
});

const AZURE_SDK_SCRIPT = `
import { AzureMapsManagementClient } from "@azure/arm-maps";
const credential = { getToken: async () => ({ token: "sdk-test-token", expiresOnTimestamp: Date.now() + 3600_000 }) };
const client = new AzureMapsManagementClient(credential, "21a9967a-e8a9-4656-a70b-96ff1c4d05a0",
  { endpoint: process.env.MOCK_URL, credentialScopes: ["https://management.azure.com/.default"], retryOptions: { maxRetries: 0 } });
const keys = await client.accounts.regenerateKeys("myResourceGroup", "myMapsAccount", { keyType: "primary" });
let failure;
try { await client.accounts.regenerateKeys("myResourceGroup", "absentAccount", { keyType: "primary" }); } catch (e) { failure = { name: e.name, statusCode: e.statusCode, code: e.code, message: e.message }; }
console.log(JSON.stringify({ keys, failure }));
`;

describe.concurrent("Azure's own SDK (@azure/arm-maps) against the mock over HTTPS", () => {
  it("rotates a key and gets ARM's ResourceNotFound as a RestError", async () => {
    const result = await new Promise<{ stdout: string; stderr: string }>((resolve) => {
      execFile(process.execPath, ["--input-type=module", "-e", AZURE_SDK_SCRIPT], { cwd: REPO_ROOT, env: { ...process.env, MOCK_URL: https.url, NODE_EXTRA_CA_CERTS: caFile } },
        (_error, stdout, stderr) => resolve({ stdout, stderr }));
    });
    expect(result.stderr).toBe("");
    const out = JSON.parse(result.stdout);
    expect(out.keys).toEqual({
      primaryKey: expect.stringMatching(/^[\w-]{43}$/),
      secondaryKey: expect.stringMatching(/^[\w-]{43}$/),
      primaryKeyLastUpdated: expect.stringMatching(/Z$/),
      secondaryKeyLastUpdated: expect.stringMatching(/Z$/),
    });
    expect(out.failure).toMatchObject({ name: "RestError", statusCode: 404, code: "ResourceNotFound" });
    expect(out.failure.message).toMatch(/^The Resource 'Microsoft\.Maps\/accounts\/absentAccount' under resource group 'myResourceGroup' was not found/);
  });
});

describe.concurrent("generated clients over plain HTTP on loopback", () => {
  it("succeed, and a refusal arrives as a typed RekeyError with ARM's code and request id", async () => {
    const mock = await startProductMock();
    try {
      const maps = createMapsClient({ credential: TOKEN, endpoint: mock.url, subscriptionId: "21a9967a-e8a9-4656-a70b-96ff1c4d05a0" });
      const keys = await maps.accounts.regenerateKeys({ resourceGroupName: "myResourceGroup", accountName: "myMapsAccount", body: { keyType: "primary" } });
      expect(keys.primaryKey).toMatch(/^[\w-]{43}$/);
      const error = await maps.accounts.regenerateKeys({ resourceGroupName: "myResourceGroup", accountName: "otherAccount", body: { keyType: "primary" } })
        .catch((e: unknown) => e);
      expect(isRekeyError(error)).toBe(true);
      expect(error).toMatchObject({ status: 404, code: "ResourceNotFound", requestId: expect.stringMatching(/^[0-9a-f-]{36}$/) });
      const batch = createBatchClient({ credential: TOKEN, endpoint: mock.url, subscriptionId: "subid" });
      expect((await batch.batchAccount.regenerateKey({ resourceGroupName: "default-azurebatch-japaneast", accountName: "sampleacct", body: { keyName: "Secondary" } })).accountName).toBe("sampleacct");
      const apim = createApiManagementClient({ credential: TOKEN, endpoint: mock.url, subscriptionId: "subid" });
      expect(await apim.tenantAccess.regeneratePrimaryKey({ resourceGroupName: "rg1", serviceName: "apimService1", accessName: "gitAccess" })).toBeUndefined();
    } finally {
      await mock.close();
    }
  });
});
