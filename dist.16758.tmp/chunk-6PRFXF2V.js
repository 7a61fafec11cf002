import {
  resolveSpecsDir
} from "./chunk-ZOVCPWKV.js";

// generator/options.ts
import { resolve } from "node:path";
function resolveOptions(partial = {}) {
  return {
    specsDir: resolveSpecsDir(partial.specsDir),
    outDir: resolve(partial.outDir ?? "generated")
  };
}

export {
  resolveOptions
};
