/**
 * npm run bench — every benchmark in one run, one after another (they would distort each other in parallel), each
 * printing its own tables; then every target line they printed (met / MISSED), gathered under one heading.
 * Options: --skip <name,…> leaves benchmarks out (e.g. --skip tests).
 */
import { spawn } from "node:child_process";
import { loadavg } from "node:os";
import { join } from "node:path";
import { REPO_ROOT } from "../kernel/index.ts";

const BENCHES = ["generate", "client", "mock", "conformance", "scale", "tests"] as const;
const skipped = new Set(process.argv.includes("--skip") ? process.argv[process.argv.indexOf("--skip") + 1]!.split(",") : []);
const TARGET_LINE = /^\s*(met|MISSED|NOT met)\b/;

function runBench(name: string): Promise<{ code: number; targets: string[] }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", join(REPO_ROOT, `scripts/bench-${name}.ts`)], { cwd: REPO_ROOT, stdio: ["ignore", "pipe", "inherit"] });
    let output = "";
    child.stdout.setEncoding("utf8");
    child.stdout.on("data", (chunk: string) => {
      output += chunk;
      process.stdout.write(chunk);
    });
    child.on("close", (code) => resolve({ code: code ?? 1, targets: output.split("\n").filter((l) => TARGET_LINE.test(l)).map((l) => l.trim()) }));
  });
}

const gathered: Array<{ name: string; code: number; targets: string[] }> = [];
for (const name of BENCHES.filter((b) => !skipped.has(b))) {
  console.log(`\n=== bench:${name} (load average ${loadavg()[0]!.toFixed(2)}) ===\n`);
  gathered.push({ name, ...(await runBench(name)) });
}
console.log("\n=== targets ===");
for (const { name, code, targets } of gathered) {
  console.log(`bench:${name}${code === 0 ? "" : ` (exited ${code})`}`);
  for (const line of targets) console.log(`  ${line}`);
}
if (gathered.some((g) => g.code !== 0)) process.exitCode = 1;
