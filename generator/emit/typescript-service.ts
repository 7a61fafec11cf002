/**
 * The TypeScript-heavy stages (types with openapi-typescript, declarations) behind one interface: in a worker thread when the CLI runs from its bundle (so
 * compiler loading overlaps with spec loading), in process otherwise (tests, tsx). Output is identical either way.
 */
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { buildDeclarations, declarationPath } from "../package-build/build-dist.ts";
import { emitTypes } from "./emit-types.ts";
import type { GeneratedFile } from "./generated-file.ts";

export type TypeScriptRequest =
  | { id: number; kind: "types"; raw: unknown }
  | { id: number; kind: "declarations"; files: GeneratedFile[] };

export interface TypeScriptService {
  types(raw: unknown): Promise<string>;
  declarations(files: GeneratedFile[]): Promise<GeneratedFile[]>;
  close(): Promise<void>;
}

export const inProcessTypeScript: TypeScriptService = {
  types: emitTypes,
  declarations: buildDeclarations,
  close: async () => {},
};

/**
 * Builds each source once, whoever asks first: files known before the specs load (the runtime) are sent early
 * and are ready by the time the whole package is built. The sources not built yet go as one batch (one compiler
 * program for all of them is cheaper than one per file).
 */
function memoizeDeclarations(service: TypeScriptService): TypeScriptService {
  const built = new Map<string, Promise<GeneratedFile[]>>();
  const key = (f: GeneratedFile) => `${f.path}\0${f.content}`;
  return {
    ...service,
    async declarations(files) {
      const fresh = new Map(files.filter((f) => !built.has(key(f))).map((f) => [key(f), f]));
      if (fresh.size > 0) {
        const batch = service.declarations([...fresh.values()]);
        for (const [k, f] of fresh) built.set(k, batch.then((out) => out.filter((d) => d.path === declarationPath(f.path))));
      }
      return (await Promise.all(files.map((f) => built.get(key(f))!))).flat();
    },
  };
}

function workerService(file: string): TypeScriptService {
  const worker = new Worker(file);
  const pending = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  let nextId = 0;
  worker.on("message", ({ id, result, error }: { id: number; result?: unknown; error?: string }) => {
    const waiter = pending.get(id)!;
    pending.delete(id);
    if (error === undefined) waiter.resolve(result);
    else waiter.reject(new Error(`TypeScript worker: ${error}`));
  });
  worker.on("error", (error) => {
    for (const waiter of pending.values()) waiter.reject(error);
    pending.clear();
  });
  const send = <T>(request: { kind: "types"; raw: unknown } | { kind: "declarations"; files: GeneratedFile[] }): Promise<T> =>
    new Promise((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      worker.postMessage({ ...request, id });
    });
  return {
    types: (raw) => send<string>({ kind: "types", raw }),
    declarations: (files) => send<GeneratedFile[]>({ kind: "declarations", files }),
    close: async () => {
      await worker.terminate();
    },
  };
}

/** Starts the worker right away when a compiled worker sits beside this module (the CLI bundle). */
export function startTypeScriptService(): TypeScriptService {
  const compiled = fileURLToPath(new URL("./typescript-worker.js", import.meta.url));
  return memoizeDeclarations(existsSync(compiled) ? workerService(compiled) : inProcessTypeScript);
}
