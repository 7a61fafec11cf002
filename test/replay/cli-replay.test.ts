/**
 * `rekey conform --replay` as a user runs it, on recordings in each format (fixtures/ — written for these tests from
 * the public formats): exit codes, what the console says, reports that never carry a key, one-line refusals. Each
 * exit code, the secrecy of what reaches stdout/stderr and the terminal's safety are proven on a spawned command;
 * the other inputs run the same main() in process (a spawn loads and lints the specs cold, about a second each).
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { XMLValidator } from "fast-xml-parser";
import { afterAll, describe, expect, test } from "vitest";
import { runRekey } from "../helpers/cli.ts";
import { runInProcess } from "../helpers/in-process.ts";
import { removeTempDirs, tempDir } from "../helpers/files.ts";

const FIXTURES = "test/replay/fixtures";
const fixture = (name: string) => join(FIXTURES, name);

afterAll(removeTempDirs);

describe("rekey conform --replay", () => {
  test("a test-proxy recording of a Maps answer with `id`: green with an undeclared-fields warning; an unmatched exchange is listed", async () => {
    const { code, stdout } = await runRekey(["conform", "--replay", fixture("maps-keys.testproxy")]);
    expect(code, stdout).toBe(0);
    expect(stdout).toContain("against replay test/replay/fixtures/maps-keys.testproxy (Azure SDK test-proxy recording)");
    expect(stdout).toMatch(/undeclared-fields +\/id +property "id" is not declared/);
    expect(stdout).toMatch(/1 skipped: matches no operation \(no operation has this path\): GET \/subscriptions\/[^ ]+\/accounts\/replaymaps\?api-version=2023-06-01/);
    expect(stdout).toMatch(/2 exchanges, \d+ checks: 1 passed \(1 with warnings\), 0 failed, 0 held back, 1 skipped, 1 warning/);
  });

  test("--strict fails the same recording on its warning", async () => {
    const { code } = await runInProcess(["conform", "--replay", fixture("maps-keys.testproxy"), "--strict"]);
    expect(code).toBe(1);
  });

  test("a vcr cassette without ARM's id headers: green, and the report says x-ms-request-id was not judged", async () => {
    const dir = tempDir("rekey-replay-");
    const [json, junit] = [join(dir, "r.json"), join(dir, "r.xml")];
    const { code, stdout } = await runInProcess(["conform", "--replay", fixture("batch-keys-renew.yaml"), "--report", `json:${json},junit:${junit}`]);
    expect(code, stdout).toBe(0);
    expect(stdout).toContain("(vcr cassette)");
    expect(stdout).toContain("1 not judged: x-ms-request-id: the recording's format drops it");
    expect(stdout).toMatch(/1 exchange, \d+ checks: 1 passed, 0 failed/);
    expect(JSON.parse(readFileSync(json, "utf8")).results[0].notJudged).toEqual(["x-ms-request-id: the recording's format drops it"]);
    expect(readFileSync(junit, "utf8")).toContain(`<property name="not-judged" value="x-ms-request-id: the recording's format drops it"/>`);
  });

  test("a HAR file whose answer is gzip (base64 in content.text) is decoded and judged green; a blocked entry is dropped", async () => {
    const { code, stdout } = await runInProcess(["conform", "--replay", fixture("maps-portal.har.json")]);
    expect(code, stdout).toBe(0);
    expect(stdout).toContain("(HAR file)");
    expect(stdout).toMatch(/1 exchange, \d+ checks: 1 passed, 0 failed/);
  });

  test("a recording that breaks the contract fails (exit 1), and no key or token from it reaches any report", async () => {
    const dir = tempDir("rekey-replay-");
    const [json, junit] = [join(dir, "r.json"), join(dir, "r.xml")];
    const { code, stdout, stderr } = await runRekey(["conform", "--replay", fixture("maps-broken.json"), "--verbose", "--report", `json:${json},junit:${junit}`]);
    expect(code, stdout).toBe(1);
    expect(stdout).toMatch(/schema +\/primaryKeyLastUpdated +\/primaryKeyLastUpdated must be string/);
    expect(stdout).toMatch(/error-contract +\/error\/code +error body has no \/error\/code/);
    expect(stdout).toContain(`"Authorization: Bearer $TOKEN"`);
    const recording = readFileSync(fixture("maps-broken.json"), "utf8");
    const secrets = [...new Set([...recording.matchAll(/"primaryKey": "([^"]+)"|"secondaryKey": "([^"]+)"|Bearer ([^"]+)"/g)].map((m) => m[1] ?? m[2] ?? m[3]))];
    expect(secrets).toHaveLength(3);
    const reports = [stdout, stderr, readFileSync(json, "utf8"), readFileSync(junit, "utf8")];
    for (const secret of secrets) for (const report of reports) expect(report).not.toContain(secret);
    expect(XMLValidator.validate(reports[3]!)).toBe(true);
    const parsed = JSON.parse(reports[2]!);
    expect(parsed.summary.target.kind).toBe("replay");
    expect(parsed.results[0].response.json.primaryKey).toBe("[REDACTED]");
    // the key an earlier answer carried is cut out of a later error message, which is otherwise shown
    expect(parsed.results[1].response.json.error.message).toBe("keyType tertiary is not valid; the primary key [REDACTED] is unchanged");
  });

  test("text from a recording cannot steer the terminal: escapes in headers, bodies and paths are shown escaped", async () => {
    const file = join(tempDir("rekey-replay-"), "hostile.json");
    const path = "/subscriptions/6d3f1c2b-9a4e-4f7d-8b21-3c5e7a9d0f12/resourceGroups/rg/providers/Microsoft.Maps/accounts/a/regenerateKey";
    writeFileSync(file, JSON.stringify({ Entries: [
      { RequestUri: `https://management.azure.com${path}?api-version=2026-12-01`, RequestMethod: "POST", RequestHeaders: { "Content-Type": "application/json", "x-ms-correlation-request-id": "c0ffee00-0000-4000-8000-000000000001" }, RequestBody: { keyType: "primary" },
        StatusCode: 400, ResponseHeaders: { "Content-Type": "application/json", "x-ms-correlation-request-id": "\u001b]0;owned\u0007", "x-ms-request-id": "r" }, ResponseBody: { error: { code: "\u001b[2J", message: "" } } },
      { RequestUri: "https://management.azure.com/\u001b[31m/x?api-version=1", RequestMethod: "GET", RequestHeaders: {}, RequestBody: null, StatusCode: 200, ResponseHeaders: {}, ResponseBody: null },
    ] }));
    const { code, stdout } = await runRekey(["conform", "--replay", file, "--verbose"]);
    expect(code).toBe(1);
    expect(stdout).toContain("x-ms-correlation-request-id does not echo the id sent");
    expect(stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
  });

  // The first refusal through a real process (exit code, streams), the others through the same main().
  test.each([
    ["plain text", "just some notes\nabout a run\n", "is not a recording: it holds no object at the top", runRekey],
    ["JSON of something else", `{"openapi": "3.1.0", "paths": {}}`, "is not a recording: it has no Entries, interactions or log.entries list", runInProcess],
    ["neither JSON nor YAML", "{ unclosed: [\n  - a\n", "is not a recording: it is neither JSON nor YAML", runInProcess],
  ])("a file that is no recording (%s) is one line and exit 2", async (_, content, message, run) => {
    const file = join(tempDir("rekey-replay-"), "recording.json");
    writeFileSync(file, content);
    const { code, stdout, stderr } = await run(["conform", "--replay", file]);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr.trim().split("\n")).toHaveLength(1);
    expect(stderr).toContain(message);
    expect(stderr).toContain("pass an Azure SDK test-proxy recording");
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  test("a folder, a malformed entry and a flag that sends requests are refused in one line, exit 2", async () => {
    const dir = tempDir("rekey-replay-");
    const folder = await runInProcess(["conform", "--replay", dir]);
    expect(folder.code).toBe(2);
    expect(folder.stderr).toMatch(/--replay: .* is a folder, not a file/);

    const file = join(dir, "bad.json");
    writeFileSync(file, JSON.stringify({ Entries: [{ RequestUri: "https://x/", RequestMethod: "GET", RequestHeaders: {}, StatusCode: "twohundred", ResponseHeaders: {} }] }));
    const malformed = await runInProcess(["conform", "--replay", file]);
    expect(malformed.code).toBe(2);
    expect(malformed.stderr.trim()).toMatch(/bad\.json#\/Entries\/0\/StatusCode: expected an HTTP status code, found a string/);

    const target = await runInProcess(["conform", "--replay", fixture("maps-keys.testproxy"), "--target", "live"]);
    expect(target.code).toBe(2);
    expect(target.stderr.trim()).toMatch(/--target: --target is for a run that sends requests; --replay sends none/);
  });
});
