/**
 * The `rekey` CLI: one command, subcommands, `--help` on each. Exit codes: 0 success, 1 a check found
 * differences, 2 a usage or input error (printed as one line each, never a stack trace).
 */
import { Command, CommanderError } from "commander";
import { formatProblem, rekeyVersion, UserError } from "../kernel/index.ts";
import { EXIT, ExitWith } from "./exit.ts";
import { registerConformCommands } from "./conform-commands.ts";
import { registerGeneratorCommands } from "./generator-commands.ts";
import { registerMockCommands } from "./mock-commands.ts";
import { registerVersionCommands } from "./version-commands.ts";

export function buildProgram(): Command {
  const program = new Command("rekey")
    .description("OpenAPI-driven clients and conformance checks for Azure key-regeneration operations")
    .version(rekeyVersion(), "-V, --version", "print rekey's version and exit")
    .exitOverride();
  registerGeneratorCommands(program);
  registerMockCommands(program);
  registerConformCommands(program);
  registerVersionCommands(program);
  for (const command of [program, ...program.commands]) {
    const usage = command === program ? "rekey --help" : `rekey ${command.name()} --help`;
    command.exitOverride().configureOutput({
      outputError: (text, write) => write(`${text.trim().replace(/\s*\n\s*/g, " ")} (see \`${usage}\`)\n`),
    });
  }
  return program;
}

export async function main(argv: string[]): Promise<number> {
  try {
    const program = buildProgram();
    await program.parseAsync(argv, { from: "user" });
    return EXIT.ok;
  } catch (error) {
    if (error instanceof ExitWith) return error.code;
    if (error instanceof CommanderError) {
      const benign = ["commander.helpDisplayed", "commander.help", "commander.version"].includes(error.code);
      return benign ? EXIT.ok : EXIT.usage;
    }
    if (error instanceof UserError) {
      for (const p of error.problems) console.error(formatProblem(p));
      return EXIT.usage;
    }
    console.error(`rekey crashed (this is a bug, please report it): ${(error as Error)?.stack ?? String(error)}`);
    return EXIT.crash;
  }
}
