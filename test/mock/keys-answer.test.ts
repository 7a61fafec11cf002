/** The answer that shows keys: the documented example with state written at (element-relative) pointers. */
import { describe, expect, it } from "vitest";
import { keysAnswer } from "../../conformance/mock/behaviours/keys-answer.ts";
import type { MockOperation } from "../../conformance/mock/mock-model.ts";
import type { MockResource } from "../../conformance/mock/state.ts";
import type { KeyLocation } from "../../kernel/index.ts";

const operation = (body: unknown) => ({ operation: { examples: [{ responses: { "200": { body } } }] } }) as unknown as MockOperation;
const resource = { keys: { key1: { value: "v1", lastUpdated: "t1" }, KEY2: { value: "v2", lastUpdated: "t2" } } } as unknown as MockResource;
const inArray = (name: string): KeyLocation => ({ element: { array: "/keys", where: { keyName: name } }, value: "/value", lastUpdated: "/creationTime" });

describe("keysAnswer", () => {
  it("writes each key into its element, keeping the example's other fields, entries and order", () => {
    const example = { keys: [{ keyName: "kerb1", value: "k", permissions: "READ" }, { keyName: "key2", value: "x", permissions: "FULL" }, { keyName: "key1", value: "y", permissions: "FULL" }] };
    const body = keysAnswer(operation(example), "200", { key1: inArray("key1"), key2: inArray("key2") }, resource);
    expect(body).toEqual({ keys: [
      { keyName: "kerb1", value: "k", permissions: "READ" },
      { keyName: "key2", value: "v2", permissions: "FULL", creationTime: "t2" },
      { keyName: "key1", value: "v1", permissions: "FULL", creationTime: "t1" },
    ] });
    expect(example.keys[2].value).toBe("y");
  });

  it("adds an element (with its constant fields) the example lacks, and the array itself when it is absent", () => {
    expect(keysAnswer(operation({ keys: [{ keyName: "key1", value: "y" }] }), "200", { key1: inArray("key1"), key2: inArray("key2") }, resource))
      .toEqual({ keys: [{ keyName: "key1", value: "v1", creationTime: "t1" }, { keyName: "key2", value: "v2", creationTime: "t2" }] });
    expect(keysAnswer(operation({ other: true }), "200", { key1: inArray("key1") }, resource))
      .toEqual({ other: true, keys: [{ keyName: "key1", value: "v1", creationTime: "t1" }] });
  });

  it("fixed pointers, and no example at all: an object with just the keys", () => {
    const locations = { key1: { value: "/primaryKey" }, key2: { value: "/secondaryKey", lastUpdated: "/secondaryKeyLastUpdated" } };
    expect(keysAnswer(operation(undefined), "200", locations, resource)).toEqual({ primaryKey: "v1", secondaryKey: "v2", secondaryKeyLastUpdated: "t2" });
  });

  it("a where-field named __proto__ stays data", () => {
    const location: KeyLocation = { element: { array: "/keys", where: JSON.parse('{"__proto__": "key1"}') }, value: "/value" };
    const body = keysAnswer(operation({ keys: [] }), "200", { key1: location }, resource) as { keys: object[] };
    expect(Object.getPrototypeOf(body.keys[0])).toBe(Object.prototype);
    expect(JSON.parse(JSON.stringify(body))).toEqual(JSON.parse('{"keys":[{"__proto__":"key1","value":"v1"}]}'));
  });
});
