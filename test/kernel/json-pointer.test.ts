/** One get/set/remove for JSON values: arrays indexed, structure never contradicted, prototypes never reached. */
import { describe, expect, it } from "vitest";
import { get, JsonPointerError, remove, set } from "../../kernel/json-pointer.ts";

describe("get", () => {
  it("follows objects and array indices; escaped tokens; missing steps give undefined", () => {
    const root = { keys: [{ keyName: "key1", value: "a" }, { keyName: "key2" }], "a/b": { "m~n": 1 } };
    expect(get(root, "/keys/0/value")).toBe("a");
    expect(get(root, "/keys/1/value")).toBeUndefined();
    expect(get(root, "/a~1b/m~0n")).toBe(1);
    expect(get(root, "")).toBe(root);
    expect(get(root, "/keys/2")).toBeUndefined();
  });

  it("answers an array only by its indices, and an object only by its own properties", () => {
    expect(get({ keys: [1, 2] }, "/keys/length")).toBeUndefined();
    expect(get({ keys: [1, 2] }, "/keys/01")).toBeUndefined();
    expect(get({}, "/constructor")).toBeUndefined();
    expect(get({}, "/__proto__")).toBeUndefined();
    expect(get({}, "/toString")).toBeUndefined();
  });
});

describe("set", () => {
  it("writes into an array element and keeps arrays arrays (the {keys: {0: …}} bug)", () => {
    const root = { keys: [{ keyName: "key1", value: "old" }, { keyName: "key2", value: "other" }] };
    const edited = set(root, "/keys/0/value", "new") as typeof root;
    expect(Array.isArray(edited.keys)).toBe(true);
    expect(edited).toEqual({ keys: [{ keyName: "key1", value: "new" }, { keyName: "key2", value: "other" }] });
    expect(root.keys[0].value).toBe("old");
    expect(edited.keys[1]).toBe(root.keys[1]);
  });

  it("creates missing steps as objects, never arrays; appends with - or the length", () => {
    expect(set(undefined, "/a/0/b", 1)).toEqual({ a: { 0: { b: 1 } } });
    expect(set({ a: [1] }, "/a/-", 2)).toEqual({ a: [1, 2] });
    expect(set({ a: [1] }, "/a/1", 2)).toEqual({ a: [1, 2] });
    expect(set({ a: 1 }, "", 5)).toBe(5);
  });

  it("refuses a step that contradicts what is there", () => {
    expect(() => set({ a: [1] }, "/a/x", 2)).toThrow(JsonPointerError);
    expect(() => set({ a: [1] }, "/a/5", 2)).toThrow(/not an index of the 1-element array/);
    expect(() => set({ a: "text" }, "/a/b", 2)).toThrow(/cannot go below the string at \/a/);
    expect(() => set({ a: null }, "/a/b", 2)).toThrow(/null/);
    expect(() => set({}, "no-slash", 2)).toThrow(JsonPointerError);
  });

  it("never reaches a prototype: __proto__, constructor and prototype become own data", () => {
    const polluted = set({}, "/__proto__/polluted", true) as Record<string, unknown>;
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(polluted)).toBe(Object.prototype);
    expect(Object.prototype.hasOwnProperty.call(polluted, "__proto__")).toBe(true);
    expect(get(polluted, "/__proto__/polluted")).toBe(true);
    set({}, "/constructor/prototype/polluted", true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype.hasOwnProperty.call(Object.prototype, "polluted")).toBe(false);
    const fromJson = JSON.parse('{"__proto__": {"x": 1}}');
    const edited = set(fromJson, "/__proto__/y", 2) as Record<string, unknown>;
    expect(get(edited, "/__proto__")).toEqual({ x: 1, y: 2 });
    expect((edited as { y?: unknown }).y).toBeUndefined();
  });
});

describe("remove", () => {
  it("takes out a property or an array element, without changing its input", () => {
    const root = { a: { b: 1, c: 2 }, list: [1, 2, 3] };
    expect(remove(root, "/a/b")).toEqual({ a: { c: 2 }, list: [1, 2, 3] });
    expect(remove(root, "/list/1")).toEqual({ a: { b: 1, c: 2 }, list: [1, 3] });
    expect(root).toEqual({ a: { b: 1, c: 2 }, list: [1, 2, 3] });
    expect(remove(root, "/missing/x")).toBe(root);
    expect(remove(root, "/list/length")).toBe(root);
  });

  it("removes an own __proto__ without touching the prototype", () => {
    const edited = remove(JSON.parse('{"__proto__": 1, "k": 2}'), "/__proto__") as object;
    expect(edited).toEqual({ k: 2 });
    expect(Object.getPrototypeOf(edited)).toBe(Object.prototype);
  });
});
