/**
 * What the async-* checks share: which exchanges they judge (a long-running operation's request that is meant to
 * succeed) and how they read the accepted answer and the runner's follow-up of it (runner/follow-operation.ts).
 */
import type { CompiledExchange, ExchangeResponse } from "../exchange.ts";
import type { CheckInput, Followed } from "./check.ts";

export function judgesLongRunning(exchange: CompiledExchange): boolean {
  return exchange.context.operation.longRunning !== undefined && exchange.expect.kind !== "rejection";
}

/** The answer is the operation's accepted status (202, or the 201 it declares instead). */
export function isAccepted({ exchange, response }: CheckInput): boolean {
  const model = exchange.context.operation.longRunning;
  return model !== undefined && response !== undefined && response.status === Number(model.acceptedStatus);
}

/** The follow-up answer at `index` as reports may show it, for quoting. */
export function shownAnswer(input: CheckInput, index: number | undefined): ExchangeResponse | undefined {
  return index === undefined ? undefined : input.followed?.shown[index];
}

/** What a request of the follow-up was, for messages: "poll 3", "the final result", "the read while running". */
export function requestLabel(input: CheckInput, index: number): string {
  const request = input.followed!.record.requests[index];
  if (request.purpose === "final") return "the final result";
  if (request.purpose === "read-while-running") return "the read while running";
  const poll = `poll ${input.followed!.record.requests.slice(0, index + 1).filter((r) => r.purpose === "poll").length}`;
  // A Location's last poll brings the final result itself.
  return input.followed!.record.final === index && !input.followed!.record.monitor ? `the final result (${poll})` : poll;
}

export interface SettledResult {
  /** The final result as judged: a status body's `properties` when it carries them (see below). */
  response: ExchangeResponse;
  /** The same as reports may show it. */
  shown?: ExchangeResponse;
  /** The index of the request that brought it. */
  request: number;
  /** A status monitor's own answer (final-state-via azure-async-operation or operation-location, no resourceLocation). */
  fromStatus: boolean;
}

/**
 * The final result of an operation that Succeeded, or undefined. Read from a status monitor's own answer, the result
 * is its `properties` when it has them — ARM's Azure-AsyncOperation resource carries "additional response data"
 * there (Azure/azure-resource-manager-rpc v1.0/async-api-reference.md), and rekey's mock puts a POST's result there —
 * else the whole body, as @azure/core-lro hands it over; it is judged as the operation's first final status.
 */
export function settledResult(followed: Followed | undefined, finalStatuses: readonly string[]): SettledResult | undefined {
  const record = followed?.record;
  if (!record || record.terminal?.state !== "Succeeded" || record.final === undefined) return undefined;
  const request = record.requests[record.final];
  const response = request.response!;
  const shown = followed!.shown[record.final];
  const fromStatus = request.purpose === "poll" && record.monitor;
  if (!fromStatus) return { response, shown, request: record.final, fromStatus };
  const status = Number(finalStatuses[0] ?? 200);
  const inner = (answer: ExchangeResponse | undefined): ExchangeResponse | undefined => {
    if (!answer) return undefined;
    const body = answer.json as Record<string, unknown> | undefined;
    const properties = body && typeof body.properties === "object" && body.properties !== null ? body.properties : undefined;
    return properties === undefined ? { ...answer, status } : { ...answer, status, json: properties, text: JSON.stringify(properties) };
  };
  return { response: inner(response)!, shown: inner(shown), request: record.final, fromStatus };
}
