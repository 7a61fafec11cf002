/**
 * The generated package as users get it: it type-checks, and `npm pack` yields a tarball that installs into an
 * empty project and works from plain JavaScript and from TypeScript, depending on nothing but openapi-fetch.
 */
import { execFile } from "node:child_process";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REPO_ROOT } from "../helpers/cli.ts";
import { removeTempDirs, tempDir } from "../helpers/files.ts";
import { type RecordingServer, startRecordingServer } from "../helpers/recording-server.ts";

const run = promisify(execFile);
const TSC = join(REPO_ROOT, "node_modules/typescript/bin/tsc");

afterAll(removeTempDirs);

describe("generated package", () => {
  it("type-checks (tsc --noEmit over generated/)", async () => {
    const result = await run(process.execPath, [TSC, "--noEmit", "-p", join(REPO_ROOT, "generated/tsconfig.json")]).catch((e) => e);
    expect(result.stdout).toBe("");
    expect(result.code ?? 0).toBe(0);
  });

  describe("packed and installed into an empty project", () => {
    let project: string;
    let server: RecordingServer;

    beforeAll(async () => {
      server = await startRecordingServer();
      project = tempDir("rekey-consumer-");
      const { stdout } = await run("npm", ["pack", join(REPO_ROOT, "generated"), "--pack-destination", project, "--silent"], { cwd: project });
      const tarball = stdout.trim().split("\n").at(-1)!;
      writeFileSync(join(project, "package.json"), JSON.stringify({ name: "consumer", private: true, type: "module" }));
      await run("npm", ["install", "--prefer-offline", "--no-audit", "--no-fund", "--silent", join(project, tarball)], { cwd: project });
    }, 180_000);

    afterAll(() => server?.close());

    it("ships the built dist/ and no sources, build script or build bookkeeping", () => {
      const installed = join(project, "node_modules/@rekey/clients");
      expect(readdirSync(installed).sort()).toEqual(["CHANGELOG.md", "README.md", "dist", "package.json"]);
      expect(existsSync(join(installed, "dist/index.js"))).toBe(true);
      expect(existsSync(join(installed, "dist/.source-hash"))).toBe(false);
    });

    it("depends on nothing but openapi-fetch", () => {
      const lock = JSON.parse(readFileSync(join(project, "package-lock.json"), "utf8"));
      const installed = Object.keys(lock.packages).filter((p) => p !== "").map((p) => p.replace(/^node_modules\//, ""));
      expect(installed.sort()).toEqual(["@rekey/clients", "openapi-fetch", "openapi-typescript-helpers"]);
    });

    it("works from plain ESM JavaScript", async () => {
      writeFileSync(join(project, "call.mjs"), [
        'import { createBatchClient } from "@rekey/clients/batch";',
        "const client = createBatchClient({ credential: 'js-token', subscriptionId: '12345678-1234-1234-1234-123456789012', endpoint: process.env.ENDPOINT });",
        "const keys = await client.batchAccount.regenerateKey({ resourceGroupName: 'rg', accountName: 'sampleacct', body: { keyName: 'Secondary' } });",
        "console.log(JSON.stringify(keys));",
      ].join("\n"));
      server.respond({ status: 200, body: { accountName: "sampleacct", primary: "AAAA==", secondary: "CCCC==" } });
      const { stdout } = await run(process.execPath, ["call.mjs"], { cwd: project, env: { ...process.env, ENDPOINT: server.url } });
      expect(JSON.parse(stdout)).toEqual({ accountName: "sampleacct", primary: "AAAA==", secondary: "CCCC==" });
      const request = server.requests.at(-1)!;
      expect(request.path).toBe("/subscriptions/12345678-1234-1234-1234-123456789012/resourceGroups/rg/providers/Microsoft.Batch/batchAccounts/sampleacct/regenerateKeys");
      expect(request.headers.authorization).toBe("Bearer js-token");
      expect(JSON.parse(request.body)).toEqual({ keyName: "Secondary" });
    });

    it("type-checks from TypeScript through the package's exports", async () => {
      writeFileSync(join(project, "tsconfig.json"), JSON.stringify({
        compilerOptions: { module: "NodeNext", moduleResolution: "NodeNext", target: "ES2022", strict: true, noEmit: true, lib: ["ES2022", "DOM"] },
        files: ["call.ts"],
      }));
      writeFileSync(join(project, "call.ts"), [
        'import { createMapsClient, type AccountsRegenerateKeysResult } from "@rekey/clients/maps/2023-06-01";',
        'import { isRekeyError, RekeyResponseTooLargeError, RekeyThrottledError } from "@rekey/clients";',
        "const client = createMapsClient({ credential: async () => 't', subscriptionId: 's', timeoutMs: 30_000, maxResponseBytes: 65_536, retry: { maxRetryAfterInMs: 10_000 } });",
        "export async function rotate(): Promise<string | undefined> {",
        "  try {",
        "    const keys: AccountsRegenerateKeysResult = await client.accounts.regenerateKeys({ resourceGroupName: 'rg', accountName: 'a', body: { keyType: 'primary' } });",
        "    return keys.primaryKey;",
        "  } catch (e) {",
        "    if (e instanceof RekeyThrottledError) return `retry in ${e.retryAfterMs} ms (${e.requestId})`;",
        "    if (e instanceof RekeyResponseTooLargeError) return `${e.status} over ${e.maxResponseBytes} bytes`;",
        "    if (isRekeyError(e)) return e.code;",
        "    throw e;",
        "  }",
        "}",
        "// @ts-expect-error keyType is a closed union in the types",
        "client.accounts.regenerateKeys({ resourceGroupName: 'rg', accountName: 'a', body: { keyType: 'tertiary' } });",
      ].join("\n"));
      const result = await run(process.execPath, [TSC, "-p", project]).catch((e) => e);
      expect(result.stdout).toBe("");
      expect(result.code ?? 0).toBe(0);
    });
  });
});
