/**
 * Every fault the mock can commit is caught by the check made for it on the exchange it should: proof that each
 * check can fail. A fault that breaks the contract fails the run; one that is drift (FAULT_CAUGHT_AS says which)
 * leaves the exchange passing with a warning, and fails it under --strict. A new fault without a row here fails the
 * first test.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { parseDocument } from "yaml";
import { conform } from "../../conformance/conform.ts";
import type { CompiledExchange, Severity } from "../../conformance/exchange.ts";
import { listFaults } from "../../conformance/mock/faults.ts";
import { deref, tokens } from "../../kernel/index.ts";
import { REPO_ROOT } from "../helpers/cli.ts";
import { FAULT_CAUGHT_AS as SYNCHRONOUS_FAULTS, LRO_FAULT_CAUGHT_AS } from "../helpers/fault-severity.ts";
import { copyTree, removeTempDirs, tempDir } from "../helpers/files.ts";
import { productSpecs } from "../helpers/mock.ts";
import { isBodyEnumNegative, pickOperation, type PickedOperation } from "../helpers/picked-operation.ts";

const { docs, ajv } = await productSpecs();
const FAULT_CAUGHT_AS = { ...SYNCHRONOUS_FAULTS, ...LRO_FAULT_CAUGHT_AS };

/** The example exchange's documented JSON object answer, if it has one. */
function exampleBody(exchange: CompiledExchange): Record<string, unknown> | undefined {
  const body = exchange.kind === "example" && exchange.expect.kind === "success" ? exchange.expect.example?.body : undefined;
  return typeof body === "object" && body !== null && !Array.isArray(body) && Object.keys(body).length > 0 ? body as Record<string, unknown> : undefined;
}
const isPathPatternNegative = (e: CompiledExchange) => e.kind === "negative" && /\/negative\/path\.[^/]+\.pattern$/.test(e.id);
/** The field the missing-field fault drops from an answer: the first the example's body shows. */
const droppedField = (picked: PickedOperation) => Object.keys(exampleBody(picked.exchanges.find((e) => exampleBody(e))!)!)[0];

// Operations from specs/, picked by what the faults need: one whose key is named in the body, that answers with a
// JSON body, has a name in the path with a pattern and rotates keys in its own answers; and one that answers 204.
const BODY = await pickOperation("answering keys in a JSON body, selected in the request body", ({ operation, exchanges }) => {
  const selector = operation.rotation?.selector;
  return selector !== undefined && "in" in selector && selector.in === "body" && operation.rotation!.readBack === undefined
    && exchanges.some((e) => exampleBody(e) !== undefined) && exchanges.some(isBodyEnumNegative) && exchanges.some(isPathPatternNegative)
    && exchanges.some((e) => e.scenario?.step === 2);
});
const NO_CONTENT = await pickOperation("answering 204 with no body", ({ exchanges }) =>
  exchanges.some((e) => e.kind === "example" && e.expect.kind === "success" && e.expect.example?.status === 204));
const BODY_EXAMPLE = BODY.exchanges.find((e) => exampleBody(e) !== undefined)!.id;
const NO_CONTENT_EXAMPLE = NO_CONTENT.exchanges.find((e) => e.kind === "example" && e.expect.kind === "success" && e.expect.example?.status === 204)!.id;
const id = (picked: PickedOperation, predicate: (e: CompiledExchange) => boolean) => picked.exchanges.find(predicate)!.id;
const steps = BODY.exchanges.filter((e) => e.scenario !== undefined);
// Long-running operations: one whose keys are read back by another operation, one whose final result shows them.
const isExample = (e: CompiledExchange) => e.kind === "example";
const READ_BACK_LRO = await pickOperation("long-running, its keys read back", ({ operation, exchanges }) =>
  operation.longRunning !== undefined && operation.rotation?.readBack !== undefined && exchanges.some(isExample) && exchanges.some((e) => e.scenario?.reads === false || (e.scenario !== undefined && !e.scenario.reads)));
const KEYS_LRO = await pickOperation("long-running, its final result showing the keys (with a schema)", ({ operation, exchanges }) =>
  operation.longRunning !== undefined && operation.rotation !== undefined && operation.rotation.readBack === undefined
  && operation.responses.some((r) => operation.longRunning!.finalStatuses.includes(r.status) && r.schemaPointer !== undefined) && exchanges.some(isExample));
const LRO_EXAMPLE = id(READ_BACK_LRO, isExample);
const lro = (check: string, extra: Partial<Expected> = {}): Expected => ({ check, exchange: LRO_EXAMPLE, only: [LRO_EXAMPLE], ...extra });
/** The first step that rotates (the one after the first read), in its own scenario only. */
const earlyRotation = READ_BACK_LRO.exchanges.find((e) => e.scenario !== undefined && !e.scenario.reads)!;

interface Expected {
  check: string;
  exchange: string;
  /** The fault as given to the mock (default: its name). */
  fault?: string;
  timeoutMs?: number;
  /** What the run sends (default: the two operations above). */
  only?: string[];
  lroTimeoutMs?: number;
  lroIntervalMs?: number;
  lroDurationMs?: number;
}

const EXPECTED: Record<string, Expected> = {
  "wrong-success-status": { check: "status", exchange: NO_CONTENT_EXAMPLE },
  "missing-field": { check: "example-match", exchange: BODY_EXAMPLE },
  "wrong-type": { check: "schema", exchange: BODY_EXAMPLE },
  "extra-field": { check: "undeclared-fields", exchange: BODY_EXAMPLE },
  "error-schema": { check: "error-contract", exchange: id(BODY, isBodyEnumNegative) },
  "wrong-content-type": { check: "content-type", exchange: BODY_EXAMPLE },
  "missing-content-type": { check: "content-type", exchange: id(BODY, (e) => e.id.endsWith("/negative/auth.missing")) },
  "missing-request-id": { check: "arm-headers", exchange: BODY_EXAMPLE },
  "body-on-204": { check: "content-type", exchange: NO_CONTENT_EXAMPLE },
  "malformed-json": { check: "schema", exchange: BODY_EXAMPLE },
  "server-error": { check: "negative-rejected", exchange: id(BODY, isPathPatternNegative) },
  throttle: { check: "status", exchange: BODY_EXAMPLE },
  // Sent alone: every exchange of the two operations would wait out its timeout, or its retries, for nothing asserted.
  delay: { check: "transport", exchange: BODY_EXAMPLE, fault: "delay:1500", timeoutMs: 300, only: [BODY_EXAMPLE] },
  "connection-reset": { check: "transport", exchange: BODY_EXAMPLE, only: [BODY_EXAMPLE] },
  // the first step compared with one before it, and the last step of the last scenario
  "no-rotation": { check: "rotation", exchange: steps.find((e) => e.scenario!.step === 2)!.id },
  "rotate-both": { check: "rotation", exchange: steps.at(-1)!.id },
  "rotate-other": { check: "rotation", exchange: steps.find((e) => e.scenario!.step === 2)!.id },
  "lro-failed": lro("async-terminal"),
  "lro-canceled": lro("async-terminal"),
  "lro-never-finishes": lro("async-terminal", { lroTimeoutMs: 300 }),
  "lro-status-404": lro("async-polling-url"),
  // Polled every 30 ms, an operation of 300 ms shows itself running to more than one poll.
  "lro-no-retry-after": lro("async-retry-after", { lroIntervalMs: 30, lroDurationMs: 300 }),
  "lro-no-polling-header": lro("async-accepted"),
  "lro-foreign-host": lro("async-polling-url"),
  "lro-relative-url": lro("async-polling-url"),
  "lro-bad-status-body": lro("async-polling-url"),
  "lro-invalid-final-result": lro("async-final-result", { exchange: id(KEYS_LRO, isExample), only: [id(KEYS_LRO, isExample)] }),
  // The read-back taken while the operation runs already shows the new key; long enough that it lands then.
  "lro-rotate-early": lro("rotation", { exchange: earlyRotation.id, only: [earlyRotation.id], lroDurationMs: 300 }),
};

describe("each mock fault is caught by the check made for it", () => {
  test("every fault the mock offers has an expectation here and a severity", () => {
    expect(Object.keys(EXPECTED).sort()).toEqual(listFaults().map((f) => f.name).sort());
    expect(Object.keys(FAULT_CAUGHT_AS).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  const run = (name: string, expected: Expected, strict: boolean) => conform({
    target: "mock", docs, ajv, fault: expected.fault ?? name, timeoutMs: expected.timeoutMs, retries: 1, strict,
    only: expected.only ?? [BODY.only, NO_CONTENT.only],
    lroTimeoutMs: expected.lroTimeoutMs, lroIntervalMs: expected.lroIntervalMs, lroDurationMs: expected.lroDurationMs,
  });

  // Runs are independent (each its own mock) and mostly wait, so they overlap; the few whose verdict hangs on an
  // operation being seen still running within a short duration run alone, so a busy event loop cannot hide it.
  const timed = ([, expected]: [string, Expected]) => expected.lroDurationMs !== undefined;
  const rows = (severity: Severity, wantTimed: boolean) => Object.entries(EXPECTED)
    .filter((row) => FAULT_CAUGHT_AS[row[0]] === severity && timed(row) === wantTimed)
    .map(([name, expected]) => [name, expected.check, expected] as const);

  const fails = async (name: string, _check: string, expected: Expected) => {
    const { summary, results } = await run(name, expected, false);
    expect(summary.failed).toBeGreaterThan(0);
    const result = results.find((r) => r.exchange.id === expected.exchange)!;
    expect(result.outcome).toBe("failed");
    const caught = result.failures.filter((f) => f.check === expected.check);
    expect(caught.length, JSON.stringify(result.failures, null, 1)).toBeGreaterThan(0);
    for (const failure of caught) expect([failure.severity, failure.promoted]).toEqual(["failure", undefined]);
    for (const failure of result.failures) {
      expect(failure.exchange).toBe(expected.exchange);
      expect(failure.message.length).toBeGreaterThan(5);
      expect(typeof failure.pointer).toBe("string");
    }
  };
  test.concurrent.each(rows("failure", false))("%s → %s fails", fails);
  test.each(rows("failure", true))("%s → %s fails", fails);

  const warns = async (name: string, _check: string, expected: Expected) => {
    const lenient = (await run(name, expected, false)).results.find((r) => r.exchange.id === expected.exchange)!;
    expect(lenient.outcome, JSON.stringify(lenient.failures, null, 1)).toBe("passed");
    expect(lenient.failures).toEqual([]);
    const warned = lenient.warnings.filter((w) => w.check === expected.check);
    expect(warned.length, JSON.stringify(lenient.warnings, null, 1)).toBeGreaterThan(0);
    for (const warning of warned) expect(warning.severity).toBe("warning");

    const { summary, results } = await run(name, expected, true);
    expect(summary.strict).toBe(true);
    expect(summary.warnings).toBe(0);
    const strict = results.find((r) => r.exchange.id === expected.exchange)!;
    expect(strict.outcome).toBe("failed");
    expect(strict.warnings).toEqual([]);
    const promoted = strict.failures.filter((f) => f.check === expected.check);
    expect(promoted.length).toBe(warned.length);
    for (const failure of promoted) expect([failure.severity, failure.promoted]).toEqual(["failure", true]);
  };
  test.concurrent.each(rows("warning", false))("%s → %s warns; --strict fails", warns);
  test.each(rows("warning", true))("%s → %s warns; --strict fails", warns);
});

describe("what is drift in one spec is a failure in another", () => {
  afterAll(removeTempDirs);

  test("missing-field: a field the schema requires fails example-match (and schema), --strict or not", async () => {
    // A copy of the operation's spec folder whose success schema requires the field the fault drops.
    const { doc, operation } = BODY;
    const field = droppedField(BODY);
    const specsDir = join(tempDir("rekey-required-"), "specs");
    const folder = copyTree(join(REPO_ROOT, "specs", doc.service, doc.apiVersion), join(specsDir, doc.service, doc.apiVersion));
    const file = join(folder, "openapi.yaml");
    const { expect: answer } = BODY.exchanges.find((e) => e.id === BODY_EXAMPLE)!;
    const status = answer.kind === "success" ? String(answer.example?.status) : undefined;
    const response = operation.responses.find((r) => r.status === status)!;
    const schema = deref(doc.raw, response.schema, response.schemaPointer!);
    const yaml = parseDocument(readFileSync(file, "utf8"));
    const required = (schema.node.required as string[] | undefined) ?? [];
    expect(required).not.toContain(field); // else the fault would not be drift in the product spec
    yaml.setIn([...tokens(schema.pointer), "required"], [...required, field]);
    writeFileSync(file, yaml.toString());

    const { results } = await conform({ target: "mock", specsDir, fault: "missing-field", only: [BODY_EXAMPLE] });
    const [result] = results;
    expect(result!.outcome).toBe("failed");
    const missing = result!.failures.find((f) => f.check === "example-match")!;
    expect(missing).toMatchObject({ pointer: `/${field}`, severity: "failure", message: `/${field} is missing (the example shows it and the schema requires it)` });
    expect(missing.promoted).toBeUndefined();
    expect(result!.failures.map((f) => f.check)).toContain("schema");
  });

  test("missing-field: a key x-rekey-rotation names stays a rotation failure on every scenario step", async () => {
    // An operation whose answer shows its keys, where the field the fault drops is one of them.
    const keyOf = (picked: PickedOperation) => Object.entries(picked.operation.rotation?.keys ?? {})
      .find(([, where]) => where.value === `/${droppedField(picked)}`)?.[0];
    const picked = await pickOperation("dropping a rotated key under the missing-field fault", (candidate) =>
      candidate.operation.rotation?.readBack === undefined && candidate.exchanges.some((e) => exampleBody(e) !== undefined)
      && candidate.exchanges.some((e) => e.scenario !== undefined) && keyOf(candidate) !== undefined);
    const field = droppedField(picked);
    const { results } = await conform({ target: "mock", docs, ajv, fault: "missing-field", only: [`${picked.key}/scenario/**`] });
    expect(results).toHaveLength(picked.exchanges.filter((e) => e.scenario !== undefined).length);
    expect(results.length).toBeGreaterThan(0);
    for (const result of results) {
      expect(result.outcome).toBe("failed");
      expect(result.failures.find((f) => f.check === "rotation" && f.pointer === `/${field}`)).toMatchObject({
        severity: "failure", message: `the answer has no /${field} (x-rekey-rotation names it as the ${keyOf(picked)} key)`,
      });
    }
  });
});
