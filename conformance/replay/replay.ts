/**
 * `rekey conform --replay FILE…` as a function: recordings → their exchanges, each routed to its operation and judged
 * by the checks that apply to one recorded exchange, offline (nothing is sent; no socket is opened). Events and
 * results are the runner's, so the same reporters, severities and exit codes apply; exchanges that match no
 * operation are listed as skipped, never failed, and what could not be judged is listed with each result.
 */
import { type Ajv, type DocumentModel, loadSpecs } from "../../kernel/index.ts";
import type { ExchangeResult, RunEvent, TargetDescription } from "../exchange.ts";
import { enabledChecks } from "../exchanges/compile-exchanges.ts";
import { ajvValidators, buildMockModel } from "../mock/mock-model.ts";
import { routeTable } from "../mock/route-table.ts";
import { summarize } from "../run-summary.ts";
import type { RunOutcome } from "../runner/run-conformance.ts";
import { DEFAULT_MAX_BODY_BYTES, MAX_BODY_BYTES_CEILING } from "../runner/http-sender.ts";
import { SecretKeeper } from "../runner/secrets.ts";
import { optionError } from "../targets/target-options.ts";
import { judgeRecorded } from "./judge-recording.ts";
import { readRecording } from "./read-recording.ts";

export interface ReplayOptions {
  files: string[];
  specsDir?: string;
  /** Already-loaded specs (tests); loaded from specsDir otherwise. */
  docs?: DocumentModel[];
  ajv?: Ajv;
  checks?: string[];
  strict?: boolean;
  /** Largest body judged once decoded, in bytes (default: the runner's, 4 MiB). */
  maxBodyBytes?: number;
  onEvent?: (event: RunEvent) => void;
}

export async function replay(options: ReplayOptions): Promise<RunOutcome> {
  const started = performance.now();
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  if (!Number.isInteger(maxBodyBytes) || maxBodyBytes < 1 || maxBodyBytes > MAX_BODY_BYTES_CEILING) {
    throw optionError("--max-body-bytes", `"${maxBodyBytes}" is not a whole number from 1 to ${MAX_BODY_BYTES_CEILING}`, "e.g. --max-body-bytes 16777216");
  }
  const enabled = enabledChecks(options.checks);
  // Every file is read before anything is judged: a file that is not a recording stops the run with one line.
  const recordings = options.files.map((file) => readRecording(file));
  const loaded = options.docs && options.ajv ? { docs: options.docs, ajv: options.ajv } : await loadSpecs(options.specsDir);
  const ajv = loaded.ajv!;
  const table = routeTable(buildMockModel(loaded.docs, ajvValidators(loaded.docs, ajv)));
  const secrets = new SecretKeeper();
  const strict = options.strict ?? false;
  const emit = (event: RunEvent) => options.onEvent?.(event);

  const formats = [...new Set(recordings.map((r) => r.format.label))].join(", ");
  const named = options.files.length > 3 ? `${options.files.slice(0, 2).join(", ")}, … (${options.files.length} files)` : options.files.join(", ");
  const target: TargetDescription = { kind: "replay", url: named, detail: formats || undefined };
  const total = recordings.reduce((n, r) => n + r.exchanges.length, 0);
  emit({ type: "run-start", target, total, redact: (result) => secrets.result(result), strict });

  const results: ExchangeResult[] = [];
  for (const recording of recordings) {
    for (const recorded of recording.exchanges) {
      const result = judgeRecorded(recording, recorded, { table, ajv, enabled, strict, maxBodyBytes, secrets });
      results.push(result);
      emit({ type: "exchange-end", result });
    }
  }
  // Once more with every secret seen: a key in a later answer may have been quoted by an earlier one.
  const ordered = results.map((result) => secrets.result(result));
  const summary = summarize(target, ordered, Math.round(performance.now() - started), false, strict);
  emit({ type: "run-end", summary, results: ordered });
  return { summary, results: ordered };
}
