/** Step 1: the route exists (the router matched it); does it serve this method? ARM answers 405 with Allow. */
import { armErrors } from "../arm-errors.ts";
import type { MockStep } from "../mock-exchange.ts";

export const checkMethod: MockStep = (exchange) => {
  exchange.candidates = exchange.route.operations.get(exchange.request.method);
  if (!exchange.candidates) return armErrors.methodNotAllowed(exchange.request.method, [...exchange.route.operations.keys()]);
  return undefined;
};
