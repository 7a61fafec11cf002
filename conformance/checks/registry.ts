/** Every check, in the order they run and report. Enabled by name (`--checks`); all by default. */
import { armHeaders } from "./arm-headers.ts";
import { asyncAccepted } from "./async-accepted.ts";
import { asyncFinalResult } from "./async-final-result.ts";
import { asyncPollingUrl } from "./async-polling-url.ts";
import { asyncRetryAfter } from "./async-retry-after.ts";
import { asyncTerminal } from "./async-terminal.ts";
import type { Check } from "./check.ts";
import { contentType } from "./content-type.ts";
import { errorContract } from "./error-contract.ts";
import { exampleMatch } from "./example-match.ts";
import { negativeRejected } from "./negative-rejected.ts";
import { request } from "./request.ts";
import { rotation } from "./rotation.ts";
import { schema } from "./schema.ts";
import { status } from "./status.ts";
import { transport } from "./transport.ts";
import { undeclaredFields } from "./undeclared-fields.ts";

export const CHECKS: readonly Check[] = [
  transport, request, status, negativeRejected, contentType, schema, undeclaredFields, errorContract, armHeaders, exampleMatch,
  asyncAccepted, asyncPollingUrl, asyncTerminal, asyncFinalResult, asyncRetryAfter, rotation,
];

export function findCheck(name: string): Check | undefined {
  return CHECKS.find((c) => c.name === name);
}
