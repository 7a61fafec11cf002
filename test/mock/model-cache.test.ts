/**
 * The mock's start-up cache: a second start from the same specs reads build/mock-<hash>/ instead of parsing and
 * compiling, and answers exactly as a start from the specs does; a changed spec is a different cache.
 */
import { describe, expect, it } from "vitest";
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseDocument } from "yaml";
import type { CompiledExchange } from "../../conformance/exchange.ts";
import { startMock, type RunningMock } from "../../conformance/mock/start-mock.ts";
import { tokens } from "../../kernel/index.ts";
import { REPO_ROOT } from "../helpers/cli.ts";
import { isBodyEnumNegative, pickOperation } from "../helpers/picked-operation.ts";

// An operation from specs/ with a documented answer body, a body enum and a path name pattern the mock enforces.
const isPathPattern = (e: CompiledExchange) => e.kind === "negative" && /\/negative\/path\.[^/]+\.pattern$/.test(e.id) && !e.title.includes("unavoidably");
const picked = await pickOperation("with a body enum and a path pattern", ({ exchanges }) =>
  exchanges.some((e) => e.kind === "example") && exchanges.some(isBodyEnumNegative) && exchanges.some(isPathPattern));
const [example, enumNegative, patternNegative] = [(e: CompiledExchange) => e.kind === "example", isBodyEnumNegative, isPathPattern]
  .map((predicate) => picked.exchanges.find(predicate)!);
/** The field or parameter an exchange's id says it breaks: …/negative/body.keyName.enum → keyName. */
const broken = (e: CompiledExchange) => e.id.split("/").at(-1)!.split(".").slice(1, -1).join(".");

async function answers(mock: RunningMock) {
  const send = ({ request }: CompiledExchange) => fetch(mock.url + request.url, { method: request.method, headers: { authorization: "Bearer t", ...request.headers }, body: request.body })
    .then(async (r) => ({ status: r.status, body: await r.json() }));
  const ok = await send(example);
  const badBody = await send(enumNegative);
  const badName = await send(patternNegative);
  return { ok: { status: ok.status, keys: Object.keys(ok.body).sort() }, badBody, badName };
}

describe("mock start-up cache", () => {
  it("a second start reads the cache and answers as the first did; a changed spec misses it", async () => {
    const specs = mkdtempSync(join(tmpdir(), "rekey-cache-specs-"));
    cpSync(join(REPO_ROOT, "specs"), specs, { recursive: true });
    const spec = join(specs, picked.doc.service, picked.doc.apiVersion, "openapi.yaml");
    writeFileSync(spec, `${readFileSync(spec, "utf8")}# ${specs}\n`); // specs no earlier run has cached
    const first = await startMock({ specsDir: specs });
    const fromSpecs = await answers(first);
    await first.close(); // waits for the cache write
    expect(first.loadedFrom).toBe("specs");
    const second = await startMock({ specsDir: specs });
    try {
      expect(second.loadedFrom).toBe("cache");
      expect(await answers(second)).toEqual(fromSpecs);
      expect(fromSpecs.ok.status).toBeLessThan(300);
      expect(fromSpecs.badBody.body.error.target).toBe(broken(enumNegative));
      expect(fromSpecs.badName.body.error.target).toBe(broken(patternNegative));
    } finally {
      await second.close();
    }
    // The spec without the pattern the bad name breaks (the exchange's source points at it).
    const edited = parseDocument(readFileSync(spec, "utf8"));
    const pointer = patternNegative.source.split("#")[1];
    expect(edited.hasIn(tokens(pointer))).toBe(true);
    edited.deleteIn(tokens(pointer));
    writeFileSync(spec, edited.toString());
    const changed = await startMock({ specsDir: specs });
    try {
      expect(changed.loadedFrom).toBe("specs");
      expect((await answers(changed)).badName.status).toBe(404); // the bad name now passes; no such resource
    } finally {
      await changed.close();
    }
  });
});
