/** The operation model of the three real specs: what the generator, the mock and the runner all rely on. */
import { describe, expect, it } from "vitest";
import { errorResponse, shownPaths, successResponses } from "../../kernel/index.ts";
import { loadSpecs } from "../../kernel/load-specs.ts";
import { REPO_ROOT } from "../helpers/cli.ts";
import { services, specFolders } from "../helpers/repo-specs.ts";

const { docs } = await loadSpecs(`${REPO_ROOT}/specs`);
const operation = (id: string) => docs.flatMap((d) => d.operations).find((o) => o.operationId === id)!;

describe("operation model", () => {
  it("has one document per service and api-version, each with its client's name and ARM's endpoint", () => {
    expect(docs.map((d) => `${d.service}/${d.apiVersion}`)).toEqual(specFolders().map((f) => `${f.service}/${f.apiVersion}`));
    for (const doc of docs) {
      expect(doc.clientName).toMatch(/^[A-Z][A-Za-z0-9]*Client$/);
      expect(doc.defaultEndpoint).toBe("https://management.azure.com");
    }
    const names = (service: string) => new Set(docs.filter((d) => d.service === service).map((d) => d.clientName));
    for (const service of services()) expect(names(service).size).toBe(1); // one factory name across api-versions
    expect([...names("apimanagement"), ...names("batch"), ...names("maps")]).toEqual(["ApiManagementClient", "BatchClient", "MapsClient"]);
  });

  it.each([
    ["apimanagement", "2024-05-01",
      ["resourceGroupName:method", "serviceName:method", "api-version:api-version", "subscriptionId:client", "accessName:method"]],
    ["maps", "2026-12-01", ["api-version:api-version", "subscriptionId:client", "resourceGroupName:method", "accountName:method"]],
    ["batch", "2026-08-01", ["api-version:api-version", "subscriptionId:client", "resourceGroupName:method", "accountName:method"]],
  ])("%s %s binds inline and common-types parameters as AutoRest does", (service, apiVersion, bindings) => {
    const doc = docs.find((d) => d.service === service && d.apiVersion === apiVersion)!;
    expect(doc.operations[0].parameters.map((p) => `${p.name}:${p.binding}`)).toEqual(bindings);
    expect(doc.operations[0].parameters.find((p) => p.name === "subscriptionId")!.schema).toEqual({ type: "string", format: "uuid" });
  });

  it.each([
    ["TenantAccess_RegeneratePrimaryKey", "tenantAccess", "regeneratePrimaryKey", "post",
      ["resourceGroupName:method", "serviceName:method", "api-version:api-version", "subscriptionId:client", "accessName:method"]],
    ["Accounts_RegenerateKeys", "accounts", "regenerateKeys", "post",
      ["api-version:api-version", "subscriptionId:client", "resourceGroupName:method", "accountName:method"]],
    ["BatchAccount_RegenerateKey", "batchAccount", "regenerateKey", "post",
      ["resourceGroupName:method", "accountName:method", "api-version:api-version", "subscriptionId:client"]],
  ])("%s → %s.%s, parameters bound as AutoRest binds them", (id, group, method, httpMethod, bindings) => {
    const op = operation(id);
    expect([op.group, op.methodName, op.httpMethod]).toEqual([group, method, httpMethod]);
    expect(op.parameters.map((p) => `${p.name}:${p.binding}`)).toEqual(bindings);
  });

  it("keeps each constraint with the pointer where the spec defines it", () => {
    const batchName = operation("BatchAccount_RegenerateKey").parameters.find((p) => p.name === "accountName")!;
    expect(batchName.schema).toEqual({ type: "string", minLength: 3, maxLength: 24, pattern: "^[a-zA-Z0-9]+$" });
    expect(batchName.schemaPointer).toBe("/components/parameters/AccountNameParameter/schema");
    const mapsName = operation("Accounts_RegenerateKeys").parameters.find((p) => p.name === "accountName")!;
    expect(mapsName.schema).toEqual({ type: "string" });
  });

  it("names request bodies as the examples do", () => {
    expect(operation("Accounts_RegenerateKeys").requestBody).toMatchObject({ name: "keySpecification", required: true, contentType: "application/json" });
    expect(operation("BatchAccount_RegenerateKey").requestBody).toMatchObject({ name: "parameters", required: true });
    expect(operation("TenantAccess_RegeneratePrimaryKey").requestBody).toBeUndefined();
  });

  it("knows success and error responses, and where the secrets are", () => {
    const apim = operation("TenantAccess_RegeneratePrimaryKey");
    expect(successResponses(apim).map((r) => [r.status, r.schema])).toEqual([["204", undefined]]);
    expect(errorResponse(apim)?.schemaPointer).toBe(
      "/paths/~1subscriptions~1{subscriptionId}~1resourceGroups~1{resourceGroupName}~1providers~1Microsoft.ApiManagement~1service~1{serviceName}~1tenant~1{accessName}~1regeneratePrimaryKey/post/responses/default/content/application~1json/schema");
    expect(successResponses(operation("Accounts_RegenerateKeys"))[0].secretPaths).toEqual(["/primaryKey", "/secondaryKey"]);
    expect(successResponses(operation("BatchAccount_RegenerateKey"))[0].secretPaths).toEqual(["/primary", "/secondary"]);
    expect(successResponses(operation("Accounts_RegenerateKeys"))[0].shownPaths).toEqual(["/primaryKeyLastUpdated", "/secondaryKeyLastUpdated"]);
    expect(successResponses(operation("BatchAccount_RegenerateKey"))[0].shownPaths).toEqual(["/accountName"]);
    expect(successResponses(operation("StorageAccounts_RegenerateKey"))[0].secretPaths).toEqual(["/keys/*/value"]);
    expect(successResponses(operation("StorageAccounts_RegenerateKey"))[0].shownPaths).toEqual(["/keys/*/keyName", "/keys/*/permissions", "/keys/*/creationTime"]);
    expect(errorResponse(operation("BatchAccount_RegenerateKey"))!.shownPaths).toEqual(expect.arrayContaining(["/error/code", "/error/message", "/error/details/*/message"]));
  });

  it("shows only declared fields outside secrets: through $ref, allOf and items, a recursive schema a few levels deep", () => {
    const raw = {
      components: {
        schemas: {
          Node: { type: "object", properties: { label: { type: "string" }, children: { type: "array", items: { $ref: "#/components/schemas/Node" } } } },
          Keys: { type: "object", "x-ms-secret": true, properties: { value: { type: "string" } } },
        },
      },
      root: {
        allOf: [{ type: "object", properties: { name: { type: "string" } } }],
        properties: {
          tags: { type: "array", items: { type: "array", items: { type: "string" } } },
          keys: { $ref: "#/components/schemas/Keys" },
          token: { type: "string", "x-ms-secret": true },
          tree: { $ref: "#/components/schemas/Node" },
        },
      },
    };
    const paths = shownPaths(raw, raw.root, "/root");
    expect(paths).toEqual(expect.arrayContaining(["/name", "/tags/*/*", "/tree/label", "/tree/children/*/label", "/tree/children/*/children/*/label"]));
    expect(paths.filter((p) => p.startsWith("/keys") || p.startsWith("/token"))).toEqual([]);
    // Where an array or an object is declared, a string is not a declared value: it is shown by its shape.
    expect(paths.filter((p) => ["/tags", "/tags/*", "/tree", "/tree/children", "/tree/children/*"].includes(p))).toEqual([]);
    expect(shownPaths({ s: { type: "object", "x-ms-secret": true, properties: { a: { type: "string" } } } }, { $ref: "#/s" }, "/x")).toEqual([]);
  });

  it("reads each example from its file", () => {
    const [example] = operation("BatchAccount_RegenerateKey").examples;
    expect(example.title).toBe("BatchAccountRegenerateKey");
    expect(example.file).toBe("specs/batch/2024-02-01/examples/BatchAccountRegenerateKey.json");
    expect(example.parameters.parameters).toEqual({ keyName: "Primary" });
    expect(example.responses["200"].body).toEqual({ accountName: "sampleacct", primary: "AAAA==", secondary: "BBBB==" });
  });

  it("declares the azure_auth OAuth2 scheme", () => {
    for (const doc of docs) expect(doc.securitySchemes.map((s) => [s.name, s.type, s.scopes])).toEqual([["azure_auth", "oauth2", ["user_impersonation"]]]);
  });
});
