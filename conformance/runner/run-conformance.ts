/**
 * The run: exchanges → target → checks → events. Exchanges run with bounded concurrency; the steps of a scenario run
 * in order, and everything that can change a resource holds that resource's lock, so a scenario never sees another
 * exchange's rotation. Only transport errors are retried. An abort (Ctrl-C) stops sending and ends with a partial
 * report. Results are redacted before any listener sees them (deny by default: see secrets.ts), and once more at the
 * end with every secret the run has seen.
 */
import { randomUUID } from "node:crypto";
import { setMaxListeners } from "node:events";
import type { Ajv } from "../../kernel/index.ts";
import { settledResult } from "../checks/async-operation.ts";
import { findCheck } from "../checks/registry.ts";
import { documentedResponse } from "../checks/documented-response.ts";
import type { Followed } from "../checks/check.ts";
import { unitKey, type CompiledExchange, type Exchange, type ExchangeResponse, type ExchangeResult, type Finding, type OperationTrace, type RunEvent, type RunSummary, type TargetDescription } from "../exchange.ts";
import { summarize } from "../run-summary.ts";
import { judge } from "../severity.ts";
import { checkFindings } from "./check-findings.ts";
import { curlCommand } from "./curl-command.ts";
import { DEFAULT_FOLLOW_BOUNDS, type FollowBounds, followOperation } from "./follow-operation.ts";
import { createSender, TransportError, type Sender } from "./http-sender.ts";
import { scheduleUnits } from "./schedule-units.ts";
import { showFollowUp } from "./operation-trace.ts";
import { SecretKeeper } from "./secrets.ts";

export interface Target {
  description: TargetDescription;
  baseUrl: string;
  /** The bearer token to send (asked once per run). */
  token(): Promise<string>;
  ca?: string;
  /** For curl reproductions: the CA file the user gave. */
  caFile?: string;
  insecureTls?: boolean;
  /** The target answers with the documented examples (no state): example bodies must match, scenarios cannot run. */
  examplesMode: boolean;
  /**
   * The target keeps each api-version's resources apart (the embedded mock): exchanges of two api-versions never
   * change the same resource, so they hold different locks. A live or URL target has one resource whatever
   * api-version addresses it, as ARM: every api-version's changes to it wait for each other.
   */
  statePerApiVersion?: boolean;
  /** Why an exchange must not be sent to this target (e.g. it would rotate a real key), or undefined. */
  holdBack(exchange: CompiledExchange): string | undefined;
  close(): Promise<void>;
}

export interface RunOptions {
  exchanges: CompiledExchange[];
  ajv: Ajv;
  target: Target;
  concurrency?: number;
  timeoutMs?: number;
  /** Largest answer body read per exchange, in bytes (the sender's default: 4 MiB). */
  maxBodyBytes?: number;
  /** Extra attempts after a transport error (connection reset or refused), default 2. */
  retries?: number;
  /** Count warnings (drift) as failures. */
  strict?: boolean;
  /** How long and how often a long-running operation is followed after its accepted answer (runner/follow-operation.ts). */
  followBounds?: Partial<FollowBounds>;
  signal?: AbortSignal;
  onEvent?: (event: RunEvent) => void;
}

export interface RunOutcome {
  summary: RunSummary;
  results: ExchangeResult[];
}

/** A scenario's steps travel together; any other exchange alone. */
function units(exchanges: CompiledExchange[]): CompiledExchange[][] {
  const groups = new Map<string, CompiledExchange[]>();
  for (const exchange of exchanges) {
    const key = unitKey(exchange);
    const group = groups.get(key);
    if (group) group.push(exchange);
    else groups.set(key, [exchange]);
  }
  return [...groups.values()];
}

/** An exchange as reporters see it: without the compiled context (the spec model) only checks use. */
export function publicView(exchange: CompiledExchange): Exchange {
  const { context: _context, ...rest } = exchange;
  return rest;
}

export async function runConformance(options: RunOptions): Promise<RunOutcome> {
  const { target, ajv } = options;
  // Every request in flight listens to the run's signal: one listener per exchange in flight is expected, not a leak,
  // so the run listens to the caller's signal once and hands its requests a signal of its own without a listener cap.
  const stop = new AbortController();
  setMaxListeners(0, stop.signal);
  const onAbort = () => stop.abort(options.signal?.reason);
  if (options.signal?.aborted) onAbort();
  else options.signal?.addEventListener("abort", onAbort, { once: true });
  const signal = stop.signal;
  const emit = (event: RunEvent) => options.onEvent?.(event);
  const started = performance.now();
  const timeoutMs = options.timeoutMs ?? 30_000;
  const retries = options.retries ?? 2;
  const secrets = new SecretKeeper();
  const token = await target.token();
  secrets.remember([token]);
  const sender: Sender = createSender({ baseUrl: target.baseUrl, timeoutMs, maxBodyBytes: options.maxBodyBytes, ca: target.ca, insecureTls: target.insecureTls });
  /** Each result as redacted when it finished, with the secrets' generation then. */
  const results = new Map<string, { result: ExchangeResult; generation: number }>();

  emit({ type: "run-start", target: target.description, total: options.exchanges.length, redact: (result) => secrets.result(result), strict: options.strict ?? false });

  const finish = (result: ExchangeResult, responseShownAt?: number) => {
    const redacted = secrets.result(result, responseShownAt);
    results.set(result.exchange.id, { result: redacted, generation: secrets.generation });
    emit({ type: "exchange-end", result: redacted });
  };

  const notSent = (exchange: CompiledExchange, outcome: "held-back" | "skipped", reason: string) =>
    finish({ exchange: publicView(exchange), outcome, failures: [], warnings: [], checksRun: [], reason, curl: curlCommand(target.baseUrl, exchange, exchange.request.headers, { caFile: target.caFile, insecure: target.insecureTls }), attempts: 0 });

  const followBounds: FollowBounds = { ...DEFAULT_FOLLOW_BOUNDS, ...options.followBounds };
  const origin = new URL(target.baseUrl).origin;

  /**
   * Follows a long-running operation after its accepted answer (not for a request meant to be refused, nor against
   * a target that answers with examples: it holds no operations). `reader`: the read-back step of the rotation
   * scenario, read once before the first poll.
   */
  const follow = async (exchange: CompiledExchange, response: ExchangeResponse, headers: Record<string, string>, reader: CompiledExchange | undefined): Promise<{ followed: Followed; trace: OperationTrace } | undefined> => {
    const longRunning = exchange.context.operation.longRunning;
    if (!longRunning || target.examplesMode || exchange.expect.kind === "rejection" || response.status !== Number(longRunning.acceptedStatus)) return undefined;
    const authorization = headers.authorization;
    const common = { "x-ms-correlation-request-id": headers["x-ms-correlation-request-id"], ...(authorization ? { authorization } : {}) };
    const record = await followOperation({
      sender, origin, headers: common, longRunning, accepted: response, bounds: followBounds, signal,
      requestUrl: target.baseUrl.replace(/\/$/, "") + exchange.request.url,
      readWhileRunning: reader && {
        url: target.baseUrl.replace(/\/$/, "") + reader.request.url,
        send: () => sender.send({ ...reader.request, headers: { ...reader.request.headers, ...common, "x-ms-client-request-id": randomUUID() } }, signal),
      },
    });
    const { shown, trace } = showFollowUp(record, exchange.context.operation, reader?.context.operation, secrets);
    return { followed: { record, shown }, trace };
  };

  /** The answer a later step compares with: a followed operation's final result (null when it has none). */
  const settled = (exchange: CompiledExchange, response: ExchangeResponse, followed: Followed | undefined): ExchangeResponse | null => {
    if (!followed) return response;
    return settledResult(followed, exchange.context.operation.longRunning?.finalStatuses ?? [])?.response ?? null;
  };

  const sendOne = async (exchange: CompiledExchange, previous: ExchangeResponse | null | undefined, reader?: CompiledExchange): Promise<ExchangeResponse | null> => {
    emit({ type: "exchange-start", exchange: publicView(exchange) });
    const sent = { clientRequestId: randomUUID(), correlationRequestId: randomUUID() };
    const headers: Record<string, string> = {
      ...exchange.request.headers,
      "x-ms-client-request-id": sent.clientRequestId,
      "x-ms-return-client-request-id": "true",
      "x-ms-correlation-request-id": sent.correlationRequestId,
    };
    const curl = curlCommand(target.baseUrl, exchange, headers, { caFile: target.caFile, insecure: target.insecureTls });
    if (exchange.authorize) headers.authorization = `Bearer ${token}`;
    let response: ExchangeResponse | undefined;
    let transportError: string | undefined;
    let attempts = 0;
    while (response === undefined && attempts <= retries) {
      attempts++;
      try {
        response = await sender.send({ ...exchange.request, headers }, signal);
      } catch (error) {
        const retryable = error instanceof TransportError && error.retryable && !signal?.aborted;
        transportError = (error as Error).message;
        if (!retryable) break;
        await new Promise((resolve) => setTimeout(resolve, 50 * attempts));
      }
    }
    if (signal?.aborted && response === undefined) {
      notSent(exchange, "skipped", "interrupted");
      return null;
    }
    const documented = response ? documentedResponse(exchange.context.operation, response.status) : undefined;
    if (response) secrets.learn(response, documented?.secretPaths ?? []);
    const following = response && await follow(exchange, response, headers, reader);
    const shown = response && secrets.response(response, { shown: documented?.shownPaths ?? [], secret: documented?.secretPaths ?? [] });
    const shownAt = secrets.generation;
    const findings: Finding[] = [];
    const ran: string[] = [];
    for (const name of exchange.checks) {
      if (!response && name !== "transport") continue;
      const check = findCheck(name)!;
      ran.push(name);
      findings.push(...checkFindings(check, { exchange, response, transportError, previous, sent, examplesMode: target.examplesMode, ajv, followed: following?.followed }, shown, secrets));
    }
    const { outcome, failures, warnings } = judge(findings, options.strict ?? false);
    finish({
      exchange: publicView(exchange),
      outcome,
      response: shown,
      failures,
      warnings,
      checksRun: ran,
      curl,
      attempts,
      operation: following?.trace,
    }, shownAt);
    return response ? settled(exchange, response, following?.followed) : null;
  };

  const runUnit = async (unit: CompiledExchange[]): Promise<void> => {
    if (signal?.aborted) {
      for (const exchange of unit) notSent(exchange, "skipped", "interrupted");
      return;
    }
    const reason = unit.map((e) => target.holdBack(e)).find((r) => r !== undefined);
    if (reason) {
      for (const exchange of unit) notSent(exchange, "held-back", reason);
      return;
    }
    if (target.examplesMode && unit[0].scenario) {
      for (const exchange of unit) notSent(exchange, "skipped", "the target answers with examples, so keys never change");
      return;
    }
    const answers: Array<ExchangeResponse | null | undefined> = [];
    for (const exchange of unit) {
      const baseline = exchange.scenario?.compareWith;
      const previous = baseline !== undefined ? answers[baseline - 1] : answers.at(-1);
      // A rotation whose keys are read back is read once more while its operation still runs.
      const reader = exchange.scenario && !exchange.scenario.reads ? unit.slice(unit.indexOf(exchange) + 1).find((e) => e.scenario?.reads) : undefined;
      if (signal?.aborted) {
        notSent(exchange, "skipped", "interrupted");
        answers.push(undefined);
      } else answers.push(await sendOne(exchange, previous, reader));
    }
  };

  try {
    await scheduleUnits({
      units: units(options.exchanges),
      // Whatever may change a resource holds that resource's lock.
      lockOf: (unit) => !unit.some((e) => e.mutation !== "never") ? undefined
        : target.statePerApiVersion ? `${unit[0].apiVersion} ${unit[0].resource}` : unit[0].resource,
      concurrency: Math.max(1, options.concurrency ?? 8),
      run: runUnit,
    });
  } finally {
    sender.close();
    options.signal?.removeEventListener("abort", onAbort);
  }

  // Once more with every secret seen: a key echoed in an early answer may only have been issued by a later one.
  const ordered = options.exchanges.map((e) => results.get(e.id)!).filter(Boolean)
    .map(({ result, generation }) => generation === secrets.generation ? result : secrets.result(result));
  const summary = summarize(target.description, ordered, Math.round(performance.now() - started), signal?.aborted ?? false, options.strict ?? false);
  emit({ type: "run-end", summary, results: ordered });
  return { summary, results: ordered };
}
