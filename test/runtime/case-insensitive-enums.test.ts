/** Enum values matched in any case: a real ajv validator, hostile keys, ambiguous spellings and untouched input. */
import { describe, expect, test } from "vitest";
import type Ajv2020Module from "ajv/dist/2020.js";
import { canonicalMember, validateCaseInsensitive } from "../../client-runtime/case-insensitive-enums.ts";
import { requireCjs } from "../../kernel/index.ts";

const Ajv2020 = (requireCjs("ajv/dist/2020.js") as { default: typeof Ajv2020Module.default }).default;
const ajv = new Ajv2020({ allErrors: true });
const validator = ajv.compile({
  type: "object",
  properties: {
    keyType: { enum: ["primary", "secondary"] },
    items: { type: "array", items: { $ref: "#/$defs/mode" } },
    closed: { enum: ["Fixed"] },
  },
  $defs: { mode: { enum: ["read", "write"] } },
});
const all = () => true;

describe("case-insensitive enums", () => {
  test("a case variant is replaced by its canonical spelling, in a copy, wherever the enum is", () => {
    const sent = { keyType: "Primary", items: ["READ", "write"] };
    expect(validateCaseInsensitive(validator, sent, all)).toEqual({ value: { keyType: "primary", items: ["read", "write"] } });
    expect(sent).toEqual({ keyType: "Primary", items: ["READ", "write"] });
  });

  test("a valid value comes back as it is", () => {
    const sent = { keyType: "secondary" };
    expect(validateCaseInsensitive(validator, sent, all)?.value).toBe(sent);
  });

  test("a non-member stays invalid, and the validator's errors say why", () => {
    expect(validateCaseInsensitive(validator, { keyType: "Primary", items: ["reads"] }, all)).toBeUndefined();
    expect(validator.errors?.map((e: { instancePath: string }) => e.instancePath)).toEqual(["/items/0"]);
  });

  test("only enums the caller calls lenient are matched in any case", () => {
    const lenient = (allowed: readonly unknown[]) => allowed.includes("primary");
    expect(validateCaseInsensitive(validator, { keyType: "PRIMARY" }, lenient)).toEqual({ value: { keyType: "primary" } });
    expect(validateCaseInsensitive(validator, { closed: "fixed" }, lenient)).toBeUndefined();
  });

  test("a __proto__ property is replaced as a property, never as the prototype", () => {
    // ajv does not look at "__proto__"; a validator that does must still not reach the prototype through it
    const strict = Object.assign((data: unknown) => {
      const ok = Object.getOwnPropertyDescriptor(data, "__proto__")?.value === "on";
      strict.errors = ok ? null : [{ instancePath: "/__proto__", keyword: "enum", params: { allowedValues: ["on", "off"] } }];
      return ok;
    }, { errors: null as null | Array<{ instancePath: string; keyword: string; params: Record<string, unknown> }> });
    const sent = JSON.parse('{"__proto__": "ON"}') as object;
    const result = validateCaseInsensitive(strict, sent, all)!.value as Record<string, unknown>;
    expect(Object.getOwnPropertyDescriptor(result, "__proto__")?.value).toBe("on");
    expect(Object.getPrototypeOf(result)).toBe(Object.prototype);
  });

  test("a spelling that matches two members, or a non-string, picks none", () => {
    expect(canonicalMember("ab", ["AB", "Ab"])).toBeUndefined();
    expect(canonicalMember("AB", ["AB", "ab"])).toBeUndefined();
    expect(canonicalMember(1, [1, 2])).toBeUndefined();
    expect(canonicalMember("KEY1", ["key1", "key2"])).toBe("key1");
  });

  test("a body of many case variants costs one copy, not one per value", () => {
    const values = Array.from({ length: 10_000 }, (_, i) => (i % 2 ? "READ" : "Write"));
    // Copying an array spreads it, which reads its iterator: counted rather than timed.
    let copies = 0;
    const many = new Proxy(values, {
      get: (target, key, receiver) => {
        if (key === Symbol.iterator) copies++;
        return Reflect.get(target, key, receiver);
      },
    });
    const result = validateCaseInsensitive(validator, { items: many }, all)!.value as { items: string[] };
    expect(copies).toBe(1);
    expect(result.items).toHaveLength(10_000);
    expect(result.items.slice(0, 2)).toEqual(["write", "read"]);
    expect(result.items.every((v) => v === "write" || v === "read")).toBe(true);
    expect(values[0]).toBe("Write");
  });
});
