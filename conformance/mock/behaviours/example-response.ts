/**
 * Documented examples served verbatim: for `--examples-only`, for operations without a behaviour, and for Prism's
 * `Prefer: code=…, example=…` convention (either part may be left out).
 */
import { armErrors } from "../arm-errors.ts";
import type { MockExchange, MockResponse } from "../mock-exchange.ts";
import type { ArmError } from "../arm-errors.ts";

export interface Preference {
  code?: string;
  example?: string;
}

/** Parses `Prefer: code=200, example=Regenerate Key`; undefined when the header asks for neither. */
export function parsePrefer(header: string | string[] | undefined): Preference | undefined {
  if (header === undefined) return undefined;
  const preference: Preference = {};
  for (const part of (Array.isArray(header) ? header.join(",") : header).split(",")) {
    const [key, ...rest] = part.split("=");
    const value = rest.join("=").trim().replace(/^"(.*)"$/, "$1");
    if (key.trim().toLowerCase() === "code") preference.code = value;
    if (key.trim().toLowerCase() === "example") preference.example = value;
  }
  return preference.code === undefined && preference.example === undefined ? undefined : preference;
}

export function exampleResponse(exchange: MockExchange, preference: Preference = {}): MockResponse | ArmError {
  const op = exchange.operation!;
  const wanted = preference.example?.toLowerCase();
  const examples = op.operation.examples.filter((e) =>
    wanted === undefined || e.title.toLowerCase() === wanted || e.file.replace(/^.*\//, "").replace(/\.json$/i, "").toLowerCase() === wanted);
  const status = preference.code ?? op.success.status;
  const example = examples.find((e) => e.responses[status] !== undefined);
  if (!example) {
    const available = op.operation.examples.flatMap((e) => Object.keys(e.responses).map((code) => `code=${code}, example=${e.title}`));
    return armErrors.badRequest(`No documented example matches Prefer '${[preference.code && `code=${preference.code}`, preference.example && `example=${preference.example}`].filter(Boolean).join(", ") || `code=${status}`}'. ` +
      `Available: ${available.map((a) => `'${a}'`).join("; ") || "none"}.`);
  }
  const documented = example.responses[status];
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(documented.headers ?? {})) headers[name.toLowerCase()] = String(value);
  return { status: Number(status), headers, json: documented.body };
}
