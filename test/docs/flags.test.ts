/**
 * Every `rekey <command> --flag` written in README.md and docs/ — in commands to copy, tables and prose — is a flag
 * that command has (its commander definition, what `--help` prints): a renamed or removed flag fails here, not in a
 * reader's terminal.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildProgram } from "../../cli/main.ts";
import { REPO_ROOT } from "../../kernel/index.ts";
import { userDocuments } from "../helpers/markdown.ts";

const program = buildProgram();
const flagsOf = new Map(program.commands.map((c) => [c.name(), new Set(["--help", ...c.options.map((o) => o.long!)])]));

/** `rekey CMD …flags` as written (npx rekey, node cli/rekey.js), continuation lines joined, comments and chains cut. */
function invocations(text: string): Array<{ command: string; flags: string[] }> {
  const joined = text.replace(/\\\n\s*/g, " ");
  return [...joined.matchAll(/\brekey(?:\.js)? (generate|lint|mock|conform|diff|versions)\b([^\n`]*)/g)].map((m) => {
    const rest = m[2]!.split(/\s#|&&|;/)[0]!;
    return { command: m[1]!, flags: [...rest.matchAll(/(?<![\w-])--[a-z][a-z-]*/g)].map((f) => f[0]) };
  });
}

describe("flags written in README.md and docs/", () => {
  it.each(userDocuments())("%s: every one exists on its command", (file) => {
    const text = readFileSync(join(REPO_ROOT, file), "utf8");
    const unknown = invocations(text).flatMap(({ command, flags }) =>
      flags.filter((flag) => !flagsOf.get(command)!.has(flag)).map((flag) => `rekey ${command} ${flag}`));
    expect(unknown).toEqual([]);
  });

  it("are found where a reader finds them, and a flag the command lacks is caught", () => {
    const text = "```sh\nnpx rekey conform --specs ./specs \\\n  --allow-mutations  # not --frobnicate\n```\n`rekey mock [--tls] [--no-such]`";
    expect(invocations(text)).toEqual([
      { command: "conform", flags: ["--specs", "--allow-mutations"] },
      { command: "mock", flags: ["--tls", "--no-such"] },
    ]);
    expect(flagsOf.get("mock")!.has("--no-such")).toBe(false);
  });
});
