/**
 * The mock's admin routes under /_rekey — inspect, replace and reset the state, list the faults. buildMockModel
 * refuses a spec path under /_rekey, so these can never shadow an operation. Resetting or replacing the state also
 * forgets the long-running operations: none started before may change the state after.
 */
import type { FastifyInstance, FastifyReply } from "fastify";
import { listFaults } from "./faults.ts";
import { ADMIN_PREFIX } from "./mock-model.ts";
import type { OperationStore } from "./operations.ts";
import type { MockState } from "./state.ts";
import { checkStateDocument, type StateDocument } from "./state-file.ts";

/** /_rekey/…: inspect, replace and reset the state; list the faults. No spec path can start with /_rekey. */
export function registerAdminRoutes(app: FastifyInstance, state: MockState, setStateDocument: (doc: StateDocument) => void, operations: OperationStore): void {
  const json = (reply: FastifyReply, status: number, value?: unknown) => {
    reply.code(status).header("cache-control", "no-cache");
    if (value === undefined) return reply.send();
    return reply.header("content-type", "application/json; charset=utf-8").send(JSON.stringify(value));
  };
  app.get(`${ADMIN_PREFIX}/state`, async (_req, reply) => {
    operations.settle(Date.now()); // operations due complete first, so the state shown is the state a read-back would see
    return json(reply, 200, { resources: state.list().map(({ id, properties, keys }) => ({ id, properties, keys })) });
  });
  app.post(`${ADMIN_PREFIX}/state/reset`, async (_req, reply) => {
    operations.clear();
    state.reset();
    return json(reply, 204);
  });
  app.put(`${ADMIN_PREFIX}/state`, async (req, reply) => {
    let doc: StateDocument;
    try {
      doc = checkStateDocument(JSON.parse((req.body as Buffer | undefined)?.toString("utf8") ?? ""), "request body");
    } catch (e) {
      const message = e instanceof SyntaxError ? `not JSON: ${e.message}` : (e as Error).message;
      return json(reply, 400, { error: { code: "InvalidStateDocument", message } });
    }
    setStateDocument(doc);
    operations.clear();
    state.reset();
    return json(reply, 204);
  });
  app.get(`${ADMIN_PREFIX}/faults`, async (_req, reply) => json(reply, 200, { faults: listFaults() }));
}
