/** `rekey diff` as a user or CI runs it: formats, --fail-on, and bad input as one line with exit code 2. */
import { describe, expect, it } from "vitest";
import { runRekey } from "../helpers/cli.ts";

const MAPS = ["specs/maps/2023-06-01", "specs/maps/2026-12-01"];

describe("rekey diff", () => {
  it.each([[["diff", "--help"]], [["versions", "--help"]]])("%j prints usage and exits 0", async (args) => {
    const result = await runRekey(args);
    expect([result.code, result.stdout.split("\n")[0]]).toEqual([0, `Usage: rekey ${args[0]} [options]${args[0] === "diff" ? " <old> <new>" : ""}`]);
  });

  it("prints a readable summary, then each change with where it is", async () => {
    const result = await runRekey(["diff", ...MAPS]);
    expect(result.code).toBe(0);
    const lines = result.stdout.split("\n");
    expect(lines[0]).toBe("maps 2023-06-01 → 2026-12-01: 3 breaking, 4 non-breaking change(s)");
    expect(lines).toContain('breaking      request   Accounts_RegenerateKeys: path parameter subscriptionId: format "uuid" added [request-format-added]');
    expect(lines).toContain("              at specs/maps/2026-12-01/openapi.yaml#/components/parameters/SubscriptionIdParameter/schema/format");
    expect(lines).toContain("              at specs/maps/2023-06-01/openapi.yaml#/components/parameters/SubscriptionIdParameter/schema/minLength");
  });

  it("--format json is an array of { operationId, side, severity, rule, pointer, message }", async () => {
    const result = await runRekey(["diff", ...MAPS, "--format", "json"]);
    const changes = JSON.parse(result.stdout);
    expect(changes).toHaveLength(7);
    expect(changes[1]).toEqual({
      operationId: "Accounts_RegenerateKeys", side: "request", severity: "breaking", rule: "request-format-added",
      pointer: "/components/parameters/SubscriptionIdParameter/schema/format", message: 'path parameter subscriptionId: format "uuid" added',
    });
  });

  it("--format markdown is a changelog section", async () => {
    const result = await runRekey(["diff", ...MAPS, "--format", "markdown"]);
    expect(result.stdout).toMatch(/^## maps 2026-12-01\n\nCompared with maps 2023-06-01: 3 breaking, 4 non-breaking change\(s\)\.\n\n### Breaking changes\n\n- `Accounts_RegenerateKeys` \(request\): /);
    expect(result.stdout).toContain("### Other changes");
  });

  it("--fail-on breaking exits 1 when a breaking change is found, 0 when none is", async () => {
    expect((await runRekey(["diff", ...MAPS, "--fail-on", "breaking"])).code).toBe(1);
    expect((await runRekey(["diff", MAPS[1], MAPS[1], "--fail-on", "breaking"])).code).toBe(0);
  });

  it.each([
    [["diff", "specs/maps/1999-01-01", MAPS[1]], "error: specs/maps/1999-01-01: no such file or folder — pass two spec folders (specs/<service>/<api-version>) or two OpenAPI documents [diff/input]\n"],
    [["diff", "package.json", MAPS[1]], "error: package.json: no `openapi` field: this is not an OpenAPI document — start the document with `openapi: 3.1.0` [load/version]\n"],
    [["diff", "specs/maps", MAPS[1]], "error: specs/maps: the folder has no openapi.yaml — pass a spec folder such as specs/maps/2023-06-01, or the document itself [diff/input]\n"],
    [["diff", ...MAPS, "--format", "yaml"], "error: option '--format <format>' argument 'yaml' is invalid. Allowed choices are text, json, markdown. (see `rekey diff --help`)\n"],
    [["diff", MAPS[0]], "error: missing required argument 'new' (see `rekey diff --help`)\n"],
  ])("%j is one line and exit 2", async (args, message) => {
    const result = await runRekey(args);
    expect({ code: result.code, stderr: result.stderr, stdout: result.stdout }).toEqual({ code: 2, stderr: message, stdout: "" });
  });
});
