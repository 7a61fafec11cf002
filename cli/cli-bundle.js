/**
 * How the CLI is compiled, in both of its shapes: the repository's dev bundle (cli/rekey.js, in build/cli-<hash>/)
 * and the installed tool (scripts/build-tool.ts, in dist/). Both start at cli/main.ts, so there is one CLI.
 * Splitting keeps each command's heavy imports lazy; the TypeScript worker must sit beside the chunk that starts it.
 */
import { join } from "node:path";

/** esbuild options for a bundle of the CLI into `outdir`; `entryPoints` adds entries (name → source file). */
export function cliBundleOptions(root, outdir, entryPoints = {}) {
  return {
    entryPoints: {
      main: join(root, "cli/main.ts"),
      "typescript-worker": join(root, "generator/emit/typescript-worker.ts"),
      ...entryPoints,
    },
    outdir,
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    target: "node20",
    packages: "external",
    logLevel: "error",
  };
}
