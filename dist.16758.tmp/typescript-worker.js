import {
  emitTypes
} from "./chunk-TAEWOQDW.js";
import {
  buildDeclarations
} from "./chunk-67Y7S7V2.js";
import {
  requireCjs
} from "./chunk-ZOVCPWKV.js";

// generator/emit/typescript-worker.ts
import { parentPort } from "node:worker_threads";
requireCjs("openapi-typescript");
parentPort.on("message", async (request) => {
  try {
    const result = request.kind === "types" ? await emitTypes(request.raw) : await buildDeclarations(request.files);
    parentPort.postMessage({ id: request.id, result });
  } catch (error) {
    parentPort.postMessage({ id: request.id, error: String(error?.stack ?? error) });
  }
});
