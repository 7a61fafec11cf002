/**
 * Endpoints that answer badly cannot take the runner down: a body that never ends or a Content-Length of 1 GiB
 * fails that exchange on transport, naming the body limit and the flag that raises it, and the run goes on to write
 * its reports; so does JSON nested deeper than the checks and reports can walk; a body dripped slowly is cut at
 * --timeout. Each endpoint is a real server on 127.0.0.1.
 */
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { XMLValidator } from "fast-xml-parser";
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import { conform } from "../../conformance/conform.ts";
import { runRekey } from "../helpers/cli.ts";
import { startHostileAnswerServer, type HostileAnswer } from "../helpers/hostile-answer-server.ts";
import { productSpecs } from "../helpers/mock.ts";
import { pickOperation, readOnlyExchanges } from "../helpers/picked-operation.ts";

const { docs, ajv } = await productSpecs();
// One operation from specs/ with exchanges a read-only run sends (those that cannot change anything; the rest are held
// back), among them the request without a token.
const isAuthMissing = (id: string) => id.endsWith("/negative/auth.missing");
const picked = await pickOperation("sent in part by a read-only run", ({ exchanges }) =>
  readOnlyExchanges(exchanges).length > 0 && exchanges.some((e) => isAuthMissing(e.id)));
const ONLY = picked.only;
const SENT = readOnlyExchanges(picked.exchanges).length;
const AUTH_MISSING = picked.exchanges.find((e) => isAuthMissing(e.id))!.id;
const LIMIT_MESSAGE = /over the 4 MiB body limit; if the endpoint is right to send that much, raise it with --max-body-bytes/;

beforeAll(() => vi.stubEnv("REKEY_HOSTILE_TOKEN", "hostile-answers-token"));
afterAll(() => vi.unstubAllEnvs());

// Every run has its own server, and most of a run is waiting on one (or on the spawned command): the tests overlap.
async function withServer<T>(answer: HostileAnswer, run: (url: string) => Promise<T>): Promise<T> {
  const server = await startHostileAnswerServer(answer);
  try {
    return await run(server.url);
  } finally {
    await server.close();
  }
}

/** `rekey conform` against the server, with a JSON and a JUnit report; what the reports say. */
async function conformCli(answer: HostileAnswer) {
  const dir = mkdtempSync(join(tmpdir(), "rekey-hostile-"));
  const [json, junit] = [join(dir, "r.json"), join(dir, "j.xml")];
  const run = await withServer(answer, (url) => runRekey(["conform", "--target", url, "--token-env", "REKEY_HOSTILE_TOKEN",
    "--only", ONLY, "--concurrency", "2", "--timeout", "120000", "--report", `json:${json},junit:${junit}`]));
  return { ...run, report: JSON.parse(readFileSync(json, "utf8")), junit: readFileSync(junit, "utf8") };
}

describe.concurrent("the runner's body limit", () => {
  test.each<[string, HostileAnswer, RegExp]>([
    ["a body that never ends", { kind: "endless" }, /^no answer: its body ran over the 4 MiB body limit/],
    ["a Content-Length of 1 GiB", { kind: "declared", bytes: 2 ** 30 }, /^no answer: its Content-Length \(1073741824 bytes\) is over the 4 MiB body limit/],
  ])("%s fails each exchange on transport, and the run still writes its reports", async (_name, answer, message) => {
    const { code, stderr, report, junit } = await conformCli(answer);
    expect(code, stderr).toBe(1);
    expect(stderr).not.toMatch(/crashed|ERR_STRING_TOO_LONG/);
    expect(report.summary.exchanges).toBe(picked.exchanges.length);
    const sent = report.results.filter((r: { outcome: string }) => r.outcome !== "held-back");
    expect(sent.length).toBe(SENT);
    for (const result of sent) {
      expect(result.outcome).toBe("failed");
      expect(result.failures.map((f: { check: string }) => f.check)).toEqual(["transport"]);
      expect(result.failures[0].message).toMatch(message);
      expect(result.failures[0].message).toMatch(LIMIT_MESSAGE);
      expect(result.attempts).toBe(1); // an oversized answer is not retried
    }
    expect(XMLValidator.validate(junit)).toBe(true);
    expect(junit).toMatch(/4 MiB body limit/);
  }, 120_000);

  test("maxBodyBytes (--max-body-bytes) raises the limit: a 5 MiB answer is read whole", async () => {
    const fiveMiB = 5 * 1024 * 1024;
    const { results } = await withServer({ kind: "json", bytes: fiveMiB }, async (url) => {
      const below = await conform({ target: url, tokenEnv: "REKEY_HOSTILE_TOKEN", docs, ajv, only: [ONLY], retries: 0 });
      const sent = below.results.filter((r) => r.outcome !== "held-back");
      expect(sent.length).toBe(SENT);
      for (const r of sent) expect(r.failures[0].message).toMatch(LIMIT_MESSAGE);
      return conform({ target: url, tokenEnv: "REKEY_HOSTILE_TOKEN", docs, ajv, only: [ONLY], retries: 0, maxBodyBytes: 6 * 1024 * 1024 });
    });
    const sent = results.filter((r) => r.outcome !== "held-back");
    expect(sent.length).toBe(SENT);
    for (const r of sent) {
      expect(r.failures.filter((f) => f.check === "transport")).toEqual([]);
      // The undeclared padding is shown by its shape (deny by default), which still tells it was read whole.
      const padding = fiveMiB - '{"padding":""}'.length;
      expect(r.response!.json).toEqual({ padding: `<string, ${padding} chars>` });
    }
  });
});

describe.concurrent("JSON nesting", () => {
  test("an answer nested 10 000 levels deep fails that exchange on transport, and the run still writes its reports", async () => {
    const { code, stderr, report, junit } = await conformCli({ kind: "nested", depth: 10_000 });
    expect(code, stderr).toBe(1);
    expect(stderr).not.toMatch(/crashed|call stack/);
    const sent = report.results.filter((r: { outcome: string }) => r.outcome !== "held-back");
    expect(sent.length).toBe(SENT);
    for (const result of sent) {
      expect(result.failures).toEqual([expect.objectContaining({ check: "transport", message: "no answer: its JSON body nests deeper than 100 levels, the runner's limit (ARM's answers nest a few)" })]);
    }
    expect(XMLValidator.validate(junit)).toBe(true);
  }, 120_000);

  test("100 levels are read as they are", async () => {
    const { results } = await withServer({ kind: "nested", depth: 100 }, (url) =>
      conform({ target: url, tokenEnv: "REKEY_HOSTILE_TOKEN", docs, ajv, only: [AUTH_MISSING], retries: 0 }));
    expect(results[0].failures.filter((f) => f.check === "transport")).toEqual([]);
    expect(results[0].response!.text).toHaveLength(200);
  });
});

// Alone, after the others: a head held up by their work on this event loop would be a different transport failure.
describe("--timeout", () => {
  test("cuts a body dripped a byte at a time, even though the head came at once", async () => {
    const { results } = await withServer({ kind: "drip", everyMs: 20 }, (url) =>
      conform({ target: url, tokenEnv: "REKEY_HOSTILE_TOKEN", docs, ajv, only: [AUTH_MISSING], retries: 0, timeoutMs: 400 }));
    expect(results).toHaveLength(1);
    expect(results[0].failures).toEqual([expect.objectContaining({ check: "transport", message: "no answer: answer body not complete within 400 ms" })]);
  });
});
