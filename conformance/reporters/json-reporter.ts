/**
 * `{ summary, results }` as pretty JSON, written on close. Keys come in a fixed order — the order of the types in
 * exchange.ts, then any others sorted, and free-form data (headers, bodies, expected/actual) sorted throughout — so
 * two runs of the same exchanges give files that diff cleanly. Results keep the order the runner gave them.
 */
import { resolve } from "node:path";
import { displayPath } from "../../kernel/index.ts";
import type { Exchange, ExchangeResponse, ExchangeResult, Expectation, Finding, Reporter, RunSummary } from "../exchange.ts";
import type { OutputStream } from "./format.ts";
import { recordRun, type RunReport } from "./run-record.ts";
import { writeReport } from "./write-report.ts";

type Json = Record<string, unknown>;
type Shape = (value: never) => unknown;

function sortedDeep(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortedDeep);
  if (typeof value !== "object" || value === null) return value;
  return Object.fromEntries(Object.keys(value).sort().map((key) => [key, sortedDeep((value as Json)[key])]));
}

/** `order` first, then any other keys sorted; `shapes` order nested values, the rest are sorted deeply. */
function ordered<T extends object>(value: T, order: Array<keyof T & string>, shapes: Partial<Record<keyof T, Shape>> = {}): Json {
  const source = value as Json;
  const rest = Object.keys(source).filter((key) => !(order as string[]).includes(key)).sort();
  const out: Json = {};
  for (const key of [...order, ...rest]) {
    if (source[key] === undefined) continue;
    const shape = (shapes as Record<string, Shape>)[key];
    out[key] = shape ? shape(source[key] as never) : sortedDeep(source[key]);
  }
  return out;
}

const summaryJson = (s: RunSummary) => ordered(s, ["target", "exchanges", "passed", "failed", "heldBack", "skipped",
  "checks", "failures", "warnings", "passedWithWarnings", "strict", "durationMs", "interrupted", "heldBackReasons"],
{ target: (t: RunSummary["target"]) => ordered(t, ["kind", "url", "detail"]) });

const expectationJson = (e: Expectation) => ordered(e as Expectation & { statuses?: number[]; example?: object;
  status?: number; violates?: string }, ["kind", "statuses", "example", "status", "violates"],
{ example: (x: { status: number; body?: unknown }) => ordered(x, ["status", "body"]) });

const exchangeJson = (x: Exchange) => ordered(x, ["id", "kind", "title", "service", "apiVersion", "operationId",
  "request", "authorize", "expect", "mutation", "resource", "scenario", "source", "checks"], {
  request: (r: Exchange["request"]) => ordered(r, ["method", "url", "headers", "body"]),
  expect: expectationJson,
  scenario: (s: NonNullable<Exchange["scenario"]>) => ordered(s, ["name", "step", "of", "key"]),
});

const responseJson = (r: ExchangeResponse) => ordered(r, ["status", "headers", "text", "json", "durationMs"]);

const findingJson = (f: Finding) => ordered(f, ["check", "exchange", "severity", "promoted", "pointer", "expected", "actual", "message"]);

const resultJson = (r: ExchangeResult) => ordered(r, ["exchange", "outcome", "response", "failures", "warnings", "checksRun",
  "notJudged", "reason", "curl", "attempts"], {
  exchange: exchangeJson,
  response: responseJson,
  failures: (list: Finding[]) => list.map(findingJson),
  warnings: (list: Finding[]) => list.map(findingJson),
});

/** The report's text: what `jsonReporter` writes. */
export function reportJson(report: RunReport): string {
  const doc = { summary: summaryJson(report.summary), results: report.results.map(resultJson) };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

/** Writes `{ summary, results }` to `file` on close (nothing if the run never started); names the file on `stream`. */
export function jsonReporter(file: string, { stream }: { stream?: OutputStream } = {}): Reporter {
  const recorder = recordRun();
  return {
    onEvent: recorder.onEvent,
    async close() {
      const report = recorder.report();
      if (!report) return;
      await writeReport(file, reportJson(report));
      stream?.write(`json report: ${displayPath(resolve(file))}\n`);
    },
  };
}
