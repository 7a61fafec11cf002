/**
 * replay() in process, on recordings built here: routing by the mock's rules, sanitised values, body decoding, the
 * header rules per format, the request check, and that nothing touches the network.
 */
import { Socket } from "node:net";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { brotliCompressSync, deflateSync, gzipSync } from "node:zlib";
import { stringify as yaml } from "yaml";
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import type { DocumentModel } from "../../kernel/index.ts";
import type { Ajv } from "../../kernel/index.ts";
import type { ExchangeResult } from "../../conformance/exchange.ts";
import { replay } from "../../conformance/replay/replay.ts";
import { decodeBody } from "../../conformance/replay/decode-body.ts";
import { isPlaceholder } from "../../conformance/replay/placeholders.ts";
import { removeTempDirs, tempDir } from "../helpers/files.ts";
import { productSpecs } from "../helpers/mock.ts";

let specs: { docs: DocumentModel[]; ajv: Ajv };
beforeAll(async () => {
  specs = await productSpecs();
});
afterAll(removeTempDirs);

const SUBSCRIPTION = "6d3f1c2b-9a4e-4f7d-8b21-3c5e7a9d0f12";
const mapsPath = (subscription = SUBSCRIPTION) =>
  `/subscriptions/${subscription}/resourceGroups/team-rg/providers/Microsoft.Maps/accounts/teammaps/regenerateKey`;
const KEYS = { primaryKey: "Sanitized", primaryKeyLastUpdated: "2024-06-01T10:00:00.0000000Z", secondaryKey: "Sanitized", secondaryKeyLastUpdated: "2024-05-01T10:00:00.0000000Z" };
const ANSWER_HEADERS = { "Content-Type": "application/json; charset=utf-8", "x-ms-request-id": "f0e1d2c3-b4a5-4968-8776-655443322110" };

interface Entry {
  uri?: string;
  method?: string;
  requestHeaders?: Record<string, string>;
  requestBody?: unknown;
  status?: number;
  responseHeaders?: Record<string, string>;
  responseBody?: unknown;
}

function testProxy(...entries: Entry[]): string {
  return JSON.stringify({
    Entries: entries.map((e) => ({
      RequestUri: e.uri ?? `https://management.azure.com${mapsPath()}?api-version=2026-12-01`,
      RequestMethod: e.method ?? "POST",
      RequestHeaders: e.requestHeaders ?? { "Content-Type": "application/json" },
      RequestBody: e.requestBody === undefined ? { keyType: "primary" } : e.requestBody,
      StatusCode: e.status ?? 200,
      ResponseHeaders: e.responseHeaders ?? ANSWER_HEADERS,
      ResponseBody: e.responseBody === undefined ? KEYS : e.responseBody,
    })),
    Variables: {},
  });
}

async function replayText(text: string, name = "recording", extra: Partial<Parameters<typeof replay>[0]> = {}): Promise<ExchangeResult[]> {
  const file = join(tempDir("rekey-replay-"), name);
  writeFileSync(file, text);
  return (await replay({ files: [file], ...specs, ...extra })).results;
}

describe("formats", () => {
  test("are told by content, not by name: a HAR file named .yaml, a cassette named .json, a test-proxy file named .har", async () => {
    const dir = tempDir("rekey-replay-");
    const files = [
      [join(dir, "session.yaml"), readFileSync("test/replay/fixtures/maps-portal.har.json", "utf8")],
      [join(dir, "cassette.json"), readFileSync("test/replay/fixtures/batch-keys-renew.yaml", "utf8")],
      [join(dir, "recording.har"), readFileSync("test/replay/fixtures/maps-keys.testproxy", "utf8")],
    ];
    for (const [file, text] of files) writeFileSync(file!, text!);
    const { summary } = await replay({ files: files.map(([file]) => file!), ...specs });
    expect(summary.target.detail).toBe("HAR file, vcr cassette, Azure SDK test-proxy recording");
    expect(summary.exchanges).toBe(4);
  });
});

describe("routing: the mock's rules", () => {
  test("path and api-version match case-insensitively; an unknown api-version, a method or a path no operation has, and no api-version are listed, not failed", async () => {
    const upper = `https://management.azure.com${mapsPath().toUpperCase().replace(SUBSCRIPTION.toUpperCase(), SUBSCRIPTION)}?api-version=2026-12-01`;
    const results = await replayText(testProxy(
      { uri: upper },
      { uri: `https://management.azure.com${mapsPath()}?api-version=2019-01-01` },
      { method: "DELETE" },
      { uri: `https://management.azure.com${mapsPath()}/extra?api-version=2026-12-01` },
      { uri: `https://management.azure.com${mapsPath()}` },
    ));
    expect(results.map((r) => r.outcome)).toEqual(["passed", "skipped", "skipped", "skipped", "skipped"]);
    expect(results[0]!.exchange.id).toMatch(/^maps\/2026-12-01\/Accounts_RegenerateKeys\/replay\/.*recording#1$/);
    expect(results.slice(1).map((r) => r.reason!.replace(/\): .*/, ")"))).toEqual([
      'matches no operation (the specs hold no api-version "2019-01-01" of this path)',
      "matches no operation (no operation answers DELETE on this path)",
      "matches no operation (no operation has this path)",
      "matches no operation (the recorded URL has no api-version)",
    ]);
    for (const result of results.slice(1)) expect(result.failures).toEqual([]);
  });

  test("no socket is opened: nothing is sent", async () => {
    const connect = vi.spyOn(Socket.prototype, "connect");
    try {
      const results = await replayText(testProxy({}));
      expect(results[0]!.outcome).toBe("passed");
      expect(connect).not.toHaveBeenCalled();
    } finally {
      connect.mockRestore();
    }
  });
});

describe("the request check", () => {
  test("a request the spec forbids, answered 200, fails; refused with a 4xx it does not", async () => {
    const results = await replayText(testProxy(
      { requestBody: { keyType: "tertiary" } },
      { requestBody: { keyType: "tertiary" }, status: 400, responseBody: { error: { code: "InvalidParameter", message: "bad keyType" } } },
    ));
    expect(results[0]!.outcome).toBe("failed");
    expect(results[0]!.failures.map((f) => f.check)).toEqual(["request"]);
    expect(results[0]!.failures[0]!.message).toMatch(/answered 200 to a request that breaks the spec: the body's \/keyType must be one of "primary", "secondary"/);
    expect(results[1]!.outcome).toBe("passed");
  });

  test("enum values in another case keep the spec, as the mock reads them (Azure PowerShell sends keyType Primary)", async () => {
    const results = await replayText(testProxy({ requestBody: { keyType: "Primary" } }, { requestBody: { keyType: "SECONDARY" }, uri: `https://management.azure.com${mapsPath()}?api-version=2023-06-01` }));
    expect(results[0]!.outcome).toBe("passed");
    expect(results[1]!.outcome).toBe("passed");
  });
});

describe("what a recording leaves out", () => {
  test("a request body the recorder left out (Content-Length without a body, Azure CLI's omitted-body stand-in) is not judged; a missing one is", async () => {
    const omitted = "!!! The request body has been omitted from the recording because its size 200000 is larger than 128KB. !!!";
    const results = await replayText(testProxy(
      { requestHeaders: { "Content-Type": "application/json", "Content-Length": "22" }, requestBody: null },
      { requestHeaders: { "Content-Type": "application/json" }, requestBody: omitted },
      { requestHeaders: { "Content-Type": "application/json" }, requestBody: null },
    ));
    expect(results.map((r) => r.outcome)).toEqual(["passed", "passed", "failed"]);
    expect(results[0]!.notJudged).toEqual(["request body: the recording leaves it out"]);
    expect(results[1]!.notJudged).toEqual(["request body: the recording leaves it out"]);
    expect(results[2]!.failures[0]!.message).toMatch(/answered 200 to a request that breaks the spec: .*request body is required/);
  });

  test("an answer body a HAR writer left out (content.size, no text) is not judged by the body checks; an empty one fails them", async () => {
    const entry = (content: object) => ({
      request: { method: "POST", url: `https://management.azure.com${mapsPath()}?api-version=2026-12-01`, headers: [{ name: "content-type", value: "application/json" }], postData: { mimeType: "application/json", text: "{\"keyType\":\"primary\"}" } },
      response: { status: 200, headers: [{ name: "content-type", value: "application/json" }, { name: "x-ms-request-id", value: "f0e1d2c3-b4a5-4968-8776-655443322110" }], content },
    });
    const results = await replayText(JSON.stringify({ log: { version: "1.2", entries: [entry({ size: 182, mimeType: "application/json" }), entry({ size: 0, mimeType: "application/json" })] } }));
    expect(results[0]!.outcome).toBe("passed");
    expect(results[0]!.notJudged).toEqual(["answer body: the recording leaves it out"]);
    expect(results[0]!.checksRun).not.toContain("schema");
    expect(results[1]!.failures.map((f) => f.check)).toContain("schema");
  });
});

describe("sanitised recordings", () => {
  test("a subscription id the recorder replaced with \"Sanitized\" is not judged by format; a real malformed one fails", async () => {
    const results = await replayText(testProxy(
      { uri: `https://management.azure.com${mapsPath("Sanitized")}?api-version=2026-12-01` },
      { uri: `https://management.azure.com${mapsPath("not-a-subscription")}?api-version=2026-12-01` },
    ));
    expect(results[0]!.outcome).toBe("passed");
    expect(results[0]!.notJudged).toEqual(["request parameter subscriptionId: the recorder replaced the value"]);
    expect(results[1]!.outcome).toBe("failed");
    expect(results[1]!.failures[0]!.actual).toBe("subscriptionId");
  });

  test("ids the recorder replaced are not compared; real ids that differ are", async () => {
    const sent = { "Content-Type": "application/json", "x-ms-correlation-request-id": "Sanitized" };
    const results = await replayText(testProxy(
      { requestHeaders: sent, responseHeaders: { ...ANSWER_HEADERS, "x-ms-correlation-request-id": "00000000-0000-0000-0000-000000000000" } },
      { requestHeaders: { ...sent, "x-ms-correlation-request-id": "aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee" }, responseHeaders: { ...ANSWER_HEADERS, "x-ms-correlation-request-id": "bbbbbbbb-bbbb-4ccc-8ddd-eeeeeeeeeeee" } },
    ));
    expect(results[0]!.outcome).toBe("passed");
    expect(results[0]!.notJudged).toEqual(["x-ms-correlation-request-id: the recorder replaced the id"]);
    expect(results[1]!.failures.map((f) => f.message)).toEqual(["x-ms-correlation-request-id does not echo the id sent"]);
  });

  test("what counts as a placeholder", () => {
    for (const value of ["Sanitized", "sanitized", "https://Sanitized.azure.com/x", "[REDACTED]", "00000000-0000-0000-0000-000000000000", "clitest.rg000001", "clitest000002"]) {
      expect(isPlaceholder(value), value).toBe(true);
    }
    for (const value of ["primary", "6d3f1c2b-9a4e-4f7d-8b21-3c5e7a9d0f12", "fakeendpoint", "unsanitizedvalue", "clitest", "", 42, null]) {
      expect(isPlaceholder(value), String(value)).toBe(false);
    }
  });
});

describe("headers a format drops", () => {
  test("a test-proxy answer without x-ms-request-id fails arm-headers; the same answer in a vcr cassette is not judged on it", async () => {
    const noId = { "Content-Type": "application/json; charset=utf-8" };
    const [proxy] = await replayText(testProxy({ responseHeaders: noId }));
    expect(proxy!.failures.map((f) => f.message)).toEqual(["no x-ms-request-id header"]);
    const cassette = yaml({
      interactions: [{
        request: { body: JSON.stringify({ keyType: "primary" }), headers: { "Content-Type": ["application/json"] }, method: "POST", uri: `https://management.azure.com${mapsPath()}?api-version=2026-12-01` },
        response: { body: { string: JSON.stringify(KEYS) }, headers: { "content-type": ["application/json; charset=utf-8"] }, status: { code: 200, message: "OK" } },
      }],
      version: 1,
    });
    const [vcr] = await replayText(cassette);
    expect(vcr!.outcome).toBe("passed");
    expect(vcr!.notJudged).toEqual(["x-ms-request-id: the recording's format drops it"]);
  });
});

describe("bodies", () => {
  const gzipped = gzipSync(Buffer.from(JSON.stringify(KEYS)));

  test("a vcr cassette keeps a gzip answer as !!binary: it is decoded; the same bytes without Content-Encoding are not JSON", async () => {
    const cassette = (encoding: boolean) => [
      "interactions:",
      "- request:",
      "    body: '{\"keyType\": \"primary\"}'",
      "    headers:",
      "      Content-Type: [application/json]",
      "    method: POST",
      `    uri: https://management.azure.com${mapsPath()}?api-version=2026-12-01`,
      "  response:",
      "    body:",
      `      string: !!binary |\n        ${gzipped.toString("base64")}`,
      "    headers:",
      ...(encoding ? ["      Content-Encoding: [gzip]"] : []),
      "      Content-Type: [application/json; charset=utf-8]",
      "    status: {code: 200, message: OK}",
      "version: 1",
      "",
    ].join("\n");
    const [decoded] = await replayText(cassette(true));
    expect(decoded!.outcome).toBe("passed");
    const python2 = cassette(true).replace("    method: POST", "    method: !!python/unicode POST");
    const warn = vi.spyOn(process, "emitWarning");
    try {
      expect((await replayText(python2))[0]!.outcome).toBe("passed");
      expect(warn).not.toHaveBeenCalled();
    } finally {
      warn.mockRestore();
    }
    const [raw] = await replayText(cassette(false));
    expect(raw!.failures.map((f) => f.message)).toContain("the body is not valid JSON");
  });

  test("deflate and br decode; a body that is neither text nor what its encoding says is skipped; the decoded size is bounded", () => {
    const text = Buffer.from(JSON.stringify(KEYS));
    expect(decodeBody(deflateSync(text), "deflate", 1 << 20)).toEqual({ ok: true, body: text });
    expect(decodeBody(brotliCompressSync(text), "br", 1 << 20)).toEqual({ ok: true, body: text });
    expect(decodeBody(gzipSync(deflateSync(text)), "deflate, gzip", 1 << 20)).toEqual({ ok: true, body: text });
    expect(decodeBody(text, "gzip", 1 << 20)).toEqual({ ok: true, body: text }); // stored already decoded
    expect(decodeBody(Buffer.from([0x1f, 0x8b, 0xff, 0x00, 0x80]), "gzip", 1 << 20)).toEqual({ ok: false, reason: "its body does not decode as gzip" });
    const bomb = gzipSync(Buffer.alloc(1 << 20, 0x20));
    expect(decodeBody(bomb, "gzip", 1 << 16)).toEqual({ ok: false, reason: "its body decodes to more than 65536 bytes" });
  });

  test("a HAR answer that does not decode is skipped with the reason, not failed", async () => {
    const har = {
      log: {
        version: "1.2",
        entries: [{
          request: { method: "POST", url: `https://management.azure.com${mapsPath()}?api-version=2026-12-01`, headers: [{ name: "content-type", value: "application/json" }], postData: { mimeType: "application/json", text: "{\"keyType\":\"primary\"}" } },
          response: { status: 200, headers: [{ name: "content-encoding", value: "gzip" }, { name: "content-type", value: "application/json" }], content: { text: Buffer.from([0x1f, 0x8b, 0xff, 0x00, 0x80]).toString("base64"), encoding: "base64" } },
        }],
      },
    };
    const [result] = await replayText(JSON.stringify(har));
    expect(result!.outcome).toBe("skipped");
    expect(result!.reason).toMatch(/^not judged: the answer's body does not decode as gzip: POST \/subscriptions\//);
  });
});

describe("hostile recordings", () => {
  test("a body nested past the runner's limit is skipped, not walked; a document nested past the parser's stack is one refusal", async () => {
    let nested: unknown = {};
    for (let i = 0; i < 150; i++) nested = { a: nested };
    const [result] = await replayText(testProxy({ responseBody: nested }));
    expect(result!.outcome).toBe("skipped");
    expect(result!.reason).toMatch(/^not judged: the answer's JSON body nests deeper than 100 levels/);

    const deep = `${'{"a":'.repeat(200_000)}1${"}".repeat(200_000)}`;
    const text = testProxy({ responseBody: "deep" }).replace('"ResponseBody":"deep"', `"ResponseBody":${deep}`);
    await expect(replayText(text)).rejects.toThrow(/nests too deeply to be read — re-record it/);
  });

  test("a YAML alias bomb is refused, not expanded", async () => {
    const levels = ["a: &a [x, x, x, x, x, x, x, x, x, x]"];
    for (let i = 1; i < 9; i++) levels.push(`l${i}: &l${i} [${Array(10).fill(i === 1 ? "*a" : `*l${i - 1}`).join(", ")}]`);
    await expect(replayText(`${levels.join("\n")}\ninteractions: [*l8]\n`)).rejects.toThrow(/is not a recording: its YAML aliases expand past the limit of 100/);
  });

  test("a request URL that is no URL is one refusal naming the entry", async () => {
    await expect(replayText(testProxy({}, { uri: "http://[bad" }))).rejects.toThrow(/recording#\/Entries\/1\/RequestUri: expected a URL/);
  });
});
