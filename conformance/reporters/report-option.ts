/**
 * `--report junit:FILE,json:FILE`: comma-separated, the flag repeatable. The console reporter is not named here —
 * it is on unless --quiet. A bad value is a UserError naming the flag, the value and the fix.
 */
import { resolve } from "node:path";
import { problem, UserError } from "../../kernel/index.ts";
import type { Reporter } from "../exchange.ts";
import type { OutputStream } from "./format.ts";
import { jsonReporter } from "./json-reporter.ts";
import { junitReporter } from "./junit-reporter.ts";

const FORMATS = {
  junit: junitReporter,
  json: jsonReporter,
} satisfies Record<string, (file: string, options: { stream?: OutputStream }) => Reporter>;

export type ReportFormat = keyof typeof FORMATS;

export interface ReportSpec {
  format: ReportFormat;
  file: string;
}

const HOW = "use junit:FILE or json:FILE";

function bad(message: string): never {
  throw new UserError(problem("conform/options", { file: "--report" }, message, HOW));
}

/** The reports a --report value asks for, in order; throws UserError on a bad one. */
export function parseReportOption(spec: string[] | string | undefined): ReportSpec[] {
  const values = spec === undefined ? [] : Array.isArray(spec) ? spec : [spec];
  const specs: ReportSpec[] = [];
  for (const value of values) {
    const items = value.split(",").map((item) => item.trim()).filter(Boolean);
    if (!items.length) bad("no report given");
    for (const item of items) {
      const colon = item.indexOf(":");
      const format = (colon < 0 ? item : item.slice(0, colon)).toLowerCase();
      const file = colon < 0 ? "" : item.slice(colon + 1).trim();
      if (!Object.hasOwn(FORMATS, format)) bad(`unknown report format "${format}"`);
      if (!file) bad(`report "${format}" needs a file`);
      const twice = specs.find((s) => resolve(s.file) === resolve(file));
      if (twice) bad(`"${file}" is named by two reports (${twice.format} and ${format})`);
      specs.push({ format: format as ReportFormat, file });
    }
  }
  return specs;
}

/**
 * The file reporters a --report value asks for. With `stream`, each names its file there once written.
 */
export function reportersFromOption(spec: string[] | string | undefined, { stream }: { stream?: OutputStream } = {}): Reporter[] {
  return parseReportOption(spec).map(({ format, file }) => FORMATS[format](file, { stream }));
}
