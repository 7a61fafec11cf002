/**
 * Two api-versions of one service whose examples name the same resource, with long-running rotations. Against a
 * URL target (one resource whatever api-version addresses it, as ARM) their changes to it never overlap; against the
 * embedded mock, which keeps each api-version's resources apart, they run side by side. Every exchange passes in both:
 * each scenario sees its own rotations undisturbed.
 */
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { conform } from "../../conformance/conform.ts";
import { unitKey, type RunEvent } from "../../conformance/exchange.ts";
import { startMock, type RunningMock } from "../../conformance/mock/start-mock.ts";
import { loadSpecs, type Ajv, type DocumentModel } from "../../kernel/index.ts";
import { copyAsApiVersion } from "../../scripts/synthetic-specs.ts";
import { exampleResources } from "../helpers/example-resources.ts";
import { removeTempDirs, tempDir } from "../helpers/files.ts";
import { productDocs } from "../helpers/mock.ts";

const API_VERSIONS = ["2101-01-01", "2102-01-01"];
const TOKEN_ENV = "REKEY_LOCKS_TOKEN";
const picked = (await productDocs()).find((doc) => doc.operations.some((o) => o.rotation && o.longRunning))!;

let docs: DocumentModel[];
let ajv: Ajv;
let shared: RunningMock;
beforeAll(async () => {
  const root = tempDir();
  for (const apiVersion of API_VERSIONS) copyAsApiVersion(join(picked.file, ".."), join(root, picked.service, apiVersion), apiVersion);
  ({ docs, ajv } = await loadSpecs(root) as { docs: DocumentModel[]; ajv: Ajv });
  shared = await startMock({ docs, ajv, lroDurationMs: 40 });
  process.env[TOKEN_ENV] = "rekey-locks-test-token";
});
afterAll(async () => {
  await shared?.close();
  delete process.env[TOKEN_ENV];
  removeTempDirs();
});

interface Span { apiVersion: string; resource: string; start: number; end: number }

/** Runs conform, and returns when each unit that may change a resource started and ended. */
async function spans(target: string): Promise<{ passed: number; exchanges: number; units: Span[] }> {
  const units = new Map<string, Span>();
  const mutating = new Set<string>();
  const onEvent = (event: RunEvent) => {
    if (event.type !== "exchange-start" && event.type !== "exchange-end") return;
    const exchange = event.type === "exchange-start" ? event.exchange : event.result.exchange;
    const key = unitKey(exchange);
    if (exchange.mutation !== "never") mutating.add(key);
    const span = units.get(key) ?? { apiVersion: exchange.apiVersion, resource: exchange.resource, start: Infinity, end: -Infinity };
    const now = performance.now();
    if (event.type === "exchange-start") span.start = Math.min(span.start, now);
    else span.end = Math.max(span.end, now);
    units.set(key, span);
  };
  const options = target === "mock" ? {} : { tokenEnv: TOKEN_ENV, allowMutations: true, resources: exampleResources(docs) };
  const { summary } = await conform({ target, docs, ajv, onEvent, ...options });
  return { passed: summary.passed, exchanges: summary.exchanges, units: [...units].filter(([key]) => mutating.has(key)).map(([, span]) => span) };
}

/** Pairs of units of different api-versions that change the same resource and ran at the same time. */
function overlaps(units: Span[]): Array<[Span, Span]> {
  const found: Array<[Span, Span]> = [];
  for (const a of units) {
    for (const b of units) {
      if (a.apiVersion < b.apiVersion && a.resource === b.resource && a.start < b.end && b.start < a.end) found.push([a, b]);
    }
  }
  return found;
}

describe("one resource addressed by two api-versions", () => {
  test("a URL target (one resource, as ARM): the two api-versions' changes to it wait for each other; every exchange passes", async () => {
    const run = await spans(shared.url);
    expect(run.passed).toBe(run.exchanges);
    expect(new Set(run.units.map((u) => u.apiVersion))).toEqual(new Set(API_VERSIONS));
    expect(overlaps(run.units)).toEqual([]);
  });

  test("the embedded mock (resources per api-version): they run side by side; every exchange passes", async () => {
    const run = await spans("mock");
    expect(run.passed).toBe(run.exchanges);
    expect(overlaps(run.units).length).toBeGreaterThan(0);
  });
});
