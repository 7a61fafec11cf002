/**
 * Files named by flags are input from elsewhere too: --state, --tls-cert/--tls-key, --ca, --config and --replay are read as
 * regular files under the input size limit. A device, a folder or a FIFO is one located line and exit 2, at once —
 * /dev/zero no longer grows memory until the process dies, and a FIFO no longer hangs the command. Those two run the
 * real command (a regression would hang or exhaust the process running it); a folder goes through main() in process.
 */
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runRekey } from "./helpers/cli.ts";
import { removeTempDirs, tempDir } from "./helpers/files.ts";
import { runInProcess } from "./helpers/in-process.ts";

afterAll(removeTempDirs);

const dir = tempDir("rekey-flag-files-");
const fifo = join(dir, "pipe");
execFileSync("mkfifo", [fifo]);

const commands: Array<[string, (file: string) => string[]]> = [
  ["mock --state", (file) => ["mock", "--state", file]],
  ["mock --tls-cert", (file) => ["mock", "--tls-cert", file, "--tls-key", file]],
  ["conform --ca", (file) => ["conform", "--target", "https://127.0.0.1:9", "--token-env", "HOME", "--ca", file]],
  ["conform --config", (file) => ["conform", "--target", "https://127.0.0.1:9", "--token-env", "HOME", "--config", file]],
  ["conform --replay", (file) => ["conform", "--replay", file]],
];

describe.each(commands)("rekey %s", (_, args) => {
  it.each([
    ["/dev/zero", /is not a regular file/],
    [dir, /is a folder, not a file/],
    [fifo, /is not a regular file/],
  ])("%s: one line, exit 2", async (file, reason) => {
    const result = await (file === dir ? runInProcess : runRekey)(args(file));
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(result.stderr).toMatch(reason);
  }, 20_000);
});
