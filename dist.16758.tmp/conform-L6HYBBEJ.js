import {
  insecureReason
} from "./chunk-ONDIZD5R.js";
import {
  startMock
} from "./chunk-QDWGRJDG.js";
import "./chunk-UKLYBJ3X.js";
import {
  MAX_TIMER_MS
} from "./chunk-4THIR63X.js";
import {
  MAX_BODY_BYTES_CEILING,
  compileExchanges,
  runConformance
} from "./chunk-YRRKDOH7.js";
import "./chunk-WG5EOB7M.js";
import "./chunk-ZUL2KNFZ.js";
import "./chunk-MWY6LZN7.js";
import "./chunk-CSQB63KE.js";
import "./chunk-SYP5AEPE.js";
import "./chunk-DM75KB7X.js";
import "./chunk-GMGS3OUV.js";
import {
  namedResources
} from "./chunk-WL6MI4PM.js";
import {
  optionError,
  tokenFromAzureIdentity,
  tokenFromEnv
} from "./chunk-DFAMEA3W.js";
import {
  loadSpecs,
  readInputFile
} from "./chunk-ZOVCPWKV.js";

// client-runtime/clouds.ts
var CLOUDS = {
  public: { endpoint: "https://management.azure.com", scope: "https://management.azure.com/.default" },
  china: { endpoint: "https://management.chinacloudapi.cn", scope: "https://management.chinacloudapi.cn/.default" },
  usgov: { endpoint: "https://management.usgovcloudapi.net", scope: "https://management.usgovcloudapi.net/.default" }
};

// conformance/targets/mutation-gate.ts
var HELD_BACK = {
  live: {
    rotates: "rotates a real key; pass --allow-mutations to send it",
    mayRotate: "would rotate a real key if the endpoint wrongly accepted it; pass --allow-mutations to send it",
    unnamed: "addresses a resource you did not name; name it with --resource or the config file"
  },
  url: {
    rotates: "rotates a key behind the target URL, which may be real Azure; pass --allow-mutations to send it",
    mayRotate: "would rotate a key behind the target URL if it wrongly accepted the request; pass --allow-mutations to send it",
    unnamed: "addresses a resource you did not name; name it with --subscription and --resource, or the config file"
  }
};
function mutationGate(kind, allowMutations, docs, resources) {
  const reasons = HELD_BACK[kind];
  const named = new Map(docs.flatMap((doc) => doc.operations.map((op) => [`${doc.service}/${doc.apiVersion}/${op.operationId}`, resources.named(doc, op)])));
  return (exchange) => {
    if (exchange.mutation === "never") return void 0;
    if (!allowMutations) return exchange.mutation === "always" ? reasons.rotates : reasons.mayRotate;
    const resource = named.get(`${exchange.service}/${exchange.apiVersion}/${exchange.operationId}`);
    return resource !== void 0 && resource === exchange.resource ? void 0 : reasons.unnamed;
  };
}

// conformance/targets/url-target.ts
async function readCa(file) {
  const read = readInputFile(file);
  if (!read.ok) throw optionError("--ca", `${file} ${read.reason}`, `${read.hint}: the CA certificate in PEM form`);
  if (!read.text.includes("-----BEGIN CERTIFICATE-----")) throw optionError("--ca", `${file} holds no PEM certificate`, "give the CA certificate in PEM form (-----BEGIN CERTIFICATE-----)");
  return read.text;
}
function parseBaseUrl(value, flag = "--target") {
  let url;
  try {
    url = new URL(value);
  } catch {
    throw optionError(flag, `"${value}" is neither mock, live nor an absolute URL`, "use --target mock, --target live or --target https://host[:port]");
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") throw optionError(flag, `"${value}" must be an http(s) URL`, "use https://host[:port]");
  if (url.search || url.hash) throw optionError(flag, `"${value}" has a query or fragment`, "give the base URL only, e.g. https://host:8443");
  return url;
}
async function urlTarget(options, docs, resources) {
  const url = parseBaseUrl(options.target);
  const refusal = insecureReason(url);
  if (refusal) throw optionError("--target", refusal, "use an https:// URL, or a loopback address for a local endpoint");
  const ca = options.caFile ? await readCa(options.caFile) : void 0;
  const base = url.href.replace(/\/$/, "");
  return {
    description: { kind: "url", url: base, detail: [options.subscription && `subscription ${options.subscription}`, options.allowMutations ? "mutations allowed" : "read-only"].filter(Boolean).join(", ") },
    baseUrl: base,
    token: () => options.tokenEnv ? Promise.resolve(tokenFromEnv(options.tokenEnv)) : tokenFromAzureIdentity(`${url.origin}/.default`),
    ca,
    caFile: options.caFile,
    insecureTls: options.insecureTls,
    examplesMode: options.examplesOnly === true,
    holdBack: mutationGate("url", options.allowMutations, docs, resources),
    close: async () => {
    }
  };
}

// conformance/targets/live-target.ts
function liveCloud(name) {
  const cloud = name ?? "public";
  if (!Object.prototype.hasOwnProperty.call(CLOUDS, cloud)) throw optionError("--cloud", `unknown cloud "${cloud}"`, `use one of ${Object.keys(CLOUDS).join(", ")}`);
  return { ...CLOUDS[cloud] };
}
async function liveTarget(options, docs, resources) {
  const cloud = liveCloud(options.cloud);
  if (options.endpoint) {
    const url = parseBaseUrl(options.endpoint, "--endpoint");
    const refusal = insecureReason(url);
    if (refusal) throw optionError("--endpoint", refusal, "use an https:// endpoint");
    cloud.endpoint = url.href.replace(/\/$/, "");
  }
  const ca = options.caFile ? await readCa(options.caFile) : void 0;
  return {
    description: { kind: "live", url: cloud.endpoint, detail: `subscription ${options.subscription}${options.allowMutations ? ", mutations allowed" : ", read-only"}` },
    baseUrl: cloud.endpoint,
    token: () => options.tokenEnv ? Promise.resolve(tokenFromEnv(options.tokenEnv)) : tokenFromAzureIdentity(cloud.scope),
    ca,
    caFile: options.caFile,
    examplesMode: false,
    holdBack: mutationGate("live", options.allowMutations, docs, resources),
    close: async () => {
    }
  };
}

// conformance/targets/mock-target.ts
import { randomBytes } from "node:crypto";
async function mockTarget(options, docs, ajv) {
  const mock = await startMock({ docs, ajv, fault: options.fault, examplesOnly: options.examplesOnly });
  const token = `rekey-conform-${randomBytes(18).toString("base64url")}`;
  const detail = [options.fault && `fault ${options.fault}`, options.examplesOnly && "examples only"].filter(Boolean).join(", ");
  return {
    description: { kind: "mock", url: mock.url, detail: detail || void 0 },
    baseUrl: mock.url,
    token: async () => token,
    examplesMode: options.examplesOnly === true,
    holdBack: () => void 0,
    close: () => mock.close()
  };
}

// conformance/conform.ts
var UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
function checkTargetFlags(options) {
  const kind = options.target === "mock" ? "mock" : options.target === "live" ? "live" : "url";
  if (kind === "url") parseBaseUrl(options.target);
  if (kind !== "mock" && options.fault) throw optionError("--fault", "faults are the embedded mock's", "drop --fault, or use --target mock");
  if (kind !== "live") {
    for (const [flag, given] of [["--cloud", options.cloud], ["--endpoint", options.endpoint]]) {
      if (given) throw optionError(flag, `${flag} is for --target live`, "drop it, or use --target live");
    }
  }
  if (kind === "mock") {
    for (const [flag, given] of [["--subscription", options.subscription], ["--resource", options.resources && Object.keys(options.resources).length > 0], ["--allow-mutations", options.allowMutations]]) {
      if (given) throw optionError(flag, `${flag} is for --target live or a URL target`, "drop it: the embedded mock's keys are its own, every exchange is sent to it");
    }
    if (options.tokenEnv || options.caFile || options.insecureTls) {
      throw optionError(options.tokenEnv ? "--token-env" : options.caFile ? "--ca" : "--insecure-tls", "the embedded mock needs no token or TLS settings", "drop the flag, or use --target URL");
    }
  }
  if (kind === "live") {
    if (!options.subscription) throw optionError("--subscription", "--target live needs your subscription", "pass --subscription <uuid> (az account show --query id -o tsv)");
    if (options.insecureTls) throw optionError("--insecure-tls", "a live target's certificate is always checked: the token goes to whoever answers", "for an --endpoint with its own CA, pass --ca FILE");
    if (options.caFile && !options.endpoint) throw optionError("--ca", "--ca is for an --endpoint with its own CA; Azure's clouds need none", "add --endpoint URL, or drop --ca");
  }
  if (options.subscription !== void 0 && !UUID.test(options.subscription)) {
    throw optionError("--subscription", `"${options.subscription}" is not a subscription id`, "pass --subscription <uuid> (az account show --query id -o tsv)");
  }
  const counts = [
    ["--concurrency", options.concurrency, 1, Number.MAX_SAFE_INTEGER, 8],
    ["--timeout", options.timeoutMs, 1, MAX_TIMER_MS, 3e4],
    ["--retries", options.retries, 0, Number.MAX_SAFE_INTEGER, 2],
    ["--max-body-bytes", options.maxBodyBytes, 1, MAX_BODY_BYTES_CEILING, 16777216]
  ];
  for (const [flag, n, min, max, example] of counts) {
    if (n === void 0 || Number.isInteger(n) && n >= min && n <= max) continue;
    const range = max === Number.MAX_SAFE_INTEGER ? `\u2265 ${min}` : `from ${min} to ${max}`;
    throw optionError(flag, `"${n}" is not a whole number ${range}`, `e.g. ${flag} ${example}`);
  }
  return kind;
}
async function prepare(options) {
  const kind = checkTargetFlags(options);
  const loaded = options.docs && options.ajv ? { docs: options.docs, ajv: options.ajv } : await loadSpecs(options.specsDir);
  const docs = loaded.docs;
  const ajv = loaded.ajv;
  const resources = kind === "mock" ? void 0 : namedResources(docs, options.subscription, options.resources ?? {});
  const exchanges = compileExchanges({ docs, ajv, values: resources?.values, only: options.only, skip: options.skip, checks: options.checks });
  return { kind, docs, ajv, resources, exchanges };
}
async function listExchanges(options) {
  return (await prepare(options)).exchanges;
}
async function conform(options) {
  const { kind, docs, ajv, resources, exchanges } = await prepare(options);
  const target = kind === "mock" ? await mockTarget(options, docs, ajv) : kind === "live" ? await liveTarget(options, docs, resources) : await urlTarget(options, docs, resources);
  try {
    return await runConformance({
      exchanges,
      ajv,
      target,
      concurrency: options.concurrency,
      timeoutMs: options.timeoutMs,
      maxBodyBytes: options.maxBodyBytes,
      retries: options.retries,
      strict: options.strict,
      signal: options.signal,
      onEvent: options.onEvent
    });
  } finally {
    await target.close();
  }
}
export {
  conform,
  listExchanges
};
