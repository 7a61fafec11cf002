/**
 * The mock's admin routes under /_rekey — inspect, replace and reset the state, list the faults. buildMockModel
 * refuses a spec path under /_rekey, so these can never shadow an operation. Resetting or replacing the state also
 * forgets the long-running operations: none started before may change the state after.
 */
import type { ServerResponse } from "node:http";
import { listFaults } from "./faults.ts";
import { ADMIN_PREFIX } from "./mock-model.ts";
import type { OperationStore } from "./operations.ts";
import type { AddRoute } from "./route-table.ts";
import type { MockState } from "./state.ts";
import { checkStateDocument, type StateDocument } from "./state-file.ts";

/** An admin answer: the mock's own, so without ARM's headers — not cached, JSON when it has a body. */
function json(res: ServerResponse, status: number, value?: unknown): void {
  if (value === undefined) {
    res.writeHead(status, ["cache-control", "no-cache"]);
    res.end();
    return;
  }
  const body = JSON.stringify(value);
  res.writeHead(status, ["cache-control", "no-cache", "content-type", "application/json; charset=utf-8", "content-length", String(Buffer.byteLength(body))]);
  res.end(body);
}

/** /_rekey/…: inspect, replace and reset the state; list the faults. No spec path can start with /_rekey. */
export function registerAdminRoutes(addRoute: AddRoute, state: MockState, setStateDocument: (doc: StateDocument) => void, operations: OperationStore): void {
  addRoute(["GET"], `${ADMIN_PREFIX}/state`, ({ res }) => {
    operations.settle(Date.now()); // operations due complete first, so the state shown is the state a read-back would see
    json(res, 200, { resources: state.list().map(({ id, properties, keys }) => ({ id, properties, keys })) });
  });
  addRoute(["POST"], `${ADMIN_PREFIX}/state/reset`, ({ res }) => {
    operations.clear();
    state.reset();
    json(res, 204);
  });
  addRoute(["PUT"], `${ADMIN_PREFIX}/state`, ({ res, body }) => {
    let doc: StateDocument;
    try {
      doc = checkStateDocument(JSON.parse(body?.toString("utf8") ?? ""), "request body");
    } catch (e) {
      const message = e instanceof SyntaxError ? `not JSON: ${e.message}` : (e as Error).message;
      json(res, 400, { error: { code: "InvalidStateDocument", message } });
      return;
    }
    setStateDocument(doc);
    operations.clear();
    state.reset();
    json(res, 204);
  });
  addRoute(["GET"], `${ADMIN_PREFIX}/faults`, ({ res }) => json(res, 200, { faults: listFaults() }));
}
