/** Every fault mode changes exactly what it names, and nothing else — over real HTTP, chosen per request or globally. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connect } from "node:net";
import type { RunningMock } from "../../conformance/mock/start-mock.ts";
import { listFaults } from "../../conformance/mock/faults.ts";
import { requestFromParameters } from "../../conformance/example-request.ts";
import { UserError } from "../../kernel/user-error.ts";
import { FAULT_CAUGHT_AS } from "../helpers/fault-severity.ts";
import { operationsUnderTest, send, startProductMock, TOKEN, type OperationUnderTest } from "../helpers/mock.ts";

let mock: RunningMock;
let operations: OperationUnderTest[];
beforeAll(async () => {
  mock = await startProductMock();
  operations = await operationsUnderTest();
});
afterAll(() => mock.close());

const op = (id: string) => operations.find((o) => o.operation.operationId === id)!;
const maps = () => op("Accounts_RegenerateKeys");
const apim = () => op("TenantAccess_RegeneratePrimaryKey");
const withFault = (fault: string, o: OperationUnderTest, extra: Parameters<typeof send>[3] = {}) =>
  send(mock, o.operation, o.values, { ...extra, headers: { "x-rekey-fault": fault, ...extra.headers } });
const mapsState = async () => {
  const resources = (await (await fetch(`${mock.url}/_rekey/state`)).json()).resources as Array<{ id: string; keys: Record<string, { value: string }> }>;
  return resources.find((r) => r.id.includes("Microsoft.Maps"))!.keys;
};

/** Raw bytes of one answer (fetch hides a 204's body). */
function rawExchange(o: OperationUnderTest, headers: Record<string, string>): Promise<string> {
  const request = requestFromParameters(o.operation, o.values);
  const { port } = new URL(mock.url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), "127.0.0.1");
    let data = "";
    socket.on("data", (chunk) => (data += chunk));
    socket.on("end", () => resolve(data));
    socket.on("error", reject);
    const lines = Object.entries({ host: "127.0.0.1", authorization: `Bearer ${TOKEN}`, "content-length": "0", connection: "close", ...headers });
    socket.write(`${request.method} ${request.url} HTTP/1.1\r\n${lines.map(([k, v]) => `${k}: ${v}`).join("\r\n")}\r\n\r\n`);
  });
}

describe("faults on the success answer", () => {
  it("wrong-success-status: 200 → 201 (same body); 204 → 200", async () => {
    const faulted = await withFault("wrong-success-status", maps());
    expect(faulted.status).toBe(201);
    expect(Object.keys(faulted.json).sort()).toEqual(["primaryKey", "primaryKeyLastUpdated", "secondaryKey", "secondaryKeyLastUpdated"]);
    expect((await withFault("wrong-success-status", apim())).status).toBe(200);
  });

  it("missing-field drops the example's first field; wrong-type retypes it; extra-field adds one", async () => {
    const first = Object.keys(maps().operation.examples[0].responses["200"].body as object)[0];
    const missing = (await withFault("missing-field", maps())).json;
    expect(missing).not.toHaveProperty(first);
    expect(Object.keys(missing)).toHaveLength(3);
    const retyped = (await withFault("wrong-type", maps())).json;
    expect(retyped[first]).toBe(12345);
    expect(Object.keys(retyped)).toHaveLength(4);
    const extra = await withFault("extra-field", maps());
    expect(extra.status).toBe(200);
    expect(extra.json.rekeyUndocumentedField).toBe(true);
    expect(Object.keys(extra.json)).toHaveLength(5);
  });

  it("wrong-content-type and missing-content-type change only the header", async () => {
    const wrong = await withFault("wrong-content-type", maps());
    expect(wrong.headers.get("content-type")).toBe("text/plain; charset=utf-8");
    expect(wrong.status).toBe(200);
    expect(wrong.json.primaryKey).toMatch(/^[\w-]{43}$/);
    const missing = await withFault("missing-content-type", maps());
    expect(missing.headers.get("content-type")).toBeNull();
    expect(missing.json.primaryKey).toMatch(/^[\w-]{43}$/);
  });

  it("missing-request-id removes x-ms-request-id and keeps the other ARM headers", async () => {
    const answer = await withFault("missing-request-id", maps());
    expect(answer.headers.get("x-ms-request-id")).toBeNull();
    expect(answer.headers.get("x-ms-correlation-request-id")).toBeTruthy();
    expect(answer.status).toBe(200);
  });

  it("body-on-204 puts a JSON body and Content-Type on the 204", async () => {
    const raw = await rawExchange(apim(), { "x-rekey-fault": "body-on-204" });
    expect(raw).toMatch(/^HTTP\/1\.1 204 No Content\r\n/);
    expect(raw).toMatch(/\r\ncontent-type: application\/json; charset=utf-8\r\n/);
    expect(raw.endsWith("\r\n\r\n{}")).toBe(true);
    const clean = await rawExchange(apim(), {});
    expect(clean).not.toMatch(/\r\ncontent-type:/i);
    expect(clean.endsWith("\r\n\r\n")).toBe(true);
  });

  it("malformed-json truncates the body and keeps the JSON Content-Type", async () => {
    const answer = await withFault("malformed-json", maps());
    expect(answer.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(() => JSON.parse(answer.text)).toThrow();
    expect(answer.text.startsWith('{"primaryKey":')).toBe(true);
  });
});

describe("faults on errors, status and transport", () => {
  it("error-schema answers refusals outside the service's error envelope", async () => {
    const answer = await withFault("error-schema", maps(), { headers: { authorization: undefined } });
    expect(answer.status).toBe(401);
    expect(answer.json).not.toHaveProperty("error");
    expect(answer.json.detail).toContain("Authorization");
    expect((await withFault("error-schema", maps())).status).toBe(200); // successes untouched
  });

  it("server-error and throttle answer before any state change", async () => {
    const before = await mapsState();
    const failed = await withFault("server-error", maps());
    expect(failed.status).toBe(500);
    expect(failed.json.error.code).toBe("InternalServerError");
    const throttled = await withFault("throttle", maps());
    expect(throttled.status).toBe(429);
    expect(throttled.headers.get("retry-after")).toBe("1");
    expect(throttled.json.error.code).toBe("SubscriptionRequestsThrottled");
    expect(await mapsState()).toEqual(before);
  });

  it("delay:MS holds the answer; connection-reset closes the connection unanswered", async () => {
    const started = performance.now();
    expect((await withFault("delay:300", maps())).status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(290);
    await expect(withFault("connection-reset", maps())).rejects.toThrow(/fetch failed/);
  });

  it("no-rotation changes no key; rotate-both changes both; rotate-other changes the one not selected", async () => {
    const before = await mapsState();
    const unchanged = (await withFault("no-rotation", maps())).json;
    expect(unchanged.primaryKey).toBe(before.primary.value);
    expect(await mapsState()).toEqual(before);
    const both = (await withFault("rotate-both", maps())).json;
    expect(both.primaryKey).not.toBe(before.primary.value);
    expect(both.secondaryKey).not.toBe(before.secondary.value);
    const selected = String((maps().values as { keySpecification?: { keyType?: string } }).keySpecification?.keyType ?? "").toLowerCase();
    expect(["primary", "secondary"]).toContain(selected);
    const other = (await withFault("rotate-other", maps())).json;
    const [kept, changed] = selected === "primary" ? ["primaryKey", "secondaryKey"] : ["secondaryKey", "primaryKey"];
    expect(other[kept]).toBe(both[kept]);
    expect(other[changed]).not.toBe(both[changed]);
  });
});

describe("choosing faults", () => {
  it("every listed fault is exercised above, and the run catches it as a failure or (drift) a warning", () => {
    const caughtAs = {
      "body-on-204": "failure", "connection-reset": "failure", delay: "failure", "error-schema": "failure",
      "extra-field": "warning", "malformed-json": "failure", "missing-content-type": "failure", "missing-field": "warning",
      "missing-request-id": "failure", "no-rotation": "failure", "rotate-both": "failure", "rotate-other": "failure",
      "server-error": "failure",
      throttle: "failure", "wrong-content-type": "failure", "wrong-success-status": "failure", "wrong-type": "failure",
    };
    // The lro-* faults act on long-running operations only: test/mock/long-running.test.ts exercises each.
    const synchronous = listFaults().map((f) => f.name).filter((name) => !name.startsWith("lro-"));
    expect(synchronous.sort()).toEqual(Object.keys(caughtAs).sort());
    // test/conformance/faults.test.ts proves each one caught so (a warning fails only with --strict).
    expect(FAULT_CAUGHT_AS).toEqual(caughtAs);
  });

  it("--fault applies to every request; an unknown fault is a UserError; an unknown header fault is a 400", async () => {
    const faulty = await startProductMock({ fault: "missing-request-id", latencyMs: 100 });
    try {
      const started = performance.now();
      const answer = await send(faulty, maps().operation, maps().values);
      expect(answer.headers.get("x-ms-request-id")).toBeNull();
      expect(performance.now() - started).toBeGreaterThanOrEqual(95); // --latency
    } finally {
      await faulty.close();
    }
    await expect(startProductMock({ fault: "nonsense" })).rejects.toThrow(UserError);
    const unknown = await withFault("nonsense", maps());
    expect(unknown.status).toBe(400);
    expect(unknown.json.error.message).toContain("wrong-success-status");
  });

  it.each([
    ["delay:99999999999", 'Invalid x-rekey-fault: "delay:99999999999" is beyond the longest delay, 2147483647 ms (about 24.8 days); give delay:MS with MS a whole number of milliseconds from 0 to 2147483647.'],
    ["delay:soon", 'Invalid x-rekey-fault: "delay:soon" is not a delay in milliseconds; give delay:MS with MS a whole number of milliseconds from 0 to 2147483647.'],
    ["delay:-5", 'Invalid x-rekey-fault: "delay:-5" is not a delay in milliseconds; give delay:MS with MS a whole number of milliseconds from 0 to 2147483647.'],
  ])("an impossible delay in the header, %s, is a 400 naming the limit (not an answer at once)", async (fault, message) => {
    const before = await mapsState();
    const answer = await withFault(fault, maps());
    expect(answer.status).toBe(400);
    expect(answer.json.error).toMatchObject({ code: "BadRequest", message });
    expect(await mapsState()).toEqual(before);
  });
});
