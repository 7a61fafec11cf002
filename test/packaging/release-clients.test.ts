/**
 * `npm run release:clients` end to end: it packs generated/ into packs/, verifies the tarball in an empty project
 * (installed with `npm install --offline`: `npm ci` left openapi-fetch in the npm cache, so nothing leaves the
 * machine) and, with --publish --dry-run, hands the verified tarball to `npm publish` — against a registry stub on
 * 127.0.0.1, which must see the package looked up and nothing uploaded. A stale generated/ stops it before packing.
 * Broken tarballs (a file missing from dist/, a file the exports map names missing, declarations that do not
 * type-check) fail verification with one line and exit 2; they are made from the tarball the tests share
 * (helpers/packed-tarballs.ts). The run that packs into the repository's packs/ holds its lock.
 */
import { execFile } from "node:child_process";
import { appendFileSync, cpSync, existsSync, readFileSync, rmSync, symlinkSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REPO_ROOT } from "../helpers/cli.ts";
import { removeTempDirs, tempDir } from "../helpers/files.ts";
import { clientTarball, withRepoLock } from "../helpers/packed-tarballs.ts";

const run = promisify(execFile);
const version = (JSON.parse(readFileSync(join(REPO_ROOT, "generated/package.json"), "utf8")) as { version: string }).version;
const TARBALL = join(REPO_ROOT, "packs", `rekey-clients-${version}.tgz`);

interface Result { code: number; stdout: string; stderr: string }

async function release(args: string[], root = REPO_ROOT): Promise<Result> {
  const result = await run(process.execPath, ["--import", "tsx", join(root, "scripts/release-clients.ts"), ...args], { cwd: root, timeout: 240_000 })
    .then((r) => ({ code: 0, ...r }), (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }));
  return result;
}

/** A registry that knows no package: it records each request and answers 404, as the registry does for a new name. */
interface RegistryStub { url: string; requests: string[]; close(): Promise<void> }
async function startRegistryStub(): Promise<RegistryStub> {
  const requests: string[] = [];
  const server: Server = createServer((req, res) => {
    requests.push(`${req.method} ${req.url}`);
    req.resume().on("end", () => res.writeHead(404, { "content-type": "application/json" }).end('{"error":"Not found"}'));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** Unpacks the good tarball, breaks it with `edit`, packs it again. */
async function brokenCopy(name: string, edit: (packageDir: string) => void): Promise<string> {
  const dir = tempDir(`rekey-broken-${name}-`);
  await run("tar", ["-xzf", await clientTarball(), "-C", dir]);
  edit(join(dir, "package"));
  const broken = join(dir, `broken-${name}.tgz`);
  await run("tar", ["-czf", broken, "-C", dir, "package"]);
  return broken;
}

afterAll(removeTempDirs);

describe("npm run release:clients", () => {
  let registry: RegistryStub;
  beforeAll(async () => {
    registry = await startRegistryStub();
  });
  afterAll(() => registry?.close());

  it("packs, verifies from ESM and CommonJS-consuming TypeScript, then publishes as a dry run", async () => {
    const result = await withRepoLock("packs", async () => {
      rmSync(TARBALL, { force: true });
      const released = await release(["--publish", "--dry-run", "--registry", registry.url]);
      expect(existsSync(TARBALL)).toBe(true);
      return released;
    });
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`packs/rekey-clients-${version}.tgz: @rekey/clients ${version} installs into an empty project`);
    expect(result.stdout).toContain("from ESM JavaScript, TypeScript ESM, TypeScript CommonJS, TypeScript CommonJS (module commonjs)");
    expect(result.stdout).toContain(`dry run: would publish @rekey/clients ${version}`);
    // npm looked the package up on the registry it was given, and a dry run uploads nothing.
    expect(registry.requests.some((r) => r.startsWith("GET ") && r.includes("clients"))).toBe(true);
    expect(registry.requests.filter((r) => !r.startsWith("GET "))).toEqual([]);
  }, 240_000);

  it("fails verification, one line and exit 2, when a file of dist/ is missing", async () => {
    const broken = await brokenCopy("runtime", (pkg) => rmSync(join(pkg, "dist/runtime/index.js")));
    const result = await release(["--verify-only", broken]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(result.stderr).toMatch(/broken-runtime\.tgz failed verification: ESM JavaScript: .*ERR_MODULE_NOT_FOUND.*dist\/runtime\/index\.js/);
  }, 120_000);

  it("fails verification when a file the exports map names is not in the tarball", async () => {
    let removed = "";
    const broken = await brokenCopy("exports", (pkg) => {
      const manifest = JSON.parse(readFileSync(join(pkg, "package.json"), "utf8")) as { exports: Record<string, { default: string } | string> };
      const last = Object.values(manifest.exports).filter((t) => typeof t === "object").at(-1) as { default: string };
      removed = last.default;
      rmSync(join(pkg, removed));
    });
    const result = await release(["--verify-only", broken]);
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(result.stderr).toContain(`failed verification: exports: 1 file(s) named by the exports map, types or typesVersions are not in the tarball, e.g. ${removed}`);
  }, 120_000);

  it("fails verification when the package's declarations do not type-check under strict settings", async () => {
    const broken = await brokenCopy("types", (pkg) => appendFileSync(join(pkg, "dist/runtime/index.d.ts"), "\nexport declare const broken: NotAType;\n"));
    const result = await release(["--verify-only", broken]);
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(result.stderr).toMatch(/failed verification: TypeScript ESM \(tsc\): .*Cannot find name 'NotAType'/);
  }, 120_000);

  it("refuses to pack, let alone publish, when generated/ is stale", async () => {
    // A copy of the repository (its node_modules linked) whose generated/ has a line written by hand.
    const copy = tempDir("rekey-stale-");
    cpSync(REPO_ROOT, copy, { recursive: true, filter: (src) => !/[/\\](node_modules|packs|\.git)$/.test(src) });
    symlinkSync(join(REPO_ROOT, "node_modules"), join(copy, "node_modules"), "dir");
    expect((await run(process.execPath, [join(copy, "cli/rekey.js"), "generate", "--check"], { cwd: copy })).stdout).toContain("generated/ is current");
    appendFileSync(join(copy, "generated/README.md"), "\nedited by hand\n");
    const before = registry.requests.length;
    const result = await release(["--publish", "--dry-run", "--registry", registry.url], copy);
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(result.stderr).toMatch(/^release:clients: generated\/ is stale \(run `npm run generate` and commit\): generated\/ is not what the specs generate/);
    expect(existsSync(join(copy, "packs"))).toBe(false);
    expect(registry.requests.length).toBe(before);
  }, 180_000);

  it("refuses flags it does not know, and publishing a tarball it did not build", async () => {
    for (const args of [["--bogus"], ["--verify-only", TARBALL, "--publish"], ["--dry-run"], ["--publish", "--registry", "not a url"]]) {
      const result = await release(args);
      expect(result.code, args.join(" ")).toBe(2);
      expect(result.stderr.trim().split("\n"), args.join(" ")).toHaveLength(1);
      expect(result.stderr, args.join(" ")).not.toMatch(/\n\s+at /);
    }
  }, 120_000);
});
