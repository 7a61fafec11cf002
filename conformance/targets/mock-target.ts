/** `--target mock` (the default): the embedded ARM mock on a free loopback port, started for the run and stopped after. */
import { randomBytes } from "node:crypto";
import type { Ajv, DocumentModel } from "../../kernel/index.ts";
import { startMock } from "../mock/start-mock.ts";
import type { Target } from "../runner/run-conformance.ts";
import type { TargetOptions } from "./target-options.ts";

/**
 * How long the embedded mock's long-running operations stay InProgress in a conformance run: long enough for the
 * read a rotation takes before its first poll (a few ms on loopback) to land while the operation runs, short enough
 * that a run's chain of rotations of one resource stays fast (`rekey mock` alone defaults to 100 ms).
 */
export const CONFORM_LRO_DURATION_MS = 40;

export async function mockTarget(options: TargetOptions, docs: DocumentModel[], ajv: Ajv): Promise<Target> {
  // Each document's exchanges see resources of their own, as if each were run against a mock of its own: copies of
  // one service (api-versions whose examples name the same account) need not wait for each other's rotations.
  const mock = await startMock({
    docs, ajv, fault: options.fault, lroDurationMs: options.lroDurationMs ?? CONFORM_LRO_DURATION_MS, examplesOnly: options.examplesOnly,
    statePerApiVersion: true,
  });
  // A fresh opaque token per run: the mock accepts any well-formed one, and the secrecy test looks for this one.
  const token = `rekey-conform-${randomBytes(18).toString("base64url")}`;
  const detail = [options.fault && `fault ${options.fault}`, options.lroDurationMs !== undefined && `operations run ${options.lroDurationMs} ms`, options.examplesOnly && "examples only"].filter(Boolean).join(", ");
  return {
    description: { kind: "mock", url: mock.url, detail: detail || undefined },
    baseUrl: mock.url,
    token: async () => token,
    examplesMode: options.examplesOnly === true,
    statePerApiVersion: true,
    holdBack: () => undefined,
    close: () => mock.close(),
  };
}
