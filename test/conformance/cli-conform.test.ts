/**
 * `rekey conform` as a user runs it: exit codes, the summary, a failing fault run, reports, and one-line usage errors.
 * Each exit code and what reaches the streams are proven on a spawned command; further inputs run the same main() in
 * process (a spawn loads and lints the specs cold, about a second each).
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { XMLValidator } from "fast-xml-parser";
import { describe, expect, test, vi } from "vitest";
import { runRekey } from "../helpers/cli.ts";
import { runInProcess } from "../helpers/in-process.ts";
import { exampleResources } from "../helpers/example-resources.ts";
import { productDocs, startProductMock } from "../helpers/mock.ts";
import { bodySelectedOperation, escapeRegExp, isBodyEnumNegative, readOnlyExchanges } from "../helpers/picked-operation.ts";

// One operation picked from specs/ by what these tests need: a key chosen in the body, so it has a body enum negative.
const picked = await bodySelectedOperation();
const docs = await productDocs();
const ONLY = picked.only;
const TOTAL = picked.exchanges.length;
const example = picked.exchanges.find((e) => e.kind === "example")!;
const enumNegative = picked.exchanges.find(isBodyEnumNegative)!;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

describe("rekey conform", () => {
  test("a green run exits 0 with a summary table and a final line", async () => {
    const dir = mkdtempSync(join(tmpdir(), "rekey-cli-conform-"));
    const { code, stdout } = await runRekey(["conform", "--only", ONLY, "--report", `junit:${join(dir, "j.xml")},json:${join(dir, "r.json")}`]);
    expect(code, stdout).toBe(0);
    expect(TOTAL).toBeGreaterThan(0);
    expect(stdout).toMatch(new RegExp(`${escapeRegExp(picked.key)} +${TOTAL} +${TOTAL} +0 +0 +0`));
    expect(stdout).toMatch(new RegExp(`${TOTAL} exchanges, \\d+ checks: ${TOTAL} passed, 0 failed`));
    expect(XMLValidator.validate(readFileSync(join(dir, "j.xml"), "utf8"))).toBe(true);
    expect(JSON.parse(readFileSync(join(dir, "r.json"), "utf8")).summary.passed).toBe(TOTAL);
  });

  test("a fault run exits 1 naming the check, the exchange and a curl without the token", async () => {
    const { code, stdout } = await runRekey(["conform", "--only", ONLY, "--fault", "wrong-type"]);
    expect(code).toBe(1);
    expect(stdout).toContain(`✗ ${example.id}`);
    expect(stdout).toMatch(/schema +\/\w+ +\/\w+ must be \w+/); // the fault turns a documented field to the wrong JSON type
    expect(stdout).toContain(`curl -sS -i -X POST`);
    expect(stdout).toContain(`"Authorization: Bearer $TOKEN"`);
    expect(stdout).not.toMatch(/\x1b\[/); // NO_COLOR (set by runRekey) and not a TTY
  });

  test("a usage error through a real process: exit 2, one line on stderr, nothing on stdout", async () => {
    const { code, stdout, stderr } = await runRekey(["conform", "--target", "ftp://x"]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^error: --target: "ftp:\/\/x" must be an http\(s\) URL/);
    expect(stderr.trim().split("\n")).toHaveLength(1);
    expect(stderr).not.toMatch(/\n\s+at /);
    expect(stdout).toBe("");
  });

  test.each([
    [["--target", "ftp://x"], /--target: "ftp:\/\/x" must be an http\(s\) URL/],
    [["--only", "nothing/*"], /--only: "nothing\/\*" matches no exchange/],
    [["--checks", "schema,nope"], /--checks: unknown check "nope"/],
    [["--fault", "nope"], /--fault: unknown fault "nope"/],
    [["--fault", "delay:99999999999"], /--fault: "delay:99999999999" is beyond the longest delay, 2147483647 ms/],
    [["--report", "xml:out.xml"], /--report: unknown report format "xml"/],
    [["--subscription", "x"], /--subscription: --subscription is for --target live or a URL target/],
    [["--allow-mutations"], /--allow-mutations: --allow-mutations is for --target live or a URL target/],
    [["--target", "http://127.0.0.1:9", "--subscription", "x"], /--subscription: "x" is not a subscription id/],
    [["--target", "http://127.0.0.1:9", "--endpoint", "https://example.com"], /--endpoint: --endpoint is for --target live/],
    [["--target", "live", "--subscription", "00000000-0000-0000-0000-000000000000", "--insecure-tls"], /--insecure-tls: a live target's certificate is always checked/],
    [["--target", "live"], /--subscription: --target live needs your subscription/],
    [["--concurrency", "many"], /--concurrency: "many" is not a whole number/],
    [["--timeout", "99999999999"], /--timeout: "99999999999" is not a whole number from 1 to 2147483647/],
    [["--max-body-bytes", "0"], /--max-body-bytes: "0" is not a whole number from 1 to \d+/],
    [["--lro-timeout", "0"], /--lro-timeout: "0" is not a whole number from 1 to 2147483647/],
    [["--target", "https://127.0.0.1:1", "--lro-duration", "5"], /--lro-duration: --lro-duration sets the embedded mock's operations/],
  ])("usage error %j → exit 2, one line", async (args, message) => {
    const { code, stdout, stderr } = await runInProcess(["conform", ...args]);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
    expect(stderr.trim().split("\n")).toHaveLength(1);
    expect(stderr).not.toMatch(/\n\s+at /);
    expect(stdout).toBe("");
  });

  test("a URL target is read-only unless told otherwise, and takes --config to name what it may rotate", async () => {
    const mock = await startProductMock();
    vi.stubEnv("REKEY_CLI_URL_TOKEN", "cli-url-token");
    try {
      const dir = mkdtempSync(join(tmpdir(), "rekey-cli-url-"));
      const base = ["conform", "--target", mock.url, "--token-env", "REKEY_CLI_URL_TOKEN", "--only", ONLY];
      const readOnly = await runInProcess(base);
      expect(readOnly.code, readOnly.stderr).toBe(0);
      expect(readOnly.stdout).toContain(`against url ${mock.url} (read-only)`);
      const heldBack = TOTAL - readOnlyExchanges(picked.exchanges).length;
      expect(heldBack).toBeGreaterThan(0);
      expect(readOnly.stdout).toMatch(new RegExp(`${TOTAL} exchanges, \\d+ checks: ${TOTAL - heldBack} passed, 0 failed, ${heldBack} held back`));
      expect(readOnly.stdout).toMatch(/^\d+ held back: rotates a key behind the target URL, which may be real Azure; pass --allow-mutations to send it$/m);

      const config = join(dir, "config.json");
      // The resource the operation's first example addresses (the one the mock holds), named in the config as a user
      // names their own: its subscription as `subscription` when it is a UUID, else among the resource's values.
      const { [picked.operation.armPath!.subscriptionParameter]: subscription, ...names } = exampleResources(docs)[picked.key];
      const named = UUID.test(subscription) ? { subscription, resources: { [picked.key]: names } }
        : { resources: { [picked.key]: { ...names, [picked.operation.armPath!.subscriptionParameter]: subscription } } };
      writeFileSync(config, JSON.stringify(named));
      const allowed = await runInProcess([...base, "--config", config, "--allow-mutations"]);
      expect(allowed.code, allowed.stdout).toBe(0);
      expect(allowed.stdout).toMatch(new RegExp(`${TOTAL} exchanges, \\d+ checks: ${TOTAL} passed, 0 failed, 0 held back`));

      writeFileSync(config, JSON.stringify({ cloud: "china" }));
      const cloud = await runInProcess([...base, "--config", config]);
      expect([cloud.code, cloud.stderr.trim()]).toEqual([2, expect.stringMatching(/config\.json#\/cloud: cloud is for --target live/)]);
    } finally {
      vi.unstubAllEnvs();
      await mock.close();
    }
  });

  test("a URL target whose certificate is not trusted fails each exchange with a one-line hint; --ca fixes it", async () => {
    const dir = mkdtempSync(join(tmpdir(), "rekey-cli-tls-"));
    const ca = join(dir, "ca.pem");
    const mock = await startProductMock({ tls: true, caOut: ca });
    vi.stubEnv("REKEY_CLI_TLS_TOKEN", "cli-tls-token");
    try {
      const base = ["conform", "--target", mock.url, "--token-env", "REKEY_CLI_TLS_TOKEN", "--only", ONLY, "--retries", "0"];
      const untrusted = await runInProcess(base);
      // Exit 1 as for any failed exchange: the endpoint is reachable, this run does not trust it.
      expect(untrusted.code).toBe(1);
      const hinted = untrusted.stdout.split("\n").filter((line) => line.includes("NODE_EXTRA_CA_CERTS=<ca.pem>"));
      expect(hinted.length).toBeGreaterThan(0);
      for (const line of hinted) expect(line).toMatch(/(UNABLE_TO_VERIFY_LEAF_SIGNATURE|SELF_SIGNED_CERT_IN_CHAIN|DEPTH_ZERO_SELF_SIGNED_CERT|UNABLE_TO_GET_ISSUER_CERT_LOCALLY): .* — the server's certificate is not trusted: pass its CA certificate with --ca <ca\.pem>/);
      const trusted = await runInProcess([...base, "--ca", ca]);
      expect(trusted.code, trusted.stdout).toBe(0);
      expect(trusted.stdout).not.toContain("NODE_EXTRA_CA_CERTS");
    } finally {
      vi.unstubAllEnvs();
      await mock.close();
    }
  });

  test("--list prints the exchange ids; --list-checks the registry", async () => {
    const list = await runInProcess(["conform", "--list", "--only", ONLY]);
    expect(list.stdout.trim().split("\n").map((line) => line.split("\t")[0])).toEqual(picked.exchanges.map((e) => e.id));
    expect(list.stdout).toContain(`${enumNegative.id}\t`);
    const checks = await runInProcess(["conform", "--list-checks"]);
    expect(checks.stdout).toMatch(/^rotation +failure +regenerating changes exactly the selected key/m);
    expect(checks.stdout).toMatch(/^undeclared-fields +warning +a documented success body/m);
  });
});
