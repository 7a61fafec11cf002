/**
 * rotation: what regenerating does, judged against the operation's x-rekey-rotation data by comparing a scenario
 * step's answer with its baseline step's (the one before, or for read-back scenarios the read before the rotation):
 * the selected key changed and its timestamp advanced; every other key and timestamp is unchanged; the resource name
 * in the body echoes the path. A key in an array element is found by the element's constant fields, so a rotation of
 * the wrong element is caught. Key values never appear in a failure.
 *
 * A key the rotation names must be in every answer that shows keys. Its timestamp need not: real answers may carry
 * none (Maps' account keys were once {id, primaryKey, secondaryKey}: Azure/bicep-types-az,
 * generated/maps/microsoft.maps/2017-01-01-preview/types.md), so without one the key values alone are judged and a
 * warning says the timestamps could not be.
 *
 * A long-running rotation is judged on its final result (the runner follows the operation), and its keys must not
 * change before completion: a read-back taken while the operation still ran must show the keys of the read before.
 */
import { describeLocation, get as valueAt, keyName, type KeyLocation, keyPointer, keyValue, type RotationSpec } from "../../kernel/index.ts";
import type { ExchangeResponse, ScenarioStep } from "../exchange.ts";
import { settledResult } from "./async-operation.ts";
import { type Check, type CheckFailure, type Followed, jsonType } from "./check.ts";

/** Sub-millisecond digits of an ISO timestamp (Azure writes seven), which Date.parse drops. */
function subMillisecond(value: string): string {
  return (/\.\d{3}(\d*)/.exec(value)?.[1] ?? "").padEnd(6, "0");
}

export function timestampAdvanced(before: unknown, after: unknown): boolean {
  const [b, a] = [Date.parse(String(before)), Date.parse(String(after))];
  if (Number.isNaN(a) || Number.isNaN(b)) return before !== after;
  return a > b || (a === b && subMillisecond(String(after)) > subMillisecond(String(before)));
}

/** A timestamp quoted from the previous answer: a string as it is (scrubbed like all text), anything else by its type. */
function previousValue(value: unknown): string {
  return typeof value === "string" ? value : jsonType(value);
}

/** Where this step's answer shows each declared key (by the rotation's key names); undefined when it shows none. */
function locationsIn(spec: RotationSpec, reads: boolean): Record<string, KeyLocation> | undefined {
  if (!reads) return spec.readBack ? undefined : spec.keys;
  const shown: Record<string, KeyLocation> = {};
  for (const [name, location] of Object.entries(spec.readBack?.keys ?? {})) {
    const key = keyName(spec, name);
    if (key !== undefined) shown[key] = location;
  }
  return shown;
}


/**
 * Keys are rotated at completion and not before (ARM: the resource changes when the operation ends): the read-back
 * taken after the accepted answer, when a poll after it showed the operation still running, must show the keys of
 * the read before the rotation.
 */
function changedWhileRunning(spec: RotationSpec, step: ScenarioStep, { record }: Followed, previous: ExchangeResponse | null | undefined): CheckFailure[] {
  const read = record.readWhileRunning;
  const during = read?.confirmed ? record.requests[read.request].response : undefined;
  const before = previous?.json;
  if (!spec.readBack || !during || during.status >= 300 || during.json === undefined || !previous || previous.status >= 300 || before === undefined) return [];
  const failures: CheckFailure[] = [];
  for (const [name, where] of Object.entries(spec.readBack.keys)) {
    const [was, now] = [keyValue(where, "value", before), keyValue(where, "value", during.json)];
    if (!where.value || was === undefined || now === undefined || was === now) continue;
    failures.push({
      pointer: keyPointer(where, "value", during.json)!,
      expected: "the value before the rotation",
      actual: "a new value",
      notFromBody: true,
      message: `keys changed before the operation completed: regenerating ${step.key}, ${spec.readBack.operationId} showed a new ${describeLocation(where, "value")} (the ${keyName(spec, name) ?? name} key) while the operation was still running`,
    });
  }
  return failures;
}

export const rotation: Check = {
  name: "rotation",
  summary: "regenerating changes exactly the selected key (and advances its timestamp), at completion and not before; the name echoes the path",
  severity: "failure",
  appliesTo: (exchange) => exchange.scenario !== undefined,
  run: ({ exchange, response: answer, previous, followed }) => {
    const step = exchange.scenario!;
    const spec = exchange.context.rotation ?? exchange.context.operation.rotation;
    if (!spec) return [];
    // A long-running rotation is judged on its final result; without one the async-* checks say why.
    const response = followed ? settledResult(followed, exchange.context.operation.longRunning?.finalStatuses ?? [])?.response : answer;
    const early = followed ? changedWhileRunning(spec, step, followed, previous) : [];
    const body = response?.json;
    if (!response || response.status >= 300 || body === undefined) return early;
    const locations = locationsIn(spec, step.reads === true);
    if (!locations) return early;
    const failures: CheckFailure[] = [...early];
    if (!step.reads && spec.resourceName && step.resourceName !== undefined) {
      const echoed = valueAt(body, spec.resourceName);
      if (typeof echoed !== "string" || echoed.toLowerCase() !== step.resourceName.toLowerCase()) {
        failures.push({ pointer: spec.resourceName, expected: step.resourceName, actual: echoed ?? null, message: `${spec.resourceName} does not echo the resource name in the path` });
      }
    }
    for (const [key, where] of Object.entries(locations)) {
      if (!where.value || keyValue(where, "value", body) !== undefined) continue;
      const label = describeLocation(where, "value");
      failures.push({ pointer: where.element?.array ?? where.value, expected: `the ${key} key`, actual: null, notFromBody: true, message: `the answer has no ${label} (x-rekey-rotation names it as the ${key} key)` });
    }
    const baseline = step.compareWith ?? step.step - 1;
    if (baseline < 1) return failures;
    const before = previous?.json;
    if (!previous || previous.status >= 300 || before === undefined) {
      failures.push({ pointer: "", expected: `the answer to step ${baseline}`, actual: null, notFromBody: true, message: `cannot compare: step ${baseline} got no success answer` });
      return failures;
    }
    for (const [key, where] of Object.entries(locations)) {
      const selected = key === step.key;
      if (where.value && keyValue(where, "value", body) !== undefined) {
        const changed = keyValue(where, "value", before) !== keyValue(where, "value", body);
        if (changed !== selected) {
          failures.push({
            pointer: keyPointer(where, "value", body)!,
            expected: selected ? "a new value" : "the value of the previous step",
            actual: changed ? "a new value" : "the value of the previous step",
            notFromBody: true,
            message: selected ? `regenerating ${step.key} left ${describeLocation(where, "value")} unchanged` : `regenerating ${step.key} changed ${describeLocation(where, "value")}`,
          });
        }
      }
      if (where.lastUpdated) {
        const label = describeLocation(where, "lastUpdated");
        const at = keyPointer(where, "lastUpdated", body) ?? where.element?.array ?? where.lastUpdated;
        const [b, a] = [keyValue(where, "lastUpdated", before), keyValue(where, "lastUpdated", body)];
        if (a === undefined || b === undefined) {
          const which = a === undefined ? "the answer has" : `the answer to step ${baseline} had`;
          failures.push({ pointer: at, expected: "a timestamp", actual: null, notFromBody: true, severity: "warning", message: `${which} no ${label}: only the ${key} key's value was checked` });
        } else if (selected && !timestampAdvanced(b, a)) {
          failures.push({ pointer: at, expected: `later than ${previousValue(b)}`, actual: a, message: `regenerating ${step.key} did not advance ${label}` });
        } else if (!selected && b !== a) {
          failures.push({ pointer: at, expected: previousValue(b), actual: a, message: `regenerating ${step.key} changed ${label}` });
        }
      }
    }
    return failures;
  },
};
