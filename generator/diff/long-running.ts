/**
 * Long-running rules: whether an operation is asynchronous (x-ms-long-running-operation), where its final result is
 * read (final-state-via, AutoRest's default when unwritten), and the polling headers its accepted answer declares.
 * Judged, like every rule, for a caller of OLD when the service moves to NEW: a caller of a synchronous operation
 * cannot follow a 202; a poller reading the final result at one header finds nothing there once it moves; a polling
 * header it followed may no longer come. A poller of OLD still copes when the operation answers at once (its final
 * status) or when Retry-After comes or goes (pollers fall back to their own interval).
 */
import { join, type OperationModel, POLLING_HEADERS, RETRY_AFTER } from "../../kernel/index.ts";
import type { OperationPair } from "./match.ts";
import { type Change, change } from "./rules.ts";

const FLAG = "x-ms-long-running-operation";
const OPTIONS = "x-ms-long-running-operation-options";

/** The pointer of the accepted response's headers (or of the response when it declares none). */
function acceptedHeadersPointer(operation: OperationModel): string {
  const accepted = operation.responses.find((r) => r.status === operation.longRunning!.acceptedStatus)!;
  return join(accepted.pointer, "headers");
}

export function longRunningChanges(pair: OperationPair): Change[] {
  const id = pair.new.operationId;
  const before = pair.old.longRunning;
  const after = pair.new.longRunning;
  if (!before && !after) return [];
  if (!before) return [change("long-running-added", id, join(pair.new.pointer, FLAG), "now long-running: it may answer 202 and finish later")];
  if (!after) return [change("long-running-removed", id, join(pair.old.pointer, FLAG), "no longer long-running", "old")];

  const out: Change[] = [];
  if (before.finalStateVia !== after.finalStateVia) {
    const pointer = after.finalStateViaWritten ? join(pair.new.pointer, OPTIONS, "final-state-via") : join(pair.new.pointer, FLAG);
    out.push(change("final-state-via-changed", id, pointer,
      `final-state-via ${before.finalStateVia} → ${after.finalStateVia}${after.finalStateViaWritten ? "" : " (AutoRest's default)"}`));
  }
  const polling = (name: string) => (POLLING_HEADERS as readonly string[]).includes(name);
  const watched = (name: string) => polling(name) || name === RETRY_AFTER;
  const added = after.declaredHeaders.filter((h) => watched(h) && !before.declaredHeaders.includes(h));
  const removed = before.declaredHeaders.filter((h) => watched(h) && !after.declaredHeaders.includes(h));
  for (const header of added) {
    out.push(change(polling(header) ? "polling-header-added" : "retry-after-added", id,
      join(acceptedHeadersPointer(pair.new), header), `${after.acceptedStatus}: header ${header} added`));
  }
  for (const header of removed) {
    out.push(change(polling(header) ? "polling-header-removed" : "retry-after-removed", id,
      join(acceptedHeadersPointer(pair.old), header), `${before.acceptedStatus}: header ${header} removed`, "old"));
  }
  return out;
}
