import type { BuildOptions } from "esbuild";

/** esbuild options for a bundle of the CLI into `outdir`; `entryPoints` adds entries (name → source file). */
export function cliBundleOptions(root: string, outdir: string, entryPoints?: Record<string, string>): BuildOptions;
