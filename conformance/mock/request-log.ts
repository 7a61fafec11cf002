/**
 * One line per request: method, path and query, status, ARM error code, time. Headers and bodies are never
 * logged (they carry the token and the keys); query values whose names suggest a secret are redacted too.
 */
import { printable } from "../../kernel/index.ts";

export type LogLine = (line: string) => void;

const SECRET_NAME = /token|key|secret|sig|password|code/i;

export function redactUrl(url: string): string {
  const q = url.indexOf("?");
  if (q === -1) return url;
  const params = url.slice(q + 1).split("&").map((pair) => {
    const [name] = pair.split("=", 1);
    return SECRET_NAME.test(decodeURIComponentSafe(name)) && pair.includes("=") ? `${name}=REDACTED` : pair;
  });
  return `${url.slice(0, q)}?${params.join("&")}`;
}

/** decodeURIComponent, or the text as it is when it is not valid percent-encoding. */
export function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** The client's method and URL are its own text: printed through printable() (see kernel/printable.ts). */
export function formatLogLine(method: string, url: string, status: number, code: string | undefined, ms: number): string {
  return `${printable(method)} ${printable(redactUrl(url))} ${status}${code ? ` ${code}` : ""} ${ms.toFixed(1)}ms`;
}
