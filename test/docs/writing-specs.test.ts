/**
 * docs/writing-specs.md's minimal spec is a folder a team can start from: written out as the page shows it, `rekey
 * lint` passes it, `rekey conform` runs green against the embedded mock, and `rekey generate` makes a package with
 * the factory the page names.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runRekey } from "../helpers/cli.ts";
import { removeTempDirs, tempDir } from "../helpers/files.ts";
import { fenceAfterHeading, parse } from "../helpers/markdown.ts";

const dir = tempDir("rekey-writing-specs-");
const specs = join(dir, "specs");

beforeAll(() => {
  const page = parse("docs/writing-specs.md");
  const folder = join(specs, "widgets/2025-01-01");
  mkdirSync(join(folder, "examples"), { recursive: true });
  writeFileSync(join(folder, "openapi.yaml"), fenceAfterHeading(page, "A minimal spec", "yaml")!);
  writeFileSync(join(folder, "examples/RegenerateKey.json"), fenceAfterHeading(page, "A minimal spec", "json")!);
});
afterAll(removeTempDirs);

describe("the minimal spec of docs/writing-specs.md", () => {
  it("lints clean", async () => {
    const result = await runRekey(["lint", "--specs", specs]);
    expect(result.stderr).toBe("");
    expect([result.code, result.stdout]).toEqual([0, "1 document(s), 1 operation(s): no problems\n"]);
  });

  it("passes the conformance suite against the embedded mock, rotation scenarios included", async () => {
    const report = join(dir, "report.json");
    const result = await runRekey(["conform", "--quiet", "--specs", specs, "--report", `json:${report}`]);
    expect(result.code, result.stderr).toBe(0);
    const { summary, results } = JSON.parse(readFileSync(report, "utf8"));
    expect(summary).toMatchObject({ failed: 0, warnings: 0, heldBack: 0, skipped: 0 });
    expect(new Set(results.map((r: { exchange: { kind: string } }) => r.exchange.kind))).toEqual(new Set(["example", "negative", "scenario"]));
  });

  it("generates a package whose widgets entry point has createWidgetsClient", async () => {
    const out = join(dir, "clients");
    const result = await runRekey(["generate", "--specs", specs, "--out", out]);
    expect(result.code, result.stderr).toBe(0);
    expect(readFileSync(join(out, "dist/widgets/index.d.ts"), "utf8")).toMatch(/export \* from "\.\/2025-01-01\/index\.js"/);
    expect(readFileSync(join(out, "dist/widgets/2025-01-01/client.d.ts"), "utf8")).toMatch(/export declare function createWidgetsClient\(/);
  }, 120_000);
});
