/** `rekey generate [--check]` and `rekey lint`. Heavy modules load only when a command needs them. */
import type { Command } from "commander";
import { resolveOptions } from "../generator/options.ts";
import { displayPath, formatProblem, type Problem } from "../kernel/index.ts";
import { EXIT, ExitWith } from "./exit.ts";

interface SpecFlags {
  specs: string;
  out: string;
}

function printWarnings(warnings: Problem[]): void {
  for (const w of warnings) console.error(formatProblem(w));
}

function shown(path: string): string {
  return displayPath(path) || ".";
}

export function registerGeneratorCommands(program: Command): void {
  program
    .command("generate")
    .description("generate the typed client package (generated/) from specs/")
    .option("--check", "do not write; exit 1 if generated/ differs from what the specs produce (stale or hand-edited)")
    .option("--specs <dir>", "folder of specs/<service>/<api-version>/openapi.yaml", "specs")
    .option("--out <dir>", "output folder of the package", "generated")
    .action(async (flags: SpecFlags & { check?: boolean }) => {
      const options = resolveOptions({ specsDir: flags.specs, outDir: flags.out });
      if (flags.check) {
        const { check } = await import("../generator/pipeline.ts");
        const { formatDifference } = await import("../generator/write.ts");
        const result = await check(options);
        printWarnings(result.warnings);
        if (result.differences.length === 0) {
          const note = result.manifestStale ? " (its manifest predates the generator's last change: run generate to make --check fast)" : "";
          console.log(`${shown(options.outDir)}/ is current${note}`);
          return;
        }
        console.error(`${shown(options.outDir)}/ is not what the specs generate (${result.differences.length} file(s) differ):`);
        for (const d of result.differences.slice(0, 20)) console.error("  " + formatDifference(d));
        if (result.differences.length > 20) console.error(`  … and ${result.differences.length - 20} more`);
        console.error("run `npm run generate` and commit the result; never edit generated/ by hand");
        throw new ExitWith(EXIT.differences);
      }
      const { isCurrent } = await import("../generator/pipeline.ts");
      if (isCurrent(options)) {
        console.log(`${shown(options.outDir)}/ is current: nothing to write (inputs and files as its manifest records)`);
        return;
      }
      // The TypeScript worker starts before the pipeline's modules load, so the two overlap.
      const { startTypeScriptService } = await import("../generator/emit/typescript-service.ts");
      const typescript = startTypeScriptService();
      const { generate } = await import("../generator/pipeline.ts");
      const result = await generate(options, typescript);
      printWarnings(result.warnings);
      console.log(`${shown(options.outDir)}/: ${result.files} files, ${result.written.length} written, ${result.removed.length} removed`);
    });

  program
    .command("lint")
    .description("validate specs/ and apply rekey's rules (operationIds, api-version, errors, examples, security, secrets)")
    .option("--specs <dir>", "folder of specs/<service>/<api-version>/openapi.yaml", "specs")
    .option("--print-rotation-schema", "print the JSON Schema of the x-rekey-rotation extension and exit")
    .action(async (flags: Pick<SpecFlags, "specs"> & { printRotationSchema?: boolean }) => {
      if (flags.printRotationSchema) {
        const { ROTATION_SCHEMA } = await import("../kernel/index.ts");
        console.log(JSON.stringify(ROTATION_SCHEMA, null, 2));
        return;
      }
      const { loadSpecs } = await import("../kernel/index.ts");
      const { docs, warnings } = await loadSpecs(flags.specs);
      printWarnings(warnings);
      const operations = docs.reduce((n, d) => n + d.operations.length, 0);
      console.log(`${docs.length} document(s), ${operations} operation(s): no problems${warnings.length ? ` (${warnings.length} warning(s))` : ""}`);
    });
}
