/**
 * The mock's own HTTP handling, where it meets the wire rather than the specs: bodies past the limit however they
 * arrive, URLs the router cannot read, a Content-Type that is not a media type, HEAD, a repeated api-version,
 * keep-alive, requests Node cannot parse, and close() with an answer still held.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rawExchange } from "../helpers/loopback.ts";
import { request as httpRequest } from "node:http";
import type { RunningMock } from "../../conformance/mock/start-mock.ts";
import { requestFromParameters } from "../../conformance/example-request.ts";
import { operationsUnderTest, startProductMock, TOKEN, type OperationUnderTest } from "../helpers/mock.ts";

const LIMIT = 4 * 1024;
let mock: RunningMock;
let maps: OperationUnderTest;
let mapsUrl: string;

beforeAll(async () => {
  mock = await startProductMock({ bodyLimit: LIMIT });
  maps = (await operationsUnderTest()).find((o) => o.operation.operationId === "Accounts_RegenerateKeys")!;
  mapsUrl = requestFromParameters(maps.operation, maps.values).url;
});
afterAll(() => mock.close());

const JSON_HEADERS = { authorization: `Bearer ${TOKEN}`, "content-type": "application/json" };

const raw = (bytes: string, end = true) => rawExchange(mock.url, bytes, end);

/** A POST whose body is streamed in chunks with no Content-Length (Transfer-Encoding: chunked). */
function chunkedPost(path: string, chunks: string[]): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(mock.url + path, { method: "POST", headers: JSON_HEADERS }, (res) => {
      let body = "";
      res.on("data", (c) => (body += c));
      res.on("end", () => resolve({ status: res.statusCode!, body }));
    });
    req.on("error", reject);
    for (const chunk of chunks) req.write(chunk);
    req.end();
  });
}

describe("the wire", () => {
  it("413 RequestEntityTooLarge for a chunked body that grows past the limit, and for a declared length past it", async () => {
    const big = await chunkedPost(mapsUrl, ['{"keyType":"primary","pad":"', ...Array.from({ length: 8 }, () => "x".repeat(1024)), '"}']);
    expect(big.status).toBe(413);
    expect(JSON.parse(big.body).error.code).toBe("RequestEntityTooLarge");
    // A declared length past the limit is refused before a byte of the body arrives.
    const declared = await raw(`POST ${mapsUrl} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${LIMIT + 1}\r\n\r\n`, false);
    expect(declared).toMatch(/^HTTP\/1\.1 413 /);
    // A chunked body within the limit is read whole.
    const small = await chunkedPost(mapsUrl, ['{"keyType":', '"primary"}']);
    expect(small.status).toBe(200);
  });

  it("400 BadRequest in ARM's envelope for a malformed escape and for a segment longer than the router reads", async () => {
    const escape = await fetch(`${mock.url}/subscriptions/%E0%A4%A/resourceGroups/rg?api-version=2023-06-01`);
    expect(escape.status).toBe(400);
    expect((await escape.json()).error).toEqual(expect.objectContaining({ code: "BadRequest", message: expect.stringMatching(/^The request is malformed: /) }));
    const long = await fetch(mock.url + mapsUrl.replace("myMapsAccount", "a".repeat(150)), { method: "POST", headers: JSON_HEADERS, body: '{"keyType":"primary"}' });
    expect(long.status).toBe(400);
    expect((await long.json()).error.message).toMatch(/max param length/);
    expect(long.headers.get("x-ms-request-id")).toBeTruthy();
  });

  it("400 BadRequest for a Content-Type that is not a media type; a media type other than JSON is the pipeline's 415", async () => {
    const notMedia = await fetch(mock.url + mapsUrl, { method: "POST", headers: { ...JSON_HEADERS, "content-type": "json" }, body: '{"keyType":"primary"}' });
    expect(notMedia.status).toBe(400);
    expect((await notMedia.json()).error.code).toBe("BadRequest");
    const other = await fetch(mock.url + mapsUrl, { method: "POST", headers: { ...JSON_HEADERS, "content-type": "text/plain" }, body: '{"keyType":"primary"}' });
    expect(other.status).toBe(415);
  });

  it("HEAD on a spec route is routed (405 with Allow, no body); HEAD on an admin route is 404", async () => {
    const head = await fetch(mock.url + mapsUrl, { method: "HEAD", headers: JSON_HEADERS });
    expect(head.status).toBe(405);
    expect(head.headers.get("allow")).toBe("POST");
    expect(await head.text()).toBe("");
    expect((await fetch(`${mock.url}/_rekey/state`, { method: "HEAD" })).status).toBe(404);
  });

  it("a repeated api-version reaches the pipeline as a list: 400 InvalidApiVersionParameter", async () => {
    const answer = await fetch(`${mock.url}${mapsUrl}&api-version=2023-06-01`, { method: "POST", headers: JSON_HEADERS, body: '{"keyType":"primary"}' });
    expect(answer.status).toBe(400);
    expect((await answer.json()).error.code).toBe("InvalidApiVersionParameter");
  });

  it("keeps an idle connection 72 s, as pooled clients expect; answers without a framework's headers", async () => {
    const answer = await raw(`POST ${mapsUrl} HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${TOKEN}\r\nContent-Type: application/json\r\nContent-Length: 21\r\n\r\n{"keyType":"primary"}`);
    expect(answer).toMatch(/^HTTP\/1\.1 200 OK\r\n/);
    expect(answer).toMatch(/\r\nKeep-Alive: timeout=72\r\n/i);
    expect(answer).not.toMatch(/\r\nx-powered-by:/i);
  });

  it("431 for headers past Node's limit and 400 for a request line it cannot parse, in ARM's envelope, then closes", async () => {
    const overflow = await raw(`GET /x HTTP/1.1\r\nHost: x\r\nX-Long: ${"a".repeat(20_000)}\r\n\r\n`);
    expect(overflow).toMatch(/^HTTP\/1\.1 431 /);
    expect(overflow).toMatch(/\r\nconnection: close\r\n/);
    expect(JSON.parse(overflow.slice(overflow.indexOf("\r\n\r\n") + 4)).error.code).toBe("BadRequest");
    expect(await raw("GARBAGE\r\n\r\n")).toMatch(/^HTTP\/1\.1 400 /);
  });
});

describe("close()", () => {
  it("resolves at once while an answer is held; the held request's connection is closed and its answer never sent", async () => {
    const lines: string[] = [];
    const held = await startProductMock({ latencyMs: 800, log: (line) => lines.push(line) });
    const pending = fetch(held.url + mapsUrl, { method: "POST", headers: JSON_HEADERS, body: '{"keyType":"primary"}' }).then(
      (r) => `answered ${r.status}`,
      () => "connection closed",
    );
    await new Promise((resolve) => setTimeout(resolve, 200));
    const started = performance.now();
    await held.close();
    expect(performance.now() - started).toBeLessThan(500);
    expect(await pending).toBe("connection closed");
    // Past the latency: the held wait was aborted, so nothing was written (or logged) after close.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(lines).toEqual([]);
  });
});
