/** `rekey diff OLD NEW` and `rekey versions [--live]`: the api-version lifecycle. Heavy modules load per command. */
import { type Command, Option } from "commander";
import { printable } from "../kernel/index.ts";
import { EXIT, ExitWith } from "./exit.ts";

interface DiffFlags {
  format: "text" | "json" | "markdown";
  failOn?: "breaking";
}

export function registerVersionCommands(program: Command): void {
  registerDiffCommand(program);
  registerVersionsCommand(program);
}

function registerDiffCommand(program: Command): void {
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

interface VersionsFlags {
  specs: string;
  live?: boolean;
  endpoint: string;
  subscription?: string;
  tokenEnv?: string;
  failOnNew?: boolean;
}

function usage(message: string): never {
  console.error(`error: ${message} (see \`rekey versions --help\`)`);
  throw new ExitWith(EXIT.usage);
}

function registerVersionsCommand(program: Command): void {
  program
    .command("versions")
    .description("list the api-versions specs/ holds per ARM resource type; with --live, say which newer stable ones Azure offers")
    .option("--specs <dir>", "folder of specs/<service>/<api-version>/openapi.yaml", "specs")
    .option("--live", "ask ARM's providers API which api-versions Azure offers for each resource type")
    .option("--endpoint <url>", "ARM endpoint for --live", "https://management.azure.com")
    .option("--subscription <id>", "subscription to ask ARM with (required with --live)")
    .option("--token-env <name>", "environment variable holding an ARM bearer token (never printed; omit for an endpoint that needs none)")
    .option("--fail-on-new", "with --live: exit 1 when Azure offers a newer stable api-version that has no spec yet")
    .action(async (flags: VersionsFlags) => {
      if (!flags.live && (flags.failOnNew || flags.subscription || flags.tokenEnv)) usage("--fail-on-new, --subscription and --token-env need --live");
      if (flags.live && !flags.subscription) usage("--live needs --subscription <id>");
      let token: string | undefined;
      if (flags.tokenEnv) {
        token = process.env[flags.tokenEnv];
        if (!token) usage(`environment variable ${flags.tokenEnv} (--token-env) is not set`);
      }
      const { loadSpecs } = await import("../kernel/index.ts");
      const { specResourceTypes, compareWithProvider } = await import("../generator/diff/resource-types.ts");
      const { docs } = await loadSpecs(flags.specs);
      const types = specResourceTypes(docs);
      const say = (line: string) => console.log(printable(line)); // spec names and ARM's answers are foreign text
      const name = (t: { namespace: string; resourceType: string; services: string[] }) =>
        `${t.namespace}/${t.resourceType} (${t.services.join(", ")})`;
      if (!flags.live) {
        for (const t of types) say(`${name(t)}: ${t.apiVersions.join(", ")}`);
        return;
      }
      const { providerResourceTypes } = await import("./providers-api.ts");
      const client = { endpoint: flags.endpoint, subscriptionId: flags.subscription!, token };
      const namespaces = [...new Set(types.map((t) => t.namespace))];
      const answers = new Map(await Promise.all(namespaces.map(async (ns) => [ns, await providerResourceTypes(client, ns)] as const)));
      let newer = 0;
      for (const t of types) {
        const live = compareWithProvider(t, answers.get(t.namespace)!);
        const held = `specs ${t.apiVersions.join(", ")}`;
        if (!live.matchedType) {
          say(`${name(t)}: ${held}; Azure does not list this resource type`);
        } else if (live.newerStable.length > 0) {
          newer += live.newerStable.length;
          const add = live.newerStable.map((v) => `specs/${t.services[0]}/${v}`).join(", ");
          say(`${name(t)}: ${held}; NEW: Azure offers stable ${live.newerStable.join(", ")} with no spec yet — add ${add}`);
        } else {
          const newestStable = live.offered.find((v) => /^\d{4}-\d{2}-\d{2}$/.test(v));
          say(`${name(t)}: ${held}; up to date (Azure's newest stable: ${newestStable ?? "none"})`);
        }
      }
      if (newer > 0 && flags.failOnNew) throw new ExitWith(EXIT.differences);
    });
}
