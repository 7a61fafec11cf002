/**
 * The mock's admin routes live under /_rekey (state, reset, faults); a spec cannot put an operation there, so a
 * hostile or careless spec can never shadow them: the mock refuses it with one located line.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { buildMockModel } from "../../conformance/mock/mock-model.ts";
import { loadSpecs, UserError } from "../../kernel/index.ts";
import { copyTree, removeTempDirs, tempDir } from "../helpers/files.ts";

afterAll(removeTempDirs);

describe("a spec path under /_rekey", () => {
  it("is refused by the mock, naming the file and the operation", async () => {
    const specs = copyTree(new URL("../kernel/fixtures", import.meta.url).pathname, join(tempDir(), "specs"));
    const file = join(specs, "lockers/2025-01-01/openapi.yaml");
    const text = readFileSync(file, "utf8");
    writeFileSync(file, text.replace("\n  /subscriptions/", "\n  /_rekey/subscriptions/"));
    const { docs } = await loadSpecs(specs);
    let refusal: unknown;
    try {
      buildMockModel(docs);
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(UserError);
    expect((refusal as UserError).message).toMatch(/openapi\.yaml#\/paths\/~1_rekey~1subscriptions.*paths under \/_rekey are reserved/);
  });
});
