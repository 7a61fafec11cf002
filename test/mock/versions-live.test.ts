/** `rekey versions --live` end to end against the mock's providers API, which answers from the specs (offline). */
import { describe, expect, it } from "vitest";
import { runRekey } from "../helpers/cli.ts";
import { startProductMock } from "../helpers/mock.ts";

const live = (url: string, ...extra: string[]) =>
  runRekey(["versions", "--live", "--endpoint", url, "--subscription", "21a9967a-e8a9-4656-a70b-96ff1c4d05a0", "--token-env", "REKEY_MOCK_TOKEN", ...extra]);
process.env.REKEY_MOCK_TOKEN = "versions-live-token";

describe("rekey versions --live against the mock", () => {
  it("is up to date when the mock offers exactly the specs' versions", async () => {
    const mock = await startProductMock();
    try {
      const result = await live(mock.url, "--fail-on-new");
      expect(result.stderr).toBe("");
      expect(result.code).toBe(0);
      expect(result.stdout.trim().split("\n")).toHaveLength(3);
      expect(result.stdout).not.toContain("NEW");
    } finally {
      await mock.close();
    }
  });

  it("reports a newer stable version the mock is given that specs/ lacks, and --fail-on-new exits 1", async () => {
    const mock = await startProductMock({ state: { apiVersions: { "Microsoft.Maps/accounts": ["2027-03-01", "2027-09-01-preview"] } } });
    try {
      const result = await live(mock.url, "--fail-on-new");
      expect(result.stdout).toContain("Microsoft.Maps/accounts (maps): specs 2023-06-01, 2026-12-01; NEW: Azure offers stable 2027-03-01 with no spec yet — add specs/maps/2027-03-01");
      expect(result.stdout).not.toContain("2027-09-01-preview with no spec");
      expect(result.code).toBe(1);
      expect(result.stdout + result.stderr).not.toContain("versions-live-token");
    } finally {
      await mock.close();
    }
  });
});
