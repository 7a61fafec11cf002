/**
 * Where a recorded request departs from its operation, found by the mock's own request steps (every parameter with
 * checkParameter, the body with validateRequestBody) — the rules the mock enforces on a live request, applied to a
 * recorded one. A value the recorder replaced is excused the rules only a real value could keep, and noted.
 */
import { isUtf8 } from "node:buffer";
import { get as valueAt, toViolations } from "../../kernel/index.ts";
import type { RecordedContext, RequestViolation } from "../checks/check.ts";
import { canonicalValue } from "../mock/canonical-enums.ts";
import type { MockExchange } from "../mock/mock-exchange.ts";
import { checkParameter, parameterValue } from "../mock/steps/parameters.ts";
import { validateRequestBody } from "../mock/steps/request-body.ts";
import { json, text } from "./body-text.ts";

function parsedBody(raw: Buffer | undefined): unknown {
  return raw && isUtf8(raw) ? json(text(raw)) : undefined;
}

/** `bodyDropped`: the recording left the body out although one was sent (left-out.ts); it is then not judged. */
export function requestViolations(exchange: MockExchange, recorded: Pick<RecordedContext, "isPlaceholder" | "excused" | "notJudged">, bodyDropped: boolean): RequestViolation[] {
  const operation = exchange.operation!;
  const found: RequestViolation[] = [];
  for (const check of operation.parameters) {
    const refusal = checkParameter(check, exchange);
    if (!refusal) continue;
    const name = check.parameter.name;
    if (recorded.isPlaceholder(parameterValue(check, exchange))) recorded.notJudged(`request parameter ${name}: the recorder replaced the value`);
    else found.push({ target: name, message: refusal.message });
  }
  if (bodyDropped) {
    recorded.notJudged("request body: the recording leaves it out");
    return found;
  }
  const refusal = validateRequestBody(exchange);
  if (!refusal) return found;
  const body = parsedBody(exchange.request.body);
  const validate = operation.body?.validate;
  if (body === undefined || !validate || canonicalValue(validate, body)) {
    found.push({ target: "body", message: refusal.message });
    return found;
  }
  for (const v of toViolations(validate.errors)) {
    const at = v.instancePath || "/";
    if (recorded.excused(v.keyword, valueAt(body, v.instancePath))) recorded.notJudged(`request body ${at} ${v.keyword}: the recorder replaced the value`);
    else found.push({ target: `body ${at}`, message: `the body's ${at} ${v.message}` });
  }
  return found;
}
