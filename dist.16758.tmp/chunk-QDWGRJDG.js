import {
  checkStateDocument,
  initialResources,
  providerDirectory,
  readStateFile,
  seedResources
} from "./chunk-UKLYBJ3X.js";
import {
  MAX_DELAY_MS,
  findFault
} from "./chunk-4THIR63X.js";
import {
  MockState,
  ajvValidators,
  apiVersionsByResourceType,
  buildMockModel,
  validatedParameters
} from "./chunk-MWY6LZN7.js";
import {
  CACHE_DIR,
  REPO_ROOT,
  UserError,
  codeTrees,
  loadSpecs,
  problem,
  resolveSpecsDir,
  treesHash
} from "./chunk-ZOVCPWKV.js";

// conformance/mock/start-mock.ts
import { writeFileSync as writeFileSync2 } from "node:fs";

// conformance/mock/model-cache.ts
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
var CACHE_DEPENDENCIES = ["@apidevtools/swagger-parser", "yaml", "ajv", "ajv-formats", "esbuild"];
function mockCacheDir(specsDir, buildDir = CACHE_DIR) {
  const trees = { specs: specsDir, ...codeTrees(["kernel", "conformance"]) };
  return join(buildDir, `mock-${treesHash(trees, CACHE_DEPENDENCIES).slice(0, 16)}`);
}
var key = (doc, pointer) => `${doc.docUri}#${pointer}`;
function mockSchemaPointers(doc) {
  return doc.operations.flatMap((op) => [
    ...validatedParameters(op).map((p) => p.schemaPointer),
    ...op.requestBody ? [op.requestBody.schemaPointer] : []
  ]);
}
async function readMockCache(dir) {
  if (!existsSync(join(dir, "validators.mjs"))) return void 0;
  try {
    const docs = JSON.parse(readFileSync(join(dir, "docs.json"), "utf8"));
    const index = JSON.parse(readFileSync(join(dir, "index.json"), "utf8"));
    const module = await import(pathToFileURL(join(dir, "validators.mjs")).href);
    return {
      docs,
      validatorFor: (doc, pointer) => {
        const fn = module[index[key(doc, pointer)]];
        if (!fn) throw new Error(`mock cache ${dir} has no validator for ${key(doc, pointer)}`);
        return fn;
      }
    };
  } catch {
    return void 0;
  }
}
async function writeMockCache(dir, docs) {
  const { createAjv, requireCjs } = await import("./kernel-3ERSUKK4.js");
  const standaloneCode = requireCjs("ajv/dist/standalone/index.js").default;
  const esbuild = await import("esbuild");
  const ajv = createAjv(docs, { standalone: true, trusted: true });
  const exportsMap = {};
  const index = {};
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
    logLevel: "silent"
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

// conformance/mock/tls.ts
import { webcrypto } from "node:crypto";
var ALGORITHM = { name: "ECDSA", namedCurve: "P-256", hash: "SHA-256" };
function pem(label, der) {
  const body = Buffer.from(der).toString("base64").replace(/(.{64})/g, "$1\n").replace(/\n$/, "");
  return `-----BEGIN ${label}-----
${body}
-----END ${label}-----
`;
}
async function createTlsMaterial(now = /* @__PURE__ */ new Date()) {
  await import("reflect-metadata");
  const x509 = await import("@peculiar/x509");
  x509.cryptoProvider.set(webcrypto);
  const notBefore = new Date(now.getTime() - 6e4);
  const notAfter = new Date(now.getTime() + 30 * 24 * 36e5);
  const caKeys = await webcrypto.subtle.generateKey(ALGORITHM, true, ["sign", "verify"]);
  const ca = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: Date.now().toString(16),
    name: "CN=rekey mock CA",
    notBefore,
    notAfter,
    keys: caKeys,
    signingAlgorithm: ALGORITHM,
    extensions: [
      new x509.BasicConstraintsExtension(true, 0, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
      await x509.SubjectKeyIdentifierExtension.create(caKeys.publicKey)
    ]
  });
  const serverKeys = await webcrypto.subtle.generateKey(ALGORITHM, true, ["sign", "verify"]);
  const cert = await x509.X509CertificateGenerator.create({
    serialNumber: (Date.now() + 1).toString(16),
    subject: "CN=localhost",
    issuer: ca.subject,
    notBefore,
    notAfter,
    publicKey: serverKeys.publicKey,
    signingKey: caKeys.privateKey,
    signingAlgorithm: ALGORITHM,
    extensions: [
      new x509.BasicConstraintsExtension(false, void 0, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.keyEncipherment, true),
      new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth]),
      new x509.SubjectAlternativeNameExtension([
        { type: "dns", value: "localhost" },
        { type: "ip", value: "127.0.0.1" },
        { type: "ip", value: "::1" }
      ]),
      await x509.AuthorityKeyIdentifierExtension.create(caKeys.publicKey)
    ]
  });
  const key2 = pem("PRIVATE KEY", await webcrypto.subtle.exportKey("pkcs8", serverKeys.privateKey));
  return { key: key2, cert: cert.toString("pem") + "\n", ca: ca.toString("pem") + "\n" };
}

// conformance/mock/start-mock.ts
function option(name, message, hint) {
  return new UserError(problem("mock/options", { file: name }, message, hint));
}
function resolveFault(name) {
  if (name === void 0) return void 0;
  const found = findFault(name);
  if ("refusal" in found) throw option("--fault", found.refusal, found.hint);
  return found.fault;
}
async function startMock(options = {}) {
  const port = options.port ?? 0;
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw option("--port", `"${options.port}" is not a port`, "use 0\u201365535 (0 picks a free one)");
  const latencyMs = options.latencyMs ?? 0;
  if (!Number.isInteger(latencyMs) || latencyMs < 0 || latencyMs > MAX_DELAY_MS) throw option("--latency", `"${options.latencyMs}" is not a delay`, `give whole milliseconds from 0 to ${MAX_DELAY_MS}`);
  const fault = resolveFault(options.fault);
  let stateDocument = typeof options.state === "string" ? readStateFile(options.state) : options.state ? checkStateDocument(options.state, "state option") : void 0;
  const server = import("./server-6S5RMUSJ.js");
  let cacheWrite;
  let model;
  let loadedFrom = "docs";
  if (options.docs) model = buildMockModel(options.docs, ajvValidators(options.docs, options.ajv));
  else {
    const specsDir = resolveSpecsDir(options.specsDir);
    const cacheDir = options.cache === false ? void 0 : mockCacheDir(specsDir);
    const cached = cacheDir ? await readMockCache(cacheDir) : void 0;
    loadedFrom = cached ? "cache" : "specs";
    if (cached) model = buildMockModel(cached.docs, cached.validatorFor);
    else {
      const { docs } = await loadSpecs(specsDir, { lint: false });
      model = buildMockModel(docs);
      if (cacheDir) cacheWrite = writeMockCache(cacheDir, docs).catch(() => {
      });
    }
  }
  const versions = apiVersionsByResourceType(model);
  const typeNames = new Map(model.routes.filter((r) => r.resourceType).map((r) => [r.resourceType.toLowerCase(), r.resourceType]));
  const state = new MockState(() => initialResources(seedResources(model), stateDocument));
  let ca;
  let https;
  if (options.tls === true) {
    const material = await createTlsMaterial();
    https = { key: material.key, cert: material.cert };
    ca = material.ca;
  } else if (options.tls) https = options.tls;
  if (options.caOut) {
    if (!ca) throw option("--ca-out", "there is no generated CA certificate to write", "use it with --tls (and without --tls-cert)");
    try {
      writeFileSync2(options.caOut, ca);
    } catch (e) {
      throw option("--ca-out", `cannot write ${options.caOut} (${e.code ?? "error"})`, "name a writable file");
    }
  }
  const settings = {
    model,
    state,
    providers: providerDirectory(versions, typeNames, stateDocument?.apiVersions),
    fault,
    latencyMs,
    examplesOnly: options.examplesOnly ?? false,
    bodyLimit: options.bodyLimit ?? 1024 * 1024,
    https,
    log: options.log,
    setStateDocument: (doc) => {
      stateDocument = doc;
      settings.providers = providerDirectory(versions, typeNames, doc?.apiVersions);
    }
  };
  const app = await (await server).buildServer(settings);
  const host = options.host ?? "127.0.0.1";
  try {
    await app.listen({ port, host });
  } catch (e) {
    throw option("--port", `cannot listen on ${host}:${port} (${e.code ?? e.message})`, "pick another port or 0");
  }
  const address = app.server.address();
  const shownHost = address.family === "IPv6" ? `[${address.address}]` : address.address;
  return {
    url: `${https ? "https" : "http"}://${shownHost}:${address.port}`,
    ca,
    state,
    loadedFrom,
    close: async () => {
      await app.close();
      await cacheWrite;
    }
  };
}

export {
  startMock
};
