/**
 * rotation: what regenerating does, judged against the operation's x-rekey-rotation data by comparing a scenario
 * step's answer with the previous step's: the selected key changed and its timestamp advanced; every other key and
 * timestamp is unchanged; the resource name in the body echoes the path. Key values never appear in a failure.
 *
 * A key the rotation names must be in every answer. Its timestamp need not: real answers may carry none (Maps'
 * account keys were once {id, primaryKey, secondaryKey}: Azure/bicep-types-az,
 * generated/maps/microsoft.maps/2017-01-01-preview/types.md), so without one the key values alone are judged and a
 * warning says the timestamps could not be.
 */
import { get as valueAt, rotationSpec } from "../../kernel/index.ts";
import { type Check, type CheckFailure, jsonType } from "./check.ts";

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

export const rotation: Check = {
  name: "rotation",
  summary: "regenerating changes exactly the selected key (and advances its timestamp); the name echoes the path",
  severity: "failure",
  appliesTo: (exchange) => exchange.scenario !== undefined,
  run: ({ exchange, response, previous }) => {
    const step = exchange.scenario!;
    const spec = rotationSpec(exchange.context.doc, exchange.context.operation, { trusted: true });
    const body = response!.json;
    if (!spec || response!.status >= 300 || body === undefined) return [];
    const failures: CheckFailure[] = [];
    if (spec.resourceName && step.resourceName !== undefined) {
      const echoed = valueAt(body, spec.resourceName);
      if (typeof echoed !== "string" || echoed.toLowerCase() !== step.resourceName.toLowerCase()) {
        failures.push({ pointer: spec.resourceName, expected: step.resourceName, actual: echoed ?? null, message: `${spec.resourceName} does not echo the resource name in the path` });
      }
    }
    const missing = Object.entries(spec.keys).filter(([, where]) => where.value && valueAt(body, where.value) === undefined);
    for (const [key, where] of missing) {
      failures.push({ pointer: where.value!, expected: `the ${key} key`, actual: null, notFromBody: true, message: `the answer has no ${where.value} (x-rekey-rotation names it as the ${key} key)` });
    }
    if (step.step === 1) return failures;
    const before = previous?.json;
    if (!previous || previous.status >= 300 || before === undefined) {
      failures.push({ pointer: "", expected: `the answer to step ${step.step - 1}`, actual: null, notFromBody: true, message: `cannot compare: step ${step.step - 1} got no success answer` });
      return failures;
    }
    for (const [key, where] of Object.entries(spec.keys)) {
      const selected = key === step.key;
      if (where.value && valueAt(body, where.value) !== undefined) {
        const changed = valueAt(before, where.value) !== valueAt(body, where.value);
        if (changed !== selected) {
          failures.push({
            pointer: where.value,
            expected: selected ? "a new value" : "the value of the previous step",
            actual: changed ? "a new value" : "the value of the previous step",
            notFromBody: true,
            message: selected ? `regenerating ${step.key} left ${where.value} unchanged` : `regenerating ${step.key} changed ${where.value}`,
          });
        }
      }
      if (where.lastUpdated) {
        const [b, a] = [valueAt(before, where.lastUpdated), valueAt(body, where.lastUpdated)];
        if (a === undefined || b === undefined) {
          const which = a === undefined ? "the answer has" : `the answer to step ${step.step - 1} had`;
          failures.push({ pointer: where.lastUpdated, expected: "a timestamp", actual: null, notFromBody: true, severity: "warning", message: `${which} no ${where.lastUpdated}: only the ${key} key's value was checked` });
        } else if (selected && !timestampAdvanced(b, a)) {
          failures.push({ pointer: where.lastUpdated, expected: `later than ${previousValue(b)}`, actual: a ?? null, message: `regenerating ${step.key} did not advance ${where.lastUpdated}` });
        } else if (!selected && b !== a) {
          failures.push({ pointer: where.lastUpdated, expected: previousValue(b), actual: a ?? null, message: `regenerating ${step.key} changed ${where.lastUpdated}` });
        }
      }
    }
    return failures;
  },
};
