/**
 * One operation of the product specs, picked by what a test needs of it rather than by name, with the exchanges a run
 * `--only <that operation>` compiles: tests take their expected ids and counts from these, so editing or adding a
 * spec folder never turns a test red by itself.
 */
import type { CompiledExchange } from "../../conformance/exchange.ts";
import { unitKey } from "../../conformance/exchange.ts";
import { compileExchanges } from "../../conformance/exchanges/compile-exchanges.ts";
import type { DocumentModel, OperationModel } from "../../kernel/index.ts";
import { productSpecs } from "./mock.ts";

export interface PickedOperation {
  doc: DocumentModel;
  operation: OperationModel;
  /** service/api-version/operationId: the first part of every exchange id, and a row of the console's table. */
  key: string;
  /** The `--only` glob that selects this operation's exchanges. */
  only: string;
  /** What `compileExchanges` gives for `--only <only>`, in the runner's order. */
  exchanges: CompiledExchange[];
}

/** The first operation, in the kernel's order, the predicate accepts; fails the test when none does. */
export async function pickOperation(what: string, accepts: (picked: PickedOperation) => boolean): Promise<PickedOperation> {
  const { docs, ajv } = await productSpecs();
  for (const doc of docs) {
    for (const operation of doc.operations) {
      const key = `${doc.service}/${doc.apiVersion}/${operation.operationId}`;
      const only = `${key}/**`;
      const picked = { doc, operation, key, only, exchanges: compileExchanges({ docs, ajv, only: [only] }) };
      if (accepts(picked)) return picked;
    }
  }
  throw new Error(`no operation in specs/ is ${what}`);
}

/** A negative exchange that breaks an enum of the request body (e.g. …/negative/body.keyType.enum). */
export function isBodyEnumNegative(exchange: CompiledExchange): boolean {
  return exchange.kind === "negative" && /\/negative\/body\.[^/]*\.enum$/.test(exchange.id);
}

/** The first operation whose rotation selects the key from the request body, where a body enum names the key. */
export function bodySelectedOperation(): Promise<PickedOperation> {
  return pickOperation("rotated by a key named in the request body", ({ operation, exchanges }) => {
    const selector = operation.rotation?.selector;
    return selector !== undefined && "in" in selector && selector.in === "body" && exchanges.some(isBodyEnumNegative);
  });
}

/** The exchanges a gated target sends without --allow-mutations: whole units (scenarios) that cannot change anything. */
export function readOnlyExchanges(exchanges: CompiledExchange[]): CompiledExchange[] {
  const mutating = new Set(exchanges.filter((e) => e.mutation !== "never").map(unitKey));
  return exchanges.filter((e) => !mutating.has(unitKey(e)));
}

/** A string as a literal part of a RegExp. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
}
