/** `rekey mock` as a user runs it: URL first on stdout, one redacted log line per request, clean exit on SIGTERM/SIGINT. */
import { describe, expect, it } from "vitest";
import { spawn } from "node:child_process";
import { once } from "node:events";
import { fileURLToPath } from "node:url";
import { requestFromParameters } from "../../conformance/example-request.ts";
import { keyValue } from "../../kernel/index.ts";
import { REPO_ROOT, runRekey } from "../helpers/cli.ts";
import { runInProcess } from "../helpers/in-process.ts";
import { operationsUnderTest } from "../helpers/mock.ts";
import { escapeRegExp } from "../helpers/picked-operation.ts";

const REKEY = fileURLToPath(new URL("../../cli/rekey.js", import.meta.url));

function startCli(args: string[]) {
  const child = spawn(process.execPath, [REKEY, "mock", ...args], { cwd: REPO_ROOT, env: { ...process.env, NO_COLOR: "1" } });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (d) => (stdout += d));
  child.stderr.on("data", (d) => (stderr += d));
  const firstLine = new Promise<string>((resolve, reject) => {
    child.stdout.on("data", () => {
      if (stdout.includes("\n")) resolve(stdout.split("\n")[0]);
    });
    child.on("exit", (code) => reject(new Error(`exited ${code}: ${stderr}`)));
  });
  /** Resolves once stdout matches (a log line is written after the answer, so the answer alone does not mean it is there). */
  const printed = (pattern: RegExp) => new Promise<void>((resolve, reject) => {
    const look = () => pattern.test(stdout) && resolve();
    look();
    child.stdout.on("data", look);
    child.on("exit", (code) => reject(new Error(`exited ${code} before printing ${pattern}: ${stdout}`)));
  });
  return { child, firstLine, printed, output: () => ({ stdout, stderr }) };
}

describe("rekey mock", () => {
  it("prints the base URL first, logs each request without the token, and exits 0 on SIGTERM", async () => {
    const cli = startCli(["--port", "0"]);
    const url = await cli.firstLine;
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const token = "cli-secret-token-5b7c";
    // The first example, from specs/, of an operation that answers with the keys it rotates.
    const { operation, values } = (await operationsUnderTest()).find(({ operation }) =>
      operation.rotation !== undefined && !operation.rotation.readBack && Object.values(operation.rotation.keys).every((where) => where.value))!;
    const request = requestFromParameters(operation, values);
    const answer = await fetch(url + request.url, { method: request.method, headers: { authorization: `Bearer ${token}`, ...request.headers }, body: request.body });
    expect(answer.ok).toBe(true);
    const body = await answer.json();
    const keys = Object.values(operation.rotation!.keys).map((where) => keyValue(where, "value", body));
    for (const key of keys) expect(key).toEqual(expect.any(String));
    await cli.printed(new RegExp(`\\n${request.method} ${escapeRegExp(request.url)} ${answer.status} [\\d.]+ms\\n`));
    cli.child.kill("SIGTERM");
    const [code] = await once(cli.child, "close");
    expect(code).toBe(0);
    const { stdout } = cli.output();
    expect(stdout).not.toContain(token);
    for (const key of keys) expect(stdout).not.toContain(key);
  });

  it("--tls --ca-out writes the CA and serves https; SIGINT stops it", async () => {
    const { mkdtempSync, readFileSync } = await import("node:fs");
    const { join } = await import("node:path");
    const { tmpdir } = await import("node:os");
    const ca = join(mkdtempSync(join(tmpdir(), "rekey-cli-tls-")), "ca.pem");
    const cli = startCli(["--tls", "--ca-out", ca, "--quiet"]);
    expect(await cli.firstLine).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    expect(readFileSync(ca, "utf8")).toMatch(/^-----BEGIN CERTIFICATE-----/);
    cli.child.kill("SIGINT");
    const [code, signal] = await once(cli.child, "close");
    expect({ code, signal, stderr: cli.output().stderr }).toEqual({ code: 0, signal: null, stderr: expect.any(String) });
  });

  it("--tls-cert/--tls-key serve the given certificate", async () => {
    const { mkdtempSync, writeFileSync } = await import("node:fs");
    const { join } = await import("node:path");
    const { tmpdir } = await import("node:os");
    const { request } = await import("node:https");
    const { createTlsMaterial } = await import("../../conformance/mock/tls.ts");
    const material = await createTlsMaterial();
    const dir = mkdtempSync(join(tmpdir(), "rekey-cli-cert-"));
    writeFileSync(join(dir, "cert.pem"), material.cert);
    writeFileSync(join(dir, "key.pem"), material.key);
    const cli = startCli(["--tls-cert", join(dir, "cert.pem"), "--tls-key", join(dir, "key.pem"), "--quiet"]);
    const url = await cli.firstLine;
    expect(url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    const status = await new Promise<number>((resolve, reject) => {
      request(`${url}/_rekey/state`, { ca: material.ca }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      }).on("error", reject).end();
    });
    expect(status).toBe(200);
    cli.child.kill("SIGTERM");
    expect((await once(cli.child, "exit"))[0]).toBe(0);
  });

  // The first refusal through a real process (exit code, streams), the others through the same main() in process.
  it.each([
    [["--fault", "nope"], /^error: --fault: unknown fault "nope" — use one of wrong-success-status, /],
    [["--fault", "delay:99999999999"], /^error: --fault: "delay:99999999999" is beyond the longest delay, 2147483647 ms \(about 24\.8 days\) — give delay:MS /],
    [["--fault", "delay:soon"], /^error: --fault: "delay:soon" is not a delay in milliseconds — give delay:MS /],
    [["--latency", "99999999999"], /^error: --latency: "99999999999" is not a delay — give whole milliseconds from 0 to 2147483647/],
    [["--port", "http"], /^error: --port: "http" is not a whole number/],
    [["--state", "no-such-file.json"], /^error: no-such-file\.json: the state file does not exist/],
    [["--tls-cert", "x.pem"], /^error: --tls-key: --tls-cert and --tls-key go together/],
    [["--ca-out", "ca.pem"], /^error: --ca-out: there is no generated CA certificate to write/],
  ])("bad input %j: one line, exit 2", async (args, message) => {
    const result = await (args[1] === "nope" ? runRekey : runInProcess)(["mock", ...args]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(result.stdout).toBe("");
  });

  it("--list-faults names every fault", async () => {
    const result = await runInProcess(["mock", "--list-faults"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^wrong-success-status\s+success answered/m);
    expect(result.stdout).toMatch(/^rotate-both\s/m);
  });
});
