/** Which enums a generated client matches in any case: open ones (modelAsString: true), never a closed one. */
import { describe, expect, test } from "vitest";
import { openEnumValueLists } from "../../generator/emit/open-enums.ts";
import type { DocumentModel } from "../../kernel/index.ts";

const doc = (raw: unknown) => ({ raw }) as DocumentModel;

describe("open enums", () => {
  test("x-ms-enum modelAsString: true, wherever it is; each list once", () => {
    const raw = {
      components: {
        parameters: { P: { schema: { type: "string", enum: ["access", "gitAccess"], "x-ms-enum": { name: "A", modelAsString: true } } } },
        schemas: {
          K: { type: "string", enum: ["primary", "secondary"], "x-ms-enum": { name: "K", modelAsString: true } },
          Copy: { properties: { k: { enum: ["primary", "secondary"], "x-ms-enum": { name: "K", modelAsString: true } } } },
        },
      },
    };
    expect(openEnumValueLists(doc(raw))).toEqual([["access", "gitAccess"], ["primary", "secondary"]]);
  });

  test("closed, unmarked, and open lists a closed enum shares are left out", () => {
    const raw = {
      a: { enum: ["Primary", "Secondary"], "x-ms-enum": { name: "A", modelAsString: false } },
      b: { enum: ["on", "off"] },
      c: { enum: ["x", "y"], "x-ms-enum": { name: "C", modelAsString: "true" } },
      d: { enum: ["Primary", "Secondary"], "x-ms-enum": { name: "D", modelAsString: true } },
    };
    expect(openEnumValueLists(doc(raw))).toEqual([]);
  });
});
