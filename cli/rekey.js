#!/usr/bin/env node
// The `rekey` command. Node 20 cannot run TypeScript, and a loader such as tsx costs over a second per run on
// this code base, so the CLI runs from an esbuild bundle of its sources in build/, keyed by a hash of those
// sources: an edit rebuilds it (in ~0.1 s) on the next run; nothing is ever stale.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { setFlagsFromString } from "node:v8";
import { cliBundleOptions } from "./cli-bundle.js";

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const SOURCE_DIRS = ["cli", "kernel", "client-runtime", "generator", "conformance"];

function sources(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).sort().flatMap((name) => {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) return sources(full);
    return name.endsWith(".ts") ? [full] : [];
  });
}

async function bundle() {
  const hash = createHash("sha256");
  for (const file of SOURCE_DIRS.flatMap((d) => sources(join(root, d)))) hash.update(file).update(readFileSync(file));
  hash.update(readFileSync(join(root, "cli/cli-bundle.js"))).update(readFileSync(join(root, "node_modules/esbuild/package.json")));
  const outdir = join(root, "build", `cli-${hash.digest("hex").slice(0, 16)}`);
  const entry = join(outdir, "main.js");
  if (existsSync(entry)) return entry;
  const { build } = await import("esbuild");
  const staging = `${outdir}.${process.pid}.tmp`;
  await build(cliBundleOptions(root, staging));
  mkdirSync(dirname(outdir), { recursive: true });
  try {
    renameSync(staging, outdir);
  } catch {
    rmSync(staging, { recursive: true, force: true }); // another process built the same bundle first
  }
  // Bundles of earlier sources go once they are an hour old: a process started just before an edit may still be
  // importing its lazily loaded chunks.
  const stale = Date.now() - 60 * 60 * 1000;
  for (const old of readdirSync(join(root, "build"))) {
    const path = join(root, "build", old);
    if (old.startsWith("cli-") && path !== outdir && !old.endsWith(".tmp") && (statSync(path, { throwIfNoEntry: false })?.mtimeMs ?? Infinity) < stale) {
      rmSync(path, { recursive: true, force: true });
    }
  }
  return entry;
}

// A generation is short: V8's optimizing compiler (TurboFan), compiling the hot code of TypeScript and ajv on
// helper threads, costs more CPU than the optimized code saves before the process ends (paired runs, load ~4: 11
// documents 2.1–2.5 → 1.5–1.9 s of CPU, 2.6–3.0 → 1.5–2.6 s of wall; 96 documents 5.6–5.9 → 4.5–4.7 s of CPU).
// Process-wide, so the TypeScript worker thread inherits it; only for generate: the mock and conform keep TurboFan.
if (process.argv[2] === "generate") setFlagsFromString("--no-opt");

const { main } = await import(pathToFileURL(await bundle()).href);
process.exitCode = await main(process.argv.slice(2));
