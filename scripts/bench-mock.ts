/**
 * npm run bench:mock — the mock under load (autocannon, keep-alive, 10 and 50 connections), side by side with Prism
 * (@stoplight/prism-cli serving the same spec document) and a bare node:http server returning a fixed body, all
 * measured in this run, each server in its own process. Scenarios: a valid Maps regenerate, an invalid Maps body,
 * an APIM 204, each at 10 and at 50 connections. Prints req/s, p50/p99 latency, cold start (spawn → first answer)
 * and peak RSS under load, with ratios and a met/MISSED line per target. rekey's mock runs with validation and
 * state on.
 *
 * Targets (issue #16), at 10 and at 50 connections: req/s ≥ 15× Prism and ≥ 60% of bare; p99 ≤ 0.1× Prism's;
 * RSS under load ≤ 0.5× Prism's; cold start ≤ 0.25× Prism's.
 * Options: --seconds N (per measured run, default 5), --starts N (default 5).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { once } from "node:events";
import autocannon from "autocannon";
import { REPO_ROOT } from "../kernel/index.ts";

const arg = (name: string, fallback: number) => Number(process.argv[process.argv.indexOf(name) + 1]) || fallback;
const seconds = arg("--seconds", 5);
const starts = arg("--starts", 5);
const PORTS = { rekey: 47110, prism: 47120, prismApim: 47121, bare: 47130 };

const MAPS_PATH = "/subscriptions/21a9967a-e8a9-4656-a70b-96ff1c4d05a0/resourceGroups/myResourceGroup/providers/Microsoft.Maps/accounts/myMapsAccount/regenerateKey?api-version=2023-06-01";
const APIM_PATH = "/subscriptions/subid/resourceGroups/rg1/providers/Microsoft.ApiManagement/service/apimService1/tenant/access/regeneratePrimaryKey?api-version=2022-08-01";
const JSON_HEADERS = { authorization: "Bearer bench-token", "content-type": "application/json" };

interface Server {
  name: string;
  command: string[];
  port: number;
  /** A request that proves the server is up. */
  probe: { path: string; method: string; headers: Record<string, string>; body?: string };
}

const BARE_SERVER = `require("node:http").createServer((q, s) => { q.resume(); q.on("end", () => { s.writeHead(200, { "content-type": "application/json; charset=utf-8" }); s.end('{"primaryKey":"x","secondaryKey":"y"}'); }); }).listen(+process.argv[1], "127.0.0.1");`;
const prism = (spec: string, port: number) => [join("node_modules/.bin/prism"), "mock", "-p", String(port), "-h", "127.0.0.1", "--errors", spec];
function join(p: string) {
  return `${REPO_ROOT}/${p}`;
}

const mapsProbe = { path: MAPS_PATH, method: "POST", headers: JSON_HEADERS, body: '{"keyType":"primary"}' };
const servers: Record<string, Server> = {
  rekey: { name: "rekey mock", command: [process.execPath, join("cli/rekey.js"), "mock", "--quiet", "--port", String(PORTS.rekey)], port: PORTS.rekey, probe: mapsProbe },
  prism: { name: "Prism", command: prism("specs/maps/2023-06-01/openapi.yaml", PORTS.prism), port: PORTS.prism, probe: mapsProbe },
  prismApim: { name: "Prism (APIM spec)", command: prism("specs/apimanagement/2022-08-01/openapi.yaml", PORTS.prismApim), port: PORTS.prismApim, probe: { path: APIM_PATH, method: "POST", headers: { authorization: "Bearer bench-token" } } },
  bare: { name: "bare node:http", command: [process.execPath, "-e", BARE_SERVER, String(PORTS.bare)], port: PORTS.bare, probe: mapsProbe },
};

async function start(server: Server): Promise<{ child: ChildProcess; coldMs: number }> {
  const started = performance.now();
  const [cmd, ...args] = server.command;
  const child = spawn(cmd, args, { cwd: REPO_ROOT, stdio: "ignore" });
  for (;;) {
    try {
      const r = await fetch(`http://127.0.0.1:${server.port}${server.probe.path}`, { method: server.probe.method, headers: server.probe.headers, body: server.probe.body });
      await r.arrayBuffer();
      return { child, coldMs: performance.now() - started };
    } catch {
      if (child.exitCode !== null) throw new Error(`${server.name} exited with ${child.exitCode}`);
      await new Promise((r) => setTimeout(r, 5));
    }
  }
}

async function stop(child: ChildProcess) {
  if (child.exitCode !== null) return;
  child.kill("SIGTERM");
  await once(child, "exit");
}

function rssMb(pid: number): number {
  try {
    const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1];
    return Number(kb) / 1024;
  } catch {
    return 0;
  }
}

interface Load { rps: number; p50: number; p99: number; rssMb: number; non2xx: number; statuses: string }

async function load(server: Server, child: ChildProcess, request: { path: string; method: string; headers: Record<string, string>; body?: string }, connections: number): Promise<Load> {
  let peak = rssMb(child.pid!);
  const sampler = setInterval(() => (peak = Math.max(peak, rssMb(child.pid!))), 100);
  const result = await autocannon({
    url: `http://127.0.0.1:${server.port}`,
    connections,
    duration: seconds,
    requests: [{ method: request.method as "POST", path: request.path, headers: request.headers, body: request.body }],
  });
  clearInterval(sampler);
  const statuses = Object.entries(result.statusCodeStats ?? {}).map(([code, s]) => `${code}×${(s as { count: number }).count}`).join(" ");
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, rssMb: peak, non2xx: result.non2xx, statuses };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

// Cold start: spawn → first answered request, median of `starts` runs each.
const cold: Record<string, number> = {};
for (const key of ["rekey", "prism", "bare"] as const) {
  const times: number[] = [];
  for (let i = 0; i < starts; i++) {
    const { child, coldMs } = await start(servers[key]);
    times.push(coldMs);
    await stop(child);
  }
  cold[key] = median(times);
}

const scenarios = [
  { name: "Maps regenerate (valid)", request: mapsProbe, peers: ["rekey", "prism", "bare"] as const },
  { name: "Maps invalid body (400)", request: { ...mapsProbe, body: '{"keyType":"tertiary"}' }, peers: ["rekey", "prism", "bare"] as const },
  { name: "APIM regeneratePrimaryKey (204)", request: servers.prismApim.probe, peers: ["rekey", "prismApim", "bare"] as const },
];

const CONNECTIONS = [10, 50];
const TARGETS = { prismRps: 15, bareShare: 0.6, p99: 0.1, rss: 0.5, cold: 0.25 };
const verdict = (met: boolean) => (met ? "met" : "MISSED");
const fmt = (n: number, d = 0) => n.toFixed(d);
console.log(`npm run bench:mock — ${seconds} s per run after a discarded warm-up, keep-alive, ${CONNECTIONS.join(" and ")} connections; cold start median of ${starts}\n`);
const coldRatio = cold.rekey / cold.prism;
console.log(`cold start (spawn → first answer): rekey ${fmt(cold.rekey)} ms · Prism ${fmt(cold.prism)} ms · bare ${fmt(cold.bare)} ms · ` +
  `rekey/Prism ${coldRatio.toFixed(2)}× (target ≤ ${TARGETS.cold}×: ${verdict(coldRatio <= TARGETS.cold)})\n`);
const verdicts: Array<{ met: boolean; line: string }> = [];
for (const scenario of scenarios) {
  const results: Record<number, Record<string, Load>> = Object.fromEntries(CONNECTIONS.map((c) => [c, {}]));
  for (const key of scenario.peers) {
    const { child } = await start(servers[key]);
    await load(servers[key], child, scenario.request, CONNECTIONS[0]); // warm-up run, discarded
    for (const connections of CONNECTIONS) results[connections][key] = await load(servers[key], child, scenario.request, connections);
    await stop(child);
  }
  const [, prismKey] = scenario.peers;
  for (const connections of CONNECTIONS) {
    const at = results[connections];
    const r = at.rekey;
    const p = at[prismKey];
    const b = at.bare;
    console.log(`${scenario.name}, ${connections} connections`);
    for (const key of scenario.peers) {
      const x = at[key];
      console.log(`  ${servers[key].name.padEnd(18)} ${fmt(x.rps).padStart(7)} req/s   p50 ${fmt(x.p50, 1).padStart(5)} ms   p99 ${fmt(x.p99, 1).padStart(6)} ms   RSS ${fmt(x.rssMb).padStart(4)} MB   ${x.statuses}`);
    }
    const checks = [
      { name: "rekey/Prism req/s", value: `${(r.rps / p.rps).toFixed(1)}×`, target: `≥ ${TARGETS.prismRps}×`, met: r.rps / p.rps >= TARGETS.prismRps },
      { name: "rekey/bare req/s", value: `${((r.rps / b.rps) * 100).toFixed(0)}%`, target: `≥ ${TARGETS.bareShare * 100}%`, met: r.rps / b.rps >= TARGETS.bareShare },
      { name: "p99 rekey/Prism", value: `${(r.p99 / p.p99).toFixed(3)}×`, target: `≤ ${TARGETS.p99}×`, met: r.p99 / p.p99 <= TARGETS.p99 },
      { name: "RSS rekey/Prism", value: `${(r.rssMb / p.rssMb).toFixed(2)}×`, target: `≤ ${TARGETS.rss}×`, met: r.rssMb / p.rssMb <= TARGETS.rss },
    ];
    for (const check of checks) {
      console.log(`  ${check.name.padEnd(18)} ${check.value.padStart(7)}   target ${check.target}: ${verdict(check.met)}`);
      verdicts.push({ met: check.met, line: `mock ${scenario.name}, ${connections} connections: ${check.name} ${check.value} (target ${check.target})` });
    }
    console.log("");
  }
}
verdicts.unshift({ met: coldRatio <= TARGETS.cold, line: `mock cold start: rekey/Prism ${coldRatio.toFixed(2)}× (target ≤ ${TARGETS.cold}×)` });
for (const { met, line } of verdicts) console.log(`${met ? "met   " : "MISSED"} ${line}`);
