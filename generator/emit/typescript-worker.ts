/**
 * Worker thread for the TypeScript-heavy stages (openapi-typescript types, dist/ declarations). Loading the
 * TypeScript compiler costs ~0.3 s; in a worker it overlaps with loading and linting the specs on the main thread.
 */
import { parentPort } from "node:worker_threads";
import { buildDeclarations } from "../package-build/build-dist.ts";
import { emitTypes, loadTransform } from "./emit-types.ts";
import type { TypeScriptRequest } from "./typescript-service.ts";

// Start loading the compiler now, before the first request arrives.
loadTransform();

parentPort!.on("message", async (request: TypeScriptRequest) => {
  try {
    const result = request.kind === "types" ? await emitTypes(request.raw) : await buildDeclarations(request.files);
    parentPort!.postMessage({ id: request.id, result });
  } catch (error) {
    parentPort!.postMessage({ id: request.id, error: String((error as Error)?.stack ?? error) });
  }
});
