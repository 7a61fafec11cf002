/**
 * `rekey versions`: what specs/ holds per resource type, and — with --live — what ARM's providers API offers.
 * Until the mock answers the providers route, a stand-in on 127.0.0.1 does, in the shape the mock will use:
 * `{ id, namespace, registrationState, resourceTypes: [{ resourceType, locations, apiVersions: newest first }] }`.
 * Commands run through the CLI's main() in process, and through the real command once per outcome (a listing, exit 1,
 * an ARM error, a usage error).
 */
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { compareWithProvider, resourceTypeOf, type ResourceTypeVersions, specResourceTypes } from "../../generator/diff/resource-types.ts";
import { isStable, loadSpecs } from "../../kernel/index.ts";
import { type CliResult, runRekey } from "../helpers/cli.ts";
import { copyTree, removeTempDirs, tempDir } from "../helpers/files.ts";
import { runInProcess } from "../helpers/in-process.ts";
import { REPO_SPECS } from "../helpers/repo-specs.ts";

const SUB = "00000000-0000-0000-0000-000000000000";
const WIDGETS = fileURLToPath(new URL("../generator/fixtures/", import.meta.url));
const TOKEN = "stand-in-token-7d1e";
type Offered = Record<string, Record<string, string[]>>;

/**
 * What Azure offers, built from what specs/ holds: per namespace, each resource type (its top-level type, as ARM
 * lists it) with every spec's api-version, an older one and a newer preview, newest first as ARM lists them.
 */
const { docs } = await loadSpecs(REPO_SPECS);
const SPEC_TYPES = specResourceTypes(docs);
const topType = (t: ResourceTypeVersions) => t.resourceType.split("/")[0];
const nextYear = (t: ResourceTypeVersions) => Number(t.apiVersions.at(-1)!.slice(0, 4)) + 1;
function offeredToday(): Offered {
  const offered: Offered = {};
  for (const t of SPEC_TYPES) {
    const versions = [`${nextYear(t)}-01-01-preview`, ...[...t.apiVersions].reverse(), "2015-01-01"];
    offered[t.namespace] = { ...offered[t.namespace], [topType(t)]: [...new Set([...(offered[t.namespace]?.[topType(t)] ?? []), ...versions])].sort().reverse() };
  }
  return offered;
}
const TODAY = offeredToday();
const typeName = (t: ResourceTypeVersions) => `${t.namespace}/${t.resourceType} (${t.services.join(", ")})`;

let server: Server;
let url = "";
let offered: Offered = TODAY;
let status = 200;
let flood = false;
const seen: Array<{ path: string; query: string; headers: IncomingHttpHeaders }> = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    const u = new URL(req.url ?? "/", "http://127.0.0.1");
    seen.push({ path: u.pathname, query: u.search, headers: req.headers });
    const m = /^\/subscriptions\/([^/]+)\/providers\/([^/]+)$/.exec(u.pathname);
    const types = m ? offered[decodeURIComponent(m[2])] : undefined;
    res.setHeader("content-type", "application/json; charset=utf-8");
    if (flood) {
      const chunk = Buffer.alloc(64 * 1024, " ");
      const pump = () => {
        while (!res.destroyed && res.write(chunk));
        if (!res.destroyed) res.once("drain", pump);
      };
      res.writeHead(200);
      pump();
    } else if (status !== 200) {
      res.writeHead(status).end(JSON.stringify({ error: { code: "InvalidAuthenticationToken", message: "The access token is invalid." } }));
    } else if (!m || !types) {
      res.writeHead(404).end(JSON.stringify({ error: { code: "InvalidResourceNamespace", message: "The resource namespace is invalid." } }));
    } else {
      res.writeHead(200).end(JSON.stringify({
        id: `/subscriptions/${m[1]}/providers/${m[2]}`,
        namespace: m[2],
        registrationState: "Registered",
        resourceTypes: Object.entries(types).map(([resourceType, apiVersions]) => ({ resourceType, locations: ["West Europe"], apiVersions })),
      }));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
afterAll(removeTempDirs);
beforeEach(() => {
  offered = TODAY;
  status = 200;
  flood = false;
  seen.length = 0;
});

const live = (extra: string[] = [], run: (args: string[]) => Promise<CliResult> = runInProcess) =>
  run(["versions", "--live", "--endpoint", url, "--subscription", SUB, "--token-env", "REKEY_TEST_TOKEN", ...extra]);
process.env.REKEY_TEST_TOKEN = TOKEN;

describe("rekey versions", () => {
  it("lists the api-versions a specs folder holds per resource type", async () => {
    const specs = copyTree(WIDGETS, `${tempDir()}/specs`);
    copyTree(`${specs}/widgets/2024-01-01`, `${specs}/widgets/2024-06-01-preview`);
    expect(await runRekey(["versions", "--specs", specs])).toEqual({
      code: 0,
      stderr: "",
      stdout: "Example.Widgets/widgets (widgets): 2024-01-01, 2024-06-01-preview\n",
    });
  });

  it("lists every api-version of specs/, one line per resource type", async () => {
    const result = await runInProcess(["versions"]);
    expect({ code: result.code, stderr: result.stderr }).toEqual({ code: 0, stderr: "" });
    expect(result.stdout.split("\n")).toEqual([...SPEC_TYPES.map((t) => `${typeName(t)}: ${t.apiVersions.join(", ")}`), ""]);
    const listed = result.stdout.match(/\d{4}-\d{2}-\d{2}(-[a-z]+)?/g)!;
    for (const doc of docs) expect(listed).toContain(doc.apiVersion);
  });

  it("--live: up to date when Azure's newest stable api-versions all have specs (previews are not asked for)", async () => {
    const result = await live(["--fail-on-new"]);
    expect(result.stdout.split("\n")).toEqual([
      ...SPEC_TYPES.map((t) => `${typeName(t)}: specs ${t.apiVersions.join(", ")}; up to date (Azure's newest stable: ${t.apiVersions.filter(isStable).at(-1)})`),
      "",
    ]);
    expect(result.code).toBe(0);
    expect(seen.map((s) => `${s.path}${s.query}`).sort()).toEqual(
      Object.keys(TODAY).sort().map((namespace) => `/subscriptions/${SUB}/providers/${namespace}?api-version=2021-04-01`));
    expect(seen.every((s) => s.headers.authorization === `Bearer ${TOKEN}`)).toBe(true);
  });

  it("--live --fail-on-new: a newer stable api-version without a spec is reported and exits 1", async () => {
    const type = SPEC_TYPES[0];
    const newer = `${nextYear(type)}-03-01`;
    const types = TODAY[type.namespace];
    offered = { ...TODAY, [type.namespace]: { ...types, [topType(type)]: [`${nextYear(type)}-09-01-preview`, newer, ...types[topType(type)]] } };
    const result = await live(["--fail-on-new"], runRekey);
    expect(result.stdout).toContain(`${typeName(type)}: specs ${type.apiVersions.join(", ")}; NEW: Azure offers stable ${newer} with no spec yet — add specs/${type.services[0]}/${newer}\n`);
    expect(result.code).toBe(1);
    expect((await live()).code).toBe(0); // reported, but only --fail-on-new fails
  });

  it("--live: an endpoint that never stops answering is cut at the body limit: one line, exit 2", async () => {
    flood = true;
    const result = await live();
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(result.stderr).toMatch(/answered with a body over 4 MiB/);
  });

  it("--live: ARM's errors are one line, exit 2, and the token is never printed", async () => {
    status = 401;
    const result = await live([], runRekey);
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(result.stderr).toMatch(/^error: providers API: GET http:\/\/127\.0\.0\.1:\d+\/subscriptions\/.*\/providers\/Microsoft\.\w+ answered 401 InvalidAuthenticationToken: The access token is invalid\. — pass a valid ARM token/);
    expect(result.stdout + result.stderr).not.toContain(TOKEN);
  });

  it.each([
    [["versions", "--live"], "error: --live needs --subscription <id> (see `rekey versions --help`)\n"],
    [["versions", "--fail-on-new"], "error: --fail-on-new, --subscription and --token-env need --live (see `rekey versions --help`)\n"],
    [["versions", "--live", "--subscription", SUB, "--token-env", "REKEY_TEST_UNSET"], "error: environment variable REKEY_TEST_UNSET (--token-env) is not set (see `rekey versions --help`)\n"],
    [["versions", "--live", "--subscription", SUB, "--token-env", "REKEY_TEST_TOKEN", "--endpoint", "http://arm.example"],
      "error: providers API: refusing to send a bearer token over http to arm.example — use an https:// endpoint [versions/live]\n"],
  ])("%j is one line and exit 2", async (args, message) => {
    const result = await (args.length === 2 && args[1] === "--live" ? runRekey : runInProcess)(args);
    expect({ code: result.code, stderr: result.stderr }).toEqual({ code: 2, stderr: message });
    expect(result.stdout + result.stderr).not.toContain(TOKEN);
  });
});

describe("resource types", () => {
  it.each([
    ["/subscriptions/{s}/resourceGroups/{rg}/providers/Microsoft.Maps/accounts/{accountName}/regenerateKey", "Microsoft.Maps", "accounts"],
    ["/subscriptions/{s}/resourceGroups/{rg}/providers/Microsoft.ApiManagement/service/{serviceName}/tenant/{accessName}/regeneratePrimaryKey",
      "Microsoft.ApiManagement", "service/tenant"],
    ["/subscriptions/{s}/resourceGroups/{rg}/providers/Microsoft.Batch/batchAccounts/{accountName}", "Microsoft.Batch", "batchAccounts"],
  ])("%s → %s %s", (path, namespace, resourceType) => {
    expect(resourceTypeOf(path)).toEqual({ namespace, resourceType });
  });

  it("reads a POST's trailing literal/{parameter} as an action on the resource, not as a child type", () => {
    const path = "/subscriptions/{s}/resourceGroups/{rg}/providers/Microsoft.Search/searchServices/{searchServiceName}/regenerateAdminKey/{keyKind}";
    expect(resourceTypeOf(path, "post")).toEqual({ namespace: "Microsoft.Search", resourceType: "searchServices" });
    expect(resourceTypeOf(path, "get")).toEqual({ namespace: "Microsoft.Search", resourceType: "searchServices/regenerateAdminKey" });
  });

  it("falls back to the parent type when ARM does not list the child, and matches case-insensitively", () => {
    const spec = { namespace: "Microsoft.ApiManagement", resourceType: "service/tenant", services: ["apimanagement"], apiVersions: ["2022-08-01"] };
    const live = compareWithProvider(spec, [{ resourceType: "SERVICE", apiVersions: ["2024-05-01", "2024-06-01-preview", "2022-08-01"] }]);
    expect([live.matchedType, live.newerStable]).toEqual(["SERVICE", ["2024-05-01"]]);
  });
});
