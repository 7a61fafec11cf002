/** `rekey conform` as a user runs it: exit codes, the summary, a failing fault run, reports, and one-line usage errors. */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { XMLValidator } from "fast-xml-parser";
import { describe, expect, test, vi } from "vitest";
import { runRekey } from "../helpers/cli.ts";
import { startProductMock } from "../helpers/mock.ts";

const MAPS = "maps/2026-12-01/**";

describe("rekey conform", () => {
  test("a green run exits 0 with a summary table and a final line", async () => {
    const dir = mkdtempSync(join(tmpdir(), "rekey-cli-conform-"));
    const { code, stdout } = await runRekey(["conform", "--only", MAPS, "--report", `junit:${join(dir, "j.xml")},json:${join(dir, "r.json")}`]);
    expect(code, stdout).toBe(0);
    expect(stdout).toMatch(/maps\/2026-12-01\/Accounts_RegenerateKeys +24 +24 +0 +0 +0/);
    expect(stdout).toMatch(/24 exchanges, \d+ checks: 24 passed, 0 failed/);
    expect(XMLValidator.validate(readFileSync(join(dir, "j.xml"), "utf8"))).toBe(true);
    expect(JSON.parse(readFileSync(join(dir, "r.json"), "utf8")).summary.passed).toBe(24);
  });

  test("a fault run exits 1 naming the check, the exchange and a curl without the token", async () => {
    const { code, stdout } = await runRekey(["conform", "--only", MAPS, "--fault", "wrong-type"]);
    expect(code).toBe(1);
    expect(stdout).toContain("✗ maps/2026-12-01/Accounts_RegenerateKeys/example/Regenerate Key");
    expect(stdout).toMatch(/schema +\/\w+ +\/\w+ must be string/);
    expect(stdout).toContain(`curl -sS -i -X POST`);
    expect(stdout).toContain(`"Authorization: Bearer $TOKEN"`);
    expect(stdout).not.toMatch(/\x1b\[/); // NO_COLOR (set by runRekey) and not a TTY
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
  ])("usage error %j → exit 2, one line", async (args, message) => {
    const { code, stdout, stderr } = await runRekey(["conform", ...args]);
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
      const base = ["conform", "--target", mock.url, "--token-env", "REKEY_CLI_URL_TOKEN", "--only", MAPS];
      const readOnly = await runRekey(base);
      expect(readOnly.code, readOnly.stderr).toBe(0);
      expect(readOnly.stdout).toContain(`against url ${mock.url} (read-only)`);
      expect(readOnly.stdout).toMatch(/^\d+ held back: rotates a key behind the target URL, which may be real Azure; pass --allow-mutations to send it$/m);

      const config = join(dir, "config.json");
      writeFileSync(config, JSON.stringify({ subscription: "00000000-0000-0000-0000-000000000000", resources: { maps: { resourceGroupName: "myResourceGroup", accountName: "myMapsAccount" } } }));
      const named = await runRekey([...base, "--config", config, "--allow-mutations"]);
      expect(named.code, named.stdout).toBe(0);
      expect(named.stdout).toMatch(/24 exchanges, \d+ checks: 24 passed, 0 failed, 0 held back/);

      writeFileSync(config, JSON.stringify({ cloud: "china" }));
      const cloud = await runRekey([...base, "--config", config]);
      expect([cloud.code, cloud.stderr.trim()]).toEqual([2, expect.stringMatching(/config\.json#\/cloud: cloud is for --target live/)]);
    } finally {
      vi.unstubAllEnvs();
      await mock.close();
    }
  });

  test("--list prints the exchange ids; --list-checks the registry", async () => {
    const list = await runRekey(["conform", "--list", "--only", MAPS]);
    expect(list.stdout.trim().split("\n")).toHaveLength(24);
    expect(list.stdout).toContain("maps/2026-12-01/Accounts_RegenerateKeys/negative/body.keyType.enum\t");
    const checks = await runRekey(["conform", "--list-checks"]);
    expect(checks.stdout).toMatch(/^rotation +failure +regenerating changes exactly the selected key/m);
    expect(checks.stdout).toMatch(/^undeclared-fields +warning +a documented success body/m);
  });
});
