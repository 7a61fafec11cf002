/** View models: given an operation model, what the templates will print. Tables of given/want. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { OperationModel, ParameterModel } from "../../kernel/index.ts";
import { camelCase, pascalCase } from "../../kernel/names.ts";
import { TEMPLATES_DIR } from "../../generator/generator-paths.ts";
import { CLIENT_MODULE_NAMES } from "../../kernel/generated-names.ts";
import { docComment, docLines, indexType } from "../../generator/views/doc-comment.ts";
import { type Code, code } from "../../generator/views/escape.ts";
import { buildOperationView, validatorNames, valueExpression } from "../../generator/views/operation-view.ts";
import { defaultVersion } from "../../generator/views/package-view.ts";
import type { DocumentModel } from "../../kernel/index.ts";

const param = (over: Partial<ParameterModel>): ParameterModel => ({
  name: "accountName", in: "path", required: true, clientName: "accountName", binding: "method",
  schema: { type: "string" }, pointer: "/p", schemaPointer: "/p/schema", ...over,
});

const operation = (over: Partial<OperationModel> = {}): OperationModel => ({
  operationId: "Accounts_RegenerateKeys", group: "accounts", methodName: "regenerateKeys", httpMethod: "post",
  pathTemplate: "/subscriptions/{subscriptionId}/accounts/{accountName}", pointer: "/paths/x/post", tags: [],
  parameters: [
    param({ name: "subscriptionId", clientName: "subscriptionId", binding: "client" }),
    param({}),
    param({ name: "api-version", in: "query", clientName: "apiVersion", binding: "api-version" }),
  ],
  requestBody: { name: "keySpecification", required: true, contentType: "application/json", schema: { type: "object" }, pointer: "/b", schemaPointer: "/b/s" },
  responses: [
    { status: "200", description: "ok", contentType: "application/json", schema: { type: "object" }, schemaPointer: "/r", pointer: "/r0", secretPaths: [], shownPaths: [] },
    { status: "default", description: "err", contentType: "application/json", schema: { type: "object" }, schemaPointer: "/e", pointer: "/r1", secretPaths: [], shownPaths: ["/error/code"] },
  ],
  security: [], examples: [], ...over,
});

describe("names", () => {
  it.each([
    ["Accounts", "accounts", "Accounts"],
    ["RegeneratePrimaryKey", "regeneratePrimaryKey", "RegeneratePrimaryKey"],
    ["api-version", "apiVersion", "ApiVersion"],
    ["batchAccount", "batchAccount", "BatchAccount"],
    ["ARMClient", "armClient", "ArmClient"],
  ])("%s → %s / %s", (given, camel, pascal) => {
    expect(camelCase(given)).toBe(camel);
    expect(pascalCase(given)).toBe(pascal);
  });
});

describe("doc comments and keys", () => {
  it.each([
    [["a", undefined, "  b\nc  "], ["a", "b", "c"]],
    [["ends */ early"], ["ends *\\/ early"]],
    [["a\u2028b\u2029c\rd\r\ne"], ["a", "b", "c", "d", "e"]],
    [[undefined, ""], []],
  ])("docLines(%j) → %j", (given, want) => expect(docLines(...(given as string[]))).toEqual(want));

  it.each([
    [[], ""],
    [["one line"], "  /** one line */\n"],
    [["first", "second"], "  /**\n   * first\n   * second\n   */\n"],
  ])("docComment(%j) → %j", (lines, want) => expect(docComment(lines as Code[], "  ")).toBe(want));

  it("indexType quotes names and keeps status numbers bare", () =>
    expect(indexType(code`operations`, "X_Y", "responses", 200)).toBe('operations["X_Y"]["responses"][200]'));
});

describe("operation view", () => {
  it.each([
    [param({ binding: "method" }), "parameters.accountName"],
    [param({ binding: "client", clientName: "subscriptionId" }), "options.subscriptionId"],
    [param({ binding: "api-version" }), "API_VERSION"],
    [param({ binding: "method", clientName: "odd-name" }), 'parameters["odd-name"]'],
  ])("reads %o as %s", (p, want) => expect(valueExpression(p)).toBe(want));

  it("names validators after group and method", () => {
    const names = validatorNames(operation());
    expect([names.parameters, names.body, names.response("200"), names.response("default")]).toEqual([
      "validateAccountsRegenerateKeysParameters", "validateAccountsRegenerateKeysBody",
      "validateAccountsRegenerateKeysResponse200", "validateAccountsRegenerateKeysResponseDefault",
    ]);
  });

  it("puts method parameters and the body in the call, client ones in the factory, api-version fixed", () => {
    const view = buildOperationView(operation());
    expect(view.methodParams.map((p) => `${p.key}${p.optional ? "?" : ""}: ${p.typeExpr}`)).toEqual([
      'accountName: operations["Accounts_RegenerateKeys"]["parameters"]["path"]["accountName"]',
      'body: NonNullable<operations["Accounts_RegenerateKeys"]["requestBody"]>["content"]["application/json"]',
    ]);
    expect(view.pathEntries).toEqual([
      { key: "subscriptionId", valueExpr: "options.subscriptionId" },
      { key: "accountName", valueExpr: "parameters.accountName" },
    ]);
    expect(view.queryEntries).toEqual([{ key: '"api-version"', valueExpr: "API_VERSION" }]);
    expect(view.validationEntries.map((e) => e.key)).toEqual(["subscriptionId", "accountName"]);
    expect(view.successStatusesLiteral).toBe("[200]");
    expect(view.resultTypeExpr).toBe('operations["Accounts_RegenerateKeys"]["responses"][200]["content"]["application/json"]');
    expect(view.errorTypeMembers).toEqual([
      'RekeyServiceError<HttpErrorStatus, operations["Accounts_RegenerateKeys"]["responses"]["default"]["content"]["application/json"]>',
      "RekeyServiceError<Exclude<HttpOtherStatus, 200>, unknown>",
    ]);
    expect(view.errorGuardName).toBe("isAccountsRegenerateKeysError");
    expect(view.operationSpecLiteral).toBe('{ operationId: "Accounts_RegenerateKeys", successStatuses: [200], secretPaths: [], errorShownPaths: {"default":["/error/code"]} }');
    expect(view.paramsOptional).toBe(false);
  });

  it("resolves a bodiless 204 to undefined and makes the argument optional when nothing is required", () => {
    const view = buildOperationView(operation({
      parameters: [param({ required: false })],
      requestBody: undefined,
      responses: [{ status: "204", description: "done", pointer: "/r", secretPaths: [], shownPaths: [] }],
    }));
    expect(view.resultTypeExpr).toBe("undefined");
    expect(view.successStatusesLiteral).toBe("[204]");
    expect(view.errorTypeMembers).toEqual(["RekeyServiceError<HttpErrorStatus, unknown>", "RekeyServiceError<Exclude<HttpOtherStatus, 204>, unknown>"]);
    expect(view.paramsOptional).toBe(true);
    expect(view.bodyValidator).toBeUndefined();
  });
});

describe("error union members (status narrows body)", () => {
  const response = (status: string, schema = true) => ({
    status, description: "", pointer: `/r/${status}`, secretPaths: [] as string[], shownPaths: [] as string[],
    ...(schema ? { contentType: "application/json", schema: { type: "object" as const }, schemaPointer: `/s/${status}` } : {}),
  });
  const members = (...statuses: string[]) =>
    buildOperationView(operation({ responses: [response("200"), ...statuses.map((s) => response(s))] })).errorTypeMembers;
  const body = (key: string) => `operations["Accounts_RegenerateKeys"]["responses"][${key}]["content"]["application/json"]`;

  it.each([
    [["default"], [`RekeyServiceError<HttpErrorStatus, ${body('"default"')}>`]],
    [["404", "default"], [`RekeyServiceError<404, ${body("404")}>`, `RekeyServiceError<Exclude<HttpErrorStatus, 404>, ${body('"default"')}>`]],
    [["4XX"], [`RekeyServiceError<HttpStatusRange<4>, ${body('"4XX"')}>`, "RekeyServiceError<Exclude<HttpErrorStatus, HttpStatusRange<4>>, unknown>"]],
    [["409", "5XX"], [`RekeyServiceError<409, ${body("409")}>`, `RekeyServiceError<Exclude<HttpStatusRange<5>, 409>, ${body('"5XX"')}>`,
      "RekeyServiceError<Exclude<HttpErrorStatus, 409 | HttpStatusRange<5>>, unknown>"]],
  ])("%j", (statuses, want) => expect(members(...statuses)).toEqual([...want, "RekeyServiceError<Exclude<HttpOtherStatus, 200>, unknown>"]));

  it("lists the x-ms-secret paths of every response, and the shown paths of each error response, in the operation spec", () => {
    const view = buildOperationView(operation({
      responses: [
        { ...response("200"), secretPaths: ["/primaryKey"], shownPaths: ["/updated"] },
        { ...response("201"), secretPaths: ["/primaryKey", "/k/*/v"] },
        { ...response("404"), shownPaths: ["/error/code", "/error/message"] },
        { ...response("default"), shownPaths: ["/code"] },
      ],
    }));
    expect(view.operationSpecLiteral).toBe('{ operationId: "Accounts_RegenerateKeys", successStatuses: [200, 201], secretPaths: ["/primaryKey","/k/*/v"], '
      + 'errorShownPaths: {"404":["/error/code","/error/message"],"default":["/code"]} }');
  });
});

describe("package view", () => {
  const doc = (apiVersion: string, stable: boolean) => ({ apiVersion, stable }) as DocumentModel;
  it.each([
    [[doc("2023-06-01", true), doc("2026-12-01", true)], "2026-12-01"],
    [[doc("2023-06-01", true), doc("2025-10-01-preview", false)], "2023-06-01"],
    [[doc("2024-01-01-preview", false), doc("2025-10-01-preview", false)], "2025-10-01-preview"],
  ])("the service entry point is the newest stable version", (docs, want) =>
    expect(defaultVersion(docs).apiVersion).toBe(want));
});

describe("client module names lint guards", () => {
  it("CLIENT_MODULE_NAMES lists every name client.ts.hbs imports or declares itself", () => {
    const template = readFileSync(join(TEMPLATES_DIR, "client.ts.hbs"), "utf8");
    const imported = [...template.matchAll(/import(?: type)? \{([^}]+)\} from/g), ...template.matchAll(/import \* as (\w+) from/g)]
      .flatMap((m) => m[1].split(",")).map((n) => n.trim().replace(/^type /, "")).filter(Boolean);
    const declared = [...template.matchAll(/^export const (\w+)/gm)].map((m) => m[1]);
    expect([...imported, ...declared].sort()).toEqual([...CLIENT_MODULE_NAMES].sort());
  });
});
