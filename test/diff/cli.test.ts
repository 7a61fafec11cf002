/**
 * `rekey diff` as a user or CI runs it: formats, --fail-on, and bad input as one line with exit code 2. The real
 * command runs once per outcome (help, a listing, exit 1, exit 2); the other runs go through the CLI's main() in process.
 */
import { describe, expect, it } from "vitest";
import { diffPaths, type DiffResult } from "../../generator/diff/diff.ts";
import { REPO_ROOT, runRekey } from "../helpers/cli.ts";
import { runInProcess } from "../helpers/in-process.ts";
import { apiVersionsOf, services } from "../helpers/repo-specs.ts";

// The first pair of api-versions in specs/ (oldest → next) whose diff has breaking and non-breaking changes, one of
// them located in the old document; what the CLI prints is checked against the changes the diff finds.
async function pickPair(): Promise<{ paths: string[]; service: string; versions: string[]; result: DiffResult }> {
  for (const service of services()) {
    const versions = apiVersionsOf(service);
    for (let i = 0; i + 1 < versions.length; i++) {
      const paths = [versions[i], versions[i + 1]].map((v) => `specs/${service}/${v}`);
      const result = await diffPaths(`${REPO_ROOT}${paths[0]}`, `${REPO_ROOT}${paths[1]}`);
      const severities = new Set(result.changes.map((c) => c.severity));
      if (severities.has("breaking") && severities.has("non-breaking") && result.changes.some((c) => c.in === "old")) {
        return { paths, service, versions: [versions[i], versions[i + 1]], result };
      }
    }
  }
  throw new Error("no pair of api-versions in specs/ has breaking and non-breaking changes");
}
const PAIR = await pickPair();
const PATHS = PAIR.paths;
const { changes } = PAIR.result;
const count = (severity: string) => changes.filter((c) => c.severity === severity).length;
const SUMMARY = `${count("breaking")} breaking, ${count("non-breaking")} non-breaking change(s)`;
const firstBreaking = changes.find((c) => c.severity === "breaking")!;

describe("rekey diff", () => {
  it.each([[["diff", "--help"]], [["versions", "--help"]]])("%j prints usage and exits 0", async (args) => {
    const result = await (args[0] === "diff" ? runRekey : runInProcess)(args);
    expect([result.code, result.stdout.split("\n")[0]]).toEqual([0, `Usage: rekey ${args[0]} [options]${args[0] === "diff" ? " <old> <new>" : ""}`]);
  });

  it("prints a readable summary, then each change with where it is", async () => {
    const result = await runRekey(["diff", ...PATHS]);
    expect(result.code).toBe(0);
    const lines = result.stdout.split("\n");
    expect(lines[0]).toBe(`${PAIR.service} ${PAIR.versions[0]} → ${PAIR.versions[1]}: ${SUMMARY}`);
    expect(lines).toContain(`breaking      ${firstBreaking.side.padEnd(8)}  ${firstBreaking.operationId}: ${firstBreaking.message} [${firstBreaking.rule}]`);
    // each change is located in the document that has it: the new one, or the old one for what is gone
    const inNew = changes.find((c) => c.in === "new")!;
    const inOld = changes.find((c) => c.in === "old")!;
    expect(lines).toContain(`              at ${PATHS[1]}/openapi.yaml#${inNew.pointer}`);
    expect(lines).toContain(`              at ${PATHS[0]}/openapi.yaml#${inOld.pointer}`);
    expect(lines.filter((line) => line.startsWith("              at "))).toHaveLength(changes.length);
  });

  it("--format json is an array of { operationId, side, severity, rule, pointer, message }", async () => {
    const result = await runInProcess(["diff", ...PATHS, "--format", "json"]);
    const changes: unknown[] = JSON.parse(result.stdout);
    expect(changes).toHaveLength(PAIR.result.changes.length);
    expect(changes).toEqual(PAIR.result.changes.map(({ operationId, side, severity, rule, pointer, message }) => ({ operationId, side, severity, rule, pointer, message })));
  });

  it("--format markdown is a changelog section", async () => {
    const result = await runInProcess(["diff", ...PATHS, "--format", "markdown"]);
    expect(result.stdout.startsWith(`## ${PAIR.service} ${PAIR.versions[1]}\n\nCompared with ${PAIR.service} ${PAIR.versions[0]}: ${SUMMARY}.\n\n` +
      `### Breaking changes\n\n- \`${firstBreaking.operationId}\` (${firstBreaking.side}): `)).toBe(true);
    expect(result.stdout).toContain("### Other changes");
  });

  it("--fail-on breaking exits 1 when a breaking change is found, 0 when none is", async () => {
    expect((await runRekey(["diff", ...PATHS, "--fail-on", "breaking"])).code).toBe(1);
    expect((await runInProcess(["diff", PATHS[1], PATHS[1], "--fail-on", "breaking"])).code).toBe(0);
  });

  it.each([
    [["diff", `specs/${PAIR.service}/1999-01-01`, PATHS[1]], `error: specs/${PAIR.service}/1999-01-01: no such file or folder — pass two spec folders (specs/<service>/<api-version>) or two OpenAPI documents [diff/input]\n`],
    [["diff", "package.json", PATHS[1]], "error: package.json: no `openapi` field: this is not an OpenAPI document — start the document with `openapi: 3.1.0` [load/version]\n"],
    [["diff", `specs/${PAIR.service}`, PATHS[1]], `error: specs/${PAIR.service}: the folder has no openapi.yaml — pass a spec folder (specs/<service>/<api-version>) or the openapi.yaml itself [diff/input]\n`],
    [["diff", ...PATHS, "--format", "yaml"], "error: option '--format <format>' argument 'yaml' is invalid. Allowed choices are text, json, markdown. (see `rekey diff --help`)\n"],
    [["diff", PATHS[0]], "error: missing required argument 'new' (see `rekey diff --help`)\n"],
  ])("%j is one line and exit 2", async (args, message) => {
    const result = await (args[1] === "package.json" ? runRekey : runInProcess)(args);
    expect({ code: result.code, stderr: result.stderr, stdout: result.stdout }).toEqual({ code: 2, stderr: message, stdout: "" });
  });
});
