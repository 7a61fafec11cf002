/**
 * The mock's HTTP(S) server on fastify: fastify routes (case-insensitively, as ARM matches paths), reads bodies
 * within a limit and serves TLS; each spec route hands the request to the pipeline, and every answer — success,
 * refusal, or a framework or client error — goes out with ARM's headers and an ARM error body, never a 5xx
 * unless a fault asks for one.
 */
import type { AddressInfo, Socket } from "node:net";
import type { ServerResponse } from "node:http";
import { setTimeout as sleep } from "node:timers/promises";
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from "fastify";
import { armErrors, type ArmError } from "./arm-errors.ts";
import { armHeaders, WriteCounters } from "./arm-headers.ts";
import { ARM_ERROR_SHAPE, renderErrorBody, type ErrorShape } from "./error-body.ts";
import { FAULT_HEADER, findFault, type Fault } from "./faults.ts";
import { isArmError, type MockExchange, type MockResponse } from "./mock-exchange.ts";
import type { MockModel, MockOperation, MockRoute } from "./mock-model.ts";
import type { OperationStore } from "./operations.ts";
import { runPipeline } from "./pipeline.ts";
import type { PollingResource } from "./polling.ts";
import { answerPoll, pollingDirectory, type PollRequest } from "./polling-routes.ts";
import { providerResponse, type ProviderDirectory } from "./provider-routes.ts";
import { formatLogLine, type LogLine } from "./request-log.ts";
import { checkBearer } from "./steps/authentication.ts";
import type { MockState } from "./state.ts";
import { registerAdminRoutes } from "./admin-routes.ts";
import { ROUTE_METHODS, ROUTER_OPTIONS } from "./route-table.ts";
import type { StateDocument } from "./state-file.ts";

export interface ServerSettings {
  model: MockModel;
  state: MockState;
  providers: ProviderDirectory;
  fault?: Fault;
  latencyMs: number;
  examplesOnly: boolean;
  /** Long-running operations: where they are kept and how long each stays InProgress. */
  operations: OperationStore;
  lroDurationMs: number;
  bodyLimit: number;
  https?: { key: string; cert: string };
  log?: LogLine;
  /** Replaces the state document (PUT /_rekey/state); the caller rebuilds what depends on it. */
  setStateDocument: (doc: StateDocument | undefined) => void;
}

function errorResponse(error: ArmError, shape: ErrorShape): MockResponse {
  return { status: error.status, headers: { ...error.headers, "x-ms-failure-cause": error.cause }, json: renderErrorBody(error, shape) };
}

function write(res: ServerResponse, socket: Socket | null, response: MockResponse): void {
  const headers = response.headers; // each response owns its headers object
  let body: string | undefined = response.text ?? (response.json === undefined ? undefined : JSON.stringify(response.json));
  if (body !== undefined && response.contentType !== null) headers["content-type"] = response.contentType ?? "application/json; charset=utf-8";
  if (response.status === 204 && body !== undefined && response.forceBody && socket) {
    // Node drops a 204's body; this fault needs it on the wire, so the response is written by hand and the
    // connection closed (the bytes would otherwise poison the next response on it).
    const lines = Object.entries({ ...headers, "content-length": String(Buffer.byteLength(body)), connection: "close" })
      .map(([k, v]) => `${k}: ${v}`);
    socket.end(`HTTP/1.1 204 No Content\r\ndate: ${new Date().toUTCString()}\r\n${lines.join("\r\n")}\r\n\r\n${body}`);
    return;
  }
  if (response.status === 204 || response.status === 304) body = undefined;
  else headers["content-length"] = String(body === undefined ? 0 : Buffer.byteLength(body));
  res.writeHead(response.status, headers);
  res.end(body);
}

function pathOf(url: string): string {
  const q = url.indexOf("?");
  return q === -1 ? url : url.slice(0, q);
}

function subscriptionOf(path: string): string {
  return /^\/subscriptions\/([^/]+)/i.exec(path)?.[1] ?? "";
}

/** A Host header the mock may build its polling URLs on: a name or an address, and a port. */
const HOST = /^(?:[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/;

function newestOperation(route: MockRoute): MockOperation | undefined {
  let newest: MockOperation | undefined;
  for (const versions of route.operations.values()) {
    for (const op of versions.values()) if (!newest || op.doc.apiVersion > newest.doc.apiVersion) newest = op;
  }
  return newest;
}

export async function buildServer(settings: ServerSettings): Promise<FastifyInstance> {
  const { model, state, log, operations } = settings;
  const writes = new WriteCounters();
  const scheme = settings.https ? "https" : "http";

  /** Where the client reached the mock, from its Host header; the listening address when that is unusable. */
  const originOf = (req: FastifyRequest): string => {
    const host = req.headers.host;
    if (typeof host === "string" && HOST.test(host)) return `${scheme}://${host}`;
    const address = app.server.address() as AddressInfo;
    return `${scheme}://${address.family === "IPv6" ? `[${address.address}]` : address.address}:${address.port}`;
  };

  /** The fault an x-rekey-fault header names (or ARM's refusal of a bad one); undefined when it names none. */
  const headerFault = (req: FastifyRequest): Fault | ArmError | undefined => {
    const header = req.headers[FAULT_HEADER];
    if (typeof header !== "string") return undefined;
    const found = findFault(header);
    return "refusal" in found ? armErrors.badRequest(`Invalid ${FAULT_HEADER}: ${found.refusal}; ${found.hint}.`) : found.fault;
  };

  const closing = new AbortController();
  const finish = async (req: FastifyRequest, reply: FastifyReply, response: MockResponse, started: number, code?: string, fault?: Fault) => {
    // Each wait is at most MAX_DELAY_MS (setTimeout's limit), so they are waited one after the other, never summed.
    for (const delay of [settings.latencyMs, fault?.delayMs ?? 0]) {
      if (delay === 0) continue;
      // a held answer must not hold the process once the mock closes
      const held = await sleep(delay, true, { signal: closing.signal }).catch(() => false);
      if (!held) return;
    }
    reply.hijack();
    if (fault?.reset) {
      req.raw.socket.destroy();
      log?.(formatLogLine(req.method, req.url, 0, "connection-reset", performance.now() - started));
      return;
    }
    write(reply.raw, req.raw.socket, response);
    log?.(formatLogLine(req.method, req.url, response.status, code, performance.now() - started));
  };

  const armAnswer = (req: FastifyRequest, error: ArmError, shape: ErrorShape = ARM_ERROR_SHAPE): MockResponse => {
    const response = errorResponse(error, shape);
    response.headers = { ...armHeaders(req.headers, new Date()), ...response.headers };
    return response;
  };

  const app = Fastify({
    logger: false,
    routerOptions: { ...ROUTER_OPTIONS },
    exposeHeadRoutes: false,
    bodyLimit: settings.bodyLimit,
    forceCloseConnections: true,
    https: settings.https ?? null,
    frameworkErrors: (error: Error, req: FastifyRequest, reply: FastifyReply) => {
      const response = armAnswer(req, armErrors.badRequest(`The request is malformed: ${error.message}.`));
      void finish(req, reply, response, performance.now(), "BadRequest");
    },
    clientErrorHandler: (error: Error & { code?: string }, socket: Socket) => {
      if (!socket.writable || error.code === "ECONNRESET") {
        socket.destroy();
        return;
      }
      const status = error.code === "HPE_HEADER_OVERFLOW" ? 431 : 400;
      const body = JSON.stringify({ error: { code: "BadRequest", message: `The HTTP request is malformed (${error.code ?? "parse error"}).` } });
      socket.end(`HTTP/1.1 ${status} ${status === 431 ? "Request Header Fields Too Large" : "Bad Request"}\r\n` +
        `content-type: application/json; charset=utf-8\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n` +
        `x-ms-failure-cause: gateway\r\n\r\n${body}`);
    },
  } as Parameters<typeof Fastify>[0]) as unknown as FastifyInstance;

  app.addHook("preClose", (done) => {
    closing.abort();
    done();
  });
  app.removeAllContentTypeParsers();
  app.addContentTypeParser("*", { parseAs: "buffer" }, (_req, body, done) => done(null, body));

  app.setErrorHandler((error: Error & { statusCode?: number; code?: string }, req, reply) => {
    const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 400;
    const armError = status === 413 ? armErrors.requestTooLarge(settings.bodyLimit) : armErrors.badRequest(`The request could not be read: ${error.message}.`);
    void finish(req, reply, armAnswer(req, armError), performance.now(), armError.code);
  });

  app.setNotFoundHandler((req, reply) => {
    const error = armErrors.noRoute(req.method, pathOf(req.url));
    void finish(req, reply, armAnswer(req, error), performance.now(), error.code);
  });

  const handle = (route: MockRoute, paramCount: number) => async (req: FastifyRequest, reply: FastifyReply) => {
    const started = performance.now();
    const now = new Date();
    const requested = headerFault(req);
    if (requested && isArmError(requested)) return finish(req, reply, armAnswer(req, requested), started, requested.code);
    const fault = requested ?? settings.fault;
    // Operations whose time has come complete before this request reads state.
    operations.settle(now.getTime());
    const params = req.params as Record<string, string>;
    const path = pathOf(req.url);
    const subscription = subscriptionOf(path);
    const exchange: MockExchange = {
      request: {
        method: req.method,
        path,
        query: req.query as MockExchange["request"]["query"],
        headers: req.headers,
        body: req.body as Buffer | undefined,
        origin: originOf(req),
      },
      route,
      positional: Array.from({ length: paramCount }, (_, i) => params[`p${i}`]),
      state,
      now,
      parameters: {},
    };
    const result = fault?.before
      ? fault.before(subscription)
      : runPipeline(exchange, {
        examplesOnly: settings.examplesOnly,
        rotationFault: fault?.rotation,
        fault,
        operations,
        lroDurationMs: settings.lroDurationMs,
      });
    const operation = exchange.operation ?? newestOperation(route);
    const isError = isArmError(result);
    let response = isError ? errorResponse(result, operation?.errorShape ?? ARM_ERROR_SHAPE) : result;
    response.headers = {
      ...armHeaders(req.headers, now),
      ...writes.take(subscription, now.getTime()),
      ...response.headers,
    };
    if (fault?.response) response = fault.response(response, { operation, isError });
    return finish(req, reply, response, started, isError ? result.code : undefined, fault);
  };

  let providersRouteTaken = false;
  for (const route of model.routes) {
    const paramCount = (route.url.match(/:p\d+/g) ?? []).length;
    if (/^\/subscriptions\/:p0\/providers\/:p1$/i.test(route.url)) providersRouteTaken = true;
    app.route({ method: ROUTE_METHODS, url: route.url, handler: handle(route, paramCount) });
  }

  if (!providersRouteTaken) {
    app.get("/subscriptions/:subscriptionId/providers/:namespace", async (req, reply) => {
      const started = performance.now();
      const { subscriptionId, namespace } = req.params as Record<string, string>;
      const apiVersion = (req.query as Record<string, unknown>)["api-version"];
      const refusal = apiVersion === undefined || apiVersion === "" ? armErrors.missingApiVersion() : checkBearer(req.headers, new Date());
      const answer = refusal ?? providerResponse(settings.providers, subscriptionId, namespace);
      const response: MockResponse = isArmError(answer)
        ? armAnswer(req, answer)
        : { status: 200, headers: { ...armHeaders(req.headers, new Date()), "x-ms-ratelimit-remaining-subscription-reads": "249" }, json: answer };
      return finish(req, reply, response, started, isArmError(answer) ? answer.code : undefined);
    });
  }

  // The polling URLs of long-running operations (polling.ts): read-only, GET only, under the namespaces the specs cover.
  const namespaces = pollingDirectory(model);
  const poll = (resource: PollingResource) => async (req: FastifyRequest, reply: FastifyReply) => {
    const started = performance.now();
    const now = new Date();
    const requested = headerFault(req);
    if (requested && isArmError(requested)) return finish(req, reply, armAnswer(req, requested), started, requested.code);
    const { answer, accepted, fault } = answerPoll({
      method: req.method,
      resource,
      params: req.params as PollRequest["params"],
      apiVersion: (req.query as Record<string, unknown>)["api-version"],
      headers: req.headers,
      now,
      origin: originOf(req),
      fault: requested,
    }, namespaces, operations);
    const error = isArmError(answer) ? answer : undefined;
    let response = error ? errorResponse(error, accepted?.operation?.errorShape ?? ARM_ERROR_SHAPE) : answer as MockResponse;
    response.headers = { ...armHeaders(req.headers, now), ...response.headers };
    if (fault?.response) response = fault.response(response, { operation: accepted?.operation, isError: error !== undefined });
    return finish(req, reply, response, started, error?.code, fault);
  };
  for (const resource of ["operationStatuses", "operationResults"] as const) {
    const url = `/subscriptions/:subscriptionId/providers/:namespace/locations/:location/${resource}/:operationId`;
    const taken = model.routes.some((r) => r.url.replace(/:p\d+/g, ":").toLowerCase() === url.replace(/:[A-Za-z]+/g, ":").toLowerCase());
    if (!taken) app.route({ method: ROUTE_METHODS, url, handler: poll(resource) });
  }

  registerAdminRoutes(app, settings.state, settings.setStateDocument, operations);
  return app;
}
