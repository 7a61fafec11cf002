/** Every x-ms-examples file of an operation becomes one exchange: its request, and its documented success answer. */
import type { CompiledExchange } from "../exchange.ts";
import { acceptedMutation, buildExchange, type OperationCase } from "./operation-case.ts";

export function exampleExchanges(c: OperationCase, overrides: Record<string, unknown>): CompiledExchange[] {
  return c.operation.examples.flatMap((example) => {
    const statuses = Object.keys(example.responses).filter((s) => /^2\d\d$/.test(s)).map(Number);
    if (statuses.length === 0) return [];
    const documented = { status: statuses[0], body: example.responses[String(statuses[0])]?.body };
    return [buildExchange(c, {
      kind: "example",
      name: example.title,
      title: `example "${example.title}": ${c.operation.httpMethod.toUpperCase()} as documented, expect ${statuses.join(" or ")}`,
      expect: { kind: "success", statuses, example: documented },
      mutation: acceptedMutation(c.operation),
      source: `${example.file}`,
      values: { ...example.parameters, ...overrides },
    })];
  });
}
