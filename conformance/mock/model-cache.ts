/**
 * The mock's start-up cache, in build/mock-<hash>/: the operation model (JSON) and the validators the mock runs,
 * compiled to ajv standalone code and bundled by esbuild. The hash covers the specs, the kernel and conformance
 * sources and the dependency versions, so a cache is never stale; a hit skips YAML parsing, $ref resolution, the
 * OpenAPI schema check and ajv compilation — most of a cold start.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { ValidateFunction } from "ajv/dist/2020.js";
import { CACHE_DIR, codeTrees, type DocumentModel, REPO_ROOT, treesHash } from "../../kernel/index.ts";
import { validatedParameters, type ValidatorLookup } from "./mock-model.ts";


export interface CachedModel {
  docs: DocumentModel[];
  validatorFor: ValidatorLookup;
}

/** Packages whose version changes what the cache holds: the spec loader, the validators and their bundler. */
const CACHE_DEPENDENCIES = ["@apidevtools/swagger-parser", "yaml", "ajv", "ajv-formats", "esbuild"];

export function mockCacheDir(specsDir: string, buildDir = CACHE_DIR): string {
  const trees = { specs: specsDir, ...codeTrees(["kernel", "conformance"]) };
  return join(buildDir, `mock-${treesHash(trees, CACHE_DEPENDENCIES).slice(0, 16)}`);
}

const key = (doc: DocumentModel, pointer: string) => `${doc.docUri}#${pointer}`;

/** The schemas the mock validates requests with: each operation's parameters and body. */
export function mockSchemaPointers(doc: DocumentModel): string[] {
  return doc.operations.flatMap((op) => [
    ...validatedParameters(op).map((p) => p.schemaPointer),
    ...(op.requestBody ? [op.requestBody.schemaPointer] : []),
  ]);
}

export async function readMockCache(dir: string): Promise<CachedModel | undefined> {
  if (!existsSync(join(dir, "validators.mjs"))) return undefined;
  try {
    const docs = JSON.parse(readFileSync(join(dir, "docs.json"), "utf8")) as DocumentModel[];
    const index = JSON.parse(readFileSync(join(dir, "index.json"), "utf8")) as Record<string, string>;
    const module = (await import(pathToFileURL(join(dir, "validators.mjs")).href)) as Record<string, ValidateFunction>;
    return {
      docs,
      validatorFor: (doc, pointer) => {
        const fn = module[index[key(doc, pointer)]];
        if (!fn) throw new Error(`mock cache ${dir} has no validator for ${key(doc, pointer)}`);
        return fn;
      },
    };
  } catch {
    return undefined; // unreadable or half-written by an older process: rebuilt below
  }
}

/** Writes the cache for these (already checked) documents; another process writing the same one first is fine. */
export async function writeMockCache(dir: string, docs: DocumentModel[]): Promise<void> {
  const { createAjv, requireCjs } = await import("../../kernel/index.ts");
  const standaloneCode = (requireCjs("ajv/dist/standalone/index.js") as typeof import("ajv/dist/standalone/index.js")).default;
  const esbuild = await import("esbuild");
  const ajv = createAjv(docs, { standalone: true, trusted: true });
  const exportsMap: Record<string, string> = {};
  const index: Record<string, string> = {};
  for (const doc of docs) {
    for (const pointer of new Set(mockSchemaPointers(doc))) {
      const name = `v${Object.keys(exportsMap).length}`;
      const id = `${doc.docUri.replace(/openapi\.json$/, "mock-validators/")}${name}`;
      ajv.addSchema({ $id: id, $ref: key(doc, pointer) });
      exportsMap[name] = id;
      index[key(doc, pointer)] = name;
    }
  }
  const bundled = await esbuild.build({
    stdin: { contents: standaloneCode(ajv, exportsMap), resolveDir: REPO_ROOT, loader: "js", sourcefile: "mock-validators.js" },
    absWorkingDir: REPO_ROOT,
    bundle: true,
    format: "esm",
    platform: "node",
    target: "node20",
    write: false,
    logLevel: "silent",
  });
  const staging = `${dir}.${process.pid}.tmp`;
  mkdirSync(staging, { recursive: true });
  writeFileSync(join(staging, "validators.mjs"), bundled.outputFiles[0].text);
  writeFileSync(join(staging, "index.json"), JSON.stringify(index));
  writeFileSync(join(staging, "docs.json"), JSON.stringify(docs));
  try {
    renameSync(staging, dir);
  } catch {
    rmSync(staging, { recursive: true, force: true });
  }
}
