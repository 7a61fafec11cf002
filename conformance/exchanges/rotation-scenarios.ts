/**
 * Stateful scenarios from the operation's x-rekey-rotation data: for each key whose value the answer shows,
 * regenerate it three times in a row: the first answer is the baseline, and the `rotation` check compares each later
 * step with the one before, so the key is seen to change twice (the selected key
 * changes and its timestamp advances; the other keys and timestamps stay; the resource name echoes the path).
 * Operations whose answers carry no keys (API Management's 204) have no scenario: there is nothing to observe.
 */
import { keyName, type RotationSpec, set } from "../../kernel/index.ts";
import type { CompiledExchange } from "../exchange.ts";
import { buildExchange, type OperationCase } from "./operation-case.ts";

export const ROTATIONS_PER_KEY = 3;

function selectKey(c: OperationCase, spec: RotationSpec, key: string): Record<string, unknown> | undefined {
  const selector = spec.selector;
  if ("fixed" in selector) return keyName(spec, selector.fixed) === key ? c.values : undefined;
  if (selector.in === "body") {
    const name = c.operation.requestBody!.name;
    return { ...c.values, [name]: set(c.values[name] ?? {}, selector.pointer, key) };
  }
  return { ...c.values, [selector.parameter]: key };
}

export function rotationScenarios(c: OperationCase): CompiledExchange[] {
  const spec = c.operation.rotation;
  if (!spec) return [];
  const nameParameter = c.operation.armPath?.nameParameters.at(-1);
  const resourceName = nameParameter === undefined ? undefined : String(c.values[nameParameter]);
  const statuses = c.operation.responses.filter((r) => /^2\d\d$/.test(r.status)).map((r) => Number(r.status));
  const exchanges: CompiledExchange[] = [];
  for (const [key, where] of Object.entries(spec.keys)) {
    if (!where.value) continue;
    const values = selectKey(c, spec, key);
    if (!values) continue;
    const name = `rotate-${key.toLowerCase()}`;
    for (let step = 1; step <= ROTATIONS_PER_KEY; step++) {
      exchanges.push(buildExchange(c, {
        kind: "scenario",
        name: `${name}/${step}`,
        title: step === 1 ? `regenerate the ${key} key (baseline for the next steps)` : `regenerate the ${key} key again (${step} of ${ROTATIONS_PER_KEY})`,
        expect: { kind: "success", statuses },
        mutation: "always",
        source: `${c.doc.file}#${spec.pointer}`,
        values,
        scenario: { name, step, of: ROTATIONS_PER_KEY, key, resourceName },
      }));
    }
  }
  return exchanges;
}
