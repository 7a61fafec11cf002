/**
 * One tiny fixture pair per diff rule (test/diff/fixtures/<rule>/old.yaml → new.yaml): each pair must produce
 * exactly that one change, with the rule's side and severity, and a pointer that resolves in the document it names.
 * The quiet-* pairs must produce nothing: additive or cosmetic changes are not alarms.
 */
import { readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { get } from "../../kernel/json-pointer.ts";
import { DIFF_RULES, diffDocuments, loadForDiff, type RuleName } from "../../generator/diff/diff.ts";

const FIXTURES = fileURLToPath(new URL("./fixtures/", import.meta.url));
const pairs = readdirSync(FIXTURES).sort();

async function diffFixture(name: string) {
  const [oldDoc, newDoc] = await Promise.all([loadForDiff(`${FIXTURES}${name}/old.yaml`), loadForDiff(`${FIXTURES}${name}/new.yaml`)]);
  return { oldDoc, newDoc, result: diffDocuments(oldDoc, newDoc) };
}

describe("diff rules, one fixture pair each", () => {
  it("every rule in the registry has a fixture pair, and every pair names a rule or is quiet", () => {
    expect(Object.keys(DIFF_RULES).filter((rule) => !pairs.includes(rule))).toEqual([]);
    expect(pairs.filter((p) => !(p in DIFF_RULES) && !p.startsWith("quiet-"))).toEqual([]);
  });

  it.each(Object.keys(DIFF_RULES) as RuleName[])("%s", async (rule) => {
    const { oldDoc, newDoc, result } = await diffFixture(rule);
    expect(result.changes.map((c) => c.rule)).toEqual([rule]);
    const [c] = result.changes;
    expect([c.side, c.severity]).toEqual([DIFF_RULES[rule].side, DIFF_RULES[rule].severity]);
    expect(c.operationId).toMatch(/^(Things|Others)_/);
    expect(c.message).not.toBe("");
    expect(c.message).not.toContain("\n");
    expect(get((c.in === "old" ? oldDoc : newDoc).raw, c.pointer), `${c.pointer} in ${c.in}`).toBeDefined();
  });

  it.each(pairs.filter((p) => p.startsWith("quiet-")))("%s reports nothing", async (name) => {
    expect((await diffFixture(name)).result.changes).toEqual([]);
  });

  it.each([
    ["request-pattern-added", "/paths/~1things~1{name}/post/parameters/0/schema/pattern", "path parameter name: pattern `^[a-z]+$` added"],
    ["request-min-raised", "/paths/~1things~1{name}/post/parameters/0/schema/minLength", "path parameter name: minLength 1 → 3"],
    ["request-format-removed", "/paths/~1things~1{name}/post/parameters/0/schema/format", 'path parameter name: format "uuid" removed'],
    ["request-property-added-required", "/paths/~1things~1{name}/post/requestBody/content/application~1json/schema/properties/b",
      "body: required property b added"],
    ["response-closed-enum-value-added", "/paths/~1things~1{name}/post/responses/200/content/application~1json/schema/properties/state/enum",
      'body.state: value "paused" added to a closed enum (modelAsString: false)'.replace(/^/, "200 ")],
    ["error-schema-changed", "/paths/~1things~1{name}/post/responses/default/content/application~1json/schema",
      "default error schema: error.message removed"],
    ["error-schema-extended", "/paths/~1things~1{name}/post/responses/default/content/application~1json/schema",
      "default error schema (fields added only): error.target added"],
    ["final-state-via-changed", "/paths/~1things~1{name}/post/x-ms-long-running-operation-options/final-state-via",
      "final-state-via azure-async-operation → location"],
    ["polling-header-removed", "/paths/~1things~1{name}/post/responses/202/headers/Azure-AsyncOperation", "202: header Azure-AsyncOperation removed"],
  ])("%s points at %s", async (rule, pointer, message) => {
    const [c] = (await diffFixture(rule)).result.changes;
    expect({ pointer: c.pointer, message: c.message }).toEqual({ pointer, message });
  });
});
