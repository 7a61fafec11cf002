#!/usr/bin/env node
// The `rekey` command. Node 20 cannot run TypeScript, and a loader such as tsx costs over a second per run on
// this code base, so the CLI runs from an esbuild bundle of its sources in build/, keyed by a hash of those
// sources: an edit rebuilds it (in ~0.1 s) on the next run; nothing is ever stale.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
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

const { main } = await import(pathToFileURL(await bundle()).href);
process.exitCode = await main(process.argv.slice(2));
