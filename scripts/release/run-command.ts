/** Runs a child process to completion, its output captured; a non-zero exit becomes one line naming the step. */
import { execFile } from "node:child_process";
import { printable } from "../../kernel/index.ts";

export class StepFailed extends Error {
  constructor(readonly step: string, detail: string) {
    super(`${step}: ${detail}`);
  }
}

export interface RunOptions {
  cwd: string;
  env?: NodeJS.ProcessEnv;
  timeoutMs?: number;
}

/** The line of a tool's complaint that says what went wrong (tsc's, Node's and npm's say "error"), for a one-line error. */
export function firstLine(text: string): string {
  const lines = text.split("\n").map((l) => l.trim()).filter((l) => l !== "" && !/^npm (notice|warn)/.test(l));
  const line = lines.find((l) => /error/i.test(l)) ?? lines[0] ?? "no output";
  return printable(line.length > 300 ? `${line.slice(0, 300)}…` : line);
}

export function runCommand(step: string, file: string, args: string[], options: RunOptions): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(file, args, { cwd: options.cwd, env: options.env ?? process.env, timeout: options.timeoutMs ?? 300_000, maxBuffer: 64 << 20 }, (error, stdout, stderr) => {
      if (!error) return resolve(stdout);
      const exit = typeof error.code === "number" ? `exit ${error.code}` : error.signal ? `killed by ${error.signal}` : String(error.code ?? error.message);
      reject(new StepFailed(step, `${firstLine(`${stderr}\n${stdout}`)} (${exit})`));
    });
  });
}

/** Runs one step of the release, its wall time recorded under `name` in `timings`. */
export async function timed<T>(timings: Record<string, number>, name: string, step: () => Promise<T>): Promise<T> {
  const start = performance.now();
  try {
    return await step();
  } finally {
    timings[name] = Math.round(performance.now() - start);
  }
}
