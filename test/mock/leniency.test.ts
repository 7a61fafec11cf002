/**
 * What the mock accepts, as ARM does (docs/arm-behaviour.md, "What ARM accepts"). ARM's resource providers read enum values in
 * any case (Azure PowerShell sends keyType "Primary" to Maps, whose spec says "primary"), and the spec-spelled value
 * drives what happens. Over real HTTP, for every operation the specs hold: enum values in the path and the body's
 * key selector are accepted in another case, and the key rotated is the one the canonical value names; a value that
 * is no member in any case is still refused. JSON Content-Type spellings and undeclared body properties pass.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deref, get, join, keyName, keyValue, tokens } from "../../kernel/index.ts";
import type { RunningMock } from "../../conformance/mock/start-mock.ts";
import { firstAnswer, operationsUnderTest, send, settled, startProductMock, type OperationUnderTest } from "../helpers/mock.ts";

let mock: RunningMock;
let operations: OperationUnderTest[];
beforeAll(async () => {
  mock = await startProductMock();
  operations = await operationsUnderTest();
});
afterAll(() => mock.close());

/** "primary" → "Primary" (as Azure PowerShell spells it), "Primary" → "PRIMARY", "gitAccess" → "GITACCESS". */
function otherCase(value: string): string {
  const variant = value === value.toLowerCase() ? value.charAt(0).toUpperCase() + value.slice(1) : value.toUpperCase();
  return variant === value ? value.toLowerCase() : variant;
}

function bodySelector(op: OperationUnderTest): { bodyName: string; path: string[] } | undefined {
  const rotation = op.operation.rotation;
  const body = op.operation.requestBody;
  if (!rotation || !body || !("in" in rotation.selector) || rotation.selector.in !== "body") return undefined;
  return { bodyName: body.name, path: tokens(rotation.selector.pointer) };
}

function withBodyValue(op: OperationUnderTest, value: string): Record<string, unknown> {
  const selector = bodySelector(op)!;
  const values = structuredClone(op.values);
  let node = values[selector.bodyName] as Record<string, unknown>;
  for (const token of selector.path.slice(0, -1)) node = node[token] as Record<string, unknown>;
  node[selector.path[selector.path.length - 1]] = value;
  return values;
}

describe("enum values in another case", () => {
  it("path enums: every operation answers its documented success", async () => {
    let sent = 0;
    for (const op of operations) {
      for (const parameter of op.operation.parameters.filter((p) => p.in === "path" && Array.isArray(p.schema.enum))) {
        const values = { ...op.values, [parameter.name]: otherCase(String(op.values[parameter.name])) };
        const answer = await send(mock, op.operation, values);
        expect(answer.status, `${op.operation.operationId} ${parameter.name}=${String(values[parameter.name])}`).toBe(Number(firstAnswer(op.operation).status));
        sent++;
      }
    }
    expect(sent).toBeGreaterThan(0);
  });

  it("body key selectors: the key the canonical value names is rotated, and only it", async () => {
    let checked = 0;
    for (const op of operations) {
      const rotation = op.operation.rotation;
      if (!bodySelector(op) || !rotation) continue;
      const shown = Object.entries(rotation.keys).filter(([, where]) => where.value);
      if (shown.length < 2) continue;
      for (const [name] of shown) {
        const baseline = await send(mock, op.operation, op.values); // rotates the example's key: a fresh baseline
        await settled(baseline);
        const before = baseline.json;
        const answer = await send(mock, op.operation, withBodyValue(op, otherCase(name)));
        expect(answer.status, `${op.operation.operationId} ${otherCase(name)}`).toBe(Number(firstAnswer(op.operation).status));
        await settled(answer);
        for (const [other, where] of shown) {
          const changed = keyValue(where, "value", answer.json) !== keyValue(where, "value", before);
          expect(changed, `${op.doc.service}/${op.doc.apiVersion} sent ${otherCase(name)}: key ${other}`).toBe(keyName(rotation, other) === keyName(rotation, name));
        }
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(0);
  });

  it("a value that is no member in any case is still refused, naming the field", async () => {
    let refused = 0;
    for (const op of operations) {
      const selector = bodySelector(op);
      if (!selector) continue;
      const answer = await send(mock, op.operation, withBodyValue(op, `${otherCase(String(get(op.values[selector.bodyName], join("", ...selector.path))))}-`));
      expect(answer.status).toBe(400);
      expect(answer.json.error.code).toBe("InvalidParameter");
      refused++;
    }
    expect(refused).toBeGreaterThan(0);
  });

  it("answers the request Azure PowerShell recorded (its Maps session record TestNewAccountKey.json) as Azure did", async () => {
    const op = operations.find((o) => o.doc.service === "maps" && o.operation.operationId === "Accounts_RegenerateKeys")!;
    const before = (await send(mock, op.operation, op.values)).json;
    const headers = { "content-type": "application/json; charset=utf-8", "accept-language": "en-US" };
    const primary = await send(mock, op.operation, op.values, { headers, body: '{\r\n  "keyType": "Primary"\r\n}' });
    expect(primary.status).toBe(200);
    expect(primary.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(primary.json.primaryKey).not.toBe(before.primaryKey);
    expect(primary.json.secondaryKey).toBe(before.secondaryKey);
    const secondary = await send(mock, op.operation, op.values, { headers, body: '{\r\n  "keyType": "Secondary"\r\n}' });
    expect(secondary.json.primaryKey).toBe(primary.json.primaryKey);
    expect(secondary.json.secondaryKey).not.toBe(primary.json.secondaryKey);
  });
});

describe("bodies as clients send them", () => {
  it("any spelling of the JSON media type, with parameters", async () => {
    let sent = 0;
    for (const op of operations.filter((o) => o.operation.requestBody)) {
      for (const type of ["Application/JSON", "application/json; charset=UTF-8", "application/json;odata=minimalmetadata"]) {
        const answer = await send(mock, op.operation, op.values, { headers: { "content-type": type } });
        expect(answer.status, `${op.operation.operationId} ${type}`).toBe(Number(firstAnswer(op.operation).status));
        sent++;
      }
    }
    expect(sent).toBeGreaterThan(0);
  });

  it("a property the schema does not declare, unless it forbids them", async () => {
    let sent = 0;
    for (const op of operations.filter((o) => o.operation.requestBody)) {
      const body = op.operation.requestBody!;
      const schema = deref(op.doc.raw, body.schema, body.schemaPointer).node as { additionalProperties?: unknown };
      if (schema.additionalProperties === false) continue;
      const values = { ...op.values, [body.name]: { ...(op.values[body.name] as object), rekeyUndeclared: true } };
      expect((await send(mock, op.operation, values)).status, op.operation.operationId).toBe(Number(firstAnswer(op.operation).status));
      sent++;
    }
    expect(sent).toBeGreaterThan(0);
  });

  it("any client request id, echoed when asked; a correlation id that is no GUID is replaced", async () => {
    const op = operations[0];
    const answer = await send(mock, op.operation, op.values, {
      headers: { "x-ms-client-request-id": "my script #7", "x-ms-return-client-request-id": "true", "x-ms-correlation-request-id": "not-a-guid" },
    });
    expect(answer.headers.get("x-ms-client-request-id")).toBe("my script #7");
    expect(answer.headers.get("x-ms-correlation-request-id")).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  });
});
