/** Generator options, resolved once; the CLI and the tests resolve them the same way. */
import { resolve } from "node:path";

export interface GeneratorOptions {
  specsDir: string;
  outDir: string;
}

export function resolveOptions(partial: Partial<GeneratorOptions> = {}): GeneratorOptions {
  return {
    specsDir: resolve(partial.specsDir ?? "specs"),
    outDir: resolve(partial.outDir ?? "generated"),
  };
}
