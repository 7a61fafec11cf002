/**
 * An operation whose header parameters are all optional: openapi-typescript then types the whole `header` group as
 * optional, and the client's parameter types must still index into it. The widgets fixture gains one optional
 * method-located header; the generated package type-checks and the header reaches the wire as given.
 */
import { execFile } from "node:child_process";
import { readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, expect, it } from "vitest";
import { REPO_ROOT } from "../helpers/cli.ts";
import { copyTree, removeTempDirs, tempDir } from "../helpers/files.ts";
import { generateInto } from "../helpers/generation-cache.ts";
import { type RecordingServer, startRecordingServer } from "../helpers/recording-server.ts";

const run = promisify(execFile);
const FIXTURE = fileURLToPath(new URL("./fixtures", import.meta.url));

const withOptionalHeader = (text: string) => text.replace(
  "        - $ref: '#/components/parameters/ApiVersionParameter'\n",
  [
    "        - $ref: '#/components/parameters/ApiVersionParameter'",
    "        - name: x-ms-client-request-id",
    "          in: header",
    "          required: false",
    "          x-ms-client-name: clientRequestId",
    "          description: A client-generated GUID that identifies this request.",
    "          schema: { type: string, format: uuid }",
    "",
  ].join("\n"));

let out: string;
let generated: { code: number; stderr: string };

beforeAll(async () => {
  const specs = copyTree(FIXTURE, join(tempDir(), "specs"));
  const spec = join(specs, "widgets/2024-01-01/openapi.yaml");
  const edited = withOptionalHeader(readFileSync(spec, "utf8"));
  expect(edited).toContain("x-ms-client-request-id");
  writeFileSync(spec, edited);
  out = join(tempDir(), "generated");
  generated = await generateInto(specs, out);
  if (generated.code === 0) symlinkSync(join(REPO_ROOT, "node_modules"), join(out, "node_modules"), "dir");
}, 120_000);

afterAll(removeTempDirs);

it("types a parameter of an all-optional header group so that the package compiles", async () => {
  expect(generated.code, generated.stderr).toBe(0);
  const client = readFileSync(join(out, "src/widgets/2024-01-01/client.ts"), "utf8");
  expect(client).toMatch(/clientRequestId\?: NonNullable<operations\["Widgets_RegenerateKey"\]\["parameters"\]\["header"\]>\["x-ms-client-request-id"\]/);
  const tsc = await run(process.execPath, [join(REPO_ROOT, "node_modules/typescript/bin/tsc"), "--noEmit", "-p", join(out, "tsconfig.json")])
    .then(() => ({ code: 0, stdout: "" }), (e: { code: number; stdout: string }) => e);
  expect(tsc.stdout).toBe("");
  expect(tsc.code).toBe(0);
}, 120_000);

it("sends the optional header as given, and the runtime's own request id when it is left out", async () => {
  expect(generated.code, generated.stderr).toBe(0);
  const server: RecordingServer = await startRecordingServer();
  try {
    server.respond({ status: 200, body: { primaryKey: "a" } }, { status: 200, body: { primaryKey: "b" } });
    const script = [
      "const { createWidgetsClient } = await import(process.env.CLIENT);",
      "const client = createWidgetsClient({ credential: 'token', subscriptionId: 'sub1', endpoint: process.env.ENDPOINT });",
      "const [group] = Object.keys(client).filter((k) => k !== 'raw');",
      "await client[group].regenerateKey({ widgetName: 'abc', body: { keyName: 'primary' }, clientRequestId: '00000000-0000-0000-0000-000000000001' });",
      "await client[group].regenerateKey({ widgetName: 'abc', body: { keyName: 'primary' } });",
    ].join("\n");
    await run(process.execPath, ["--input-type=module", "-e", script], {
      env: { ...process.env, CLIENT: pathToFileURL(join(out, "dist/widgets/2024-01-01/index.js")).href, ENDPOINT: server.url },
    });
    const [given, left] = server.requests.map((r) => r.headers["x-ms-client-request-id"]);
    expect(given).toBe("00000000-0000-0000-0000-000000000001");
    // Left out, the runtime's own request id stands in its place.
    expect(left).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  } finally {
    await server.close();
  }
}, 120_000);
