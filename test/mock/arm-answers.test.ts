/**
 * The mock answers as ARM does, for every operation of the product specs, over real HTTP on 127.0.0.1: success
 * statuses and headers, and each refusal with ARM's status, code and message, in the service's own error schema.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { errorResponse } from "../../kernel/index.ts";
import { compiledSchema, createAjv } from "../../kernel/schema-validator.ts";
import type { RunningMock } from "../../conformance/mock/start-mock.ts";
import { firstAnswer, operationsUnderTest, productDocs, send, startProductMock, type Answer, type OperationUnderTest } from "../helpers/mock.ts";

let mock: RunningMock;
let operations: OperationUnderTest[];
let validateError: (op: OperationUnderTest, body: unknown) => boolean;

beforeAll(async () => {
  mock = await startProductMock();
  operations = await operationsUnderTest();
  const ajv = createAjv(await productDocs());
  validateError = (op, body) => {
    const response = errorResponse(op.operation)!;
    return compiledSchema(ajv, op.doc, response.schemaPointer!)(body) as boolean;
  };
});
afterAll(() => mock.close());

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function expectArmHeaders(answer: Answer) {
  expect(answer.headers.get("x-ms-request-id")).toMatch(GUID);
  const correlation = answer.headers.get("x-ms-correlation-request-id")!;
  expect(correlation).toMatch(GUID);
  expect(answer.headers.get("x-ms-routing-request-id")).toMatch(new RegExp(`^[A-Z0-9]+:\\d{8}T\\d{6}Z:${correlation}$`));
  expect(answer.headers.get("cache-control")).toBe("no-cache");
  expect(answer.headers.get("pragma")).toBe("no-cache");
  expect(answer.headers.get("expires")).toBe("-1");
  expect(answer.headers.get("strict-transport-security")).toBe("max-age=31536000; includeSubDomains");
  expect(answer.headers.get("x-content-type-options")).toBe("nosniff");
}

function expectRefusal(op: OperationUnderTest, answer: Answer, status: number, code: string, message?: RegExp) {
  expect({ status: answer.status, code: answer.json?.error?.code }).toEqual({ status, code });
  if (message) expect(answer.json.error.message).toMatch(message);
  expect(answer.headers.get("content-type")).toBe("application/json; charset=utf-8");
  expect(validateError(op, answer.json)).toBe(true);
  expectArmHeaders(answer);
}

const opNamed = (id: string) => operations.find((o) => o.operation.operationId === id && o.doc.apiVersion === o.values["api-version"])!;

describe("success", () => {
  it("answers each operation with exactly its documented success status and content type", async () => {
    for (const op of operations) {
      const answer = await send(mock, op.operation, op.values);
      const success = firstAnswer(op.operation);
      expect(answer.status, op.operation.operationId).toBe(Number(success.status));
      expectArmHeaders(answer);
      expect(answer.headers.get("x-ms-ratelimit-remaining-subscription-writes")).toMatch(/^\d+$/);
      expect(answer.headers.get("x-ms-ratelimit-remaining-subscription-global-writes")).toMatch(/^\d+$/);
      if (success.schema) expect(answer.headers.get("content-type")).toBe("application/json; charset=utf-8");
      else {
        expect(answer.headers.get("content-type")).toBeNull();
        expect(answer.text).toBe("");
      }
    }
  });

  it("echoes the client's correlation id, and the client request id when asked to", async () => {
    const op = operations[0];
    const correlation = "0f8fad5b-d9cb-469f-a165-70867728950e";
    const clientId = "7c9e6679-7425-40de-944b-e07fc1f90ae7";
    const answer = await send(mock, op.operation, op.values, {
      headers: { "x-ms-correlation-request-id": correlation, "x-ms-client-request-id": clientId, "x-ms-return-client-request-id": "true" },
    });
    expect(answer.headers.get("x-ms-correlation-request-id")).toBe(correlation);
    expect(answer.headers.get("x-ms-routing-request-id")).toMatch(new RegExp(`:${correlation}$`));
    expect(answer.headers.get("x-ms-client-request-id")).toBe(clientId);
  });

  it("matches ARM paths case-insensitively, as ARM does", async () => {
    const op = opNamed("Accounts_RegenerateKeys");
    const values = { ...op.values, resourceGroupName: String(op.values.resourceGroupName).toUpperCase() };
    expect((await send(mock, op.operation, values)).status).toBe(200);
  });
});

describe("authentication", () => {
  it("401 AuthenticationFailed with ARM's challenge when Authorization is missing", async () => {
    for (const op of operations) {
      const answer = await send(mock, op.operation, op.values, { headers: { authorization: undefined } });
      expectRefusal(op, answer, 401, "AuthenticationFailed", /^Authentication failed\. The 'Authorization' header is missing\.$/);
      expect(answer.headers.get("www-authenticate")).toMatch(/^Bearer authorization_uri="https:\/\/login\.windows\.net\/[0-9a-f-]{36}", error="invalid_token", error_description="/);
      expect(answer.headers.get("x-ms-failure-cause")).toBe("gateway");
    }
  });

  it("401 for a malformed Authorization header and for an expired JWT", async () => {
    const op = operations[0];
    expectRefusal(op, await send(mock, op.operation, op.values, { headers: { authorization: "Basic dXNlcjpwYXNz" } }), 401, "AuthenticationFailedInvalidHeader");
    const jwt = ["{}", JSON.stringify({ exp: 1_500_000_000 })].map((p) => Buffer.from(p).toString("base64url")).join(".") + ".sig";
    const expired = await send(mock, op.operation, op.values, { headers: { authorization: `Bearer ${jwt}` } });
    expectRefusal(op, expired, 401, "ExpiredAuthenticationToken", /^The access token expiry UTC time '7\/14\/2017 2:40:00 AM' is earlier than current UTC time '/);
  });
});

describe("api-version", () => {
  it("400 MissingApiVersionParameter before authentication, as ARM orders them", async () => {
    for (const op of operations) {
      const values = { ...op.values, "api-version": undefined };
      const answer = await send(mock, op.operation, values, { headers: { authorization: undefined } });
      expectRefusal(op, answer, 400, "MissingApiVersionParameter", /^The api-version query parameter \(\?api-version=\) is required for all requests\.$/);
    }
  });

  it("400 NoRegisteredProviderFound listing the versions the specs have for the type", async () => {
    for (const op of operations) {
      const answer = await send(mock, op.operation, { ...op.values, "api-version": "2015-01-01" });
      expectRefusal(op, answer, 400, "NoRegisteredProviderFound");
      const type = op.operation.pathTemplate.split("/providers/")[1].split("/")[1];
      expect(answer.json.error.message).toContain(`API version '2015-01-01' for type '${type}'`);
      expect(answer.json.error.message).toContain(`The supported api-versions are '`);
      expect(answer.json.error.message).toContain(op.doc.apiVersion);
    }
  });
});

describe("resources", () => {
  it("404 ResourceGroupNotFound, ResourceNotFound (ARM's message) and SubscriptionNotFound", async () => {
    const maps = opNamed("Accounts_RegenerateKeys");
    expectRefusal(maps, await send(mock, maps.operation, { ...maps.values, resourceGroupName: "no-such-rg" }), 404, "ResourceGroupNotFound",
      /^Resource group 'no-such-rg' could not be found\.$/);
    expectRefusal(maps, await send(mock, maps.operation, { ...maps.values, accountName: "absentAccount" }), 404, "ResourceNotFound",
      /^The Resource 'Microsoft\.Maps\/accounts\/absentAccount' under resource group 'myResourceGroup' was not found\. For more details please go to https:\/\/aka\.ms\/ARMResourceNotFoundFix$/);
    expectRefusal(maps, await send(mock, maps.operation, { ...maps.values, subscriptionId: "00000000-0000-0000-0000-000000000001" }), 404, "SubscriptionNotFound");
    const apim = opNamed("TenantAccess_RegeneratePrimaryKey");
    expectRefusal(apim, await send(mock, apim.operation, { ...apim.values, serviceName: "absentService" }), 404, "ResourceNotFound",
      /^The Resource 'Microsoft\.ApiManagement\/service\/absentService' under resource group 'rg1'/);
  });

  it("every value of an enum-named child exists (APIM tenant access and gitAccess)", async () => {
    const apim = opNamed("TenantAccess_RegeneratePrimaryKey");
    expect((await send(mock, apim.operation, { ...apim.values, accessName: "gitAccess" })).status).toBe(204);
  });

  it("compares enum-valued names in the URL case-insensitively, as ARM compares names", async () => {
    const apim = opNamed("TenantAccess_RegeneratePrimaryKey");
    expect((await send(mock, apim.operation, { ...apim.values, accessName: "GITACCESS" })).status).toBe(204);
  });
});

describe("parameters and body", () => {
  it("400 naming the parameter for a path value that breaks the spec (pattern, enum, length)", async () => {
    const batch = opNamed("BatchAccount_RegenerateKey");
    const pattern = await send(mock, batch.operation, { ...batch.values, accountName: "bad_name" });
    expectRefusal(batch, pattern, 400, "InvalidParameter", /accountName/);
    expect(pattern.json.error.target).toBe("accountName");
    expect(pattern.json.error.details[0]).toMatchObject({ target: "accountName", message: expect.stringMatching(/pattern/) });
    expectRefusal(batch, await send(mock, batch.operation, { ...batch.values, accountName: "ab" }), 400, "InvalidParameter", /fewer than 3 characters/);
    const apim = opNamed("TenantAccess_RegeneratePrimaryKey");
    const enumAnswer = await send(mock, apim.operation, { ...apim.values, accessName: "other" });
    expectRefusal(apim, enumAnswer, 400, "InvalidParameter", /accessName/);
    expect(enumAnswer.json.error.target).toBeUndefined(); // APIM's ErrorResponseBody has no target…
    expect(enumAnswer.json.error.details[0].target).toBe("accessName"); // …its ErrorFieldContract details do
  });

  it("400 naming the field for a body that breaks the schema (enum, required, type)", async () => {
    const maps = opNamed("Accounts_RegenerateKeys");
    const wrongEnum = await send(mock, maps.operation, maps.values, { body: '{"keyType":"tertiary"}' });
    expectRefusal(maps, wrongEnum, 400, "InvalidParameter", /keyType/);
    expect(wrongEnum.json.error.target).toBe("keyType");
    const missing = await send(mock, maps.operation, maps.values, { body: "{}" });
    expectRefusal(maps, missing, 400, "InvalidRequestContent", /keyType/);
    expect(missing.json.error.details).toEqual([expect.objectContaining({ target: "keyType" })]);
    const batch = opNamed("BatchAccount_RegenerateKey");
    expectRefusal(batch, await send(mock, batch.operation, batch.values, { body: '{"keyName":7}' }), 400, "InvalidRequestContent", /keyName/);
    expectRefusal(batch, await send(mock, batch.operation, batch.values, { body: "[]" }), 400, "InvalidRequestContent");
  });

  it("400 InvalidRequestContent for a body that is not JSON; 415 for the wrong Content-Type; 413 past the limit", async () => {
    const maps = opNamed("Accounts_RegenerateKeys");
    expectRefusal(maps, await send(mock, maps.operation, maps.values, { body: '{"keyType":' }), 400, "InvalidRequestContent",
      /^The request content was invalid and could not be deserialized: '/);
    expectRefusal(maps, await send(mock, maps.operation, maps.values, { headers: { "content-type": "text/plain" } }), 415, "UnsupportedMediaType",
      /^The content media type 'text\/plain' is not supported\. Only 'application\/json' is supported\.$/);
    const huge = await send(mock, maps.operation, maps.values, { body: JSON.stringify({ keyType: "primary", pad: "x".repeat(2 * 1024 * 1024) }) });
    expect(huge.status).toBe(413);
    expect(huge.json.error.code).toBe("RequestEntityTooLarge");
    expectRefusal(maps, await send(mock, maps.operation, maps.values, { body: "" }), 400, "InvalidRequestContent");
  });
});

describe("routes", () => {
  it("404 for an unknown route and 405 with Allow for a wrong method, in ARM's envelope", async () => {
    const unknown = await fetch(`${mock.url}/subscriptions/x/resourceGroups/y/providers/Microsoft.Nope/things/z?api-version=2020-01-01`);
    expect(unknown.status).toBe(404);
    expect((await unknown.json()).error.code).toBe("NotFound");
    const op = operations[0];
    const wrong = await send(mock, op.operation, op.values, { fetchOptions: { method: "DELETE" } });
    expect(wrong.status).toBe(405);
    expect(wrong.json.error.code).toBe("MethodNotAllowed");
    expect(wrong.headers.get("allow")).toBe("POST");
  });

  it("answers ARM's providers API from the specs", async () => {
    // The first operation's namespace, asked for in lower case (ARM compares namespaces case-insensitively), and the
    // api-versions the specs have for its top-level resource type.
    const providerOf = (op: OperationUnderTest) => `${op.operation.armPath?.namespace}/${op.operation.armPath?.types[0]}`;
    const { namespace, types: [type] } = operations.find((op) => op.operation.armPath)!.operation.armPath!;
    const versions = [...new Set(operations.filter((op) => providerOf(op) === `${namespace}/${type}`).map((op) => op.doc.apiVersion))];
    expect(versions.length).toBeGreaterThan(0);
    const answer = await fetch(`${mock.url}/subscriptions/subid/providers/${namespace.toLowerCase()}?api-version=2021-04-01`, { headers: { authorization: "Bearer t" } });
    expect(answer.status).toBe(200);
    const body = await answer.json();
    expect(body.namespace).toBe(namespace);
    expect(body.resourceTypes).toContainEqual(expect.objectContaining({ resourceType: type, apiVersions: expect.arrayContaining(versions) }));
    const unknown = await fetch(`${mock.url}/subscriptions/subid/providers/Microsoft.Nope?api-version=2021-04-01`, { headers: { authorization: "Bearer t" } });
    expect(unknown.status).toBe(404);
    expect((await unknown.json()).error.code).toBe("InvalidResourceNamespace");
  });
});

describe("examples", () => {
  it("Prefer: code=…, example=… returns the documented response verbatim; an unknown one is a 400 listing them", async () => {
    const maps = opNamed("Accounts_RegenerateKeys");
    const example = maps.operation.examples[0];
    const answer = await send(mock, maps.operation, maps.values, { headers: { prefer: `code=200, example=${example.title}` } });
    expect(answer.status).toBe(200);
    expect(answer.json).toEqual(example.responses["200"].body);
    const unknown = await send(mock, maps.operation, maps.values, { headers: { prefer: "example=Nope" } });
    expect(unknown.status).toBe(400);
    expect(unknown.json.error.message).toContain(`code=200, example=${example.title}`);
  });

  it("--examples-only serves the examples instead of state", async () => {
    const examplesMock = await startProductMock({ examplesOnly: true });
    try {
      for (const op of operations) {
        const answer = await send(examplesMock, op.operation, op.values);
        const status = firstAnswer(op.operation).status;
        expect(answer.status).toBe(Number(status));
        expect(answer.json).toEqual(op.operation.examples[0].responses[status].body);
      }
    } finally {
      await examplesMock.close();
    }
  });
});
