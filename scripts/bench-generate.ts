/**
 * npm run bench:generate — whole-process wall time of `rekey generate` on unchanged inputs, a full regeneration
 * (inputs changed: every file planned, dist/ rebuilt) and `rekey generate --check`, side by side with the
 * openapi-typescript CLI generating types only for the same documents, measured in the same run; and a second
 * `npm start` on a fresh clone.
 *
 * Peer: openapi-typescript for all documents in one process (its multi-API mode through a redocly.yaml), the
 * fastest way to run it; once per document is printed for reference.
 * Targets (issue #16): unchanged ≤ 0.25×, full ≤ 1.0×, --check ≤ 0.25×, second npm start ≤ 2 s.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { discoverSpecs, REPO_ROOT } from "../kernel/index.ts";

const runs = Number(process.argv[process.argv.indexOf("--runs") + 1]) || 9;
const work = mkdtempSync(join(tmpdir(), "rekey-bench-"));
const rekey = join(REPO_ROOT, "cli/rekey.js");
const openapiTs = join(REPO_ROOT, "node_modules/openapi-typescript/bin/cli.js");
const specs = discoverSpecs(join(REPO_ROOT, "specs"));
const copyGenerated = (to: string) => cpSync(join(REPO_ROOT, "generated"), to, { recursive: true, filter: (p) => !p.includes("node_modules") });
const unchanged = join(work, "unchanged");
copyGenerated(unchanged);
const full = join(work, "full");
copyGenerated(full);

const redocly = join(work, "redocly.yaml");
writeFileSync(redocly, "apis:\n" + specs.map((s, i) =>
  `  api${i}:\n    root: ${s.absoluteFile}\n    x-openapi-ts:\n      output: ${join(work, `multi-${i}.ts`)}\n`).join(""));

function time(args: string[], cwd = REPO_ROOT, command = process.execPath): number {
  const start = process.hrtime.bigint();
  const result = spawnSync(command, args, { cwd, encoding: "utf8" });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status !== 0) throw new Error(`${args.join(" ")} exited ${result.status}: ${result.stderr}`);
  return ms;
}

/** As after a spec or generator edit: the manifest's inputs and dist/'s stamp no longer match. */
function inputsChanged(out: string): void {
  const manifest = JSON.parse(readFileSync(join(out, "rekey-manifest.json"), "utf8")) as { inputsHash: string };
  manifest.inputsHash = "0".repeat(64);
  writeFileSync(join(out, "rekey-manifest.json"), JSON.stringify(manifest, null, 2) + "\n");
  writeFileSync(join(out, "dist/.source-hash"), "0".repeat(64) + "\n");
}

const cases: Record<string, () => number> = {
  "rekey generate, unchanged inputs": () => time([rekey, "generate", "--out", unchanged]),
  "rekey generate, full (inputs changed)": () => {
    inputsChanged(full);
    return time([rekey, "generate", "--out", full]);
  },
  "rekey generate --check": () => time([rekey, "generate", "--check"]),
  "openapi-typescript, one process per document": () =>
    specs.reduce((sum, s, i) => sum + time([openapiTs, s.absoluteFile, "-o", join(work, `single-${i}.ts`)]), 0),
  "openapi-typescript, all documents in one process": () => time([openapiTs, "--redocly", redocly]),
};

// Warm-up: builds the CLI bundle and dist/, and fills the OS file cache for everyone alike.
for (const run of Object.values(cases)) run();
const samples: Record<string, number[]> = Object.fromEntries(Object.keys(cases).map((k) => [k, []]));
for (let i = 0; i < runs; i++) for (const [name, run] of Object.entries(cases)) samples[name]!.push(run());

// A second `npm start` on a fresh clone (the first builds the CLI bundle and dist/).
const clone = join(work, "clone");
execFileSync("git", ["clone", "--quiet", "--local", REPO_ROOT, clone]);
symlinkSync(join(REPO_ROOT, "node_modules"), join(clone, "node_modules"));
const npm = process.platform === "win32" ? "npm.cmd" : "npm";
time(["start", "--silent"], clone, npm);
const secondStart = [0, 1, 2].map(() => time(["start", "--silent"], clone, npm));
rmSync(work, { recursive: true, force: true });

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const medians = Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, median(v)]));
const peer = medians["openapi-typescript, all documents in one process"]!;

console.log(`${specs.length} documents, ${runs} runs each, median wall time of the whole process\n`);
for (const [name, ms] of Object.entries(medians)) {
  console.log(`${name.padEnd(50)} ${ms.toFixed(0).padStart(6)} ms   ${(ms / peer).toFixed(2)}× openapi-typescript (one process)`);
}
const startMs = median(secondStart);
console.log(`${"second npm start on a fresh clone".padEnd(50)} ${startMs.toFixed(0).padStart(6)} ms`);
const targets = [
  ["rekey generate, unchanged inputs", 0.25],
  ["rekey generate, full (inputs changed)", 1.0],
  ["rekey generate --check", 0.25],
] as const;
console.log("");
for (const [name, limit] of targets) {
  const ratio = medians[name]! / peer;
  console.log(`${ratio <= limit ? "met " : "MISSED"} ${name}: ${ratio.toFixed(2)}× (target ≤ ${limit}×)`);
}
console.log(`${startMs <= 2000 ? "met " : "MISSED"} second npm start: ${(startMs / 1000).toFixed(2)} s (target ≤ 2 s)`);
