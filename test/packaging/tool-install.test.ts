/**
 * The tool as a user gets it: `npm run pack:tool` packs it (once per change of its sources, shared by runs and
 * workers: helpers/packed-tarballs.ts), the tarball is installed into an empty project
 * outside the repository (offline, from the npm cache: scripts/release/install-offline.ts), one service's specs are copied
 * there, and every command and the programmatic API run from that installed copy only. A file the tarball lacks, a
 * dependency it does not declare, or a path that assumes the repository's layout fails here.
 */
import { execFile, spawn } from "node:child_process";
import { cpSync, existsSync, readdirSync, readFileSync, realpathSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { basename, join, relative } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isWithin, listFiles } from "../../kernel/index.ts";
import { REPO_ROOT, runRekey } from "../helpers/cli.ts";
import { removeTempDirs, tempDir } from "../helpers/files.ts";
import { toolTarball } from "../helpers/packed-tarballs.ts";
import { installOffline } from "../../scripts/release/install-offline.ts";
import { REPO_SPECS, services } from "../helpers/repo-specs.ts";

const exec = promisify(execFile);
const VERSION = (JSON.parse(readFileSync(join(REPO_ROOT, "package.json"), "utf8")) as { version: string }).version;
const SHARED_SPECS = "common-types";

let work: string;
let project: string;

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** A command in the project, as a user types it there (`npx rekey …` finds the installed bin). */
async function inProject(command: string, args: string[]): Promise<Run> {
  try {
    const { stdout, stderr } = await exec(command, args, { cwd: project, env: { ...process.env, NO_COLOR: "1" }, timeout: 120_000, maxBuffer: 64 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof e.code === "number" ? e.code : 1, stdout: e.stdout ?? "", stderr: e.stderr ?? "" };
  }
}

const rekey = (...args: string[]) => inProject("npx", ["--no-install", "rekey", ...args]);

beforeAll(async () => {
  work = tempDir("rekey-tool-");
  expect(isWithin(REPO_ROOT, work)).toBe(false); // nothing above the project can lend it the repository's files
  const packed = await toolTarball();
  expect(packed.printed).toMatch(/rekey-[^ ]+\.tgz: \d+ kB packed, \d+ kB unpacked, \d+ files/);
  expect(basename(packed.tarball)).toBe(`rekey-${VERSION}.tgz`);
  project = join(work, "project");
  cpSync(join(REPO_SPECS, services()[0]), join(project, "specs", services()[0]), { recursive: true });
  if (existsSync(join(REPO_SPECS, SHARED_SPECS))) cpSync(join(REPO_SPECS, SHARED_SPECS), join(project, "specs", SHARED_SPECS), { recursive: true });
  await installOffline(project, packed.tarball);
}, 600_000);

afterAll(() => removeTempDirs());

describe("the packed tool", () => {
  it("holds the compiled tool, its types, README and package.json, and no sources, specs or tests", () => {
    const installed = join(project, "node_modules", "rekey");
    const files = listFiles(installed);
    expect(files).toContain("dist/rekey.js");
    expect(files).toContain("dist/index.js");
    expect(files).toContain("dist/index.d.ts");
    expect(files).toContain("README.md");
    // build/ is the tool's start-up cache, written by the commands below when they ran first.
    const outside = files.filter((f) => !f.startsWith("dist/") && !f.startsWith("build/") && !["package.json", "README.md"].includes(f));
    expect(outside).toEqual([]);
    // .ts files ship only as what the generator copies into a generated package (its runtime and build script).
    expect(files.filter((f) => f.endsWith(".ts") && !f.endsWith(".d.ts") && !/^dist\/(client-runtime|generator\/package-build)\//.test(f))).toEqual([]);
  });

  it("is what the project resolves: the installed copy, inside the project", () => {
    const resolved = realpathSync(createRequire(join(project, "package.json")).resolve("rekey"));
    expect(isWithin(project, resolved)).toBe(true);
    expect(relative(project, resolved)).toBe(join("node_modules", "rekey", "dist", "index.js"));
  });
});

describe("rekey, installed", () => {
  it("--version and -V print the package version", async () => {
    for (const flag of ["--version", "-V"]) {
      const run = await rekey(flag);
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout.trim()).toBe(VERSION);
    }
  });

  it("lint --specs ./specs", async () => {
    const run = await rekey("lint", "--specs", "./specs");
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/document\(s\), \d+ operation\(s\): no problems/);
  });

  it("lint names a missing specs folder relative to the user's folder, exit 2", async () => {
    const run = await rekey("lint", "--specs", "./no-such-specs");
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("no-such-specs: specs folder not found");
  });

  it("mock --specs ./specs serves on a free port, answers over loopback, and stops on SIGTERM", async () => {
    const child = spawn(join(project, "node_modules", ".bin", "rekey"), ["mock", "--specs", "./specs", "--port", "0", "--quiet"], { cwd: project, stdio: ["ignore", "pipe", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk));
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    const url = await new Promise<string>((resolve, reject) => {
      let out = "";
      child.stdout.on("data", (chunk: Buffer) => {
        out += chunk;
        if (out.includes("\n")) resolve(out.split("\n")[0]);
      });
      void exited.then((code) => reject(new Error(`mock exited ${code}: ${stderr}`)));
    });
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const answer = await fetch(`${url}/_rekey/state`);
    expect(answer.status).toBe(200);
    expect(((await answer.json()) as { resources: unknown[] }).resources.length).toBeGreaterThan(0);
    child.kill("SIGTERM");
    expect(await exited).toBe(0);
  });

  it("conform --specs ./specs passes against the embedded mock", async () => {
    const run = await rekey("conform", "--specs", "./specs");
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toMatch(/\d+ exchanges, \d+ checks: \d+ passed, 0 failed/);
  });

  it("generate --specs ./specs --out ./clients writes what the repository's generator writes, and builds dist/", async () => {
    const run = await rekey("generate", "--specs", "./specs", "--out", "./clients");
    expect(run.code, run.stderr).toBe(0);
    expect(existsSync(join(project, "clients", "dist", "index.js"))).toBe(true);
    const reference = join(work, "reference");
    const fromRepo = await runRekey(["generate", "--specs", join(project, "specs"), "--out", reference]);
    expect(fromRepo.code, fromRepo.stderr).toBe(0);
    const files = listFiles(reference);
    expect(listFiles(join(project, "clients"))).toEqual(files);
    for (const file of files) {
      // The manifest's input hash covers the generator's code, which is sources in one and dist/ in the other.
      const text = (root: string) => readFileSync(join(root, file), "utf8").replace(/"inputsHash": "[0-9a-f]+"/, "");
      expect(text(join(project, "clients")), file).toBe(text(reference));
    }
  });
});

describe("the programmatic API, installed", () => {
  it("imports from ESM and runs lint, conform and startMock", async () => {
    writeFileSync(join(project, "api.mjs"), `
import { conform, lint, startMock, UserError } from "rekey";
const linted = await lint({ specsDir: "./specs" });
let refused;
try { await lint({ specsDir: "./no-such-specs" }); } catch (e) { refused = e instanceof UserError && e.problems[0].message; }
const mock = await startMock({ specsDir: "./specs" });
const state = await (await fetch(mock.url + "/_rekey/state")).json();
await mock.close();
const { summary } = await conform({ specsDir: "./specs" });
console.log(JSON.stringify({ operations: linted.operations, refused, resources: state.resources.length, failed: summary.failed, passed: summary.passed }));
`);
    const run = await inProject(process.execPath, ["api.mjs"]);
    expect(run.code, run.stderr).toBe(0);
    const result = JSON.parse(run.stdout) as Record<string, unknown>;
    expect(result).toMatchObject({ refused: "specs folder not found", failed: 0 });
    expect(result.operations).toBeGreaterThan(0);
    expect(result.resources).toBeGreaterThan(0);
    expect(result.passed).toBeGreaterThan(0);
  });

  it("requires from CommonJS (no top-level await in its graph) and runs lint", async () => {
    writeFileSync(join(project, "api.cjs"), `
const { lint, UserError } = require("rekey");
lint({ specsDir: "./specs" }).then((r) => console.log(JSON.stringify({ operations: r.operations, userError: typeof UserError })));
`);
    const run = await inProject(process.execPath, ["api.cjs"]);
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ userError: "function" });
    expect((JSON.parse(run.stdout) as { operations: number }).operations).toBeGreaterThan(0);
  });

  it("types a strict TypeScript consumer from dist/index.d.ts alone", async () => {
    writeFileSync(join(project, "consumer.mts"), `
import { conform, diff, lint, startMock, UserError, type ConformOptions, type LintResult, type RunOutcome } from "rekey";
const options: ConformOptions = { specsDir: "./specs", concurrency: 2 };
const outcome: RunOutcome = await conform(options);
const linted: LintResult = await lint();
const mock = await startMock({ port: 0, tls: true });
await mock.close();
const changes: number = (await diff("a", "b")).changes.length;
try { await lint({ specsDir: "x" }); } catch (e) { if (e instanceof UserError) e.problems.map((p) => p.hint); }
export const failed: number = outcome.summary.failed + linted.operations + changes;
// @ts-expect-error the specs folder is a string
await lint({ specsDir: 1 });
`);
    writeFileSync(join(project, "tsconfig.json"), JSON.stringify({
      compilerOptions: { target: "ES2022", module: "NodeNext", moduleResolution: "NodeNext", strict: true, noEmit: true, lib: ["ES2022", "DOM"], types: [], skipLibCheck: true },
      files: ["consumer.mts"],
    }));
    // typescript is one of the tool's own dependencies, so the project has it.
    const run = await inProject(process.execPath, [join(project, "node_modules", "typescript", "bin", "tsc"), "-p", "."]);
    expect(run.stdout + run.stderr).toBe("");
    expect(run.code).toBe(0);
  });
});

describe("the project", () => {
  it("has no file of the repository's: its node_modules came from the tarball and the npm cache", () => {
    for (const name of readdirSync(join(project, "node_modules"))) {
      expect(isWithin(REPO_ROOT, realpathSync(join(project, "node_modules", name)))).toBe(false);
    }
  });
});
