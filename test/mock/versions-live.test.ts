/** `rekey versions --live` end to end against the mock's providers API, which answers from the specs (offline). */
import { describe, expect, it } from "vitest";
import { runRekey } from "../helpers/cli.ts";
import { runInProcess } from "../helpers/in-process.ts";
import { productDocs, startProductMock } from "../helpers/mock.ts";
import { specResourceTypes } from "../../generator/diff/resource-types.ts";

const args = (url: string, ...extra: string[]) =>
  ["versions", "--live", "--endpoint", url, "--subscription", "21a9967a-e8a9-4656-a70b-96ff1c4d05a0", "--token-env", "REKEY_MOCK_TOKEN", ...extra];
process.env.REKEY_MOCK_TOKEN = "versions-live-token";

describe("rekey versions --live against the mock", () => {
  it("is up to date when the mock offers exactly the specs' versions", async () => {
    const mock = await startProductMock();
    try {
      const result = await runRekey(args(mock.url, "--fail-on-new"));
      expect(result.stderr).toBe("");
      expect(result.code).toBe(0);
      const types = specResourceTypes(await productDocs());
      expect(result.stdout.trim().split("\n")).toHaveLength(types.length);
      for (const t of types) expect(result.stdout).toContain(`${t.namespace}/${t.resourceType} (${t.services.join(", ")}): specs ${t.apiVersions.join(", ")}; up to date`);
      expect(result.stdout).not.toContain("NEW");
    } finally {
      await mock.close();
    }
  });

  it("reports a newer stable version the mock is given that specs/ lacks, and --fail-on-new exits 1", async () => {
    const types = specResourceTypes(await productDocs());
    const type = types.find((t) => !t.resourceType.includes("/")) ?? types[0]; // the mock lists top-level types
    const newer = `${Number(type.apiVersions.at(-1)!.slice(0, 4)) + 1}-03-01`;
    const mock = await startProductMock({ state: { apiVersions: { [`${type.namespace}/${type.resourceType}`]: [newer, `${newer.slice(0, 4)}-09-01-preview`] } } });
    try {
      // The same command's main() in this process: the spawn above proved the process boundary.
      const result = await runInProcess(args(mock.url, "--fail-on-new"));
      expect(result.stdout).toContain(`${type.namespace}/${type.resourceType} (${type.services.join(", ")}): specs ${type.apiVersions.join(", ")}; ` +
        `NEW: Azure offers stable ${newer} with no spec yet — add specs/${type.services[0]}/${newer}`);
      expect(result.stdout).not.toContain("-09-01-preview with no spec");
      expect(result.code).toBe(1);
      expect(result.stdout + result.stderr).not.toContain("versions-live-token");
    } finally {
      await mock.close();
    }
  });
});
