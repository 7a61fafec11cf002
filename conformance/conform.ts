/**
 * `rekey conform` as a function: specs → exchanges → target → run → outcome. The CLI, `npm start` and the tests
 * all come through here.
 */
import { MAX_TIMER_MS } from "../client-runtime/timeout.ts";
import { type Ajv, type DocumentModel, loadSpecs } from "../kernel/index.ts";
import type { CompiledExchange, RunEvent } from "./exchange.ts";
import { compileExchanges, enabledChecks } from "./exchanges/compile-exchanges.ts";
import { resolveFault } from "./mock/start-mock.ts";
import { MAX_BODY_BYTES_CEILING } from "./runner/http-sender.ts";
import { runConformance, type RunOutcome, type Target } from "./runner/run-conformance.ts";
import { namedResources, type NamedResources } from "./targets/named-resources.ts";
import { liveTarget } from "./targets/live-target.ts";
import { mockTarget } from "./targets/mock-target.ts";
import { optionError, type TargetOptions } from "./targets/target-options.ts";
import { urlTarget, parseBaseUrl } from "./targets/url-target.ts";

/** What a caller of a run chooses (the public API's options, api/index.ts). */
export interface ConformRunOptions extends TargetOptions {
  specsDir?: string;
  only?: string[];
  skip?: string[];
  checks?: string[];
  concurrency?: number;
  timeoutMs?: number;
  /** Largest answer body read per exchange, in bytes (default 4 MiB, `--max-body-bytes`). */
  maxBodyBytes?: number;
  retries?: number;
  /** Longest a long-running operation is followed after its accepted answer, in ms (`--lro-timeout`, default 60 s). */
  lroTimeoutMs?: number;
  /** Wait between polls when an answer has no usable Retry-After, in ms (tests; default 2 s, as @azure/core-lro). */
  lroIntervalMs?: number;
  /** Count warnings (drift) as failures (`--strict`). */
  strict?: boolean;
  signal?: AbortSignal;
  onEvent?: (event: RunEvent) => void;
}

export interface ConformOptions extends ConformRunOptions {
  /** Already-loaded specs (tests); loaded from specsDir otherwise. */
  docs?: DocumentModel[];
  ajv?: Ajv;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Flags that only make sense for some kinds of target are refused elsewhere, rather than silently ignored. */
function checkTargetFlags(options: ConformOptions): "mock" | "live" | "url" {
  const kind = options.target === "mock" ? "mock" : options.target === "live" ? "live" : "url";
  if (kind === "url") parseBaseUrl(options.target);
  if (kind !== "mock" && options.fault) throw optionError("--fault", "faults are the embedded mock's", "drop --fault, or use --target mock");
  // Names the flags give are checked before the specs load (a second or more on a big tree), not after.
  resolveFault(options.fault);
  enabledChecks(options.checks);
  if (kind !== "mock" && options.lroDurationMs !== undefined) throw optionError("--lro-duration", "--lro-duration sets the embedded mock's operations", "drop it, or use --target mock");
  if (kind !== "live") {
    for (const [flag, given] of [["--cloud", options.cloud], ["--endpoint", options.endpoint]] as const) {
      if (given) throw optionError(flag, `${flag} is for --target live`, "drop it, or use --target live");
    }
  }
  if (kind === "mock") {
    for (const [flag, given] of [["--subscription", options.subscription], ["--resource", options.resources && Object.keys(options.resources).length > 0], ["--allow-mutations", options.allowMutations]] as const) {
      if (given) throw optionError(flag, `${flag} is for --target live or a URL target`, "drop it: the embedded mock's keys are its own, every exchange is sent to it");
    }
    if (options.tokenEnv || options.caFile || options.insecureTls) {
      throw optionError(options.tokenEnv ? "--token-env" : options.caFile ? "--ca" : "--insecure-tls", "the embedded mock needs no token or TLS settings", "drop the flag, or use --target URL");
    }
  }
  if (kind === "live") {
    if (!options.subscription) throw optionError("--subscription", "--target live needs your subscription", "pass --subscription <uuid> (az account show --query id -o tsv)");
    if (options.insecureTls) throw optionError("--insecure-tls", "a live target's certificate is always checked: the token goes to whoever answers", "for an --endpoint with its own CA, pass --ca FILE");
    if (options.caFile && !options.endpoint) throw optionError("--ca", "--ca is for an --endpoint with its own CA; Azure's clouds need none", "add --endpoint URL, or drop --ca");
  }
  if (options.subscription !== undefined && !UUID.test(options.subscription)) {
    throw optionError("--subscription", `"${options.subscription}" is not a subscription id`, "pass --subscription <uuid> (az account show --query id -o tsv)");
  }
  const counts = [
    ["--concurrency", options.concurrency, 1, Number.MAX_SAFE_INTEGER, 8],
    ["--timeout", options.timeoutMs, 1, MAX_TIMER_MS, 30000],
    ["--retries", options.retries, 0, Number.MAX_SAFE_INTEGER, 2],
    ["--lro-timeout", options.lroTimeoutMs, 1, MAX_TIMER_MS, 60000],
    ["--max-body-bytes", options.maxBodyBytes, 1, MAX_BODY_BYTES_CEILING, 16777216],
  ] as const;
  for (const [flag, n, min, max, example] of counts) {
    if (n === undefined || (Number.isInteger(n) && n >= min && n <= max)) continue;
    const range = max === Number.MAX_SAFE_INTEGER ? `≥ ${min}` : `from ${min} to ${max}`;
    throw optionError(flag, `"${n}" is not a whole number ${range}`, `e.g. ${flag} ${example}`);
  }
  return kind;
}

async function prepare(options: ConformOptions) {
  const kind = checkTargetFlags(options);
  const loaded = options.docs && options.ajv ? { docs: options.docs, ajv: options.ajv } : await loadSpecs(options.specsDir);
  const docs = loaded.docs;
  const ajv = loaded.ajv!;
  const resources: NamedResources | undefined = kind === "mock" ? undefined : namedResources(docs, options.subscription, options.resources ?? {});
  const exchanges = compileExchanges({ docs, ajv, values: resources?.values, only: options.only, skip: options.skip, checks: options.checks });
  return { kind, docs, ajv, resources, exchanges };
}

/** The exchanges a run with these options would send (for --list). */
export async function listExchanges(options: ConformOptions): Promise<CompiledExchange[]> {
  return (await prepare(options)).exchanges;
}

export async function conform(options: ConformOptions): Promise<RunOutcome> {
  const { kind, docs, ajv, resources, exchanges } = await prepare(options);
  const target: Target = kind === "mock" ? await mockTarget(options, docs, ajv)
    : kind === "live" ? await liveTarget(options, docs, resources!)
    : await urlTarget(options, docs, resources!);
  try {
    return await runConformance({
      exchanges, ajv, target,
      concurrency: options.concurrency, timeoutMs: options.timeoutMs, maxBodyBytes: options.maxBodyBytes, retries: options.retries,
      followBounds: { ...(options.lroTimeoutMs !== undefined && { timeoutMs: options.lroTimeoutMs }), ...(options.lroIntervalMs !== undefined && { defaultIntervalMs: options.lroIntervalMs }) },
      strict: options.strict, signal: options.signal, onEvent: options.onEvent,
    });
  } finally {
    await target.close();
  }
}
