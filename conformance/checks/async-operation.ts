/**
 * What the async-* checks share: which exchanges they judge (a long-running operation's request that is meant to
 * succeed) and how they read the accepted answer and the runner's follow-up of it (runner/follow-operation.ts).
 */
import type { CompiledExchange, ExchangeResponse } from "../exchange.ts";
import type { CheckInput } from "./check.ts";

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
  return `poll ${input.followed!.record.requests.slice(0, index + 1).filter((r) => r.purpose === "poll").length}`;
}
