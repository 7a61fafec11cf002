import {
  UserError,
  formatProblem,
  loadSpecs
} from "./chunk-ZOVCPWKV.js";

// api/index.ts
import { resolve } from "node:path";
async function lint(options = {}) {
  const { docs, warnings } = await loadSpecs(resolve(options.specsDir ?? "specs"));
  const documents = docs.map((d) => ({ service: d.service, apiVersion: d.apiVersion, file: d.file, operations: d.operations.length }));
  return { documents, operations: documents.reduce((n, d) => n + d.operations, 0), warnings };
}
async function generate(options = {}) {
  const { generate: run, resolveOptions } = await import("./pipeline-KB6JIMMF.js");
  return run(resolveOptions({ specsDir: options.specsDir, outDir: options.outDir }));
}
async function checkGenerated(options = {}) {
  const { check, resolveOptions } = await import("./pipeline-KB6JIMMF.js");
  return check(resolveOptions({ specsDir: options.specsDir, outDir: options.outDir }));
}
async function diff(oldPath, newPath) {
  const { diffPaths } = await import("./diff-NEJ7DXSZ.js");
  return diffPaths(oldPath, newPath);
}
async function startMock(options = {}) {
  const { startMock: start } = await import("./start-mock-WXC4GOW5.js");
  return start({ ...options, specsDir: resolve(options.specsDir ?? "specs") });
}
async function conform(options = {}) {
  const { conform: run } = await import("./conform-L6HYBBEJ.js");
  return run({ ...options, target: options.target ?? "mock", specsDir: resolve(options.specsDir ?? "specs") });
}
export {
  UserError,
  checkGenerated,
  conform,
  diff,
  formatProblem,
  generate,
  lint,
  startMock
};
