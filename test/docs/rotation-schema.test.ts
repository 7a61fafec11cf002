/**
 * docs/rotation-extension.md carries the JSON Schema of x-rekey-rotation; it must be the very text
 * `rekey lint --print-rotation-schema` prints, so the document cannot drift from what lint enforces.
 */
import { describe, expect, it } from "vitest";
import { runRekey } from "../helpers/cli.ts";
import { fenceAfterHeading, parse } from "../helpers/markdown.ts";

describe("docs/rotation-extension.md", () => {
  it("shows the schema `rekey lint --print-rotation-schema` prints, byte for byte", async () => {
    const printed = await runRekey(["lint", "--print-rotation-schema"]);
    expect(printed.code).toBe(0);
    const documented = fenceAfterHeading(parse("docs/rotation-extension.md"), "JSON Schema", "json");
    expect(documented, "a ```json block under the heading \"JSON Schema\"").toBeDefined();
    expect(documented).toBe(printed.stdout);
  });

  it("documents every field the schema has", async () => {
    const { ROTATION_SCHEMA } = await import("../../kernel/index.ts");
    const text = parse("docs/rotation-extension.md").filter((t) => t.type === "heading_open" || t.type === "inline");
    const headings = text.map((t) => t.content).join("\n");
    for (const field of Object.keys(ROTATION_SCHEMA.properties)) expect(headings, field).toContain(`\`${field}\``);
  });
});
