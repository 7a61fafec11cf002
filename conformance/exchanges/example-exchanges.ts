/** Every x-ms-examples file of an operation becomes one exchange: its request, and its documented success answer. */
import type { ExampleModel } from "../../generator/model.ts";
import type { CompiledExchange } from "../exchange.ts";
import { acceptedMutation, buildExchange, type OperationCase } from "./operation-case.ts";

function documentedSuccess(example: ExampleModel): { status: number; body?: unknown } | undefined {
  const status = Object.keys(example.responses).find((s) => /^2\d\d$/.test(s));
  return status === undefined ? undefined : { status: Number(status), body: example.responses[status]?.body };
}

export function exampleExchanges(c: OperationCase, overrides: Record<string, unknown>): CompiledExchange[] {
  return c.operation.examples.flatMap((example) => {
    const documented = documentedSuccess(example);
    if (!documented) return [];
    const statuses = Object.keys(example.responses).filter((s) => /^2\d\d$/.test(s)).map(Number);
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
