import {
  resolveOptions
} from "./chunk-6PRFXF2V.js";
import {
  UserError,
  displayPath,
  formatProblem,
  printable,
  problem,
  rekeyVersion,
  resolveSpecsDir
} from "./chunk-ZOVCPWKV.js";

// cli/main.ts
import { Command, CommanderError } from "commander";

// cli/exit.ts
var EXIT = { ok: 0, differences: 1, usage: 2, crash: 70 };
var ExitWith = class extends Error {
  constructor(code) {
    super(`exit ${code}`);
    this.code = code;
  }
  code;
};

// cli/conform-commands.ts
var collect = (value, previous) => [...previous, value];
var commaList = (values) => values.flatMap((v) => v.split(",")).map((v) => v.trim()).filter(Boolean);
function whole(flag, value) {
  if (!/^\d+$/.test(value)) throw new UserError(problem("conform/options", { file: flag }, `"${value}" is not a whole number`, `e.g. ${flag} 8`));
  return Number(value);
}
function registerConformCommands(program) {
  program.command("conform").description("prove an endpoint honours the specs: examples, derived negative cases and rotation scenarios, every answer checked").option("--specs <dir>", "folder of specs/<service>/<api-version>/openapi.yaml", "specs").option("--replay <file...>", "judge recorded exchanges instead of sending any: test-proxy JSON, vcr YAML or HAR files, offline").option("--target <target>", "mock (the embedded mock, default), live (Azure Resource Manager) or a base URL", "mock").option("--report <format:file>", "also write junit:FILE or json:FILE (comma-separated or repeated)", collect, []).option("--only <id-or-glob>", "run only these exchanges (repeatable; globs: ** crosses /)", collect, []).option("--skip <id-or-glob>", "leave these exchanges out (repeatable)", collect, []).option("--checks <names>", "run only these checks (comma-separated; see --list-checks)").option("--concurrency <n>", "exchanges in flight at once", "8").option("--timeout <ms>", "per-request timeout, body included", "30000").option("--max-body-bytes <n>", "largest answer body read, in bytes; a longer one fails that exchange (default 4194304, 4 MiB)").option("--retries <n>", "extra attempts after a transport error (reset or refused connection) only", "2").option("--fault <name>", "mock: break the contract in one named way (see `rekey mock --list-faults`)").option("--examples-only", "the target answers with the documented examples: bodies must equal them; scenarios are skipped").option("--token-env <name>", "URL and live targets: environment variable holding the bearer token").option("--ca <file>", "URL targets, and live with --endpoint: PEM CA certificate to trust").option("--insecure-tls", "URL targets: accept any TLS certificate").option("--cloud <name>", "live: public, china or usgov", void 0).option("--endpoint <url>", "live: another ARM endpoint than the cloud's (https, or http to loopback)").option("--subscription <id>", "live and URL targets: your subscription id (required for live)").option("--resource <op.param=value>", "live and URL targets: a resource name, e.g. maps.accountName=acct (repeatable)", collect, []).option("--config <file>", 'live and URL targets: JSON {"subscription", "cloud" (live), "resources": {"maps": {"resourceGroupName": \u2026, "accountName": \u2026}}}').option("--allow-mutations", "live and URL targets: also send exchanges that rotate keys of the resources you named").option("--strict", "count warnings (drift: undeclared fields, fields an example shows but the schema does not require, ARM's usual headers) as failures").option("--quiet", "no console report (files named by --report are still written)").option("--verbose", "console: list every exchange, not only failures").option("--list", "print the exchange ids and titles, and exit").option("--list-checks", "print the check names and what each verifies, and exit").addHelpText("after", `
Exchange ids: <service>/<api-version>/<operationId>/<example|negative|scenario>/<name>, e.g.
  maps/2026-12-01/Accounts_RegenerateKeys/negative/body.keyType.enum
Findings are failures (the contract a client relies on is broken) or warnings (drift a client survives); warnings
are listed apart and do not fail the run unless --strict.
Replay: --replay FILE\u2026 judges recorded exchanges (Azure SDK test-proxy, vcr cassettes, HAR) with the checks that apply
to one exchange; those matching no operation are listed, not failed; what a recording cannot show is "not judged".
Exit codes: 0 every exchange passed, warnings or not (held-back ones do not count); 1 a check failed (with --strict,
a warning too) or the run was interrupted; 2 a bad flag, config or spec.`).action(async (flags, command) => {
    if (flags.listChecks) {
      const { CHECKS } = await import("./registry-24JS4IVK.js");
      for (const check of CHECKS) console.log(`${check.name.padEnd(18)} ${check.severity.padEnd(7)} ${check.summary}`);
      return;
    }
    if (flags.replay) return replayCommand(flags, command);
    const { readConformConfig } = await import("./conform-config-KD2KNVCI.js");
    const { parseResourceFlags } = await import("./named-resources-4JT5VWE7.js");
    const config = flags.config ? readConformConfig(flags.config) : {};
    if (config.cloud !== void 0 && flags.target !== "live") {
      throw new UserError(problem("conform/config", { file: flags.config, pointer: "/cloud" }, "cloud is for --target live", "drop it from the config, or use --target live"));
    }
    const fromFlags = parseResourceFlags(flags.resource);
    const resources = { ...config.resources ?? {} };
    for (const [key, values] of Object.entries(fromFlags)) resources[key] = { ...resources[key] ?? {}, ...values };
    const options = {
      specsDir: resolveSpecsDir(flags.specs),
      target: flags.target,
      only: flags.only,
      skip: flags.skip,
      checks: flags.checks === void 0 ? void 0 : commaList([flags.checks]),
      concurrency: whole("--concurrency", flags.concurrency),
      timeoutMs: whole("--timeout", flags.timeout),
      maxBodyBytes: flags.maxBodyBytes === void 0 ? void 0 : whole("--max-body-bytes", flags.maxBodyBytes),
      retries: whole("--retries", flags.retries),
      strict: flags.strict,
      fault: flags.fault,
      examplesOnly: flags.examplesOnly,
      tokenEnv: flags.tokenEnv,
      caFile: flags.ca,
      insecureTls: flags.insecureTls,
      cloud: flags.cloud ?? config.cloud,
      endpoint: flags.endpoint,
      subscription: flags.subscription ?? config.subscription,
      resources,
      allowMutations: flags.allowMutations
    };
    const { reportersFromOption } = await import("./report-option-FTCQKW73.js");
    const files = reportersFromOption(flags.report, { stream: process.stderr });
    if (flags.list) {
      const { listExchanges } = await import("./conform-L6HYBBEJ.js");
      for (const e of await listExchanges(options)) console.log(`${printable(e.id)}	${printable(e.title)}`);
      return;
    }
    const reporter = await consoleAndFiles(flags, files);
    const controller = new AbortController();
    const interrupt = () => {
      if (controller.signal.aborted) process.exit(130);
      process.stderr.write("\ninterrupted: stopping, then reporting what ran (Ctrl-C again to quit at once)\n");
      controller.abort();
    };
    process.on("SIGINT", interrupt);
    process.on("SIGTERM", interrupt);
    try {
      const { conform } = await import("./conform-L6HYBBEJ.js");
      const { summary } = await conform({ ...options, signal: controller.signal, onEvent: (event) => reporter.onEvent(event) });
      await reporter.close();
      if (summary.failed > 0 || summary.interrupted) throw new ExitWith(EXIT.differences);
    } finally {
      process.off("SIGINT", interrupt);
      process.off("SIGTERM", interrupt);
    }
  });
}
async function consoleAndFiles(flags, files) {
  const { consoleReporter } = await import("./console-reporter-B5FINI3R.js");
  const { combineReporters } = await import("./combine-reporters-34X563LX.js");
  return combineReporters([...flags.quiet ? [] : [consoleReporter({ stream: process.stdout, verbose: flags.verbose })], ...files]);
}
var REPLAY_FLAGS = /* @__PURE__ */ new Set(["replay", "specs", "report", "checks", "strict", "maxBodyBytes", "quiet", "verbose"]);
async function replayCommand(flags, command) {
  for (const option of command.options) {
    const name = option.attributeName();
    if (REPLAY_FLAGS.has(name) || command.getOptionValueSource(name) !== "cli") continue;
    throw new UserError(problem("conform/options", { file: option.long ?? name }, `${option.long} is for a run that sends requests; --replay sends none`, "drop it, or drop --replay"));
  }
  const { reportersFromOption } = await import("./report-option-FTCQKW73.js");
  const files = reportersFromOption(flags.report, { stream: process.stderr });
  const { replay } = await import("./replay-MNJFR3TC.js");
  const reporter = await consoleAndFiles(flags, files);
  const { summary } = await replay({
    files: flags.replay,
    specsDir: resolveSpecsDir(flags.specs),
    checks: flags.checks === void 0 ? void 0 : commaList([flags.checks]),
    strict: flags.strict,
    maxBodyBytes: flags.maxBodyBytes === void 0 ? void 0 : whole("--max-body-bytes", flags.maxBodyBytes),
    onEvent: (event) => reporter.onEvent(event)
  });
  await reporter.close();
  if (summary.failed > 0) throw new ExitWith(EXIT.differences);
}

// cli/generator-commands.ts
function printWarnings(warnings) {
  for (const w of warnings) console.error(formatProblem(w));
}
function shown(path) {
  return displayPath(path) || ".";
}
function registerGeneratorCommands(program) {
  program.command("generate").description("generate the typed client package (generated/) from specs/").option("--check", "do not write; exit 1 if generated/ differs from what the specs produce (stale or hand-edited)").option("--specs <dir>", "folder of specs/<service>/<api-version>/openapi.yaml", "specs").option("--out <dir>", "output folder of the package", "generated").action(async (flags) => {
    const options = resolveOptions({ specsDir: flags.specs, outDir: flags.out });
    if (flags.check) {
      const { check } = await import("./pipeline-KB6JIMMF.js");
      const { formatDifference } = await import("./write-MRU6O2XV.js");
      const result2 = await check(options);
      printWarnings(result2.warnings);
      if (result2.differences.length === 0) {
        const note = result2.manifestStale ? " (its manifest predates the generator's last change: run generate to make --check fast)" : "";
        console.log(`${shown(options.outDir)}/ is current${note}`);
        return;
      }
      console.error(`${shown(options.outDir)}/ is not what the specs generate (${result2.differences.length} file(s) differ):`);
      for (const d of result2.differences.slice(0, 20)) console.error("  " + formatDifference(d));
      if (result2.differences.length > 20) console.error(`  \u2026 and ${result2.differences.length - 20} more`);
      console.error("run `npm run generate` and commit the result; never edit generated/ by hand");
      throw new ExitWith(EXIT.differences);
    }
    const { startTypeScriptService } = await import("./typescript-service-VUGVZU2E.js");
    const typescript = startTypeScriptService();
    const { generate } = await import("./pipeline-KB6JIMMF.js");
    const result = await generate(options, typescript);
    printWarnings(result.warnings);
    console.log(`${shown(options.outDir)}/: ${result.files} files, ${result.written.length} written, ${result.removed.length} removed`);
  });
  program.command("lint").description("validate specs/ and apply rekey's rules (operationIds, api-version, errors, examples, security, secrets)").option("--specs <dir>", "folder of specs/<service>/<api-version>/openapi.yaml", "specs").option("--print-rotation-schema", "print the JSON Schema of the x-rekey-rotation extension and exit").action(async (flags) => {
    if (flags.printRotationSchema) {
      const { ROTATION_SCHEMA } = await import("./kernel-3ERSUKK4.js");
      console.log(JSON.stringify(ROTATION_SCHEMA, null, 2));
      return;
    }
    const { loadSpecs } = await import("./kernel-3ERSUKK4.js");
    const { docs, warnings } = await loadSpecs(flags.specs);
    printWarnings(warnings);
    const operations = docs.reduce((n, d) => n + d.operations.length, 0);
    console.log(`${docs.length} document(s), ${operations} operation(s): no problems${warnings.length ? ` (${warnings.length} warning(s))` : ""}`);
  });
}

// cli/mock-commands.ts
function integer(flag, value, hint) {
  const n = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(n)) throw new UserError(problem("mock/options", { file: flag }, `"${value}" is not a whole number`, hint));
  return n;
}
async function readPem(flag, path) {
  const { readInputFile } = await import("./kernel-3ERSUKK4.js");
  const read = readInputFile(path);
  if (!read.ok) throw new UserError(problem("mock/options", { file: flag }, `${path} ${read.reason}`, `${read.hint}: a PEM file`));
  return read.text;
}
function registerMockCommands(program) {
  program.command("mock").description("serve an ARM-faithful mock of the specs' operations (state, validation, faults, HTTPS)").option("--specs <dir>", "folder of specs/<service>/<api-version>/openapi.yaml", "specs").option("--port <n>", "port to listen on (0 = any free port)", "0").option("--host <address>", "address to listen on", "127.0.0.1").option("--tls", "serve HTTPS with a certificate made at start for 127.0.0.1 and localhost").option("--tls-cert <file>", "serve HTTPS with this certificate (PEM; with --tls-key)").option("--tls-key <file>", "private key (PEM) of --tls-cert").option("--ca-out <file>", "with --tls: write the CA certificate here (for NODE_EXTRA_CA_CERTS)").option("--state <file>", "JSON file of resources to add or replace, and extra api-versions ARM should list").option("--fault <name>", "break the contract in one named way (see `rekey mock --list-faults`)").option("--latency <ms>", "delay every answer by this many milliseconds", "0").option("--examples-only", "answer with the documented examples instead of state").option("--quiet", "do not log requests").option("--list-faults", "print the fault names and exit").action(async (flags) => {
    if (flags.listFaults) {
      const { listFaults } = await import("./faults-OYFWIHKV.js");
      for (const f of listFaults()) console.log(`${f.name.padEnd(22)} ${f.summary}`);
      return;
    }
    if (Boolean(flags.tlsCert) !== Boolean(flags.tlsKey)) {
      throw new UserError(problem("mock/options", { file: flags.tlsCert ? "--tls-key" : "--tls-cert" }, "--tls-cert and --tls-key go together", "give both, or use --tls alone"));
    }
    const tls = flags.tlsCert && flags.tlsKey ? { cert: await readPem("--tls-cert", flags.tlsCert), key: await readPem("--tls-key", flags.tlsKey) } : flags.tls === true;
    const { startMock } = await import("./start-mock-WXC4GOW5.js");
    const { resolveSpecsDir: resolveSpecsDir2 } = await import("./kernel-3ERSUKK4.js");
    const mock = await startMock({
      specsDir: resolveSpecsDir2(flags.specs),
      port: integer("--port", flags.port, "use 0\u201365535 (0 picks a free one)"),
      host: flags.host,
      tls,
      caOut: flags.caOut,
      state: flags.state,
      fault: flags.fault,
      latencyMs: integer("--latency", flags.latency, "give milliseconds, e.g. --latency 50"),
      examplesOnly: flags.examplesOnly,
      log: flags.quiet ? void 0 : (line) => process.stdout.write(line + "\n")
    });
    const stopped = new Promise((resolve) => {
      const stop = () => void mock.close().then(resolve);
      process.once("SIGINT", stop);
      process.once("SIGTERM", stop);
    });
    process.stdout.write(mock.url + "\n");
    if (flags.caOut) process.stderr.write(`CA certificate: ${flags.caOut} (NODE_EXTRA_CA_CERTS=${flags.caOut} makes Node clients trust the mock)
`);
    await stopped;
  });
}

// cli/version-commands.ts
import { Option } from "commander";
function registerVersionCommands(program) {
  registerDiffCommand(program);
  registerVersionsCommand(program);
}
function registerDiffCommand(program) {
  program.command("diff").description("classify every change between two api-versions (breaking or not, for clients of OLD)").argument("<old>", "the older spec folder (specs/<service>/<api-version>) or OpenAPI document").argument("<new>", "the newer spec folder or OpenAPI document").addOption(new Option("--format <format>", "output format").choices(["text", "json", "markdown"]).default("text")).addOption(new Option("--fail-on <severity>", "exit 1 when a change of this severity is found").choices(["breaking"])).action(async (oldPath, newPath, flags) => {
    const { diffPaths } = await import("./diff-NEJ7DXSZ.js");
    const { formatDiff } = await import("./format-6KP2AJ75.js");
    const result = await diffPaths(oldPath, newPath);
    process.stdout.write(formatDiff(result, flags.format));
    if (flags.failOn === "breaking" && result.changes.some((c) => c.severity === "breaking")) throw new ExitWith(EXIT.differences);
  });
}
function usage(message) {
  console.error(`error: ${message} (see \`rekey versions --help\`)`);
  throw new ExitWith(EXIT.usage);
}
function registerVersionsCommand(program) {
  program.command("versions").description("list the api-versions specs/ holds per ARM resource type; with --live, say which newer stable ones Azure offers").option("--specs <dir>", "folder of specs/<service>/<api-version>/openapi.yaml", "specs").option("--live", "ask ARM's providers API which api-versions Azure offers for each resource type").option("--endpoint <url>", "ARM endpoint for --live", "https://management.azure.com").option("--subscription <id>", "subscription to ask ARM with (required with --live)").option("--token-env <name>", "environment variable holding an ARM bearer token (never printed; omit for an endpoint that needs none)").option("--fail-on-new", "with --live: exit 1 when Azure offers a newer stable api-version that has no spec yet").action(async (flags) => {
    if (!flags.live && (flags.failOnNew || flags.subscription || flags.tokenEnv)) usage("--fail-on-new, --subscription and --token-env need --live");
    if (flags.live && !flags.subscription) usage("--live needs --subscription <id>");
    let token;
    if (flags.tokenEnv) {
      token = process.env[flags.tokenEnv];
      if (!token) usage(`environment variable ${flags.tokenEnv} (--token-env) is not set`);
    }
    const { loadSpecs } = await import("./kernel-3ERSUKK4.js");
    const { specResourceTypes, compareWithProvider } = await import("./resource-types-GFURKL5H.js");
    const { docs } = await loadSpecs(flags.specs);
    const types = specResourceTypes(docs);
    const say = (line) => console.log(printable(line));
    const name = (t) => `${t.namespace}/${t.resourceType} (${t.services.join(", ")})`;
    if (!flags.live) {
      for (const t of types) say(`${name(t)}: ${t.apiVersions.join(", ")}`);
      return;
    }
    const { providerResourceTypes } = await import("./providers-api-WIFIYIMX.js");
    const client = { endpoint: flags.endpoint, subscriptionId: flags.subscription, token };
    const namespaces = [...new Set(types.map((t) => t.namespace))];
    const answers = new Map(await Promise.all(namespaces.map(async (ns) => [ns, await providerResourceTypes(client, ns)])));
    let newer = 0;
    for (const t of types) {
      const live = compareWithProvider(t, answers.get(t.namespace));
      const held = `specs ${t.apiVersions.join(", ")}`;
      if (!live.matchedType) {
        say(`${name(t)}: ${held}; Azure does not list this resource type`);
      } else if (live.newerStable.length > 0) {
        newer += live.newerStable.length;
        const add = live.newerStable.map((v) => `specs/${t.services[0]}/${v}`).join(", ");
        say(`${name(t)}: ${held}; NEW: Azure offers stable ${live.newerStable.join(", ")} with no spec yet \u2014 add ${add}`);
      } else {
        const newestStable = live.offered.find((v) => /^\d{4}-\d{2}-\d{2}$/.test(v));
        say(`${name(t)}: ${held}; up to date (Azure's newest stable: ${newestStable ?? "none"})`);
      }
    }
    if (newer > 0 && flags.failOnNew) throw new ExitWith(EXIT.differences);
  });
}

// cli/main.ts
function buildProgram() {
  const program = new Command("rekey").description("OpenAPI-driven clients and conformance checks for Azure key-regeneration operations").version(rekeyVersion(), "-V, --version", "print rekey's version and exit").exitOverride();
  registerGeneratorCommands(program);
  registerMockCommands(program);
  registerConformCommands(program);
  registerVersionCommands(program);
  for (const command of [program, ...program.commands]) {
    const usage2 = command === program ? "rekey --help" : `rekey ${command.name()} --help`;
    command.exitOverride().configureOutput({
      outputError: (text, write) => write(`${text.trim().replace(/\s*\n\s*/g, " ")} (see \`${usage2}\`)
`)
    });
  }
  return program;
}
async function main(argv) {
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
    console.error(`rekey crashed (this is a bug, please report it): ${error?.stack ?? String(error)}`);
    return EXIT.crash;
  }
}

export {
  buildProgram,
  main
};
