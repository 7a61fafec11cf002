/**
 * Stage 5 — write: all or nothing. Every file is first written beside its target under a temporary name; only
 * when all of them are on disk are they renamed into place. Files the previous generation wrote that the new
 * plan lacks are removed; files the generator never wrote are left alone.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import type { GeneratedFile } from "./emit/generated-file.ts";
import { listFiles, readManifest } from "./manifest.ts";
import { displayPath } from "./spec-files.ts";
import { problem, UserError } from "./user-error.ts";

export interface Difference {
  path: string;
  kind: "changed" | "missing" | "unexpected";
  /** For a changed text file: the first differing line, old and new. */
  line?: { number: number; actual: string; expected: string };
}

export interface WriteSummary {
  written: string[];
  removed: string[];
}

/** A file system refusal (permissions, a file where a folder should be, a full disk) is the user's to fix. */
function cannotWrite(error: unknown): never {
  const e = error as NodeJS.ErrnoException;
  if (!e?.code || !e.path) throw error;
  throw new UserError(problem("write", { file: displayPath(e.path) }, `cannot write (${e.code}): nothing was changed`,
    "pass --out a folder you can write to"));
}

export function writePlan(outDir: string, files: GeneratedFile[]): WriteSummary {
  const previous = Object.keys(readManifest(outDir)?.files ?? {});
  const staged: Array<{ temp: string; target: string; path: string }> = [];
  const createdDirs: string[] = [];
  try {
    for (const f of files) {
      const target = join(outDir, f.path);
      if (existsSync(target) && readFileSync(target, "utf8") === f.content) continue;
      const temp = `${target}.rekey-${process.pid}.tmp`;
      const created = mkdirSync(dirname(target), { recursive: true });
      if (created) createdDirs.push(created);
      writeFileSync(temp, f.content);
      staged.push({ temp, target, path: f.path });
    }
  } catch (error) {
    for (const { temp } of staged) rmSync(temp, { force: true });
    for (const dir of createdDirs.reverse()) rmSync(dir, { recursive: true, force: true });
    cannotWrite(error);
  }
  for (const { temp, target } of staged) renameSync(temp, target);
  const planned = new Set(files.map((f) => f.path));
  const removed = previous.filter((p) => !planned.has(p) && existsSync(join(outDir, p)));
  for (const p of removed) {
    rmSync(join(outDir, p));
    removeEmptyParents(outDir, dirname(join(outDir, p)));
  }
  return { written: staged.map((s) => s.path), removed };
}

function removeEmptyParents(outDir: string, dir: string): void {
  for (let at = dir; at.startsWith(outDir) && at !== outDir && readdirSync(at).length === 0; at = dirname(at)) rmdirSync(at);
}

function firstDifferentLine(actual: string, expected: string): Difference["line"] {
  const a = actual.split("\n");
  const e = expected.split("\n");
  for (let i = 0; i < Math.max(a.length, e.length); i++) {
    if (a[i] !== e[i]) return { number: i + 1, actual: a[i] ?? "<end of file>", expected: e[i] ?? "<end of file>" };
  }
  return undefined;
}

/** Compares a plan with what is on disk under outDir. */
export function comparePlan(outDir: string, files: GeneratedFile[]): Difference[] {
  const differences: Difference[] = [];
  const planned = new Set(files.map((f) => f.path));
  for (const f of files) {
    const target = join(outDir, f.path);
    if (!existsSync(target)) {
      differences.push({ path: f.path, kind: "missing" });
      continue;
    }
    const actual = readFileSync(target, "utf8");
    if (actual !== f.content) differences.push({ path: f.path, kind: "changed", line: firstDifferentLine(actual, f.content) });
  }
  for (const p of listFiles(outDir)) if (!planned.has(p)) differences.push({ path: p, kind: "unexpected" });
  return differences;
}

export function formatDifference(d: Difference): string {
  const head = `${d.kind === "changed" ? "M" : d.kind === "missing" ? "A" : "?"} ${d.path}`;
  if (d.kind === "missing") return `${head} (would be created)`;
  if (d.kind === "unexpected") return `${head} (not written by rekey: remove it)`;
  if (!d.line) return head;
  const clip = (s: string) => (s.length > 100 ? s.slice(0, 97) + "..." : s);
  return `${head}:${d.line.number}\n    - ${clip(d.line.actual)}\n    + ${clip(d.line.expected)}`;
}
