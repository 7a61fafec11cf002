/**
 * npm run bench:conformance — `rekey conform --target mock` side by side with Dredd replaying the same specs'
 * examples against the same mock, both measured in this run.
 *
 * Method:
 *   - rekey: the whole process `node cli/rekey.js conform --target mock --report json:<tmp>`, timed from spawn to
 *     exit, so its embedded mock's start is included. Exchanges, checks, passed/failed/held back come from the
 *     JSON report (RunSummary).
 *   - Dredd (14.1.0, the dev dependency): Dredd cannot read specs/ as written (OpenAPI 3.1, x-ms-examples, the
 *     "-" in api-version), so before any timing this script derives one Swagger 2.0 document per x-ms-examples
 *     entry into a temp dir (scripts/dredd-input.ts; what had to change is printed). Each Dredd run gets a fresh
 *     `rekey mock` (started before, stopped after, outside the timing) and is one process
 *     `node node_modules/dredd/bin/dredd <doc> <mock url> --path <doc>… --header "Authorization: Bearer …"
 *     --hookfiles <counter>`, timed from spawn to exit: Dredd's time is Dredd's process only. Transactions and
 *     passes come from Dredd's "complete:" line; checks are the Gavel fields it validated (statusCode, headers,
 *     body), counted by a small hook file; the mock's request log shows the requests really reached it.
 *   - Each side runs once as a discarded warm-up (build caches, file cache), then --runs N times (default 5),
 *     alternating rekey and Dredd; medians with min/max.
 * Targets (issue #5): rekey's full run ≤ 1.0× Dredd's time while running ≥ 10× as many exchanges as Dredd runs
 * transactions.   Options: --runs N (default 5), --keep (keep the temp dir with Dredd's input).
 *
 * Until `rekey conform` exists, the rekey side prints "rekey conform not available" and the Dredd side still runs.
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { REPO_ROOT } from "../kernel/index.ts";
import { writeDreddInput } from "./dredd-input.ts";

const argIndex = process.argv.indexOf("--runs");
const runs = Math.max(1, Number(argIndex > 0 ? process.argv[argIndex + 1] : 5) || 5);
const keep = process.argv.includes("--keep");
const REKEY = join(REPO_ROOT, "cli/rekey.js");
const DREDD = join(REPO_ROOT, "node_modules/dredd/bin/dredd");
const TOKEN = "Bearer bench-conformance";
const CHILD_TIMEOUT_MS = 300_000;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (n: number) => `${Math.round(n)} ms`;

interface Timed { wallMs: number; code: number | null; stdout: string; stderr: string }

/** Runs a process to its exit; wall time is spawn → exit. */
function timed(command: string[], env: NodeJS.ProcessEnv = process.env): Promise<Timed> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command[0], command.slice(1), { cwd: REPO_ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
    child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
    const timer = setTimeout(() => child.kill("SIGKILL"), CHILD_TIMEOUT_MS);
    child.on("error", reject);
    child.on("exit", (code) => {
      const wallMs = performance.now() - started;
      clearTimeout(timer);
      // stdio may still be draining; give it the close event before returning the output.
      child.on("close", () => resolve({ wallMs, code, stdout, stderr }));
    });
  });
}

// ---- Dredd's input, derived from specs/ at run time ----------------------------------------------------------------

const workDir = mkdtempSync(join(tmpdir(), "rekey-bench-conformance-"));
const input = writeDreddInput(join(REPO_ROOT, "specs"), workDir);
const countsFile = join(workDir, "dredd-counts.json");
const hookFile = join(workDir, "count-hooks.cjs");
writeFileSync(hookFile, `// Written by scripts/bench-conformance.ts: counts what Dredd validated.
const hooks = require("hooks");
const fs = require("fs");
const counts = { transactions: 0, checks: 0, passed: 0, fields: {} };
// Dredd skips non-2xx Swagger responses unless told otherwise; every response in these documents is one an
// example documents, so all are replayed.
hooks.beforeEach((transaction, done) => { transaction.skip = false; done(); });
hooks.afterEach((transaction, done) => {
  counts.transactions++;
  const fields = Object.keys((transaction.results && transaction.results.fields) || {});
  counts.checks += fields.length;
  for (const f of fields) counts.fields[f] = (counts.fields[f] || 0) + 1;
  if (transaction.test && transaction.test.status === "pass") counts.passed++;
  done();
});
hooks.afterAll((transactions, done) => { fs.writeFileSync(${JSON.stringify(countsFile)}, JSON.stringify(counts)); done(); });
`);

// ---- rekey ---------------------------------------------------------------------------------------------------------

interface RekeyRun { wallMs: number; code: number | null; exchanges: number; checks: number; passed: number; failed: number; heldBack: number; durationMs: number }

// `rekey conform --help` exits 0 even without the command (commander shows the top-level help), so look for its usage.
const rekeyProbe = spawnSync(process.execPath, [REKEY, "conform", "--help"], { cwd: REPO_ROOT, encoding: "utf8" });
const rekeyAvailable = rekeyProbe.status === 0 && /Usage: rekey conform\b/.test(rekeyProbe.stdout);
const rekeyReport = join(workDir, "rekey-report.json");

async function runRekey(): Promise<RekeyRun> {
  rmSync(rekeyReport, { force: true });
  const run = await timed([process.execPath, REKEY, "conform", "--target", "mock", "--report", `json:${rekeyReport}`]);
  if (!existsSync(rekeyReport)) {
    throw new Error(`rekey conform exited ${run.code} without writing its report:\n${(run.stderr || run.stdout).trim().slice(0, 2000)}`);
  }
  const { summary } = JSON.parse(readFileSync(rekeyReport, "utf8")) as {
    summary: { exchanges: number; checks: number; passed: number; failed: number; heldBack: number; durationMs: number };
  };
  return { wallMs: run.wallMs, code: run.code, ...summary };
}

// ---- Dredd ---------------------------------------------------------------------------------------------------------

interface DreddRun {
  wallMs: number; code: number | null;
  transactions: number; passing: number; failing: number; errors: number; skipped: number;
  checks: number; fields: Record<string, number>;
  /** Requests the mock logged while Dredd ran, by status. */
  mockRequests: number; mockStatuses: Record<string, number>;
}

/** Starts `rekey mock` (request log on), resolves with its URL and a way to stop it and collect its log. */
async function startMock(): Promise<{ url: string; stop: () => Promise<string[]> }> {
  const child = spawn(process.execPath, [REKEY, "mock", "--port", "0"], { cwd: REPO_ROOT, stdio: ["ignore", "pipe", "pipe"] });
  let stderr = "";
  child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
  const lines = createInterface({ input: child.stdout });
  const log: string[] = [];
  const url = await new Promise<string>((resolve, reject) => {
    child.on("exit", (code) => reject(new Error(`rekey mock exited ${code}: ${stderr.trim()}`)));
    lines.once("line", resolve);
  });
  lines.on("line", (line) => log.push(line));
  return {
    url: url.trim(),
    stop: async () => {
      child.removeAllListeners("exit");
      const exited = new Promise((r) => child.once("close", r));
      child.kill("SIGTERM");
      await exited;
      return log;
    },
  };
}

async function runDredd(): Promise<DreddRun> {
  const mock = await startMock();
  rmSync(countsFile, { force: true });
  const [first, ...rest] = input.documents.map((d) => d.file);
  let run: Timed;
  let log: string[];
  try {
    run = await timed([
      process.execPath, DREDD, first, mock.url, ...rest.flatMap((f) => ["--path", f]),
      "--header", `Authorization: ${TOKEN}`, "--hookfiles", hookFile, "--no-color", "--loglevel", "warning",
    ]);
  } finally {
    log = await mock.stop();
  }
  const complete = /complete: (\d+) passing, (\d+) failing, (\d+) errors, (\d+) skipped, (\d+) total/.exec(run.stdout);
  if (!complete) throw new Error(`Dredd exited ${run.code} without a result line:\n${(run.stdout + run.stderr).trim().slice(-3000)}`);
  const [passing, failing, errors, skipped, transactions] = complete.slice(1).map(Number);
  const counts = existsSync(countsFile)
    ? (JSON.parse(readFileSync(countsFile, "utf8")) as { checks: number; fields: Record<string, number> })
    : { checks: 0, fields: {} };
  const mockStatuses: Record<string, number> = {};
  for (const line of log) {
    const status = /^[A-Z]+ \/\S* (\d{3}) /.exec(line)?.[1];
    if (status) mockStatuses[status] = (mockStatuses[status] ?? 0) + 1;
  }
  const mockRequests = Object.values(mockStatuses).reduce((a, b) => a + b, 0);
  return { wallMs: run.wallMs, code: run.code, transactions, passing, failing, errors, skipped, checks: counts.checks, fields: counts.fields, mockRequests, mockStatuses };
}

// ---- the runs ------------------------------------------------------------------------------------------------------

const rekeyRuns: RekeyRun[] = [];
const dreddRuns: DreddRun[] = [];
let rekeyError: string | undefined = rekeyAvailable ? undefined : "rekey conform not available";
try {
  for (let i = 0; i <= runs; i++) {
    // i = 0 is the warm-up, discarded.
    if (!rekeyError) {
      try {
        const r = await runRekey();
        if (i > 0) rekeyRuns.push(r);
      } catch (error) {
        rekeyError = `rekey conform failed: ${(error as Error).message}`;
      }
    }
    const d = await runDredd();
    if (i > 0) dreddRuns.push(d);
  }
} finally {
  if (!keep) rmSync(workDir, { recursive: true, force: true });
}

// ---- the report ----------------------------------------------------------------------------------------------------

const stats = (xs: number[]) => `median ${ms(median(xs)).padStart(7)}  (min ${ms(Math.min(...xs))}, max ${ms(Math.max(...xs))})`;
const range = (xs: number[]) => (Math.min(...xs) === Math.max(...xs) ? String(xs[0]) : `${Math.min(...xs)}–${Math.max(...xs)}`);
const tally = (counts: Record<string, number>) => Object.entries(counts).map(([k, n]) => `${k}×${n}`).join(" ");
const dreddVersion = JSON.parse(readFileSync(join(REPO_ROOT, "node_modules/dredd/package.json"), "utf8")).version as string;
const examples = input.documents.length;
const specDocs = new Set(input.documents.map((d) => `${d.service}/${d.apiVersion}`)).size;

console.log(`npm run bench:conformance — ${runs} run${runs === 1 ? "" : "s"} per side after one discarded warm-up each, alternating; wall time spawn → exit\n`);
console.log(`Dredd's input: ${examples} Swagger 2.0 documents, one per x-ms-examples entry of ${specDocs} spec documents, derived from specs/ in this run${keep ? ` (kept in ${workDir})` : ""}.`);
console.log(`What Dredd ${dreddVersion} needed (it rejects the specs as written: OpenAPI 3.1 "not fully supported", no x-example values, "-" in {?api-version}):`);
for (const line of input.conversions) console.log(`  - ${line}`);
console.log(`  - Authorization from --header "Authorization: ${TOKEN}"; non-2xx example responses unskipped by a hook (none here)\n`);

console.log(`rekey conform --target mock   (whole process: embedded mock start included)`);
if (rekeyError || rekeyRuns.length === 0) {
  console.log(`  ${rekeyError ?? "rekey conform not available"}`);
} else {
  const last = rekeyRuns[rekeyRuns.length - 1];
  console.log(`  wall ${stats(rekeyRuns.map((r) => r.wallMs))}   runner's own durationMs median ${ms(median(rekeyRuns.map((r) => r.durationMs)))}`);
  console.log(`  exchanges ${range(rekeyRuns.map((r) => r.exchanges))}   checks ${range(rekeyRuns.map((r) => r.checks))}   passed ${last.passed}  failed ${last.failed}  held back ${last.heldBack}   exit codes ${[...new Set(rekeyRuns.map((r) => r.code))].join(",")}`);
}
console.log(`\nDredd ${dreddVersion}   (Dredd's process only: the mock it tests is started before and stopped after, outside the timing)`);
const lastDredd = dreddRuns[dreddRuns.length - 1];
console.log(`  wall ${stats(dreddRuns.map((r) => r.wallMs))}`);
console.log(`  transactions ${range(dreddRuns.map((r) => r.transactions))} (${lastDredd.passing} passing, ${lastDredd.failing} failing, ${lastDredd.errors} errors, ${lastDredd.skipped} skipped)   ` +
  `checks ${range(dreddRuns.map((r) => r.checks))} (Gavel fields: ${tally(lastDredd.fields)})   exit codes ${[...new Set(dreddRuns.map((r) => r.code))].join(",")}`);
console.log(`  the mock logged ${range(dreddRuns.map((r) => r.mockRequests))} requests per Dredd run (${tally(lastDredd.mockStatuses)})`);
const dreddSound = dreddRuns.every((r) => r.transactions > 0 && r.passing === r.transactions && r.mockRequests === r.transactions);
if (!dreddSound) console.log(`  WARNING: not every Dredd transaction passed against the mock, or the mock did not see one request per transaction`);

console.log("");
if (rekeyRuns.length > 0 && !rekeyError) {
  const timeRatio = median(rekeyRuns.map((r) => r.wallMs)) / median(dreddRuns.map((r) => r.wallMs));
  const exchangeRatio = median(rekeyRuns.map((r) => r.exchanges)) / median(dreddRuns.map((r) => r.transactions));
  const checkRatio = median(rekeyRuns.map((r) => r.checks)) / median(dreddRuns.map((r) => r.checks));
  const mark = (ok: boolean) => (ok ? "met   " : "MISSED");
  console.log(`checks ${checkRatio.toFixed(1)}× Dredd's`);
  console.log(`${mark(timeRatio <= 1)} conformance time: ${timeRatio.toFixed(2)}× Dredd (target ≤ 1.0×)`);
  console.log(`${mark(exchangeRatio >= 10)} conformance exchanges: ${exchangeRatio.toFixed(1)}× Dredd's transactions (target ≥ 10×)`);
} else {
  console.log(`rekey/Dredd ratios: n/a (rekey conform not available); Dredd median ${ms(median(dreddRuns.map((r) => r.wallMs)))} for ${lastDredd.transactions} transactions`);
}
