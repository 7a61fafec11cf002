/** Runs the real `rekey` command in a child process, as a user or CI would. */
import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";

export const REPO_ROOT = fileURLToPath(new URL("../../", import.meta.url));
const REKEY = fileURLToPath(new URL("../../cli/rekey.js", import.meta.url));

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export function runRekey(args: string[], cwd: string = REPO_ROOT): Promise<CliResult> {
  return new Promise((resolve) => {
    // A command that hangs or grows without bound is killed rather than outliving its test.
    const options = { cwd, env: { ...process.env, NO_COLOR: "1" }, timeout: 90_000, killSignal: "SIGKILL" as const, maxBuffer: 64 * 1024 * 1024 };
    execFile(process.execPath, [REKEY, ...args], options, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === "number" ? error.code : 1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}
