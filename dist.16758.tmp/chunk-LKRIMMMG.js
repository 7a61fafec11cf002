import {
  emitTypes
} from "./chunk-TAEWOQDW.js";
import {
  buildDeclarations
} from "./chunk-67Y7S7V2.js";

// generator/emit/typescript-service.ts
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
var inProcessTypeScript = {
  types: emitTypes,
  declarations: buildDeclarations,
  close: async () => {
  }
};
function memoizeDeclarations(service) {
  const built = /* @__PURE__ */ new Map();
  const key = (f) => `${f.path}\0${f.content}`;
  return {
    ...service,
    async declarations(files) {
      for (const f of files) if (!built.has(key(f))) built.set(key(f), service.declarations([f]));
      return (await Promise.all(files.map((f) => built.get(key(f))))).flat();
    }
  };
}
function workerService(file) {
  const worker = new Worker(file);
  const pending = /* @__PURE__ */ new Map();
  let nextId = 0;
  worker.on("message", ({ id, result, error }) => {
    const waiter = pending.get(id);
    pending.delete(id);
    if (error === void 0) waiter.resolve(result);
    else waiter.reject(new Error(`TypeScript worker: ${error}`));
  });
  worker.on("error", (error) => {
    for (const waiter of pending.values()) waiter.reject(error);
    pending.clear();
  });
  const send = (request) => new Promise((resolve, reject) => {
    const id = nextId++;
    pending.set(id, { resolve, reject });
    worker.postMessage({ ...request, id });
  });
  return {
    types: (raw) => send({ kind: "types", raw }),
    declarations: (files) => send({ kind: "declarations", files }),
    close: async () => {
      await worker.terminate();
    }
  };
}
function startTypeScriptService() {
  const compiled = fileURLToPath(new URL("./typescript-worker.js", import.meta.url));
  return memoizeDeclarations(existsSync(compiled) ? workerService(compiled) : inProcessTypeScript);
}

export {
  inProcessTypeScript,
  startTypeScriptService
};
