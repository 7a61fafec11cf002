/**
 * How a request finds its operation: the path against the route templates with find-my-way — the router the
 * server runs, with its options (ROUTER_OPTIONS: paths match case-insensitively, as ARM matches them) — then the
 * pipeline's first steps: the method, an api-version, an api-version the specs hold. The server matches the path
 * with its own router and runs the steps in its pipeline; a recorded request (conformance/replay/) is routed here,
 * by the same templates, options and steps, without a server.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import Router from "find-my-way";
import type { ArmError } from "./arm-errors.ts";
import { armErrors } from "./arm-errors.ts";
import type { MockExchange, MockRequest } from "./mock-exchange.ts";
import type { MockModel, MockOperation, MockRoute } from "./mock-model.ts";
import { requireApiVersion, selectOperationByApiVersion } from "./steps/api-version.ts";
import { checkMethod } from "./steps/method.ts";
import { MockState } from "./state.ts";

/** A request the router matched: its path values (decoded), its query and its body. */
export interface RoutedRequest {
  req: IncomingMessage;
  res: ServerResponse;
  params: Record<string, string | undefined>;
  query: Record<string, string | string[] | undefined>;
  body?: Buffer;
}

export type RouteHandler = (request: RoutedRequest) => void;

/** Adds a route: methods, a find-my-way URL (:name captures a segment), and what answers it. */
export type AddRoute = (methods: string[], url: string, handler: RouteHandler) => void;

/** The router's options, for the server's router and for the table alike. */
export const ROUTER_OPTIONS = { caseSensitive: false } as const;

/** The methods every spec route answers (the method step refuses those its operations lack, as ARM does: 405). */
export const ROUTE_METHODS = ["GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS"];

/** The steps that choose the operation, in the pipeline's order (authentication, between them there, is not routing). */
const ROUTING_STEPS = [checkMethod, requireApiVersion, selectOperationByApiVersion];

export type Routed =
  | { operation: MockOperation; exchange: MockExchange }
  /** No route has the path (404 NotFound), a malformed path (400), or a routing step refused it (405, a missing or unknown api-version). */
  | { refusal: ArmError };

export interface RouteTable {
  route(request: MockRequest): Routed;
}

export function routeTable(model: MockModel): RouteTable {
  // The server answers these two router outcomes 400 BadRequest (server.ts, onBadUrl and onMaxParamLength).
  const router = Router({ ...ROUTER_OPTIONS, onBadUrl: () => undefined, onMaxParamLength: () => undefined });
  for (const route of model.routes) {
    router.on(ROUTE_METHODS as Router.HTTPMethod[], route.url, () => undefined, { route, count: (route.url.match(/:p\d+/g) ?? []).length });
  }
  // A routed request is only judged, never served: it sees no resources.
  const empty = new MockState(() => []);
  return {
    route(request) {
      const found = router.find(request.method as Router.HTTPMethod, request.path);
      if (!found) return { refusal: armErrors.noRoute(request.method, request.path) };
      const entry = found.store as { route: MockRoute; count: number } | null;
      if (!entry) return { refusal: armErrors.badRequest(`The request is malformed: '${request.path}' has a malformed escape or a segment longer than the router reads.`) };
      const { route, count } = entry;
      const exchange: MockExchange = {
        request,
        route,
        positional: Array.from({ length: count }, (_, i) => found.params[`p${i}`] ?? ""),
        state: empty,
        now: new Date(),
        parameters: {},
      };
      for (const step of ROUTING_STEPS) {
        const refusal = step(exchange);
        if (refusal) return { refusal };
      }
      return { operation: exchange.operation!, exchange };
    },
  };
}
