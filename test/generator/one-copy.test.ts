/**
 * The committed form of the package holds each piece of code once: no built copy (dist/ is built from src/), the
 * runtime once, and each helper module the validators bundle from node_modules (ajv's) in one file, which every
 * api-version that needs it imports.
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { planPackage } from "../../generator/emit/plan.ts";
import { loadSpecs } from "../../kernel/load-specs.ts";
import { REPO_ROOT } from "../helpers/cli.ts";

const { docs } = await loadSpecs(join(REPO_ROOT, "specs"));
const files = await planPackage(docs);

describe("the committed form holds one copy of each piece of code", () => {
  it("plans no built output", () => {
    expect(files.filter((f) => f.path.startsWith("dist/"))).toEqual([]);
    expect(files.filter((f) => f.path.endsWith("/index.js") || f.path.endsWith(".d.ts") && !f.path.endsWith("/validators.d.ts"))).toEqual([]);
  });

  it("copies the runtime once, under src/runtime/", () => {
    const runtime = files.filter((f) => f.path.startsWith("src/runtime/"));
    expect(runtime.length).toBeGreaterThan(0);
    const bodies = new Set(runtime.map((f) => f.content.slice(f.content.indexOf("\n") + 1)));
    for (const f of files.filter((f) => !f.path.startsWith("src/runtime/"))) expect(bodies.has(f.content.slice(f.content.indexOf("\n") + 1)), f.path).toBe(false);
  });

  it("bundles each helper module of node_modules into one file, imported by every validators.js that uses it", () => {
    const validators = files.filter((f) => f.path.endsWith("/validators.js"));
    expect(validators).toHaveLength(docs.length);
    const holders = new Map<string, string[]>();
    for (const f of files.filter((f) => f.path.endsWith(".js"))) {
      for (const [, module] of f.content.matchAll(/^\/\/ (node_modules\/\S+)$/gm)) holders.set(module, [...holders.get(module) ?? [], f.path]);
    }
    expect(holders.size).toBeGreaterThan(0); // the specs constrain string lengths: ajv's ucs2length is needed
    for (const [module, paths] of holders) expect(paths, module).toHaveLength(1);

    const [shared] = holders.get("node_modules/ajv/dist/runtime/ucs2length.js")!;
    expect(shared).toMatch(/^src\/validator-helpers-\w+\.js$/);
    const importers = validators.filter((f) => f.content.includes(`from "../../${shared.slice("src/".length)}"`));
    expect(importers.length).toBeGreaterThan(1);
  });
});
