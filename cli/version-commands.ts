/** `rekey diff OLD NEW` and `rekey versions [--live]`: the api-version lifecycle. Heavy modules load per command. */
import { type Command, Option } from "commander";
import { EXIT, ExitWith } from "./exit.ts";

interface DiffFlags {
  format: "text" | "json" | "markdown";
  failOn?: "breaking";
}

export function registerVersionCommands(program: Command): void {
  program
    .command("diff")
    .description("classify every change between two api-versions (breaking or not, for clients of OLD)")
    .argument("<old>", "the older spec folder (specs/<service>/<api-version>) or OpenAPI document")
    .argument("<new>", "the newer spec folder or OpenAPI document")
    .addOption(new Option("--format <format>", "output format").choices(["text", "json", "markdown"]).default("text"))
    .addOption(new Option("--fail-on <severity>", "exit 1 when a change of this severity is found").choices(["breaking"]))
    .action(async (oldPath: string, newPath: string, flags: DiffFlags) => {
      const { diffPaths } = await import("../generator/diff/diff.ts");
      const { formatDiff } = await import("../generator/diff/format.ts");
      const result = await diffPaths(oldPath, newPath);
      process.stdout.write(formatDiff(result, flags.format));
      if (flags.failOn === "breaking" && result.changes.some((c) => c.severity === "breaking")) throw new ExitWith(EXIT.differences);
    });
}
