/**
 * The route table a replay uses is the mock's routing: for the same request, the table finds an operation exactly
 * when the running mock (over HTTP on loopback) gets past routing, and refuses with the same ARM code otherwise.
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { ajvValidators, buildMockModel } from "../../conformance/mock/mock-model.ts";
import { routeTable, type RouteTable } from "../../conformance/mock/route-table.ts";
import type { RunningMock } from "../../conformance/mock/start-mock.ts";
import { parseRecordedUrl } from "../../conformance/replay/route-recording.ts";
import { productSpecs, startProductMock, TOKEN } from "../helpers/mock.ts";

/** The codes routing refuses with; the pipeline's later steps answer with others. */
const ROUTING_CODES = new Set(["BadRequest", "NotFound", "MethodNotAllowed", "MissingApiVersionParameter", "InvalidApiVersionParameter", "NoRegisteredProviderFound"]);

let mock: RunningMock;
let table: RouteTable;
beforeAll(async () => {
  const { docs, ajv } = await productSpecs();
  table = routeTable(buildMockModel(docs, ajvValidators(docs, ajv)));
  mock = await startProductMock();
});
afterAll(() => mock?.close());

const maps = "/subscriptions/6d3f1c2b-9a4e-4f7d-8b21-3c5e7a9d0f12/resourceGroups/team-rg/providers/Microsoft.Maps/accounts/teammaps/regenerateKey";

const CASES: Array<[string, string]> = [
  ["POST", `${maps}?api-version=2026-12-01`],
  ["POST", `${maps.toUpperCase()}?api-version=2026-12-01`],
  ["POST", `${maps.toLowerCase()}?api-version=2023-06-01`],
  ["POST", `${maps}?api-version=2026-12-01`.replace("teammaps", "team%20maps")],
  ["POST", `${maps}/?api-version=2026-12-01`],
  ["POST", `${maps.replace("/providers", "//providers")}?api-version=2026-12-01`],
  ["POST", `${maps.replace("teammaps", "m".repeat(120))}?api-version=2026-12-01`],
  ["POST", `${maps.replace("teammaps", "team%zzmaps")}?api-version=2026-12-01`],
  ["POST", `${maps}/more?api-version=2026-12-01`],
  ["GET", `${maps}?api-version=2026-12-01`],
  ["PATCH", `${maps}?api-version=2026-12-01`],
  ["POST", maps],
  ["POST", `${maps}?api-version=2019-01-01`],
  ["POST", `${maps}?api-version=2026-12-01&api-version=2023-06-01`],
  ["POST", "/subscriptions/x/resourceGroups/rg/providers/Microsoft.Batch/batchAccounts/acct/regenerateKeys?api-version=2024-02-01"],
  ["POST", "/subscriptions/x/resourceGroups/rg/providers/Microsoft.ApiManagement/service/s/tenant/ACCESS/regeneratePrimaryKey?api-version=2024-05-01"],
];

describe("the route table routes as the running mock does", () => {
  test.each(CASES)("%s %s", async (method, url) => {
    const { path, query } = parseRecordedUrl(url);
    const routed = table.route({ method, path, query, headers: {} });
    const answer = await fetch(mock.url + url, {
      method,
      headers: { authorization: `Bearer ${TOKEN}`, "content-type": "application/json" },
      body: method === "GET" ? undefined : "{}",
    });
    const code = answer.status >= 400 ? ((await answer.json()) as { error?: { code?: string } }).error?.code : undefined;
    if ("refusal" in routed) {
      expect({ status: answer.status, code }).toEqual({ status: routed.refusal.status, code: routed.refusal.code });
    } else {
      expect(ROUTING_CODES.has(code ?? ""), `${answer.status} ${code}`).toBe(false);
      expect(routed.exchange.route.operations.size).toBeGreaterThan(0);
    }
  });
});
