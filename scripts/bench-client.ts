/**
 * npm run bench:client — the generated Maps client against @azure/arm-maps, openapi-fetch alone and plain fetch,
 * all measured in one run:
 *   - per call: p50 / p99 and calls/s over 2,000 sequential regenerateKeys calls against the same local HTTPS server
 *     (a certificate from a throwaway CA made for the run, trusted through NODE_EXTRA_CA_CERTS; keep-alive). The server runs
 *     in this process, the clients in a child process, so server work does not count against any client;
 *   - import time: a fresh process per sample, time of `await import(…)`, median of 15;
 *   - install footprint: bytes on disk of the package and its production-dependency closure;
 *   - bundle: an app that rotates one Maps key, bundled by esbuild (minified, platform node) and gzipped.
 * Targets (issue #4): p50 ≤ 1.0× @azure/arm-maps, import ≤ 0.1×, footprint and bundle ≤ 0.1×.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createServer } from "node:https";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import { createTlsMaterial } from "../conformance/mock/tls.ts";
import { REPO_ROOT } from "../kernel/index.ts";

const CALLS = 2000;
const WARMUP = 300;
const IMPORT_SAMPLES = 15;
const SUBSCRIPTION = "21a9967a-e8a9-4656-a70b-96ff1c4d05a0";
const PATH = `/subscriptions/${SUBSCRIPTION}/resourceGroups/rg/providers/Microsoft.Maps/accounts/acct/regenerateKey`;

type Peer = "rekey (generated)" | "@azure/arm-maps" | "openapi-fetch" | "fetch";
const PEERS: Peer[] = ["rekey (generated)", "@azure/arm-maps", "openapi-fetch", "fetch"];
const SDK: Peer = "@azure/arm-maps";

/** What each peer imports, and a tiny app that rotates one key with it. */
const IMPORTS: Record<Peer, string | undefined> = {
  "rekey (generated)": "@rekey/clients/maps",
  "@azure/arm-maps": "@azure/arm-maps",
  "openapi-fetch": "openapi-fetch",
  fetch: undefined,
};
const PACKAGES: Record<Peer, string | undefined> = {
  "rekey (generated)": "@rekey/clients",
  "@azure/arm-maps": "@azure/arm-maps",
  "openapi-fetch": "openapi-fetch",
  fetch: undefined,
};
const APPS: Record<Peer, string> = {
  "rekey (generated)": `
    import { createMapsClient } from "@rekey/clients/maps";
    const maps = createMapsClient({ credential: process.env.TOKEN, subscriptionId: process.env.SUB });
    console.log(await maps.accounts.regenerateKeys({ resourceGroupName: "rg", accountName: "acct", body: { keyType: "primary" } }));`,
  "@azure/arm-maps": `
    import { AzureMapsManagementClient } from "@azure/arm-maps";
    const credential = { getToken: async () => ({ token: process.env.TOKEN, expiresOnTimestamp: Date.now() + 3600000 }) };
    const maps = new AzureMapsManagementClient(credential, process.env.SUB);
    console.log(await maps.accounts.regenerateKeys("rg", "acct", { keyType: "primary" }));`,
  "openapi-fetch": `
    import createClient from "openapi-fetch";
    const client = createClient({ baseUrl: "https://management.azure.com" });
    const { data } = await client.POST("/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Maps/accounts/{accountName}/regenerateKey", {
      params: { path: { subscriptionId: process.env.SUB, resourceGroupName: "rg", accountName: "acct" }, query: { "api-version": "2023-06-01" } },
      body: { keyType: "primary" }, headers: { authorization: "Bearer " + process.env.TOKEN } });
    console.log(data);`,
  fetch: `
    const response = await fetch("https://management.azure.com/subscriptions/" + process.env.SUB + "/resourceGroups/rg/providers/Microsoft.Maps/accounts/acct/regenerateKey?api-version=2023-06-01", {
      method: "POST", headers: { authorization: "Bearer " + process.env.TOKEN, "content-type": "application/json" }, body: JSON.stringify({ keyType: "primary" }) });
    console.log(await response.json());`,
};

// ---- child process: the per-call measurement ----------------------------------------------------------------

async function measureCalls(endpoint: string): Promise<Record<Peer, number[]>> {
  const token = "bench-token";
  const args = { resourceGroupName: "rg", accountName: "acct", body: { keyType: "primary" as const } };
  const { createMapsClient } = await import("@rekey/clients/maps");
  const { AzureMapsManagementClient } = await import("@azure/arm-maps");
  const { default: createClient } = await import("openapi-fetch");
  type MapsPaths = import("@rekey/clients/maps").paths;

  const rekey = createMapsClient({ credential: token, subscriptionId: SUBSCRIPTION, endpoint });
  const credential = { getToken: async () => ({ token, expiresOnTimestamp: Date.now() + 3_600_000 }) };
  const sdk = new AzureMapsManagementClient(credential, SUBSCRIPTION, { endpoint, credentialScopes: ["https://management.azure.com/.default"] });
  const bare = createClient<MapsPaths>({ baseUrl: endpoint });
  const calls: Record<Peer, () => Promise<unknown>> = {
    "rekey (generated)": () => rekey.accounts.regenerateKeys(args),
    "@azure/arm-maps": () => sdk.accounts.regenerateKeys("rg", "acct", { keyType: "primary" }),
    "openapi-fetch": async () => (await bare.POST("/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Maps/accounts/{accountName}/regenerateKey", {
      params: { path: { subscriptionId: SUBSCRIPTION, resourceGroupName: "rg", accountName: "acct" }, query: { "api-version": "2023-06-01" } },
      body: { keyType: "primary" },
      headers: { authorization: `Bearer ${token}` },
    })).data,
    fetch: async () => (await fetch(`${endpoint}${PATH}?api-version=2023-06-01`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: JSON.stringify({ keyType: "primary" }),
    })).json(),
  };
  for (const call of Object.values(calls)) {
    const result = (await call()) as { primaryKey?: string };
    if (!result?.primaryKey) throw new Error(`a client returned no keys: ${JSON.stringify(result)}`);
  }
  const samples = Object.fromEntries(PEERS.map((p) => [p, [] as number[]])) as Record<Peer, number[]>;
  for (const peer of PEERS) {
    const call = calls[peer];
    for (let i = 0; i < WARMUP; i++) await call();
    for (let i = 0; i < CALLS; i++) {
      const start = performance.now();
      await call();
      samples[peer].push(performance.now() - start);
    }
  }
  return samples;
}

if (process.argv[2] === "--calls") {
  const samples = await measureCalls(process.argv[3]);
  process.stdout.write(JSON.stringify(samples));
  process.exit(0);
}

// ---- main process --------------------------------------------------------------------------------------------

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))];

function importTime(specifier: string): number {
  const code = `const t = performance.now(); await import(${JSON.stringify(specifier)}); process.stdout.write(String(performance.now() - t));`;
  const result = spawnSync(process.execPath, ["--input-type=module", "-e", code], { cwd: REPO_ROOT, encoding: "utf8" });
  if (result.status !== 0) throw new Error(`import ${specifier}: ${result.stderr}`);
  return Number(result.stdout);
}

/** The installed directory of `name` as seen from `from` (Node's node_modules lookup). */
function packageDir(name: string, from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const candidate = join(dir, "node_modules", name);
    if (existsSync(join(candidate, "package.json"))) return candidate;
    if (dirname(dir) === dir) throw new Error(`cannot find ${name} from ${from}`);
  }
}

function treeBytes(path: string, skip: (p: string) => boolean): number {
  if (skip(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.size;
  return readdirSync(path).reduce((sum, entry) => sum + treeBytes(join(path, entry), skip), 0);
}

/** Bytes of a package (its published files) and of every production dependency it pulls in, each counted once. */
function footprint(name: string): { bytes: number; packages: number } {
  const seen = new Set<string>();
  let bytes = 0;
  const visit = (dir: string) => {
    if (seen.has(dir)) return;
    seen.add(dir);
    const manifest = JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as { files?: string[]; dependencies?: Record<string, string> };
    if (manifest.files && dir.endsWith("generated")) {
      // the workspace link to generated/: count what `npm pack` would ship
      bytes += ["package.json", "README.md", ...manifest.files].reduce((sum, f) => sum + (existsSync(join(dir, f)) ? treeBytes(join(dir, f), () => false) : 0), 0);
    } else {
      bytes += treeBytes(dir, (p) => p !== dir && p.endsWith("/node_modules"));
    }
    for (const dep of Object.keys(manifest.dependencies ?? {})) visit(packageDir(dep, dir));
  };
  visit(packageDir(name, REPO_ROOT).replace(/\/node_modules\/@rekey\/clients$/, "/generated"));
  return { bytes, packages: seen.size };
}

async function bundleBytes(app: string): Promise<{ minified: number; gzipped: number }> {
  const result = await build({
    stdin: { contents: app, resolveDir: REPO_ROOT, loader: "js" },
    bundle: true, minify: true, platform: "node", format: "esm", target: "node20", write: false, logLevel: "silent",
  });
  const code = result.outputFiles[0].contents;
  return { minified: code.byteLength, gzipped: gzipSync(code, { level: 9 }).byteLength };
}

async function main(): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), "rekey-bench-client-"));
  try {
    const tls = await createTlsMaterial();
    const certFile = join(work, "ca.pem");
    writeFileSync(certFile, tls.ca);
    const keys = JSON.stringify({
      primaryKey: "p".repeat(44), secondaryKey: "s".repeat(44),
      primaryKeyLastUpdated: "2026-01-01T00:00:00.0000000Z", secondaryKeyLastUpdated: "2026-01-01T00:00:00.0000000Z",
    });
    const server = createServer({ key: tls.key, cert: tls.cert, keepAliveTimeout: 60_000 }, (req, res) => {
      req.resume();
      req.on("end", () => res.writeHead(200, { "content-type": "application/json; charset=utf-8", "x-ms-request-id": "bench" }).end(keys));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const endpoint = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;

    const child = await new Promise<string>((resolve, reject) => {
      import("node:child_process").then(({ spawn }) => {
        const proc = spawn(process.execPath, ["--import", "tsx", join(REPO_ROOT, "scripts/bench-client.ts"), "--calls", endpoint], {
          cwd: REPO_ROOT, env: { ...process.env, NODE_EXTRA_CA_CERTS: certFile }, stdio: ["ignore", "pipe", "inherit"],
        });
        let out = "";
        proc.stdout.on("data", (c: Buffer) => (out += c));
        proc.on("exit", (code) => (code === 0 ? resolve(out) : reject(new Error(`call benchmark exited ${code}`))));
      }, reject);
    });
    server.close();
    const calls = JSON.parse(child) as Record<Peer, number[]>;

    const imports: Partial<Record<Peer, number>> = {};
    for (const peer of PEERS) {
      const specifier = IMPORTS[peer];
      if (!specifier) continue;
      importTime(specifier); // warm the file cache
      imports[peer] = median(Array.from({ length: IMPORT_SAMPLES }, () => importTime(specifier)));
    }
    const footprints: Partial<Record<Peer, { bytes: number; packages: number }>> = {};
    for (const peer of PEERS) if (PACKAGES[peer]) footprints[peer] = footprint(PACKAGES[peer]!);
    const bundles = {} as Record<Peer, { minified: number; gzipped: number }>;
    for (const peer of PEERS) bundles[peer] = await bundleBytes(APPS[peer]);

    const ratio = (value: number | undefined, base: number | undefined) => (value === undefined || !base ? "" : `${(value / base).toFixed(2)}×`);
    const p50 = (peer: Peer) => percentile(calls[peer], 0.5);
    console.log(`node ${process.version}, ${CALLS} sequential calls each over HTTPS keep-alive to 127.0.0.1 (after ${WARMUP} warm-up), imports median of ${IMPORT_SAMPLES} fresh processes\n`);
    const header = ["", "p50 ms", "p99 ms", "calls/s", "p50 vs SDK", "import ms", "vs SDK", "footprint", "vs SDK", "bundle gz", "vs SDK"];
    const rows = PEERS.map((peer) => {
      const total = calls[peer].reduce((a, b) => a + b, 0);
      const fp = footprints[peer];
      return [
        peer,
        p50(peer).toFixed(3), percentile(calls[peer], 0.99).toFixed(3), (CALLS / (total / 1000)).toFixed(0), ratio(p50(peer), p50(SDK)),
        imports[peer] === undefined ? "—" : imports[peer]!.toFixed(1), ratio(imports[peer], imports[SDK]),
        fp ? `${(fp.bytes / 1024).toFixed(0)} KiB (${fp.packages} pkg)` : "—", ratio(fp?.bytes, footprints[SDK]?.bytes),
        `${(bundles[peer].gzipped / 1024).toFixed(1)} KiB`, ratio(bundles[peer].gzipped, bundles[SDK].gzipped),
      ];
    });
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
    for (const row of [header, ...rows]) console.log(row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join("  "));

    const rekey: Peer = "rekey (generated)";
    const targets: Array<[string, number, number]> = [
      ["per-call p50", p50(rekey) / p50(SDK), 1.0],
      ["import time", imports[rekey]! / imports[SDK]!, 0.1],
      ["install footprint", footprints[rekey]!.bytes / footprints[SDK]!.bytes, 0.1],
      ["bundle (min+gzip)", bundles[rekey].gzipped / bundles[SDK].gzipped, 0.1],
    ];
    console.log("\ntargets (rekey vs @azure/arm-maps):");
    for (const [name, value, target] of targets) {
      console.log(`${value <= target ? "met   " : "MISSED"} client ${name}: ${value.toFixed(3)}× @azure/arm-maps (target ≤ ${target}×)`);
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

await main();
