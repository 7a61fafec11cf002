/**
 * npm run bench:generate — whole-process wall time of `rekey generate` and `rekey generate --check` (unchanged
 * specs), side by side with the openapi-typescript CLI alone on the same documents, measured in the same run.
 *
 * Peers: openapi-typescript once per document (its CLI takes one input), and once for all documents through a
 * redocly.yaml (its multi-API mode, the fastest way to run it). Ratios are against the faster peer.
 * Targets (issue #2): generate ≤ 1.0×, --check ≤ 0.25×.
 */
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { discoverSpecs, REPO_ROOT } from "../kernel/index.ts";

const runs = Number(process.argv[process.argv.indexOf("--runs") + 1]) || 9;
const work = mkdtempSync(join(tmpdir(), "rekey-bench-"));
const rekey = join(REPO_ROOT, "cli/rekey.js");
const openapiTs = join(REPO_ROOT, "node_modules/openapi-typescript/bin/cli.js");
const specs = discoverSpecs(join(REPO_ROOT, "specs"));
const out = join(work, "generated");
cpSync(join(REPO_ROOT, "generated"), out, { recursive: true, filter: (p) => !p.includes("node_modules") });

const redocly = join(work, "redocly.yaml");
writeFileSync(redocly, "apis:\n" + specs.map((s, i) =>
  `  api${i}:\n    root: ${s.absoluteFile}\n    x-openapi-ts:\n      output: ${join(work, `multi-${i}.ts`)}\n`).join(""));

function time(args: string[]): number {
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, args, { cwd: REPO_ROOT, encoding: "utf8" });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status !== 0) throw new Error(`${args.join(" ")} exited ${result.status}: ${result.stderr}`);
  return ms;
}

const cases: Record<string, () => number> = {
  "rekey generate": () => time([rekey, "generate", "--out", out]),
  "rekey generate --check": () => time([rekey, "generate", "--check"]),
  "openapi-typescript, one process per document": () =>
    specs.reduce((sum, s, i) => sum + time([openapiTs, s.absoluteFile, "-o", join(work, `single-${i}.ts`)]), 0),
  "openapi-typescript, all documents in one process": () => time([openapiTs, "--redocly", redocly]),
};

// Warm-up: builds the CLI bundle and fills the OS file cache for everyone alike.
for (const run of Object.values(cases)) run();
const samples: Record<string, number[]> = Object.fromEntries(Object.keys(cases).map((k) => [k, []]));
for (let i = 0; i < runs; i++) for (const [name, run] of Object.entries(cases)) samples[name].push(run());
rmSync(work, { recursive: true, force: true });

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const medians = Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, median(v)]));
const peer = Math.min(medians["openapi-typescript, one process per document"], medians["openapi-typescript, all documents in one process"]);

console.log(`${specs.length} documents, ${runs} runs each, median wall time of the whole process\n`);
for (const [name, ms] of Object.entries(medians)) {
  console.log(`${name.padEnd(50)} ${ms.toFixed(0).padStart(6)} ms   ${(ms / peer).toFixed(2)}× fastest peer`);
}
const targets = [
  ["rekey generate", 1.0],
  ["rekey generate --check", 0.25],
] as const;
console.log("");
for (const [name, limit] of targets) {
  const ratio = medians[name] / peer;
  console.log(`${ratio <= limit ? "met " : "MISSED"} ${name}: ${ratio.toFixed(2)}× (target ≤ ${limit}×)`);
}
