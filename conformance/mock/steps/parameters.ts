/**
 * Step 4: path, query and header parameters against their schemas. A violation names the parameter in `target`
 * and lists each broken rule in `details`; a malformed subscription id is ARM's InvalidSubscriptionId.
 */
import { toViolations } from "../../../kernel/index.ts";
import { armErrors, type ArmError } from "../arm-errors.ts";
import type { MockStep } from "../mock-exchange.ts";
import type { ParameterCheck } from "../mock-model.ts";

function coerce(value: string, check: ParameterCheck): unknown {
  const schema = check.parameter.schema as { type?: unknown; enum?: unknown[] };
  if (check.parameter.in === "path" && schema.enum) {
    // ARM compares the names in a URL case-insensitively: tenant/ACCESS is tenant/access.
    const lower = value.toLowerCase();
    const canonical = schema.enum.find((v) => typeof v === "string" && v.toLowerCase() === lower);
    if (canonical !== undefined) return canonical;
  }
  const type = schema.type;
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
  const value = coerce(raw, check);
  if (!check.validate(value)) return refuse(check, raw, toViolations(check.validate.errors), exchange);
  exchange.parameters[check.parameter.name] = typeof value === "string" ? value : raw;
  return undefined;
}

export const validateParameters: MockStep = (exchange) => {
  for (const check of exchange.operation!.parameters) {
    const refusal = checkParameter(check, exchange);
    if (refusal) return refusal;
  }
  return undefined;
};
