/**
 * A problem the user can fix (bad spec, bad flag, stale output) as opposed to a bug.
 * The CLI prints each as one line and exits 2, without a stack trace.
 */
import { printable } from "./printable.ts";

export interface Location {
  /** Path relative to the working directory, e.g. specs/<service>/<api-version>/openapi.yaml */
  file: string;
  /** JSON pointer inside the file ("" for the whole file); or a line:column for syntax errors. */
  pointer?: string;
  line?: number;
  column?: number;
}

export interface Problem {
  location: Location;
  /** What is wrong, e.g. `operationId "X" is used twice`. */
  message: string;
  /** How to fix it, e.g. `rename one of them`. */
  hint?: string;
  /** The lint rule or stage that found it. */
  rule: string;
  severity: "error" | "warning";
}

export function formatLocation({ file, pointer, line, column }: Location): string {
  if (line !== undefined) return `${file}:${line}${column !== undefined ? `:${column}` : ""}`;
  return pointer ? `${file}#${pointer}` : file;
}

/** One line, whatever the spec or input quoted in it holds (control characters are shown escaped). */
export function formatProblem(problem: Problem): string {
  const hint = problem.hint ? ` — ${problem.hint}` : "";
  return printable(`${problem.severity}: ${formatLocation(problem.location)}: ${problem.message}${hint} [${problem.rule}]`);
}

/** Thrown when one or more user-fixable problems stop a command. */
export class UserError extends Error {
  readonly problems: Problem[];
  constructor(problems: Problem[] | Problem) {
    const list = Array.isArray(problems) ? problems : [problems];
    super(list.map(formatProblem).join("\n"));
    this.name = "UserError";
    this.problems = list;
  }
}

export function problem(
  rule: string,
  location: Location,
  message: string,
  hint?: string,
  severity: Problem["severity"] = "error",
): Problem {
  return { rule, location, message, hint, severity };
}
