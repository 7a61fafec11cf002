/**
 * startMock(): the ARM-faithful mock endpoint, programmatically — what `rekey mock`, the conformance runner and
 * the tests all start. Options are resolved once here.
 */
import { writeFileSync } from "node:fs";
import { type Ajv, type DocumentModel, loadSpecs, problem, resolveSpecsDir, UserError } from "../../kernel/index.ts";
import { findFault, MAX_DELAY_MS, type Fault } from "./faults.ts";
import { ajvValidators, apiVersionsByResourceType, buildMockModel, type MockModel } from "./mock-model.ts";
import { mockCacheDir, readMockCache, writeMockCache } from "./model-cache.ts";
import { DEFAULT_LRO_DURATION_MS, DEFAULT_OPERATION_LIMIT, OperationStore } from "./operations.ts";
import { providerDirectory } from "./provider-routes.ts";
import type { LogLine } from "./request-log.ts";
import { seedResources } from "./seed-state.ts";
import type { ServerSettings } from "./server.ts";
import { initialResources, readStateFile, checkStateDocument, type StateDocument } from "./state-file.ts";
import { MockState } from "./state.ts";
import { createTlsMaterial } from "./tls.ts";

/** What a caller of the mock chooses (the public API's options, api/index.ts). */
export interface MockServeOptions {
  specsDir?: string;
  port?: number;
  host?: string;
  /** true: a certificate made at start; or PEM strings. */
  tls?: boolean | { cert: string; key: string };
  /** Where to write the CA certificate clients should trust. */
  caOut?: string;
  /** A state document, or the path of a JSON file holding one. */
  state?: StateDocument | string;
  /** NAME or NAME:ARG, e.g. "missing-field" or "delay:2000". */
  fault?: string;
  latencyMs?: number;
  /** How long a long-running operation stays InProgress, in milliseconds (default DEFAULT_LRO_DURATION_MS). */
  lroDurationMs?: number;
  /** Long-running operations kept before the oldest is forgotten (default DEFAULT_OPERATION_LIMIT). */
  lroOperationLimit?: number;
  examplesOnly?: boolean;
  /** Use the start-up cache in build/ when loading from specsDir (default true). */
  cache?: boolean;
  /** Largest request body accepted, in bytes (default 1 MiB); larger ones get 413. */
  bodyLimit?: number;
  log?: LogLine;
}

export interface MockOptions extends MockServeOptions {
  /** Spec documents to serve (and the ajv instance they were linted with); loaded from specsDir when absent. */
  docs?: DocumentModel[];
  ajv?: Ajv;
  /** Each api-version keeps resources of its own (state.ts): the mock a conformance run starts for itself. */
  statePerApiVersion?: boolean;
}

export interface RunningMock {
  /** Base URL, e.g. http://127.0.0.1:49152 — what clients use as their ARM endpoint. */
  url: string;
  /** The CA certificate (PEM) to trust, when serving TLS with a generated certificate. */
  ca?: string;
  state: MockState;
  /** Where the model came from: the start-up cache, the specs (and the cache written from them), or given docs. */
  loadedFrom: "cache" | "specs" | "docs";
  close(): Promise<void>;
}

function option(name: string, message: string, hint: string): UserError {
  return new UserError(problem("mock/options", { file: name }, message, hint));
}

function resolveFault(name: string | undefined): Fault | undefined {
  if (name === undefined) return undefined;
  const found = findFault(name);
  if ("refusal" in found) throw option("--fault", found.refusal, found.hint);
  return found.fault;
}

export async function startMock(options: MockOptions = {}): Promise<RunningMock> {
  const port = options.port ?? 0;
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw option("--port", `"${options.port}" is not a port`, "use 0–65535 (0 picks a free one)");
  const latencyMs = options.latencyMs ?? 0;
  if (!Number.isInteger(latencyMs) || latencyMs < 0 || latencyMs > MAX_DELAY_MS) throw option("--latency", `"${options.latencyMs}" is not a delay`, `give whole milliseconds from 0 to ${MAX_DELAY_MS}`);
  const lroDurationMs = options.lroDurationMs ?? DEFAULT_LRO_DURATION_MS;
  if (!Number.isInteger(lroDurationMs) || lroDurationMs < 0 || lroDurationMs > MAX_DELAY_MS) {
    throw option("--lro-duration", `"${options.lroDurationMs}" is not a duration`, `give whole milliseconds from 0 to ${MAX_DELAY_MS}`);
  }
  const operationLimit = options.lroOperationLimit ?? DEFAULT_OPERATION_LIMIT;
  if (!Number.isInteger(operationLimit) || operationLimit < 1) throw option("lroOperationLimit", `"${options.lroOperationLimit}" is not a count`, "give a whole number of at least 1");
  const fault = resolveFault(options.fault);
  let stateDocument = typeof options.state === "string" ? readStateFile(options.state)
    : options.state ? checkStateDocument(options.state, "state option") : undefined;

  const server = import("./server.ts"); // the server's modules load while the specs do
  let cacheWrite: Promise<void> | undefined;
  let model: MockModel;
  let loadedFrom: RunningMock["loadedFrom"] = "docs";
  if (options.docs) model = buildMockModel(options.docs, ajvValidators(options.docs, options.ajv));
  else {
    const specsDir = resolveSpecsDir(options.specsDir);
    const cacheDir = options.cache === false ? undefined : mockCacheDir(specsDir);
    const cached = cacheDir ? await readMockCache(cacheDir) : undefined;
    loadedFrom = cached ? "cache" : "specs";
    if (cached) model = buildMockModel(cached.docs, cached.validatorFor);
    else {
      const { docs } = await loadSpecs(specsDir, { lint: false });
      model = buildMockModel(docs);
      if (cacheDir) cacheWrite = writeMockCache(cacheDir, docs).catch(() => {}); // a cache that cannot be written is only slower
    }
  }
  const versions = apiVersionsByResourceType(model);
  const typeNames = new Map(model.routes.filter((r) => r.resourceType).map((r) => [r.resourceType!.toLowerCase(), r.resourceType!]));
  const state = new MockState(() => initialResources(seedResources(model), stateDocument), { perApiVersion: options.statePerApiVersion });

  let ca: string | undefined;
  let https: ServerSettings["https"];
  if (options.tls === true) {
    const material = await createTlsMaterial();
    https = { key: material.key, cert: material.cert };
    ca = material.ca;
  } else if (options.tls) https = options.tls;
  if (options.caOut) {
    if (!ca) throw option("--ca-out", "there is no generated CA certificate to write", "use it with --tls (and without --tls-cert)");
    try {
      writeFileSync(options.caOut, ca);
    } catch (e) {
      throw option("--ca-out", `cannot write ${options.caOut} (${(e as NodeJS.ErrnoException).code ?? "error"})`, "name a writable file");
    }
  }

  const settings: ServerSettings = {
    model,
    state,
    providers: providerDirectory(versions, typeNames, stateDocument?.apiVersions),
    fault,
    latencyMs,
    operations: new OperationStore(operationLimit),
    lroDurationMs,
    examplesOnly: options.examplesOnly ?? false,
    bodyLimit: options.bodyLimit ?? 1024 * 1024,
    https,
    log: options.log,
    setStateDocument: (doc) => {
      stateDocument = doc;
      settings.providers = providerDirectory(versions, typeNames, doc?.apiVersions);
    },
  };
  const app = (await server).buildServer(settings);
  const host = options.host ?? "127.0.0.1";
  try {
    await app.listen(port, host);
  } catch (e) {
    throw option("--port", `cannot listen on ${host}:${port} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`, "pick another port or 0");
  }
  const address = app.address();
  const shownHost = address.family === "IPv6" ? `[${address.address}]` : address.address;
  return {
    url: `${https ? "https" : "http"}://${shownHost}:${address.port}`,
    ca,
    state,
    loadedFrom,
    close: async () => {
      await app.close();
      await cacheWrite;
    },
  };
}
