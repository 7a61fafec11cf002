/** What a response schema says about an object: declared names (allOf and $ref followed), required ones, open or not. */
import { describe, expect, it } from "vitest";
import { isRequired, objectSchema } from "../../conformance/checks/object-schema.ts";

const raw = {
  components: {
    schemas: {
      Base: { type: "object", required: ["id"], properties: { id: { type: "string" } } },
      Keys: {
        allOf: [{ $ref: "#/components/schemas/Base" }],
        type: "object",
        required: ["primary"],
        properties: { primary: { type: "string" }, secondary: { type: "string" }, list: { type: "array", items: { $ref: "#/components/schemas/Base" } } },
      },
      Open: { type: "object", additionalProperties: { type: "string" }, properties: { a: { type: "string" } } },
    },
  },
};
const keys = { $ref: "#/components/schemas/Keys" };

describe("objectSchema", () => {
  it("collects own and allOf properties and required names, through $ref", () => {
    const found = objectSchema(raw, keys, "#/paths/x/responses/200/schema");
    expect([...found.properties.keys()].sort()).toEqual(["id", "list", "primary", "secondary"]);
    expect([...found.required].sort()).toEqual(["id", "primary"]);
    expect(found.open).toBe(false);
    expect(found.properties.get("primary")![1]).toBe("/components/schemas/Keys/properties/primary");
  });

  it("is open when additionalProperties is said, or nothing is declared", () => {
    expect(objectSchema(raw, { $ref: "#/components/schemas/Open" }, "").open).toBe(true);
    expect(objectSchema(raw, { type: "object" }, "").open).toBe(true);
    expect(objectSchema(raw, { allOf: [{ $ref: "#/components/schemas/Open" }], properties: { b: {} } }, "").open).toBe(true);
  });
});

describe("isRequired", () => {
  it.each([
    ["/primary", true],
    ["/id", true], // required by an allOf part
    ["/secondary", false],
    ["/list/0/id", true], // through array items
    ["/list/0/other", false],
    ["/unknown/deeper", false],
  ])("%s → %s", (pointer, required) => {
    expect(isRequired(raw, keys, "", pointer)).toBe(required);
  });
});
