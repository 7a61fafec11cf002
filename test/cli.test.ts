/** The rekey command itself: help on every subcommand, and usage errors as one line with exit code 2. */
import { describe, expect, it } from "vitest";
import { loadSpecs } from "../kernel/index.ts";
import { runRekey } from "./helpers/cli.ts";
import { REPO_SPECS, specFolders } from "./helpers/repo-specs.ts";

describe("rekey", () => {
  it.each([[["--help"]], [["generate", "--help"]], [["lint", "--help"]]])("%j prints usage and exits 0", async (args) => {
    const result = await runRekey(args);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Usage: rekey/);
  });

  it.each([
    [["generate", "--frobnicate"], "error: unknown option '--frobnicate' (see `rekey generate --help`)\n"],
    [["frobnicate"], "error: unknown command 'frobnicate' (see `rekey --help`)\n"],
    [["lint", "--specs"], "error: option '--specs <dir>' argument missing (see `rekey lint --help`)\n"],
  ])("%j is a usage error on one line", async (args, message) => {
    const result = await runRekey(args);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(message);
  });

  it("lint passes on the repository's specs", async () => {
    const result = await runRekey(["lint"]);
    const { docs } = await loadSpecs(REPO_SPECS);
    const operations = docs.reduce((n, d) => n + d.operations.length, 0);
    expect(result).toEqual({ code: 0, stdout: `${specFolders().length} document(s), ${operations} operation(s): no problems\n`, stderr: "" });
  });
});
