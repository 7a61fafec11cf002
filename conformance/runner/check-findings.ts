/** One check run on an answer: its failures as findings, a value taken from the body quoted as a report may show it. */
import type { Check, CheckInput } from "../checks/check.ts";
import type { ExchangeResponse, Finding } from "../exchange.ts";
import type { SecretKeeper } from "./secrets.ts";

export function checkFindings(check: Check, input: CheckInput, shown: ExchangeResponse | undefined, secrets: SecretKeeper): Finding[] {
  return check.run(input).map(({ notFromBody, severity, ...finding }) => {
    const actual = notFromBody || !shown ? finding.actual : secrets.quote(shown, finding.pointer, finding.actual);
    return { check: check.name, exchange: input.exchange.id, severity: severity ?? check.severity, ...finding, actual };
  });
}
