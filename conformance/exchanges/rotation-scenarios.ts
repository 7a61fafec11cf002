/**
 * Stateful scenarios from the operation's x-rekey-rotation data, for each key whose value an answer shows.
 *  - The rotating answer shows the keys: regenerate the key three times in a row; the first answer is the baseline
 *    and the `rotation` check compares each later step with the one before (the selected key changes and its
 *    timestamp advances; the other keys and timestamps stay; the resource name echoes the path).
 *  - The keys are read back (readBack: API Management's rotation answers 204): read, rotate, read, rotate, read; each
 *    read after a rotation is compared with the read before it.
 * The key is selected as the rotation says: written into the body at the selector's pointer, given as the path or
 * query parameter, or fixed (then only that key has a scenario). Nothing here names an operation.
 */
import { keyName, type KeyLocation, type OperationModel, type RotationSpec, set } from "../../kernel/index.ts";
import type { CompiledExchange, ScenarioStep } from "../exchange.ts";
import { buildExchange, type OperationCase } from "./operation-case.ts";

export const ROTATIONS_PER_KEY = 3;
/** Rotations observed through the read-back operation (each between two reads). */
export const READ_BACK_ROTATIONS = 2;

function selectKey(c: OperationCase, spec: RotationSpec, key: string): Record<string, unknown> | undefined {
  const selector = spec.selector;
  if ("fixed" in selector) return keyName(spec, selector.fixed) === key ? c.values : undefined;
  if (selector.in === "body") {
    const name = c.operation.requestBody!.name;
    return { ...c.values, [name]: set(c.values[name] ?? {}, selector.pointer, key) };
  }
  return { ...c.values, [selector.parameter]: key };
}

function successStatuses(operation: OperationModel): number[] {
  return operation.responses.filter((r) => /^2\d\d$/.test(r.status)).map((r) => Number(r.status));
}

/** Where the key's value shows: in the rotating answer, or in the read-back answer. */
function shownLocation(spec: RotationSpec, key: string): KeyLocation | undefined {
  if (!spec.readBack) return spec.keys[key];
  const name = Object.keys(spec.readBack.keys).find((k) => keyName(spec, k) === key);
  return name === undefined ? undefined : spec.readBack.keys[name];
}

/** The read-back operation as a case: its first example's values, with the rotating case's values it shares. */
function readerCase(c: OperationCase, spec: RotationSpec): OperationCase | undefined {
  const operation = c.doc.operations.find((o) => o.operationId === spec.readBack?.operationId);
  if (!operation) return undefined;
  const example = operation.examples[0];
  const shared = Object.fromEntries(operation.parameters.filter((p) => p.name in c.values).map((p) => [p.name, c.values[p.name]]));
  return { ...c, operation, example, values: { ...(example?.parameters ?? {}), ...shared } };
}

export function rotationScenarios(c: OperationCase): CompiledExchange[] {
  const spec = c.operation.rotation;
  if (!spec) return [];
  const nameParameter = c.operation.armPath?.nameParameters.at(-1);
  const resourceName = nameParameter === undefined ? undefined : String(c.values[nameParameter]);
  const reader = spec.readBack ? readerCase(c, spec) : undefined;
  if (spec.readBack && !reader) return [];
  const source = `${c.doc.file}#${spec.pointer}`;
  const exchanges: CompiledExchange[] = [];
  for (const key of Object.keys(spec.keys)) {
    if (!shownLocation(spec, key)?.value) continue;
    const values = selectKey(c, spec, key);
    if (!values) continue;
    const name = `rotate-${key.toLowerCase()}`;
    const of = reader ? 2 * READ_BACK_ROTATIONS + 1 : ROTATIONS_PER_KEY;
    const scenario = (step: number, extra: Partial<ScenarioStep> = {}): ScenarioStep => ({ name, step, of, key, resourceName, ...extra });
    const rotate = (step: number, title: string) => buildExchange(c, {
      kind: "scenario", name: `${name}/${step}`, title, expect: { kind: "success", statuses: successStatuses(c.operation) },
      mutation: "always", source, values, scenario: scenario(step),
    });
    if (!reader) {
      for (let step = 1; step <= ROTATIONS_PER_KEY; step++) {
        exchanges.push(rotate(step, step === 1 ? `regenerate the ${key} key (baseline for the next steps)` : `regenerate the ${key} key again (${step} of ${ROTATIONS_PER_KEY})`));
      }
      continue;
    }
    const read = (step: number, title: string) => {
      const exchange = buildExchange(reader, {
        kind: "scenario", name: `${name}/${step}`, title, expect: { kind: "success", statuses: successStatuses(reader.operation) },
        mutation: "never", source, scenario: scenario(step, { reads: true, compareWith: step > 1 ? step - 2 : undefined }),
      });
      // The step belongs to the rotating operation's scenario (one unit, one id prefix), though it calls the reader.
      return { ...exchange, id: `${c.doc.service}/${c.doc.apiVersion}/${c.operation.operationId}/scenario/${name}/${step}` };
    };
    exchanges.push(read(1, `read the keys with ${reader.operation.operationId} (baseline)`));
    for (let n = 1; n <= READ_BACK_ROTATIONS; n++) {
      exchanges.push(rotate(2 * n, `regenerate the ${key} key (${n} of ${READ_BACK_ROTATIONS})`));
      exchanges.push(read(2 * n + 1, `read the keys back with ${reader.operation.operationId}: only ${key} changed`));
    }
  }
  return exchanges.map((e) => ({ ...e, context: { ...e.context, rotation: spec } }));
}
