/**
 * `rekey versions`: what specs/ holds per resource type, and — with --live — what ARM's providers API offers.
 * Until the mock answers the providers route, a stand-in on 127.0.0.1 does, in the shape the mock will use:
 * `{ id, namespace, registrationState, resourceTypes: [{ resourceType, locations, apiVersions: newest first }] }`.
 */
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { compareWithProvider, resourceTypeOf } from "../../generator/diff/resource-types.ts";
import { runRekey } from "../helpers/cli.ts";

const SUB = "00000000-0000-0000-0000-000000000000";
const TOKEN = "stand-in-token-7d1e";
type Offered = Record<string, Record<string, string[]>>;

/** What Azure offers today for the three namespaces (newest first, previews included, as ARM lists them). */
const TODAY: Offered = {
  "Microsoft.ApiManagement": { service: ["2025-03-01-preview", "2024-06-01-preview", "2024-05-01", "2023-05-01-preview", "2022-08-01"] },
  "Microsoft.Batch": { batchAccounts: ["2026-08-01", "2025-06-01", "2024-07-01", "2024-02-01"], operations: ["2026-08-01"] },
  "Microsoft.Maps": { accounts: ["2026-12-01", "2025-10-01-preview", "2023-06-01", "2021-02-01"] },
};

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
beforeEach(() => {
  offered = TODAY;
  status = 200;
  flood = false;
  seen.length = 0;
});

const live = (...extra: string[]) =>
  runRekey(["versions", "--live", "--endpoint", url, "--subscription", SUB, "--token-env", "REKEY_TEST_TOKEN", ...extra]);
process.env.REKEY_TEST_TOKEN = TOKEN;

describe("rekey versions", () => {
  it("lists the api-versions specs/ holds per resource type", async () => {
    expect(await runRekey(["versions"])).toEqual({
      code: 0,
      stderr: "",
      stdout: [
        "Microsoft.ApiManagement/service/tenant (apimanagement): 2022-08-01, 2024-05-01",
        "Microsoft.Batch/batchAccounts (batch): 2024-02-01, 2026-08-01",
        "Microsoft.Maps/accounts (maps): 2023-06-01, 2026-12-01",
        "",
      ].join("\n"),
    });
  });

  it("--live: up to date when Azure's newest stable api-versions all have specs (previews are not asked for)", async () => {
    const result = await live("--fail-on-new");
    expect(result.stdout.split("\n")).toEqual([
      "Microsoft.ApiManagement/service/tenant (apimanagement): specs 2022-08-01, 2024-05-01; up to date (Azure's newest stable: 2024-05-01)",
      "Microsoft.Batch/batchAccounts (batch): specs 2024-02-01, 2026-08-01; up to date (Azure's newest stable: 2026-08-01)",
      "Microsoft.Maps/accounts (maps): specs 2023-06-01, 2026-12-01; up to date (Azure's newest stable: 2026-12-01)",
      "",
    ]);
    expect(result.code).toBe(0);
    expect(seen.map((s) => `${s.path}${s.query}`).sort()).toEqual([
      `/subscriptions/${SUB}/providers/Microsoft.ApiManagement?api-version=2021-04-01`,
      `/subscriptions/${SUB}/providers/Microsoft.Batch?api-version=2021-04-01`,
      `/subscriptions/${SUB}/providers/Microsoft.Maps?api-version=2021-04-01`,
    ]);
    expect(seen.every((s) => s.headers.authorization === `Bearer ${TOKEN}`)).toBe(true);
  });

  it("--live --fail-on-new: a newer stable api-version without a spec is reported and exits 1", async () => {
    offered = { ...TODAY, "Microsoft.Maps": { accounts: ["2027-09-01-preview", "2027-03-01", ...TODAY["Microsoft.Maps"].accounts] } };
    const result = await live("--fail-on-new");
    expect(result.stdout).toContain("Microsoft.Maps/accounts (maps): specs 2023-06-01, 2026-12-01; NEW: Azure offers stable 2027-03-01 with no spec yet — add specs/maps/2027-03-01\n");
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
    const result = await live();
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
    const result = await runRekey(args);
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
