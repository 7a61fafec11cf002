/**
 * Step 4: path, query and header parameters against their schemas. A violation names the parameter in `target`
 * and lists each broken rule in `details`; a malformed subscription id is ARM's InvalidSubscriptionId. Path
 * values match enums in any case and continue in their spec spelling (canonical-enums.ts).
 */
import { toViolations } from "../../../kernel/index.ts";
import { armErrors, type ArmError } from "../arm-errors.ts";
import { canonicalValue } from "../canonical-enums.ts";
import type { MockStep } from "../mock-exchange.ts";
import type { ParameterCheck } from "../mock-model.ts";

function coerce(value: string, check: ParameterCheck): unknown {
  const type = (check.parameter.schema as { type?: unknown }).type;
  if ((type === "integer" || type === "number") && value.trim() !== "" && !Number.isNaN(Number(value))) return Number(value);
  if (type === "boolean" && (value === "true" || value === "false")) return value === "true";
  return value;
}

/** The parameter's value as the request carries it: from the path, the query or a header. */
export function parameterValue(check: ParameterCheck, exchange: Parameters<MockStep>[0]): string | string[] | undefined {
  const { parameter } = check;
  const op = exchange.operation!;
  if (parameter.in === "path") {
    const index = op.pathParameters.indexOf(parameter.name);
    return index === -1 ? undefined : exchange.positional[index];
  }
  if (parameter.in === "query") return exchange.request.query[parameter.name];
  return exchange.request.headers[parameter.name.toLowerCase()];
}

function refuse(check: ParameterCheck, value: string, violations: ReturnType<typeof toViolations>, exchange: Parameters<MockStep>[0]): ArmError {
  const name = check.parameter.name;
  if (exchange.operation!.shape?.subscriptionParameter === name) return armErrors.invalidSubscriptionId(value);
  const details = violations.map((v) => ({ code: "InvalidParameter", target: name, message: `The parameter '${name}' ${v.message}.` }));
  return armErrors.invalidParameter(`The value '${value}' of parameter '${name}' is invalid: it ${violations.map((v) => v.message).join("; ")}.`, name, details);
}

/** One parameter against its schema: ARM's refusal, or undefined (its value is then in `exchange.parameters`). */
export function checkParameter(check: ParameterCheck, exchange: Parameters<MockStep>[0]): ArmError | undefined {
  const raw = parameterValue(check, exchange);
  if (raw === undefined) return check.parameter.required ? armErrors.missingParameter(check.parameter.name) : undefined;
  if (Array.isArray(raw)) {
    return armErrors.invalidParameter(`The parameter '${check.parameter.name}' must be given once.`, check.parameter.name);
  }
  const coerced = coerce(raw, check);
  const valid = check.parameter.in === "path" ? canonicalValue(check.validate, coerced) : check.validate(coerced) ? { value: coerced } : undefined;
  if (!valid) return refuse(check, raw, toViolations(check.validate.errors), exchange);
  exchange.parameters[check.parameter.name] = typeof valid.value === "string" ? valid.value : raw;
  return undefined;
}

export const validateParameters: MockStep = (exchange) => {
  for (const check of exchange.operation!.parameters) {
    const refusal = checkParameter(check, exchange);
    if (refusal) return refusal;
  }
  return undefined;
};
