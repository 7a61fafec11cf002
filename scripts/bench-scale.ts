/**
 * npm run bench:scale — how cost grows with the number of documents: synthetic specs trees of 6, 24 and 96 documents
 * (copies of the real folders under made-up api-versions, scripts/synthetic-specs.ts) and, per size, the whole-process
 * wall time and peak RSS of `rekey lint`, a full `rekey generate` into an empty folder, `rekey mock` cold start
 * (spawn → first answer) and a full `rekey conform` run against the embedded mock.
 * Goal (issue #16): linear or better; a 96-document conformance run ≤ 5 s.
 *
 * Flags: --sizes 6,24,96   --runs 3 (median)
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { discoverSpecs, REPO_ROOT } from "../kernel/index.ts";
import { syntheticSpecs } from "./synthetic-specs.ts";

const flag = (name: string, fallback: string) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1]! : fallback);
const sizes = flag("--sizes", "6,24,96").split(",").map(Number);
const runs = Number(flag("--runs", "3"));
const rekey = join(REPO_ROOT, "cli/rekey.js");
const work = mkdtempSync(join(tmpdir(), "rekey-scale-"));
const TIME = "/usr/bin/time"; // GNU time: the child's peak RSS (%M, KiB)
const folders = discoverSpecs(join(REPO_ROOT, "specs")).map((e) => ({ service: e.service, apiVersion: e.apiVersion, dir: join(e.absoluteFile, "..") }));

interface Sample { ms: number; rssMb: number }

/** Runs `node <args>` to completion: wall time and peak RSS. */
function run(args: string[], expectCode = 0): Sample & { stdout: string } {
  const measured = existsSync(TIME);
  const command = measured ? TIME : process.execPath;
  const argv = measured ? ["-f", "peak-rss-kib %M", process.execPath, ...args] : args;
  const start = performance.now();
  const result = spawnSync(command, argv, { cwd: REPO_ROOT, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  const ms = performance.now() - start;
  if (result.status !== expectCode) throw new Error(`${args.join(" ")} exited ${result.status}: ${result.stderr.slice(-2000)}`);
  const kib = Number(/peak-rss-kib (\d+)/.exec(result.stderr)?.[1] ?? NaN);
  return { ms, rssMb: kib / 1024, stdout: result.stdout };
}

/** Spawn → the mock prints its URL → a first answer to a request. */
async function mockColdStart(specs: string): Promise<Sample> {
  const start = performance.now();
  const child = spawn(process.execPath, [rekey, "mock", "--specs", specs, "--port", "0", "--quiet"], { cwd: REPO_ROOT, stdio: ["ignore", "pipe", "inherit"] });
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let text = "";
      child.stdout!.on("data", (chunk) => {
        text += chunk;
        const found = /https?:\/\/\S+/.exec(text);
        if (found) resolve(found[0]);
      });
      child.once("exit", (code) => reject(new Error(`rekey mock exited ${code}`)));
    });
    await (await fetch(`${url}/subscriptions`)).arrayBuffer();
    const ms = performance.now() - start;
    const kb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, "utf8"))?.[1] ?? NaN);
    return { ms, rssMb: kb / 1024 };
  } finally {
    child.kill("SIGTERM");
  }
}

const median = (xs: Sample[]): Sample => {
  const sorted = [...xs].sort((a, b) => a.ms - b.ms);
  return sorted[Math.floor(sorted.length / 2)]!;
};

const rows: Array<{ n: number; exchanges: number; lint: Sample; generate: Sample; mock: Sample; conform: Sample }> = [];
run([rekey, "--help"]); // builds the CLI bundle once, outside the figures
for (const n of sizes) {
  const specs = syntheticSpecs(folders, n, join(work, `specs-${n}`));
  const lint: Sample[] = [], generate: Sample[] = [], mock: Sample[] = [], conform: Sample[] = [];
  let exchanges = 0;
  for (let i = 0; i < runs; i++) {
    lint.push(run([rekey, "lint", "--specs", specs]));
    const out = join(work, `out-${n}-${i}`);
    generate.push(run([rekey, "generate", "--specs", specs, "--out", out]));
    rmSync(out, { recursive: true, force: true });
    mock.push(await mockColdStart(specs));
    const report = join(work, `report-${n}.json`);
    conform.push(run([rekey, "conform", "--specs", specs, "--quiet", "--report", `json:${report}`]));
    exchanges = (JSON.parse(readFileSync(report, "utf8")) as { summary: { exchanges: number } }).summary.exchanges;
  }
  rows.push({ n, exchanges, lint: median(lint), generate: median(generate), mock: median(mock), conform: median(conform) });
}
rmSync(work, { recursive: true, force: true });

const cell = (s: Sample) => `${s.ms.toFixed(0).padStart(6)} ms ${s.rssMb.toFixed(0).padStart(4)} MB`;
console.log(`${folders.length} real spec folders copied to N documents; median of ${runs} runs, whole process, peak RSS\n`);
console.log(`${"N".padStart(4)} ${"exchanges".padStart(9)}   ${"lint".padEnd(16)}   ${"generate".padEnd(16)}   ${"mock cold start".padEnd(16)}   conform (mock)`);
for (const r of rows) {
  console.log(`${String(r.n).padStart(4)} ${String(r.exchanges).padStart(9)}   ${cell(r.lint)}   ${cell(r.generate)}   ${cell(r.mock)}   ${cell(r.conform)}`);
}
const [first, last] = [rows[0]!, rows.at(-1)!];
if (rows.length > 1) {
  const growth = last.n / first.n;
  console.log(`\ngrowth ${first.n} → ${last.n} documents (${growth}×): ` + (["lint", "generate", "mock", "conform"] as const)
    .map((k) => `${k} ${(last[k].ms / first[k].ms).toFixed(1)}×`).join(", ") + " (linear or better: ≤ " + growth + "×)");
}
const big = rows.find((r) => r.n === 96);
if (big) console.log(`${big.conform.ms <= 5000 ? "met " : "MISSED"} 96-document conformance run: ${(big.conform.ms / 1000).toFixed(1)} s (target ≤ 5 s)`);
