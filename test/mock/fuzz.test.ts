/**
 * Fuzzing the mock with generated bad requests (fast-check): random methods, paths, encodings, headers and bodies,
 * huge and truncated bodies, malformed HTTP. Whatever arrives: no crash, no 5xx, and every error body is valid
 * against the error schema of the service that owns the route (ARM's envelope for routes no spec owns).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import { rawExchange } from "../helpers/loopback.ts";
import { errorResponse, type DocumentModel, type OperationModel } from "../../kernel/index.ts";
import { compiledSchema, createAjv } from "../../kernel/schema-validator.ts";
import type { RunningMock } from "../../conformance/mock/start-mock.ts";
import { requestFromParameters } from "../../conformance/example-request.ts";
import { decodeURIComponentSafe } from "../../conformance/mock/request-log.ts";
import { operationsUnderTest, productDocs, startProductMock, TOKEN, type OperationUnderTest } from "../helpers/mock.ts";

let mock: RunningMock;
let operations: OperationUnderTest[];
let checkBody: (path: string, apiVersion: string | null, body: unknown) => string | undefined;

const armEnvelope = (body: any) =>
  typeof body?.error?.code === "string" && body.error.code !== "" && typeof body.error.message === "string" && body.error.message !== "";

beforeAll(async () => {
  mock = await startProductMock({ bodyLimit: 64 * 1024 });
  operations = await operationsUnderTest();
  const docs = await productDocs();
  const ajv = createAjv(docs);
  const routes = operations.map(({ doc, operation }) => ({
    doc,
    operation,
    pattern: new RegExp(`^${operation.pathTemplate.replace(/[.*+?^$()|[\]\\]/g, "\\$&").replace(/\{[^}]+\}/g, "[^/]+")}$`, "i"),
  }));
  checkBody = (path, apiVersion, body) => {
    const owners = routes.filter((r) => r.pattern.test(path));
    if (owners.length === 0) return armEnvelope(body) ? undefined : "not ARM's error envelope";
    const owner: { doc: DocumentModel; operation: OperationModel } =
      owners.find((r) => r.doc.apiVersion === apiVersion) ?? owners.sort((a, b) => b.doc.apiVersion.localeCompare(a.doc.apiVersion))[0];
    const schema = errorResponse(owner.operation)!;
    const validate = compiledSchema(ajv, owner.doc, schema.schemaPointer!);
    if (!validate(body)) return `not ${owner.doc.service}'s error schema: ${ajv.errorsText(validate.errors)}`;
    return armEnvelope(body) ? undefined : "no error.code and error.message";
  };
});
afterAll(() => mock.close());

const METHODS = ["GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "HEAD", "PROPFIND", "MKCOL"];
const segment = fc.oneof(
  fc.string({ minLength: 0, maxLength: 12 }).map(encodeURIComponent),
  fc.constantFrom("%", "%zz", "%2F", "%00", "..", ".", "%E2%82", "a%20b", "~", "_rekey", "providers", "subscriptions"),
  fc.string({ unit: "grapheme", maxLength: 6 }).map(encodeURIComponent),
);

function mutatedPath(op: OperationUnderTest) {
  const real = requestFromParameters(op.operation, op.values).url.split("?")[0].split("/");
  return fc.tuple(fc.array(fc.tuple(fc.nat(real.length), segment), { maxLength: 3 }), fc.boolean()).map(([edits, upper]) => {
    const parts = [...real];
    for (const [at, value] of edits) parts[Math.max(1, at % parts.length)] = value;
    const path = parts.join("/") || "/";
    return upper ? path.toUpperCase() : path;
  });
}

const body = fc.oneof(
  fc.constant(undefined),
  fc.json().map((j) => j),
  fc.jsonValue().map((v) => JSON.stringify({ keyType: v, keyName: v })),
  fc.string({ maxLength: 200 }),
  fc.uint8Array({ maxLength: 200 }).map((bytes) => Buffer.from(bytes)),
  fc.constant("x".repeat(70 * 1024)), // past the 64 KiB limit set above
);

const headerValue = fc.oneof(fc.string({ maxLength: 40 }).filter((s) => /^[\x20-\x7e]*$/.test(s)), fc.constantFrom("application/json", "application/json; charset=utf-16", "text/plain", "*/*", ""));

describe("fuzz", () => {
  it("2,000 generated bad requests: no crash, no 5xx, every error in the owning service's error schema", async () => {
    const request = fc.record({
      op: fc.constantFrom(...operations),
      method: fc.constantFrom(...METHODS),
      pathSeed: fc.nat(),
      apiVersion: fc.option(fc.oneof(fc.constantFrom(...operations.map((o) => o.doc.apiVersion)), fc.string({ maxLength: 12 })), { nil: undefined }),
      authorization: fc.option(fc.oneof(fc.constant(`Bearer ${TOKEN}`), fc.string({ maxLength: 30 }).filter((s) => /^[\x20-\x7e]*$/.test(s))), { nil: undefined }),
      contentType: fc.option(headerValue, { nil: undefined }),
      prefer: fc.option(headerValue, { nil: undefined }),
      body,
    });
    const paths = new Map(operations.map((o) => [o, fc.sample(mutatedPath(o), { numRuns: 400, seed: 7 })]));
    await fc.assert(
      fc.asyncProperty(request, async (r) => {
        const candidates = paths.get(r.op)!;
        const path = candidates[r.pathSeed % candidates.length];
        const query = r.apiVersion === undefined ? "" : `?api-version=${encodeURIComponent(r.apiVersion)}`;
        const headers: Record<string, string> = {};
        if (r.authorization !== undefined) headers.authorization = r.authorization;
        if (r.contentType !== undefined) headers["content-type"] = r.contentType;
        if (r.prefer !== undefined) headers.prefer = r.prefer;
        const sendsBody = r.body !== undefined && r.method !== "GET" && r.method !== "HEAD";
        const response = await fetch(mock.url + path + query, { method: r.method, headers, body: sendsBody ? r.body : undefined });
        const text = await response.text();
        if (response.status >= 500) return false;
        if (response.status < 400 || r.method === "HEAD") return true;
        const problem = checkBody(decodeURIComponentSafe(path), r.apiVersion ?? null, JSON.parse(text));
        if (problem) throw new Error(`${r.method} ${path}${query} → ${response.status}: ${problem}: ${text}`);
        return true;
      }),
      { numRuns: 2000, seed: 20261122 },
    );
  }, 180_000); // 3 s on a quiet machine; a bound for a loaded one, not a speed check

  it("malformed and truncated HTTP: every answer is a 4xx in ARM's envelope, or a closed connection; the mock keeps serving", async () => {
    const raw = (bytes: string, endAfterWrite: boolean) => rawExchange(mock.url, bytes, endAfterWrite);
    const op = operations.find((o) => o.operation.requestBody)!;
    const url = requestFromParameters(op.operation, op.values).url;
    const cases = [
      `POST ${url} HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer t\r\nContent-Type: application/json\r\nContent-Length: 50\r\n\r\n{"keyType":`, // truncated
      `POST ${url} HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n`,
      `POST ${url} HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nContent-Type: application/json\r\n\r\nZZ\r\n{}\r\n0\r\n\r\n`,
      `GARBAGE\r\n\r\n`,
      `GET / HTTP/9.9\r\n\r\n`,
      `POST ${url} HTTP/1.1\r\nHost: x\r\n${"X-Long: " + "a".repeat(20_000)}\r\n\r\n`,
      `POST ${url}\u0000 HTTP/1.1\r\nHost: x\r\n\r\n`,
    ];
    for (const bytes of cases) {
      const answer = await raw(bytes, true);
      if (answer === "") continue; // connection closed unanswered (the client gave up first)
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(answer)?.[1]);
      expect(status, JSON.stringify(bytes.slice(0, 60))).toBeGreaterThanOrEqual(400);
      expect(status).toBeLessThan(500);
      const body = answer.slice(answer.indexOf("\r\n\r\n") + 4);
      expect(armEnvelope(JSON.parse(body)), body).toBe(true);
    }
    const ok = await fetch(mock.url + url, { method: "POST", headers: { authorization: `Bearer ${TOKEN}`, "content-type": "application/json" }, body: JSON.stringify(op.values[op.operation.requestBody!.name]) });
    expect(ok.status).toBe(200);
  });
});
