/**
 * A hostile target on 127.0.0.1 and what rekey shows of it. Secrets, deny by default: keys under names or shapes the
 * spec does not declare, the token as a property name or in a header, a key echoed in an error before a later answer
 * issued it, and a body that is not JSON never reach the console, report.json or the JUnit file, while the values the
 * spec declares (and does not mark secret) still do. One sanitiser: control characters in property names and values
 * never reach stdout raw, and no line starts with the target's text.
 */
import { readFileSync } from "node:fs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { conform } from "../../conformance/conform.ts";
import { formatLogLine } from "../../conformance/mock/request-log.ts";
import { combineReporters } from "../../conformance/reporters/combine-reporters.ts";
import { consoleReporter } from "../../conformance/reporters/console-reporter.ts";
import { jsonReporter } from "../../conformance/reporters/json-reporter.ts";
import { junitReporter } from "../../conformance/reporters/junit-reporter.ts";
import { successResponses } from "../../kernel/index.ts";
import { runRekey } from "../helpers/cli.ts";
import { removeTempDirs, tempDir } from "../helpers/files.ts";
import { productSpecs } from "../helpers/mock.ts";

const { docs, ajv } = await productSpecs();
afterAll(removeTempDirs);

type Answer = { status: number; headers?: Record<string, string>; body?: unknown; text?: string };

/** A target that answers its n-th request (1-based) with `answer(n)`, echoing the ids rekey sends. */
async function startHostileTarget(answer: (n: number) => Answer) {
  let count = 0;
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    req.resume();
    req.on("end", () => {
      const { status, headers = {}, body, text } = answer(++count);
      const echoed = {
        "x-ms-request-id": `req-${count}`,
        "x-ms-correlation-request-id": String(req.headers["x-ms-correlation-request-id"] ?? ""),
        "x-ms-client-request-id": String(req.headers["x-ms-client-request-id"] ?? ""),
      };
      const payload = text ?? (body === undefined ? "" : JSON.stringify(body));
      const type = text !== undefined ? "text/plain" : "application/json; charset=utf-8";
      res.writeHead(status, { ...echoed, ...(payload ? { "content-type": type } : {}), ...headers }).end(payload);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The pointer's steps; "*" stands for every item of an array. */
const steps = (path: string) => path.split("/").slice(1).map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"));

/** A copy of `body` with `value` at every place `path` (a shown or secret path, "*" for any array index) reaches. */
function withAt(body: unknown, path: string, value: unknown): unknown {
  const put = (node: unknown, [head, ...rest]: string[]): unknown => {
    if (head === undefined) return value;
    if (head === "*") return Array.isArray(node) ? node.map((item) => put(item, rest)) : node;
    if (!node || typeof node !== "object" || Array.isArray(node)) return node;
    const record = node as Record<string, unknown>;
    return rest.length && !(head in record) ? node : { ...record, [head]: put(record[head], rest) };
  };
  return put(body, steps(path));
}

/** The values at every place `path` reaches in `body`. */
function valuesAtPath(body: unknown, path: string): unknown[] {
  const read = (node: unknown, [head, ...rest]: string[]): unknown[] => {
    if (head === undefined) return [node];
    if (head === "*") return Array.isArray(node) ? node.flatMap((item) => read(item, rest)) : [];
    return node && typeof node === "object" && !Array.isArray(node) && head in node ? read((node as Record<string, unknown>)[head], rest) : [];
  };
  return read(body, steps(path));
}

/** Every operation whose documented success answer carries keys (x-ms-secret), with its documented example body. */
const subjects = docs.flatMap((doc) => doc.operations.flatMap((operation) => {
  const success = successResponses(operation).find((r) => r.secretPaths.length > 0);
  const example = operation.examples.map((e) => e.responses[success?.status ?? ""]?.body).find((b) => b && typeof b === "object");
  return success && example ? [{ id: `${doc.service}/${doc.apiVersion}/${operation.operationId}`, success, example: example as Record<string, unknown> }] : [];
}));

describe.each(subjects)("secrets, deny by default: $id", ({ id, success, example }) => {
  const tag = id.replace(/\W/g, "");
  const TOKEN = `hostile-token-${tag}-Q7v1`;
  const ISSUED_LATER = `issued-later-key-${tag}-a9Xw`;
  const UNDECLARED = `undeclared-v2-key-${tag}-m3Pz`;
  const IN_ARRAY = [`array-key-one-${tag}-K1`, `array-key-two-${tag}-K2`];
  const ROOT_ARRAY = [`root-array-key-${tag}-R1`, `root-array-key-${tag}-R2`];
  const IN_TEXT = `text-body-key-${tag}-T1`;
  const NESTED = `nested-key-${tag}-N1`;
  const leaks = [TOKEN, ISSUED_LATER, UNDECLARED, ...IN_ARRAY, ...ROOT_ARRAY, IN_TEXT, NESTED];
  /** The example's declared, non-secret strings (at the documented response's shown paths): still shown. */
  const declared = success.shownPaths.flatMap((path) => valuesAtPath(example, path).filter((v) => typeof v === "string").map((v) => [path, v] as const));
  const issued = success.secretPaths.reduce<unknown>((body, path) => withAt(body, path, ISSUED_LATER), example) as Record<string, unknown>;
  /** A declared field of the wrong type: the schema check quotes it, with what it holds. */
  const wrongType = declared.length
    ? withAt(issued, declared[0][0], { nested: NESTED, [TOKEN]: "x" })
    : { ...issued, extra: { nested: NESTED, [TOKEN]: "x" } };
  /** Names the documented answer does not declare (a schema that declares `keys` gets `keys_v2`). */
  const topLevel = new Set([...success.shownPaths, ...success.secretPaths].map((path) => steps(path)[0]));
  const undeclared = (name: string) => (topLevel.has(name) ? `${name}_v2` : name);
  const KEYS = undeclared("keys");
  const keysBody = {
    ...issued,
    primary_key_v2: UNDECLARED,
    [KEYS]: IN_ARRAY,
    [TOKEN]: "the token as a property name",
  };
  const reports = { console: "", json: "", junit: "" };

  beforeAll(async () => {
    const target = await startHostileTarget((n) =>
      n === 1 ? { status: 400, body: { error: { code: "KeyRejected", message: `the key ${ISSUED_LATER} was refused` } } }
      : n === 2 ? { status: Number(success.status), body: ROOT_ARRAY }
      : n === 3 ? { status: Number(success.status), text: `keys: ${IN_TEXT}` }
      : n === 4 ? { status: Number(success.status), body: wrongType }
      : { status: Number(success.status), headers: { "x-echo": `Bearer ${TOKEN}`, [TOKEN]: "a header named after the token" }, body: keysBody });
    const dir = tempDir();
    process.env.REKEY_HOSTILE_TOKEN = TOKEN;
    const reporter = combineReporters([
      consoleReporter({ stream: { write: (text: string) => (reports.console += text) }, verbose: true }),
      jsonReporter(join(dir, "report.json")),
      junitReporter(join(dir, "report.xml")),
    ]);
    try {
      const { summary } = await conform({ target: target.url, tokenEnv: "REKEY_HOSTILE_TOKEN", docs, ajv, only: [`${id}/**`], concurrency: 1, onEvent: (e) => reporter.onEvent(e) });
      expect(summary.exchanges - summary.heldBack - summary.skipped).toBeGreaterThanOrEqual(5);
      await reporter.close();
    } finally {
      await target.close();
    }
    reports.json = readFileSync(join(dir, "report.json"), "utf8");
    reports.junit = readFileSync(join(dir, "report.xml"), "utf8");
  });

  test("no report shows the token, a key under an undeclared name or shape, or one issued after it was echoed", () => {
    for (const [name, text] of Object.entries(reports)) expect(text.length, name).toBeGreaterThan(500);
    const shown = Object.fromEntries(Object.entries(reports).map(([name, text]) => [name, leaks.filter((secret) => text.includes(secret))]));
    expect(shown).toEqual({ console: [], json: [], junit: [] });
  });

  test("undeclared strings are shown by their shape; declared, non-secret values as they are", () => {
    const results = JSON.parse(reports.json).results as Array<{ response?: { json?: Record<string, unknown>; text: string } }>;
    const answered = results.map((r) => r.response).filter((r) => r !== undefined);
    const keys = answered.find((r) => r.json && "primary_key_v2" in r.json)!.json!;
    expect(keys.primary_key_v2).toBe(`<string, ${UNDECLARED.length} chars>`);
    expect(keys[KEYS]).toEqual(IN_ARRAY.map((k) => `<string, ${k.length} chars>`));
    for (const path of success.secretPaths) {
      expect(valuesAtPath(keys, path).length, path).toBeGreaterThan(0);
      for (const value of valuesAtPath(keys, path)) expect(value, path).toBe("[REDACTED]");
    }
    // Where the schema declares non-secret strings, the example has some, and they are shown as they are.
    if (success.shownPaths.length) expect(declared.length).toBeGreaterThan(0);
    for (const [path, value] of declared) expect(valuesAtPath(keys, path), path).toContain(value);
    expect(answered.some((r) => r.text === `<string, ${`keys: ${IN_TEXT}`.length} chars>`)).toBe(true);
    expect(reports.json).toContain("the key [REDACTED] was refused"); // declared error message, scrubbed at the end of the run
  });
});

describe("a partial report (the run stopped before its end)", () => {
  test("is scrubbed with every secret seen during the run, like the run-end results", async () => {
    const { id, success, example } = subjects[0]!;
    const ISSUED_LATER = "issued-later-partial-key-Zr51";
    const issued = success.secretPaths.reduce<unknown>((body, path) => withAt(body, path, ISSUED_LATER), example);
    const target = await startHostileTarget((n) => n === 1
      ? { status: 400, body: { error: { code: "KeyRejected", message: `the key ${ISSUED_LATER} was refused` } } }
      : { status: Number(success.status), body: issued });
    const file = join(tempDir(), "partial.json");
    const reporter = jsonReporter(file);
    let total = 0;
    let ended = 0;
    process.env.REKEY_HOSTILE_TOKEN = "hostile-partial-token-c0d4";
    const run = conform({
      target: target.url, tokenEnv: "REKEY_HOSTILE_TOKEN", docs, ajv, only: [`${id}/**`], concurrency: 1,
      // The last exchange's listener throws: the run rejects before run-end, with nothing left running.
      onEvent: (event) => {
        reporter.onEvent(event);
        if (event.type === "run-start") total = event.total;
        if (event.type === "exchange-end" && ++ended === total) throw new Error("a listener broke");
      },
    });
    await expect(run).rejects.toThrow("a listener broke");
    await target.close();
    await reporter.close();
    const text = readFileSync(file, "utf8");
    expect(JSON.parse(text).summary).toMatchObject({ exchanges: total, interrupted: true });
    expect(text).toContain("the key [REDACTED] was refused");
    expect(text).not.toContain(ISSUED_LATER);
  });
});

describe("one sanitiser for everything from a target", () => {
  const FORGED = "\n::error file=x.ts::forged by the target";
  const hostile = {
    "name\u001b[2J\u001b]52;c;ZXZpbA==\u0007": `value\u001b]52;c;ZXZpbA==\u0007${FORGED}`,
    [`cr\rover\u009b31m\u202eevil\u2028${FORGED}`]: 1,
  };
  let stdout = "";
  let junit = "";

  beforeAll(async () => {
    const { id, success, example } = subjects[0]!;
    const declared = Object.keys(example).find((name) => !success.secretPaths.includes(`/${name}`))!;
    // Undeclared names (undeclared-fields quotes them in its message) and a declared field of the wrong type (schema
    // quotes what it holds, for every exchange the target answers, sent as mutating or not).
    const body = { ...example, ...hostile, [declared]: hostile };
    const target = await startHostileTarget(() => ({ status: Number(success.status), body }));
    const dir = tempDir();
    try {
      process.env.REKEY_HOSTILE_TOKEN = "hostile-console-token-x81";
      const run = await runRekey(["conform", "--target", target.url, "--token-env", "REKEY_HOSTILE_TOKEN", "--only", `${id}/**`,
        "--verbose", "--report", `junit:${join(dir, "r.xml")}`]);
      expect(run.code, run.stderr).toBe(1);
      stdout = run.stdout;
      junit = readFileSync(join(dir, "r.xml"), "utf8");
    } finally {
      await target.close();
    }
  });

  const RAW = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

  test("no control character reaches stdout raw, and no line starts with the target's text", () => {
    expect(stdout).toMatch(/ schema /);
    expect(stdout).not.toMatch(RAW);
    for (const line of stdout.split("\n")) expect(line, line).not.toMatch(/^(::|cr|name|over|value)/);
    // shown, visibly escaped
    expect(stdout).toContain("name\\u001b[2J\\u001b]52;c;ZXZpbA==\\u0007");
    expect(stdout).toContain("\\u009b31m\\u202eevil\\u2028");
    expect(stdout).toContain("::error file=x.ts::forged by the target");
  });

  test("nor the mock's request log, where the client's method and URL are the foreign text", () => {
    const line = formatLogLine("POST", "/x\u001b]52;c;eA==\u0007\r\n::error::forged?key=k\u2028", 400, "InvalidResourceName", 1.25);
    expect(line).toBe("POST /x\\u001b]52;c;eA==\\u0007\\u000d\\u000a::error::forged?key=REDACTED 400 InvalidResourceName 1.3ms");
  });

  test("nor the JUnit file", () => {
    expect(junit).toContain("schema");
    expect(junit).not.toMatch(RAW);
    expect(junit).toContain("\\u009b31m\\u202eevil\\u2028");
  });
});
