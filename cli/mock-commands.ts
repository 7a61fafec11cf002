/** `rekey mock`: serve the ARM-faithful mock until SIGINT/SIGTERM. The base URL is the first line of stdout. */
import type { Command } from "commander";
import { problem, UserError } from "../kernel/index.ts";

interface MockFlags {
  specs: string;
  port: string;
  host: string;
  tls?: boolean;
  tlsCert?: string;
  tlsKey?: string;
  caOut?: string;
  state?: string;
  fault?: string;
  latency: string;
  lroDuration?: string;
  examplesOnly?: boolean;
  quiet?: boolean;
}

function integer(flag: string, value: string, hint: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(n)) throw new UserError(problem("mock/options", { file: flag }, `"${value}" is not a whole number`, hint));
  return n;
}

async function readPem(flag: string, path: string): Promise<string> {
  const { readInputFile } = await import("../kernel/index.ts");
  const read = readInputFile(path);
  if (!read.ok) throw new UserError(problem("mock/options", { file: flag }, `${path} ${read.reason}`, `${read.hint}: a PEM file`));
  return read.text;
}

export function registerMockCommands(program: Command): void {
  program
    .command("mock")
    .description("serve an ARM-faithful mock of the specs' operations (state, validation, faults, HTTPS)")
    .option("--specs <dir>", "folder of specs/<service>/<api-version>/openapi.yaml", "specs")
    .option("--port <n>", "port to listen on (0 = any free port)", "0")
    .option("--host <address>", "address to listen on", "127.0.0.1")
    .option("--tls", "serve HTTPS with a certificate made at start for 127.0.0.1 and localhost")
    .option("--tls-cert <file>", "serve HTTPS with this certificate (PEM; with --tls-key)")
    .option("--tls-key <file>", "private key (PEM) of --tls-cert")
    .option("--ca-out <file>", "with --tls: write the CA certificate here (for NODE_EXTRA_CA_CERTS)")
    .option("--state <file>", "JSON file of resources to add or replace, and extra api-versions ARM should list")
    .option("--fault <name>", "break the contract in one named way (see `rekey mock --list-faults`)")
    .option("--latency <ms>", "delay every answer by this many milliseconds", "0")
    .option("--lro-duration <ms>", "how long a long-running operation stays InProgress, in milliseconds (default 100)")
    .option("--examples-only", "answer with the documented examples instead of state")
    .option("--quiet", "do not log requests")
    .option("--list-faults", "print the fault names and exit")
    .action(async (flags: MockFlags & { listFaults?: boolean }) => {
      if (flags.listFaults) {
        const { listFaults } = await import("../conformance/mock/faults.ts");
        const faults = listFaults();
        const width = Math.max(...faults.map((f) => f.name.length)) + 1;
        for (const f of faults) console.log(`${f.name.padEnd(width)} ${f.summary}`);
        return;
      }
      if (Boolean(flags.tlsCert) !== Boolean(flags.tlsKey)) {
        throw new UserError(problem("mock/options", { file: flags.tlsCert ? "--tls-key" : "--tls-cert" }, "--tls-cert and --tls-key go together", "give both, or use --tls alone"));
      }
      const tls = flags.tlsCert && flags.tlsKey
        ? { cert: await readPem("--tls-cert", flags.tlsCert), key: await readPem("--tls-key", flags.tlsKey) }
        : flags.tls === true;
      const { startMock } = await import("../conformance/mock/start-mock.ts");
      const { resolveSpecsDir } = await import("../kernel/index.ts");
      const mock = await startMock({
        specsDir: resolveSpecsDir(flags.specs),
        port: integer("--port", flags.port, "use 0–65535 (0 picks a free one)"),
        host: flags.host,
        tls,
        caOut: flags.caOut,
        state: flags.state,
        fault: flags.fault,
        latencyMs: integer("--latency", flags.latency, "give milliseconds, e.g. --latency 50"),
        lroDurationMs: flags.lroDuration === undefined ? undefined : integer("--lro-duration", flags.lroDuration, "give milliseconds, e.g. --lro-duration 2000"),
        examplesOnly: flags.examplesOnly,
        log: flags.quiet ? undefined : (line) => process.stdout.write(line + "\n"),
      });
      // Signal handlers go in before the URL is printed: whoever reads that line may stop the mock at once.
      const stopped = new Promise<void>((resolve) => {
        const stop = () => void mock.close().then(resolve);
        process.once("SIGINT", stop);
        process.once("SIGTERM", stop);
      });
      process.stdout.write(mock.url + "\n");
      if (flags.caOut) process.stderr.write(`CA certificate: ${flags.caOut} (NODE_EXTRA_CA_CERTS=${flags.caOut} makes Node clients trust the mock)\n`);
      await stopped;
    });
}
