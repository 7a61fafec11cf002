/**
 * The last guard before anything is written: results arrive redacted by the runner, but a request's Authorization
 * value never reaches a report even if one slipped through — the header reads [REDACTED] and curl says $TOKEN.
 */
import type { ExchangeResult } from "../exchange.ts";

const REDACTED = "[REDACTED]";
/** The value of an Authorization header inside a curl line, up to the closing quote. */
const CURL_AUTHORIZATION = /(authorization:[ \t]*)([^'"\r\n]*)/gi;

function isRedacted(value: string): boolean {
  return value.includes(REDACTED) || /\$\{?TOKEN\b/.test(value);
}

/** "Bearer eyJ…" → "Bearer $TOKEN": the scheme stays, the credential goes. */
function curlValue(value: string): string {
  if (value === "" || isRedacted(value)) return value;
  const scheme = /^([A-Za-z][\w-]*)\s+\S/.exec(value);
  return scheme ? `${scheme[1]} $TOKEN` : "$TOKEN";
}

export function withoutCredentials(result: ExchangeResult): ExchangeResult {
  const headers = result.exchange.request.headers;
  const name = Object.keys(headers).find((key) => key.toLowerCase() === "authorization");
  const leakedHeader = name !== undefined && !isRedacted(headers[name]!);
  const curl = result.curl.replace(CURL_AUTHORIZATION, (_, prefix: string, value: string) => prefix + curlValue(value));
  if (!leakedHeader && curl === result.curl) return result;
  const request = leakedHeader
    ? { ...result.exchange.request, headers: { ...headers, [name]: REDACTED } }
    : result.exchange.request;
  return { ...result, curl, exchange: { ...result.exchange, request } };
}
