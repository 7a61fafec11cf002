/**
 * One request as it moves through the mock's pipeline: each step reads what earlier steps found and either adds to
 * it or refuses with an ArmError.
 */
import type { IncomingHttpHeaders } from "node:http";
import type { ResourceAddress } from "../../kernel/index.ts";
import type { ArmError } from "./arm-errors.ts";
import type { MockOperation, MockRoute } from "./mock-model.ts";
import type { MockResource, MockState } from "./state.ts";

export interface MockRequest {
  method: string;
  /** The path as sent (percent-encoded), without the query. */
  path: string;
  query: Record<string, string | string[] | undefined>;
  headers: IncomingHttpHeaders;
  /** The raw body, when one was sent. */
  body?: Buffer;
  /** scheme://host[:port] the client reached the mock at (its polling URLs are built on it); absent off the wire. */
  origin?: string;
}

export interface MockResponse {
  status: number;
  headers: Record<string, string>;
  /** A JSON value to send as application/json; charset=utf-8; absent for no body. */
  json?: unknown;
  /** Raw body text instead of json (faults only). */
  text?: string;
  /** Overrides the Content-Type; null sends none (faults only). */
  contentType?: string | null;
  /** Send the body even on a 204, which Node would drop (faults only). */
  forceBody?: boolean;
}

export interface MockExchange {
  request: MockRequest;
  route: MockRoute;
  /** Path values by position (the route captures :p0, :p1, …). */
  positional: string[];
  state: MockState;
  now: Date;
  /** Candidates for the request's method, by lower-case api-version. */
  candidates?: Map<string, MockOperation>;
  apiVersion?: string;
  operation?: MockOperation;
  /** Parameter values by name, as the operation declares them. */
  parameters: Record<string, string>;
  body?: unknown;
  address?: ResourceAddress;
  resource?: MockResource;
}

export type MockStep = (exchange: MockExchange) => ArmError | undefined;

export function isArmError(value: unknown): value is ArmError {
  return typeof value === "object" && value !== null && "code" in value && "cause" in value && "status" in value;
}
