/**
 * The mock's HTTP(S) server on node:http(s), routed by find-my-way (paths match case-insensitively, as ARM matches
 * them): it reads bodies within a limit and serves TLS; each spec route hands the request to the pipeline, and
 * every answer — success, refusal, or a malformed request — goes out with ARM's headers and an ARM error body,
 * never a 5xx unless a fault asks for one.
 */
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { createServer as createHttpsServer } from "node:https";
import type { AddressInfo } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";
import Router from "find-my-way";
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
import { BODYLESS_METHODS, readBody } from "./read-body.ts";
import { formatLogLine, type LogLine } from "./request-log.ts";
import { checkBearer } from "./steps/authentication.ts";
import type { MockState } from "./state.ts";
import { registerAdminRoutes } from "./admin-routes.ts";
import { type AddRoute, ROUTE_METHODS, ROUTER_OPTIONS, type RoutedRequest, type RouteHandler } from "./route-table.ts";
import type { StateDocument } from "./state-file.ts";
import { answerClientError, writeResponse } from "./write-response.ts";

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


export interface MockServer {
  /** Resolves once listening; rejects with the listen error (EADDRINUSE, …). */
  listen(port: number, host: string): Promise<void>;
  address(): AddressInfo;
  /** Stops listening, aborts held answers and closes every connection. */
  close(): Promise<void>;
}

/**
 * Node's keep-alive default is 5 s; clients that pool connections (the SDKs do) hold them longer, so the mock keeps
 * an idle connection 72 s, as it did on fastify. Requests themselves are never timed out.
 */
const KEEP_ALIVE_MS = 72_000;

function errorResponse(error: ArmError, shape: ErrorShape): MockResponse {
  const headers: Record<string, string> = error.headers ? { ...error.headers } : {};
  headers["x-ms-failure-cause"] = error.cause;
  return { status: error.status, headers, json: renderErrorBody(error, shape) };
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

/** `headers` with ARM's own headers first: those the answer carries itself win. */
function withArmHeaders(arm: Record<string, string>, headers: Record<string, string>): Record<string, string> {
  for (const name in headers) arm[name] = headers[name];
  return arm;
}

export function buildServer(settings: ServerSettings): MockServer {
  const { model, state, log, operations } = settings;
  const writes = new WriteCounters();
  const scheme = settings.https ? "https" : "http";
  const server: Server = settings.https ? createHttpsServer(settings.https) : createHttpServer();
  server.keepAliveTimeout = KEEP_ALIVE_MS;
  server.requestTimeout = 0;

  /** Where the client reached the mock, from its Host header; the listening address when that is unusable. */
  const originOf = (req: IncomingMessage): string => {
    const host = req.headers.host;
    if (typeof host === "string" && HOST.test(host)) return `${scheme}://${host}`;
    const address = server.address() as AddressInfo;
    return `${scheme}://${address.family === "IPv6" ? `[${address.address}]` : address.address}:${address.port}`;
  };

  /** The fault an x-rekey-fault header names (or ARM's refusal of a bad one); undefined when it names none. */
  const headerFault = (req: IncomingMessage): Fault | ArmError | undefined => {
    const header = req.headers[FAULT_HEADER];
    if (typeof header !== "string") return undefined;
    const found = findFault(header);
    return "refusal" in found ? armErrors.badRequest(`Invalid ${FAULT_HEADER}: ${found.refusal}; ${found.hint}.`) : found.fault;
  };

  const closing = new AbortController();
  const send = (req: IncomingMessage, res: ServerResponse, response: MockResponse, started: number, code?: string, fault?: Fault) => {
    if (fault?.reset) {
      req.socket.destroy();
      log?.(formatLogLine(req.method!, req.url!, 0, "connection-reset", performance.now() - started));
      return;
    }
    writeResponse(res, req.socket, response);
    log?.(formatLogLine(req.method!, req.url!, response.status, code, performance.now() - started));
  };
  const finish = (req: IncomingMessage, res: ServerResponse, response: MockResponse, started: number, code?: string, fault?: Fault): void => {
    const delay = fault?.delayMs ?? 0;
    if (settings.latencyMs === 0 && delay === 0) send(req, res, response, started, code, fault);
    else void hold(req, res, response, started, code, fault);
  };
  const hold = async (req: IncomingMessage, res: ServerResponse, response: MockResponse, started: number, code?: string, fault?: Fault) => {
    // Each wait is at most MAX_DELAY_MS (setTimeout's limit), so they are waited one after the other, never summed.
    for (const delay of [settings.latencyMs, fault?.delayMs ?? 0]) {
      if (delay === 0) continue;
      // a held answer must not hold the process once the mock closes
      const held = await sleep(delay, true, { signal: closing.signal }).catch(() => false);
      if (!held) return;
    }
    send(req, res, response, started, code, fault);
  };

  const armAnswer = (req: IncomingMessage, error: ArmError, shape: ErrorShape = ARM_ERROR_SHAPE): MockResponse => {
    const response = errorResponse(error, shape);
    response.headers = withArmHeaders(armHeaders(req.headers, new Date()), response.headers);
    return response;
  };
  const refuse = (req: IncomingMessage, res: ServerResponse, error: ArmError) => finish(req, res, armAnswer(req, error), performance.now(), error.code);
  const malformed = (req: IncomingMessage, res: ServerResponse, message: string) => refuse(req, res, armErrors.badRequest(`The request is malformed: ${message}.`));

  const router = Router({
    ...ROUTER_OPTIONS,
    maxParamLength: 100,
    onBadUrl: (path: string, req: IncomingMessage, res: ServerResponse) => malformed(req, res, `'${path}' is not a valid url component`),
    onMaxParamLength: (path: string, req: IncomingMessage, res: ServerResponse) => malformed(req, res, `'${path}' is exceeding the max param length`),
  } as Router.Config<Router.HTTPVersion.V1>);
  const addRoute: AddRoute = (methods, url, handler) => router.on(methods as Router.HTTPMethod[], url, () => undefined, handler);

  const onRequest = (req: IncomingMessage, res: ServerResponse) => {
    const found = router.find(req.method as Router.HTTPMethod, req.url!);
    if (found === null) {
      refuse(req, res, armErrors.noRoute(req.method!, pathOf(req.url!)));
      return;
    }
    const handler = found.store as RouteHandler | null;
    if (handler === null) {
      // a malformed escape or an over-long segment: the router's own handler answers
      (found.handler as unknown as (req: IncomingMessage, res: ServerResponse) => void)(req, res);
      return;
    }
    const routed: RoutedRequest = { req, res, params: found.params, query: found.searchParams };
    if (BODYLESS_METHODS.has(req.method!)) {
      handler(routed);
      return;
    }
    readBody(req, settings.bodyLimit, (outcome) => {
      if ("body" in outcome) {
        routed.body = outcome.body;
        handler(routed);
      } else if (outcome.refusal === "too-large") refuse(req, res, armErrors.requestTooLarge(settings.bodyLimit));
      else refuse(req, res, armErrors.badRequest(`The request could not be read: ${outcome.message}.`));
    });
  };
  server.on("request", onRequest);
  server.on("clientError", answerClientError);

  const handle = (route: MockRoute, paramCount: number): RouteHandler => ({ req, res, params, query, body }) => {
    const started = performance.now();
    const now = new Date();
    const requested = headerFault(req);
    if (requested && isArmError(requested)) return finish(req, res, armAnswer(req, requested), started, requested.code);
    const fault = requested ?? settings.fault;
    // Operations whose time has come complete before this request reads state.
    operations.settle(now.getTime());
    const path = pathOf(req.url!);
    const subscription = subscriptionOf(path);
    const positional: string[] = new Array(paramCount);
    for (let i = 0; i < paramCount; i++) positional[i] = params[`p${i}`]!;
    const exchange: MockExchange = {
      request: { method: req.method!, path, query, headers: req.headers, body, origin: originOf(req) },
      route,
      positional,
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
    response.headers = withArmHeaders(writes.addTo(armHeaders(req.headers, now), subscription, now.getTime()), response.headers);
    if (fault?.response) response = fault.response(response, { operation, isError });
    return finish(req, res, response, started, isError ? result.code : undefined, fault);
  };

  let providersRouteTaken = false;
  for (const route of model.routes) {
    const paramCount = (route.url.match(/:p\d+/g) ?? []).length;
    if (/^\/subscriptions\/:p0\/providers\/:p1$/i.test(route.url)) providersRouteTaken = true;
    addRoute(ROUTE_METHODS, route.url, handle(route, paramCount));
  }

  if (!providersRouteTaken) {
    addRoute(["GET"], "/subscriptions/:subscriptionId/providers/:namespace", ({ req, res, params, query }) => {
      const started = performance.now();
      const apiVersion = query["api-version"];
      const refusal = apiVersion === undefined || apiVersion === "" ? armErrors.missingApiVersion() : checkBearer(req.headers, new Date());
      const answer = refusal ?? providerResponse(settings.providers, params.subscriptionId!, params.namespace!);
      const response: MockResponse = isArmError(answer)
        ? armAnswer(req, answer)
        : { status: 200, headers: withArmHeaders(armHeaders(req.headers, new Date()), { "x-ms-ratelimit-remaining-subscription-reads": "249" }), json: answer };
      finish(req, res, response, started, isArmError(answer) ? answer.code : undefined);
    });
  }

  // The polling URLs of long-running operations (polling.ts): read-only, GET only, under the namespaces the specs cover.
  const namespaces = pollingDirectory(model);
  const poll = (resource: PollingResource): RouteHandler => ({ req, res, params, query }) => {
    const started = performance.now();
    const now = new Date();
    const requested = headerFault(req);
    if (requested && isArmError(requested)) return finish(req, res, armAnswer(req, requested), started, requested.code);
    const { answer, accepted, fault } = answerPoll({
      method: req.method!,
      resource,
      params: params as PollRequest["params"],
      apiVersion: query["api-version"],
      headers: req.headers,
      now,
      origin: originOf(req),
      fault: requested,
    }, namespaces, operations);
    const error = isArmError(answer) ? answer : undefined;
    let response = error ? errorResponse(error, accepted?.operation?.errorShape ?? ARM_ERROR_SHAPE) : answer as MockResponse;
    response.headers = withArmHeaders(armHeaders(req.headers, now), response.headers);
    if (fault?.response) response = fault.response(response, { operation: accepted?.operation, isError: error !== undefined });
    return finish(req, res, response, started, error?.code, fault);
  };
  for (const resource of ["operationStatuses", "operationResults"] as const) {
    const url = `/subscriptions/:subscriptionId/providers/:namespace/locations/:location/${resource}/:operationId`;
    const taken = model.routes.some((r) => r.url.replace(/:p\d+/g, ":").toLowerCase() === url.replace(/:[A-Za-z]+/g, ":").toLowerCase());
    if (!taken) addRoute(ROUTE_METHODS, url, poll(resource));
  }

  registerAdminRoutes(addRoute, settings.state, settings.setStateDocument, operations);

  return {
    listen: (port, host) => new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(port, host, () => {
        server.removeListener("error", reject);
        resolve();
      });
    }),
    address: () => server.address() as AddressInfo,
    close: () => new Promise<void>((resolve) => {
      closing.abort();
      if (!server.listening) return resolve();
      server.close(() => resolve());
      server.closeAllConnections();
    }),
  };
}
