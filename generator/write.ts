/**
 * Stage 5 — write: all or nothing. Every file is first written beside its target under a temporary name; only
 * when all of them are on disk are they renamed into place. Files the previous generation wrote that the new
 * plan lacks are removed; files the generator never wrote are left alone. No path leaves --out (output-paths.ts).
 */
import { existsSync, lstatSync, mkdirSync, readdirSync, renameSync, rmdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import type { GeneratedFile } from "./emit/generated-file.ts";
import { displayPath, join as joinPointer, printable, type Problem, problem, readInputFile, UserError } from "../kernel/index.ts";
import { listCommittedFiles, MANIFEST_PATH, readManifest } from "./manifest.ts";
import { outsideReason } from "./output-paths.ts";

export interface Difference {
  path: string;
  kind: "changed" | "missing" | "unexpected";
  /** For a changed text file: the first differing line, old and new. */
  line?: { number: number; actual: string; expected: string };
}

export interface WriteSummary {
  written: string[];
  removed: string[];
  /** A damaged manifest: nothing was removed on its word. */
  warnings: Problem[];
}

/** A file system refusal (permissions, a file where a folder should be, a full disk) is the user's to fix. */
function cannotWrite(error: unknown): never {
  const e = error as NodeJS.ErrnoException;
  if (!e?.code || !e.path) throw error;
  throw new UserError(problem("write", { file: displayPath(e.path) }, `cannot write (${e.code}): nothing was changed`,
    "pass --out a folder you can write to"));
}

/** Is the file at target exactly `content`? Only a regular file of the right size is read. */
function holds(target: string, content: string): boolean {
  const expected = Buffer.byteLength(content);
  const read = readInputFile(target, expected);
  return read.ok && read.text === content;
}

/**
 * Every path the plan writes and every path the previous manifest lists must stay inside outDir; one that does
 * not stops generation (or --check) before anything is written or read, one located line per path.
 */
export function refuseOutsidePaths(outDir: string, files: GeneratedFile[], previous: string[]): void {
  const problems: Problem[] = [];
  for (const f of files) {
    const reason = outsideReason(outDir, f.path);
    if (reason) problems.push(problem("write", { file: displayPath(join(outDir, f.path)) }, `cannot write "${f.path}": it ${reason}`, "replace the symlink with a real folder"));
  }
  const manifestFile = displayPath(join(outDir, MANIFEST_PATH));
  const planned = new Set(files.map((f) => f.path));
  for (const path of previous.filter((p) => !planned.has(p))) {
    const reason = outsideReason(outDir, path);
    if (reason) {
      problems.push(problem("write/manifest", { file: manifestFile, pointer: joinPointer("", "files", path) },
        `the previous manifest lists "${path}", which ${reason}: nothing was changed`,
        "rekey only removes files it wrote inside --out: restore the manifest from version control or delete it, then generate again"));
    }
  }
  if (problems.length > 0) throw new UserError(problems);
}

export function writePlan(outDir: string, files: GeneratedFile[]): WriteSummary {
  const { manifest, damaged } = readManifest(outDir);
  const previous = Object.keys(manifest?.files ?? {});
  refuseOutsidePaths(outDir, files, previous);
  const staged: Array<{ temp: string; target: string; path: string }> = [];
  const createdDirs: string[] = [];
  try {
    for (const f of files) {
      const target = join(outDir, f.path);
      if (holds(target, f.content)) continue;
      // A folder where a file goes would fail the rename below, after other files were already replaced.
      if (lstatSync(target, { throwIfNoEntry: false })?.isDirectory()) {
        throw Object.assign(new Error(`${target} is a folder`), { code: "EISDIR", path: target });
      }
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
  return { written: staged.map((s) => s.path), removed, warnings: damaged ? [damaged] : [] };
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
  refuseOutsidePaths(outDir, files, []);
  const differences: Difference[] = [];
  const planned = new Set(files.map((f) => f.path));
  for (const f of files) {
    const read = readInputFile(join(outDir, f.path));
    if (!read.ok && read.notFound) differences.push({ path: f.path, kind: "missing" });
    else if (!read.ok) differences.push({ path: f.path, kind: "changed" });
    else if (read.text !== f.content) differences.push({ path: f.path, kind: "changed", line: firstDifferentLine(read.text, f.content) });
  }
  for (const p of listCommittedFiles(outDir)) if (!planned.has(p)) differences.push({ path: p, kind: "unexpected" });
  return differences;
}

/** A difference as lines to print; paths and file lines are foreign text (a file name may hold a line break). */
export function formatDifference(d: Difference): string {
  const head = `${d.kind === "changed" ? "M" : d.kind === "missing" ? "A" : "?"} ${printable(d.path)}`;
  if (d.kind === "missing") return `${head} (would be created)`;
  if (d.kind === "unexpected") return `${head} (not written by rekey: remove it)`;
  if (!d.line) return head;
  const clip = (s: string) => printable(s.length > 100 ? s.slice(0, 97) + "..." : s);
  return `${head}:${d.line.number}\n    - ${clip(d.line.actual)}\n    + ${clip(d.line.expected)}`;
}
