/**
 * npm run bench:tests — the wall time of `npm test` (type-check, then the whole vitest suite) in this checkout, with
 * the machine's load before and after: the suite's figure only means something on a quiet machine.
 * Target (issue #16): ≤ 60 s on 2 cores when the machine is quiet.
 */
import { spawnSync } from "node:child_process";
import { availableParallelism, loadavg } from "node:os";
import { REPO_ROOT } from "../kernel/index.ts";

const load = () => loadavg().map((l) => l.toFixed(2)).join(" ");
const before = load();
const npm = process.platform === "win32" ? "npm.cmd" : "npm";
const started = performance.now();
const result = spawnSync(npm, ["test", "--silent"], { cwd: REPO_ROOT, encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
const seconds = (performance.now() - started) / 1000;
const summary = /Test Files\s+(.*)\n\s+Tests\s+(.*)\n/.exec(result.stdout.replace(/\x1b\[[0-9;]*m/g, ""));

console.log(`npm run bench:tests — \`npm test\` on ${availableParallelism()} cores; load average ${before} before, ${load()} after\n`);
console.log(`files ${summary?.[1]?.trim() ?? "?"}; tests ${summary?.[2]?.trim() ?? "?"}; exit ${result.status}`);
if (result.status !== 0) {
  console.log(result.stdout.slice(-4000));
  process.exitCode = 1;
}
console.log(`\n${seconds <= 60 ? "met   " : "MISSED"} npm test: ${seconds.toFixed(1)} s (target ≤ 60 s)`);
