/**
 * The mock's start-up cache: a second start from the same specs reads build/mock-<hash>/ instead of parsing and
 * compiling, and answers exactly as a start from the specs does; a changed spec is a different cache.
 */
import { describe, expect, it } from "vitest";
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startMock, type RunningMock } from "../../conformance/mock/start-mock.ts";
import { REPO_ROOT } from "../helpers/cli.ts";

const BATCH = "/subscriptions/subid/resourceGroups/default-azurebatch-japaneast/providers/Microsoft.Batch/batchAccounts/sampleacct/regenerateKeys?api-version=2024-02-01";

async function answers(mock: RunningMock) {
  const post = (path: string, body: string) => fetch(mock.url + path, { method: "POST", headers: { authorization: "Bearer t", "content-type": "application/json" }, body })
    .then(async (r) => ({ status: r.status, body: await r.json() }));
  const ok = await post(BATCH, '{"keyName":"Primary"}');
  const badBody = await post(BATCH, '{"keyName":"Tertiary"}');
  const badName = await post(BATCH.replace("sampleacct", "bad_name"), '{"keyName":"Primary"}');
  return { ok: { status: ok.status, keys: Object.keys(ok.body).sort() }, badBody, badName };
}

describe("mock start-up cache", () => {
  it("a second start reads the cache and answers as the first did; a changed spec misses it", async () => {
    const specs = mkdtempSync(join(tmpdir(), "rekey-cache-specs-"));
    cpSync(join(REPO_ROOT, "specs"), specs, { recursive: true });
    const spec = join(specs, "batch/2024-02-01/openapi.yaml");
    writeFileSync(spec, `${readFileSync(spec, "utf8")}# ${specs}\n`); // specs no earlier run has cached
    const first = await startMock({ specsDir: specs });
    const fromSpecs = await answers(first);
    await first.close(); // waits for the cache write
    expect(first.loadedFrom).toBe("specs");
    const second = await startMock({ specsDir: specs });
    try {
      expect(second.loadedFrom).toBe("cache");
      expect(await answers(second)).toEqual(fromSpecs);
      expect(fromSpecs.badBody.body.error.target).toBe("keyName");
      expect(fromSpecs.badName.body.error.target).toBe("accountName");
    } finally {
      await second.close();
    }
    writeFileSync(spec, readFileSync(spec, "utf8").replace("pattern: '^[a-zA-Z0-9]+$'", () => "pattern: '^[a-zA-Z0-9_]+$'"));
    const changed = await startMock({ specsDir: specs });
    try {
      expect(changed.loadedFrom).toBe("specs");
      expect((await answers(changed)).badName.status).toBe(404); // bad_name now passes the pattern; no such account
    } finally {
      await changed.close();
    }
  });
});
