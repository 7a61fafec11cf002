/** Generator options, resolved once; the CLI and the tests resolve them the same way. */
import { resolve } from "node:path";
import { resolveSpecsDir } from "../kernel/index.ts";

export interface GeneratorOptions {
  specsDir: string;
  outDir: string;
}

export function resolveOptions(partial: Partial<GeneratorOptions> = {}): GeneratorOptions {
  return {
    specsDir: resolveSpecsDir(partial.specsDir),
    outDir: resolve(partial.outDir ?? "generated"),
  };
}
