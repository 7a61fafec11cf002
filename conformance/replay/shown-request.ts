/**
 * The recorded request as a report may show it, deny by default: a few request headers (none that can carry a
 * credential), query values only for api-version and the parameters the operation declares, the body only where its
 * schema declares a field that is not secret. Credentials and secret fields are remembered, so that any echo of one,
 * anywhere in the report, is cut out.
 */
import { secretPaths, shownPaths } from "../../kernel/index.ts";
import { shapeOf, shownBody, valuesAt } from "../../client-runtime/redaction.ts";
import type { MockOperation } from "../mock/mock-model.ts";
import type { SecretKeeper } from "../runner/secrets.ts";
import { json } from "./body-text.ts";
import { isPlaceholder } from "./placeholders.ts";
import type { RecordedHeaders } from "./recording.ts";
import { parseRecordedUrl } from "./route-recording.ts";

/** The request headers a report shows: the ones ARM's contract is about. */
const SHOWN_REQUEST_HEADERS = ["accept", "content-type", "x-ms-client-request-id", "x-ms-correlation-request-id", "x-ms-return-client-request-id"];
/** Request headers whose values are credentials. */
const CREDENTIAL_HEADER = /authorization|cookie|key|secret|token|signature|password/i;

export function rememberCredentials(headers: RecordedHeaders, secrets: SecretKeeper): void {
  for (const [name, value] of Object.entries(headers)) {
    if (!CREDENTIAL_HEADER.test(name)) continue;
    // "Bearer eyJ…": the credential is the last word; the whole value too, in case it travels whole
    secrets.remember([value, value.split(/\s+/).pop() ?? ""].filter((v) => v.length >= 8 && !isPlaceholder(v)));
  }
}

/** Path and query as a report shows them: values only for api-version and the query parameters the operation declares. */
export function shownUrl(url: string, declared: readonly string[]): string {
  const { path, query } = parseRecordedUrl(url);
  const search = Object.entries(query).flatMap(([name, value]) => (Array.isArray(value) ? value : [value ?? ""])
    .map((v) => `${encodeURIComponent(name)}=${name === "api-version" || declared.includes(name) ? encodeURIComponent(v) : "[REDACTED]"}`));
  return search.length ? `${path}?${search.join("&")}` : path;
}

export function shownHeaders(headers: RecordedHeaders): Record<string, string> {
  return Object.fromEntries(SHOWN_REQUEST_HEADERS.filter((name) => headers[name] !== undefined).map((name) => [name, headers[name]!]));
}

/** The request body as a report shows it: by the operation's request schema, deny by default. */
export function shownRequestBody(body: string, operation: MockOperation | undefined, secrets: SecretKeeper): string | undefined {
  if (body === "") return undefined;
  const parsed = json(body);
  const model = operation?.operation.requestBody;
  if (parsed === undefined || !model?.schemaPointer) return shapeOf(body);
  const raw = operation!.doc.raw;
  const secret = secretPaths(raw, model.schema, model.schemaPointer);
  secrets.remember(valuesAt(parsed, secret));
  return JSON.stringify(shownBody(parsed, { shown: shownPaths(raw, model.schema, model.schemaPointer, secret), secret }, (t) => t));
}
