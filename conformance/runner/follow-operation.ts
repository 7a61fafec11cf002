/**
 * Follows one long-running operation after its accepted answer, as ARM's asynchronous contract and Azure's own client
 * (@azure/core-lro) do, and records what it saw for the async-* checks to judge; it judges nothing itself.
 *
 *  - The polling URL is Operation-Location, else Azure-AsyncOperation (a status monitor: a body with `status`), else
 *    Location (202 while running, the final answer when done) — core-lro's inferLroMode
 *    (Azure/azure-sdk-for-js sdk/core/core-lro/src/http/operation.ts).
 *  - A polling URL must be absolute and on the target's origin; any other is never requested, with or without the
 *    token (the sender refuses one too).
 *  - Terminal states are Succeeded, Failed and Canceled, case-insensitive (core-lro also reads "cancelled"); any
 *    other status is still running. After Succeeded the final result is read where final-state-via says: the Location
 *    URL, the request's own URL (original-uri), or the status monitor's answer itself (azure-async-operation,
 *    operation-location — unless it names a resourceLocation), as core-lro's findResourceLocation does.
 *  - Waits: Retry-After in whole seconds (Azure/azure-resource-manager-rpc v1.0/async-api-reference.md), 0 allowed,
 *    each wait capped; the default interval when there is none or it cannot be read. A run of zeros backs off
 *    linearly, a few milliseconds more per poll, so an endpoint that never finishes is not polled in a tight loop
 *    while a short operation is seen done soon after it ends (doubling waits overshoot its end by up to as much as
 *    it ran). The whole follow-up is bounded in time and in polls.
 *  - Polling is read-only: GET only, through the run's sender (its timeout, body bound and TLS trust).
 */
import { randomUUID } from "node:crypto";
import type { FinalStateVia, LongRunningModel } from "../../kernel/index.ts";
import type { ExchangeResponse } from "../exchange.ts";
import type { Sender } from "./http-sender.ts";

export type PollingHeader = "Operation-Location" | "Azure-AsyncOperation" | "Location";

/** In the order a client picks the URL to poll. */
const POLLING_ORDER: readonly PollingHeader[] = ["Operation-Location", "Azure-AsyncOperation", "Location"];

export interface PollingUrl {
  header: PollingHeader;
  /** As the answer gave it. */
  value: string;
  /** Why it is never requested: not an absolute http(s) URL, or not on the target's origin. */
  refused?: "relative" | "foreign";
}

export type RequestPurpose = "poll" | "final" | "read-while-running";

export interface FollowedRequest {
  purpose: RequestPurpose;
  header?: PollingHeader;
  /** Absolute URL requested. */
  url: string;
  response?: ExchangeResponse;
  transportError?: string;
  /**
   * The operation's state this answer shows (poll answers): the status as written, or running/succeeded/failed by the
   * status code. For the read while running: the state the poll after it showed, when still running.
   */
  state?: string;
}

/** The check that reports why following stopped; "interrupted" (the run was stopped) is reported by none. */
export type StopCheck = "async-accepted" | "async-polling-url" | "async-terminal" | "async-final-result" | "interrupted";

export interface FollowedOperation {
  finalStateVia: FinalStateVia;
  /** Every polling header the accepted answer carries, in POLLING_ORDER. */
  urls: PollingUrl[];
  /** The header whose URL was polled; absent when none could be. */
  polled?: PollingHeader;
  /** Polls with a status monitor body (Operation-Location, Azure-AsyncOperation), or Location's status codes. */
  monitor: boolean;
  requests: FollowedRequest[];
  /** The terminal state reached (Succeeded, Failed, Canceled as written), with the answer that showed it. */
  terminal?: { state: string; request: number };
  /** Why following stopped before a final result, and the check that reports it. */
  stopped?: { check: StopCheck; reason: string; request?: number };
  /** The final result's request (an index into requests), when one was read. */
  final?: number;
  /** The read-back taken before the first poll, and whether a poll after it showed the operation still running. */
  readWhileRunning?: { request: number; confirmed: boolean };
  durationMs: number;
}

export interface FollowBounds {
  /** The longest a follow-up may take, in ms (`--lro-timeout`). */
  timeoutMs: number;
  /** Wait when an answer has no usable Retry-After, in ms. */
  defaultIntervalMs: number;
  /** Longest single wait, whatever Retry-After says, in ms. */
  maxWaitMs: number;
  /** Most requests one follow-up sends. */
  maxRequests: number;
}

export const DEFAULT_LRO_TIMEOUT_MS = 60_000;
/** core-lro's default polling interval (intervalInMs) when an answer says nothing. */
export const DEFAULT_POLL_INTERVAL_MS = 2_000;
/** How much longer each wait grows in a run of Retry-After: 0 (polls at 0, 5, 15, 30, 50… ms). */
const ZERO_STEP_MS = 5;
export const DEFAULT_FOLLOW_BOUNDS: FollowBounds = { timeoutMs: DEFAULT_LRO_TIMEOUT_MS, defaultIntervalMs: DEFAULT_POLL_INTERVAL_MS, maxWaitMs: 30_000, maxRequests: 500 };

const TERMINAL = new Map([["succeeded", "Succeeded"], ["failed", "Failed"], ["canceled", "Canceled"], ["cancelled", "Canceled"]]);

/** Succeeded, Failed or Canceled for a terminal status (any case), undefined for any other. */
export function terminalState(status: string): string | undefined {
  return TERMINAL.get(status.toLowerCase());
}

/** Retry-After as ARM writes it, whole seconds; undefined when absent or not a whole number. */
export function retryAfterSeconds(headers: Record<string, string>): number | undefined {
  const value = headers["retry-after"]?.trim();
  return value !== undefined && /^\d{1,9}$/.test(value) ? Number(value) : undefined;
}

/** The polling headers an answer carries, judged against the target's origin. */
export function pollingUrls(headers: Record<string, string>, origin: string): PollingUrl[] {
  const urls: PollingUrl[] = [];
  for (const header of POLLING_ORDER) {
    const value = headers[header.toLowerCase()];
    if (value === undefined) continue;
    urls.push({ header, value, refused: refusal(value, origin) });
  }
  return urls;
}

function refusal(value: string, origin: string): PollingUrl["refused"] {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return "relative";
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return "relative";
  return url.origin === origin ? undefined : "foreign";
}

export interface FollowInput {
  sender: Sender;
  /** The target's origin (scheme, host, port): the only one polled. */
  origin: string;
  /** Headers every follow-up request carries (the bearer token among them). */
  headers: Record<string, string>;
  longRunning: LongRunningModel;
  /** The start request's absolute URL (final-state-via original-uri reads it). */
  requestUrl: string;
  accepted: ExchangeResponse;
  bounds: FollowBounds;
  signal?: AbortSignal;
  /** A read taken once after the accepted answer, before the first poll (a rotation's read-back). */
  readWhileRunning?: { url: string; send: () => Promise<ExchangeResponse> };
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  if (ms <= 0 || signal?.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener("abort", done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener("abort", done, { once: true });
  });
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

export async function followOperation(input: FollowInput): Promise<FollowedOperation> {
  const started = performance.now();
  const { bounds, signal } = input;
  const deadline = started + bounds.timeoutMs;
  const urls = pollingUrls(input.accepted.headers, input.origin);
  const followed: FollowedOperation = { finalStateVia: input.longRunning.finalStateVia, urls, monitor: false, requests: [], durationMs: 0 };
  const done = (stopped?: FollowedOperation["stopped"]) => {
    if (stopped) followed.stopped = stopped;
    followed.durationMs = Math.round(performance.now() - started);
    return followed;
  };

  const get = async (purpose: RequestPurpose, url: string, header?: PollingHeader): Promise<FollowedRequest> => {
    const request: FollowedRequest = { purpose, header, url };
    try {
      const headers = { ...input.headers, "x-ms-client-request-id": randomUUID() };
      request.response = await input.sender.send({ method: "GET", url, headers }, signal);
    } catch (error) {
      request.transportError = (error as Error).message;
    }
    followed.requests.push(request);
    return request;
  };
  /** Waits as the last answer asks, within the deadline; false when the deadline or the request budget is spent. */
  let zeros = 0;
  const wait = async (answer: ExchangeResponse): Promise<boolean> => {
    const seconds = retryAfterSeconds(answer.headers);
    zeros = seconds === 0 ? zeros + 1 : 0;
    const asked = seconds === undefined ? bounds.defaultIntervalMs : Math.max(seconds * 1000, zeros > 1 ? Math.min(ZERO_STEP_MS * (zeros - 1), bounds.defaultIntervalMs) : 0);
    const ms = Math.min(asked, bounds.maxWaitMs, Math.max(0, deadline - performance.now()));
    await sleep(ms, signal);
    return !signal?.aborted && performance.now() < deadline && followed.requests.length < bounds.maxRequests;
  };
  const boundReached = (): FollowedOperation["stopped"] => signal?.aborted
    ? { check: "interrupted", reason: "interrupted" }
    : { check: "async-terminal", reason: `no terminal state within ${bounds.timeoutMs} ms (${followed.requests.length} requests; --lro-timeout sets the bound)` };

  const usable = urls.filter((u) => !u.refused);
  if (urls.length === 0) return done({ check: "async-accepted", reason: `the ${input.accepted.status} answer carries no polling header (${POLLING_ORDER.join(", ")})` });
  const pick = POLLING_ORDER.map((h) => urls.find((u) => u.header === h)).find(Boolean)!;
  if (pick.refused) return done({ check: "async-polling-url", reason: `${pick.header} is ${pick.refused === "relative" ? "not an absolute URL" : "not on the target's host"}: never requested` });
  followed.polled = pick.header;
  followed.monitor = pick.header !== "Location";

  if (input.readWhileRunning) {
    followed.requests.push({ purpose: "read-while-running", url: input.readWhileRunning.url });
    const index = followed.requests.length - 1;
    try {
      followed.requests[index].response = await input.readWhileRunning.send();
    } catch (error) {
      followed.requests[index].transportError = (error as Error).message;
    }
    followed.readWhileRunning = { request: index, confirmed: false };
  }

  let answer = input.accepted;
  let pollUrl = pick.value;
  // Poll until a terminal state.
  for (;;) {
    if (!(await wait(answer))) return done(boundReached());
    const poll = await get("poll", pollUrl, pick.header);
    const index = followed.requests.length - 1;
    if (!poll.response && signal?.aborted) return done(boundReached());
    if (!poll.response) return done({ check: "async-polling-url", reason: `the ${pick.header} URL did not answer: ${poll.transportError}`, request: index });
    answer = poll.response;
    const state = followed.monitor ? monitorState(answer) : locationState(answer);
    if (state.invalid) return done({ check: "async-polling-url", reason: state.invalid, request: index });
    poll.state = state.state;
    if (followed.readWhileRunning && !followed.readWhileRunning.confirmed && followed.requests.filter((r) => r.purpose === "poll").length === 1) {
      followed.readWhileRunning.confirmed = state.terminal === undefined;
      if (followed.readWhileRunning.confirmed) followed.requests[followed.readWhileRunning.request].state = state.state;
    }
    if (state.terminal) {
      followed.terminal = { state: state.terminal, request: index };
      break;
    }
    // A Location that moves (core-lro follows the newest one), as long as it stays on the target.
    const moved = !followed.monitor ? answer.headers.location : undefined;
    if (moved !== undefined && moved !== pollUrl) {
      const why = refusal(moved, input.origin);
      if (why) return done({ check: "async-polling-url", reason: `a poll answered with a Location that is ${why === "relative" ? "not an absolute URL" : "not on the target's host"}: never requested`, request: index });
      pollUrl = moved;
    }
  }
  if (followed.terminal.state !== "Succeeded") return done();
  if (!followed.monitor) {
    followed.final = followed.terminal.request;
    return done();
  }

  // Succeeded on a status monitor: the final result is where final-state-via says.
  const monitorAnswer = followed.requests[followed.terminal.request].response!;
  const resourceLocation = isObject(monitorAnswer.json) && typeof monitorAnswer.json.resourceLocation === "string" ? monitorAnswer.json.resourceLocation : undefined;
  const via = input.longRunning.finalStateVia;
  let finalUrl: string | undefined;
  let header: PollingHeader | undefined;
  if (via === "location") {
    const location = usable.find((u) => u.header === "Location");
    if (!location) {
      const given = urls.find((u) => u.header === "Location");
      return done({ check: given ? "async-polling-url" : "async-accepted", reason: given ? `Location, where final-state-via location reads the result, is ${given.refused === "relative" ? "not an absolute URL" : "not on the target's host"}: never requested` : "the accepted answer has no Location, where final-state-via location reads the result" });
    }
    [finalUrl, header] = [location.value, "Location"];
  } else if (via === "original-uri") {
    finalUrl = input.requestUrl;
  } else if (resourceLocation !== undefined) {
    if (refusal(resourceLocation, input.origin)) return done({ check: "async-polling-url", reason: "the status body's resourceLocation is not an absolute URL on the target's host: never requested", request: followed.terminal.request });
    finalUrl = resourceLocation;
  }
  if (finalUrl === undefined) {
    followed.final = followed.terminal.request;
    return done();
  }
  // A Location may still answer 202 for a moment after the status monitor says Succeeded: poll it within the bound.
  for (;;) {
    const final = await get("final", finalUrl, header);
    const index = followed.requests.length - 1;
    if (!final.response && signal?.aborted) return done(boundReached());
    if (!final.response) return done({ check: "async-final-result", reason: `the final result could not be read: ${final.transportError}`, request: index });
    if (final.response.status !== 202 || header !== "Location") {
      followed.final = index;
      return done();
    }
    if (!(await wait(final.response))) return done({ check: "async-final-result", reason: `the Location URL still answered 202 after the operation Succeeded, for ${bounds.timeoutMs} ms`, request: index });
  }
}

interface PollState {
  state?: string;
  terminal?: string;
  invalid?: string;
}

/** A status monitor's answer: 2xx with a JSON object whose `status` is a non-empty string. */
function monitorState(answer: ExchangeResponse): PollState {
  if (answer.status < 200 || answer.status >= 300) return { invalid: `the status monitor answered ${answer.status}, not 200 with the operation's status` };
  const status = isObject(answer.json) ? answer.json.status : undefined;
  if (typeof status !== "string" || status.trim() === "") {
    return { invalid: `the status monitor's answer has no status (a string: InProgress, Succeeded, Failed or Canceled)` };
  }
  // Kept to report it: a target's words, so bounded.
  return { state: status.length > 64 ? `${status.slice(0, 64)}…` : status, terminal: terminalState(status) };
}

/**
 * A Location poll: 202 is still running, another 2xx is the final answer, 404 means the URL leads to no operation,
 * any other error status is the operation's failure (async-api-reference.md: the Location URL answers the error).
 */
function locationState(answer: ExchangeResponse): PollState {
  if (answer.status === 202) return { state: "running" };
  if (answer.status >= 200 && answer.status < 300) return { state: "succeeded", terminal: "Succeeded" };
  if (answer.status === 404) return { invalid: "the Location URL answered 404: it leads to no operation" };
  return { state: "failed", terminal: "Failed" };
}
