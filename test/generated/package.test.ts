/**
 * The generated package as users get it: it type-checks, and its tarball (packed once per run: helpers/
 * packed-tarballs.ts) installs into an empty project with nothing but openapi-fetch, ships only what it should, and
 * types a strict consumer through its exports. That it installs and works from plain ESM JavaScript and from ESM and
 * CommonJS TypeScript, sending the request a spec's example documents, is the release verification's to show
 * (scripts/release/verify-tarball.ts, run by test/packaging/release-clients.test.ts).
 */
import { execFile } from "node:child_process";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { installOffline, tarballManifest } from "../../scripts/release/install-offline.ts";
import { createTypeCheck } from "../../scripts/release/type-check.ts";
import { REPO_ROOT } from "../helpers/cli.ts";
import { removeTempDirs, tempDir } from "../helpers/files.ts";
import { clientTarball } from "../helpers/packed-tarballs.ts";

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
    let tarball: string;
    let installed: string;

    beforeAll(async () => {
      tarball = await clientTarball();
      project = tempDir("rekey-consumer-");
      installed = await installOffline(project, tarball, { type: "module" });
    }, 180_000);

    it("ships the built dist/ and no sources, build script or build bookkeeping", () => {
      expect(readdirSync(installed).sort()).toEqual(["CHANGELOG.md", "README.md", "dist", "package.json"]);
      expect(existsSync(join(installed, "dist/index.js"))).toBe(true);
      expect(existsSync(join(installed, "dist/.source-hash"))).toBe(false);
    });

    it("depends on nothing but openapi-fetch", () => {
      expect(Object.keys(tarballManifest(tarball).dependencies ?? {})).toEqual(["openapi-fetch"]);
      // What npm put into node_modules (its record of the installed tree), not what the project asked for.
      const lock = JSON.parse(readFileSync(join(project, "node_modules/.package-lock.json"), "utf8")) as { packages: Record<string, unknown> };
      const names = Object.keys(lock.packages).filter((p) => p !== "").map((p) => p.replace(/^node_modules\//, ""));
      expect(names.sort()).toEqual(["@rekey/clients", "openapi-fetch", "openapi-typescript-helpers"]);
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
      expect(() => createTypeCheck()("TypeScript consumer", project)).not.toThrow();
    });
  });
});
