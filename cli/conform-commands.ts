/**
 * `rekey conform`: replay the examples, the derived negative cases and the rotation scenarios against a target,
 * check every answer, report, and exit 0 (all passed), 1 (a check failed, or Ctrl-C cut the run short) or 2.
 */
import type { Command } from "commander";
import { printable, problem, resolveSpecsDir, UserError } from "../kernel/index.ts";
import type { Reporter } from "../conformance/exchange.ts";
import { EXIT, ExitWith } from "./exit.ts";

interface ConformFlags {
  specs: string;
  replay?: string[];
  target: string;
  report: string[];
  only: string[];
  skip: string[];
  checks?: string;
  concurrency: string;
  timeout: string;
  maxBodyBytes?: string;
  lroTimeout: string;
  retries: string;
  fault?: string;
  lroDuration?: string;
  examplesOnly?: boolean;
  tokenEnv?: string;
  ca?: string;
  insecureTls?: boolean;
  cloud?: string;
  endpoint?: string;
  subscription?: string;
  resource: string[];
  config?: string;
  allowMutations?: boolean;
  strict?: boolean;
  quiet?: boolean;
  verbose?: boolean;
  list?: boolean;
  listChecks?: boolean;
}

const collect = (value: string, previous: string[]) => [...previous, value];
const commaList = (values: string[]) => values.flatMap((v) => v.split(",")).map((v) => v.trim()).filter(Boolean);

function whole(flag: string, value: string): number {
  if (!/^\d+$/.test(value)) throw new UserError(problem("conform/options", { file: flag }, `"${value}" is not a whole number`, `e.g. ${flag} 8`));
  return Number(value);
}

export function registerConformCommands(program: Command): void {
  program
    .command("conform")
    .description("prove an endpoint honours the specs: examples, derived negative cases and rotation scenarios, every answer checked")
    .option("--specs <dir>", "folder of specs/<service>/<api-version>/openapi.yaml", "specs")
    .option("--replay <file...>", "judge recorded exchanges instead of sending any: test-proxy JSON, vcr YAML or HAR files, offline")
    .option("--target <target>", "mock (the embedded mock, default), live (Azure Resource Manager) or a base URL", "mock")
    .option("--report <format:file>", "also write junit:FILE or json:FILE (comma-separated or repeated)", collect, [])
    .option("--only <id-or-glob>", "run only these exchanges (repeatable; globs: ** crosses /)", collect, [])
    .option("--skip <id-or-glob>", "leave these exchanges out (repeatable)", collect, [])
    .option("--checks <names>", "run only these checks (comma-separated; see --list-checks)")
    .option("--concurrency <n>", "exchanges in flight at once", "8")
    .option("--timeout <ms>", "per-request timeout, body included", "30000")
    .option("--max-body-bytes <n>", "largest answer body read, in bytes; a longer one fails that exchange (default 4194304, 4 MiB)")
    .option("--lro-timeout <ms>", "longest a long-running operation is followed after its 202 (polls and final result)", "60000")
    .option("--retries <n>", "extra attempts after a transport error (reset or refused connection) only", "2")
    .option("--fault <name>", "mock: break the contract in one named way (see `rekey mock --list-faults`)")
    .option("--lro-duration <ms>", "mock: how long its long-running operations stay InProgress (default 40)")
    .option("--examples-only", "the target answers with the documented examples: bodies must equal them; scenarios are skipped")
    .option("--token-env <name>", "URL and live targets: environment variable holding the bearer token")
    .option("--ca <file>", "URL targets, and live with --endpoint: PEM CA certificate to trust")
    .option("--insecure-tls", "URL targets: accept any TLS certificate")
    .option("--cloud <name>", "live: public, china or usgov", undefined)
    .option("--endpoint <url>", "live: another ARM endpoint than the cloud's (https, or http to loopback)")
    .option("--subscription <id>", "live and URL targets: your subscription id (required for live)")
    .option("--resource <op.param=value>", "live and URL targets: a resource name, e.g. maps.accountName=acct (repeatable)", collect, [])
    .option("--config <file>", 'live and URL targets: JSON {"subscription", "cloud" (live), "resources": {"maps": {"resourceGroupName": …, "accountName": …}}}')
    .option("--allow-mutations", "live and URL targets: also send exchanges that rotate keys of the resources you named")
    .option("--strict", "count warnings (drift: undeclared fields, fields an example shows but the schema does not require, ARM's usual headers) as failures")
    .option("--quiet", "no console report (files named by --report are still written)")
    .option("--verbose", "console: list every exchange, not only failures")
    .option("--list", "print the exchange ids and titles, and exit")
    .option("--list-checks", "print the check names and what each verifies, and exit")
    .addHelpText("after", `
Exchange ids: <service>/<api-version>/<operationId>/<example|negative|scenario>/<name>, e.g.
  maps/2026-12-01/Accounts_RegenerateKeys/negative/body.keyType.enum
Findings are failures (the contract a client relies on is broken) or warnings (drift a client survives); warnings
are listed apart and do not fail the run unless --strict.
Replay: --replay FILE… judges recorded exchanges (Azure SDK test-proxy, vcr cassettes, HAR) with the checks that apply
to one exchange; those matching no operation are listed, not failed; what a recording cannot show is "not judged".
Exit codes: 0 every exchange passed, warnings or not (held-back ones do not count); 1 a check failed (with --strict,
a warning too) or the run was interrupted; 2 a bad flag, config or spec.`)
    .action(async (flags: ConformFlags, command: Command) => {
      if (flags.listChecks) {
        const { CHECKS } = await import("../conformance/checks/registry.ts");
        for (const check of CHECKS) console.log(`${check.name.padEnd(18)} ${check.severity.padEnd(7)} ${check.summary}`);
        return;
      }
      if (flags.replay) return replayCommand(flags, command);
      const { readConformConfig } = await import("../conformance/targets/conform-config.ts");
      const { parseResourceFlags } = await import("../conformance/targets/named-resources.ts");
      const config = flags.config ? readConformConfig(flags.config) : {};
      if (config.cloud !== undefined && flags.target !== "live") {
        throw new UserError(problem("conform/config", { file: flags.config!, pointer: "/cloud" }, "cloud is for --target live", "drop it from the config, or use --target live"));
      }
      const fromFlags = parseResourceFlags(flags.resource);
      const resources = { ...(config.resources ?? {}) };
      for (const [key, values] of Object.entries(fromFlags)) resources[key] = { ...(resources[key] ?? {}), ...values };
      const options = {
        specsDir: resolveSpecsDir(flags.specs),
        target: flags.target,
        only: flags.only,
        skip: flags.skip,
        checks: flags.checks === undefined ? undefined : commaList([flags.checks]),
        concurrency: whole("--concurrency", flags.concurrency),
        timeoutMs: whole("--timeout", flags.timeout),
        maxBodyBytes: flags.maxBodyBytes === undefined ? undefined : whole("--max-body-bytes", flags.maxBodyBytes),
        retries: whole("--retries", flags.retries),
        lroTimeoutMs: whole("--lro-timeout", flags.lroTimeout),
        strict: flags.strict,
        fault: flags.fault,
        lroDurationMs: flags.lroDuration === undefined ? undefined : whole("--lro-duration", flags.lroDuration),
        examplesOnly: flags.examplesOnly,
        tokenEnv: flags.tokenEnv,
        caFile: flags.ca,
        insecureTls: flags.insecureTls,
        cloud: flags.cloud ?? config.cloud,
        endpoint: flags.endpoint,
        subscription: flags.subscription ?? config.subscription,
        resources,
        allowMutations: flags.allowMutations,
      };
      const { reportersFromOption } = await import("../conformance/reporters/report-option.ts");
      const files = reportersFromOption(flags.report, { stream: process.stderr });

      if (flags.list) {
        const { listExchanges } = await import("../conformance/conform.ts");
        for (const e of await listExchanges(options)) console.log(`${printable(e.id)}\t${printable(e.title)}`);
        return;
      }

      const reporter = await consoleAndFiles(flags, files);
      const controller = new AbortController();
      const interrupt = () => {
        if (controller.signal.aborted) process.exit(130); // a second Ctrl-C: stop now
        process.stderr.write("\ninterrupted: stopping, then reporting what ran (Ctrl-C again to quit at once)\n");
        controller.abort();
      };
      process.on("SIGINT", interrupt);
      process.on("SIGTERM", interrupt);
      try {
        const { conform } = await import("../conformance/conform.ts");
        const { summary } = await conform({ ...options, signal: controller.signal, onEvent: (event) => reporter.onEvent(event) });
        await reporter.close();
        if (summary.failed > 0 || summary.interrupted) throw new ExitWith(EXIT.differences);
      } finally {
        process.off("SIGINT", interrupt);
        process.off("SIGTERM", interrupt);
      }
    });
}

/** The console report (unless --quiet) and the --report files, as one reporter. */
async function consoleAndFiles(flags: ConformFlags, files: Reporter[]): Promise<Reporter> {
  const { consoleReporter } = await import("../conformance/reporters/console-reporter.ts");
  const { combineReporters } = await import("../conformance/reporters/combine-reporters.ts");
  return combineReporters([...(flags.quiet ? [] : [consoleReporter({ stream: process.stdout, verbose: flags.verbose })]), ...files]);
}

/** The flags that make sense without a target: what to judge with and how to report. */
const REPLAY_FLAGS = new Set(["replay", "specs", "report", "checks", "strict", "maxBodyBytes", "quiet", "verbose"]);

/** `rekey conform --replay FILE…`: nothing is sent; the recordings are judged and reported like a run. */
async function replayCommand(flags: ConformFlags, command: Command): Promise<void> {
  for (const option of command.options) {
    const name = option.attributeName();
    if (REPLAY_FLAGS.has(name) || command.getOptionValueSource(name) !== "cli") continue;
    throw new UserError(problem("conform/options", { file: option.long ?? name }, `${option.long} is for a run that sends requests; --replay sends none`, "drop it, or drop --replay"));
  }
  const { reportersFromOption } = await import("../conformance/reporters/report-option.ts");
  const files = reportersFromOption(flags.report, { stream: process.stderr });
  const { replay } = await import("../conformance/replay/replay.ts");
  const reporter = await consoleAndFiles(flags, files);
  const { summary } = await replay({
    files: flags.replay!,
    specsDir: resolveSpecsDir(flags.specs),
    checks: flags.checks === undefined ? undefined : commaList([flags.checks]),
    strict: flags.strict,
    maxBodyBytes: flags.maxBodyBytes === undefined ? undefined : whole("--max-body-bytes", flags.maxBodyBytes),
    onEvent: (event) => reporter.onEvent(event),
  });
  await reporter.close();
  if (summary.failed > 0) throw new ExitWith(EXIT.differences);
}
