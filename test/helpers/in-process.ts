/**
 * Runs `rekey` through the CLI's own main() in this process, with what it prints captured: the same exit codes
 * and lines as the command (test/helpers/cli.ts), without a Node start per run, for tests that feed it many inputs.
 * Like runRekey, it runs with NO_COLOR set. Runs in one file must not overlap (the capture is process-wide).
 */
import { format } from "node:util";
import { vi } from "vitest";
import { main } from "../../cli/main.ts";
import type { CliResult } from "./cli.ts";

export async function runInProcess(args: string[]): Promise<CliResult> {
  let stdout = "";
  let stderr = "";
  const noColor = process.env.NO_COLOR;
  process.env.NO_COLOR = "1";
  const log = vi.spyOn(console, "log").mockImplementation((...parts) => void (stdout += format(...parts) + "\n"));
  const error = vi.spyOn(console, "error").mockImplementation((...parts) => void (stderr += format(...parts) + "\n"));
  const warn = vi.spyOn(console, "warn").mockImplementation((...parts) => void (stderr += format(...parts) + "\n"));
  const out = vi.spyOn(process.stdout, "write").mockImplementation((chunk) => ((stdout += String(chunk)), true));
  const write = vi.spyOn(process.stderr, "write").mockImplementation((chunk) => ((stderr += String(chunk)), true));
  try {
    return { code: await main(args), stdout, stderr };
  } finally {
    for (const spy of [log, error, warn, out, write]) spy.mockRestore();
    if (noColor === undefined) delete process.env.NO_COLOR;
    else process.env.NO_COLOR = noColor;
  }
}

/**
 * For `generate` in process: the TypeScript stage (openapi-typescript, declarations) compiles the runtime as soon
 * as it starts, seconds per run. Inputs that must be refused never get that far; one that does fails loudly.
 * Use as `vi.mock("../../generator/emit/typescript-service.ts", () => refusedInputsOnly)`.
 */
export const refusedInputsOnly = {
  startTypeScriptService: () => {
    const reached = () => Promise.reject(new Error("this input reached the TypeScript stage: it should have been refused"));
    return { types: reached, declarations: reached, close: async () => {} };
  },
};
