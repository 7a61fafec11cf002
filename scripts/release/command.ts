/** The release of @rekey/clients, as `npm run release:clients` runs it (scripts/release-clients.ts says what it does). */
import { mkdirSync, renameSync } from "node:fs";
import { join, relative } from "node:path";
import { parseArgs } from "node:util";
import { loadSpecs, printable, REPO_ROOT } from "../../kernel/index.ts";
import { consumerCall } from "./consumer-call.ts";
import { runCommand, StepFailed, timed } from "./run-command.ts";
import { verifyTarball } from "./verify-tarball.ts";

const PACKS = join(REPO_ROOT, "packs");
const GENERATED = join(REPO_ROOT, "generated");
const USAGE = "usage: npm run release:clients [-- --publish [--dry-run] [--provenance] [--registry <url>]] | [-- --verify-only <tgz>]";

class UsageError extends Error {}

function parseFlags(argv: string[]) {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: {
        publish: { type: "boolean", default: false },
        "dry-run": { type: "boolean", default: false },
        provenance: { type: "boolean", default: false },
        registry: { type: "string" },
        "verify-only": { type: "string" },
      },
      strict: true,
      allowPositionals: false,
    });
  } catch (error) {
    throw new UsageError(`${(error as Error).message.split("\n")[0]} (${USAGE})`);
  }
  const flags = parsed.values;
  if (flags["verify-only"] !== undefined && flags.publish) throw new UsageError(`--verify-only publishes nothing: drop --publish (${USAGE})`);
  if (!flags.publish && (flags["dry-run"] || flags.provenance || flags.registry !== undefined)) throw new UsageError(`--dry-run, --provenance and --registry go with --publish (${USAGE})`);
  if (flags.registry !== undefined && !/^https?:\/\/[^\s]+$/.test(flags.registry)) throw new UsageError(`--registry ${JSON.stringify(flags.registry)} is not an http(s) URL (${USAGE})`);
  return flags;
}

/** Builds dist/ and packs generated/ into packs/; returns the tarball's path. */
async function pack(timings: Record<string, number>): Promise<string> {
  await timed(timings, "build", () => runCommand("build generated/", "npm", ["run", "--silent", "--workspace", "generated", "build"], { cwd: REPO_ROOT }));
  mkdirSync(PACKS, { recursive: true });
  // dist/ was just built, so the package's prepare script (the same build) is not run again.
  const out = await timed(timings, "pack", () =>
    runCommand("npm pack", "npm", ["pack", GENERATED, "--pack-destination", PACKS, "--ignore-scripts", "--json"], { cwd: REPO_ROOT }));
  const [{ filename }] = JSON.parse(out) as [{ filename: string }];
  // npm names a scoped tarball <scope>-<name>-<version>.tgz already; the rename only guards against a change of habit.
  const tarball = join(PACKS, filename.replace(/^@/, "").replace("/", "-"));
  if (join(PACKS, filename) !== tarball) renameSync(join(PACKS, filename), tarball);
  return tarball;
}

async function main(argv: string[]): Promise<void> {
  const flags = parseFlags(argv);
  const timings: Record<string, number> = {};
  const started = performance.now();
  const { docs } = await loadSpecs(join(REPO_ROOT, "specs"), { lint: false });
  const call = consumerCall(docs);
  if (!call) throw new StepFailed("specs", "no service's default entry point has an operation with an example answering a body to call");

  let tarball: string;
  if (flags["verify-only"] !== undefined) {
    tarball = flags["verify-only"];
  } else {
    await timed(timings, "generate --check", () =>
      runCommand("generated/ is stale (run `npm run generate` and commit)", process.execPath, [join(REPO_ROOT, "cli/rekey.js"), "generate", "--check"], { cwd: REPO_ROOT }));
    tarball = await pack(timings);
  }
  const shown = flags["verify-only"] ?? relative(process.cwd(), tarball);
  const verified = await verifyTarball(tarball, call).catch((error: unknown) => {
    throw error instanceof StepFailed ? new StepFailed(`${shown} failed verification: ${error.step}`, error.message.slice(error.step.length + 2)) : error;
  });
  Object.assign(timings, verified.timings);
  console.log(`${shown}: @rekey/clients ${verified.version} installs into an empty project and calls ${call.label} from ${verified.consumers.join(", ")}`);

  if (flags.publish) {
    const npmArgs = ["publish", tarball, "--access", "public", ...(flags["dry-run"] ? ["--dry-run"] : []), ...(flags.provenance ? ["--provenance"] : []),
      ...(flags.registry !== undefined ? ["--registry", flags.registry] : [])];
    await timed(timings, "publish", () => runCommand("npm publish", "npm", npmArgs, { cwd: REPO_ROOT }));
    console.log(`${flags["dry-run"] ? "dry run: would publish" : "published"} @rekey/clients ${verified.version}${flags.provenance ? " with provenance" : ""}`);
  }
  timings.total = Math.round(performance.now() - started);
  console.log(`timings (ms): ${Object.entries(timings).map(([k, v]) => `${k} ${v}`).join(" · ")}`);
}

/** Runs the release with `argv` (the script's arguments), printing as the script does; returns its exit code. */
export async function releaseClients(argv: string[]): Promise<number> {
  try {
    await main(argv);
    return 0;
  } catch (error) {
    const known = error instanceof UsageError || error instanceof StepFailed;
    console.error(printable(`release:clients: ${known ? (error as Error).message : `crashed (this is a bug): ${String((error as Error)?.stack ?? error)}`}`));
    return known ? 2 : 70;
  }
}
