/**
 * The README's "When Azure ships a new api-version" procedure, end to end on a temp copy of specs/: a spec folder
 * (the first service's default api-version, taken from the specs listing) is copied to a new api-version and made to
 * say so; then lint, diff, generate into a copy of generated/ (a minor release appended to the record, the service's
 * entry point moved), the generated client called over real HTTP against `rekey mock` started on that tree, step 1
 * (`rekey versions --live` over the repository's specs, with that mock playing Azure) and `rekey conform` on the new
 * tree — all through the real CLI with --specs and --out.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync, symlinkSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clientNames, type DocumentModel, loadSpecs } from "../kernel/index.ts";
import { REPO_ROOT, runRekey } from "./helpers/cli.ts";
import { copyTree, removeTempDirs, tempDir } from "./helpers/files.ts";
import { defaultApiVersion, services, specFolders } from "./helpers/repo-specs.ts";
import { copyAsApiVersion } from "../scripts/synthetic-specs.ts";

const service = services()[0];
const previous = defaultApiVersion(service);
const newest = specFolders().map((f) => f.apiVersion).sort().at(-1)!;
const apiVersion = `${Number(newest.slice(0, 4)) + 1}-01-01`; // after every api-version specs/ holds
const root = tempDir("rekey-e2e-");
const specs = copyTree(join(REPO_ROOT, "specs"), join(root, "specs"));
const out = copyTree(join(REPO_ROOT, "generated"), join(root, "generated"));
const folder = join(specs, service, apiVersion);
const committed = JSON.parse(readFileSync(join(REPO_ROOT, "generated/package.json"), "utf8")) as { version: string };

/** Step 2 and 3: copy the previous api-version and make it say the new one (info.version, the examples' api-version). */
const newApiVersionFolder = () => copyAsApiVersion(join(specs, service, previous), folder, apiVersion);

const minorAfter = (version: string) => {
  const [major, minor] = version.split(".").map(Number);
  return `${major}.${minor + 1}.0`;
};

let doc: DocumentModel;
let mock: ChildProcess | undefined;
let mockUrl = "";
let mockLog = "";

beforeAll(async () => {
  newApiVersionFolder();
  doc = (await loadSpecs(specs)).docs.find((d) => d.service === service && d.apiVersion === apiVersion)!;
  symlinkSync(join(REPO_ROOT, "node_modules"), join(root, "node_modules")); // the package's one dependency, openapi-fetch
});

afterAll(async () => {
  if (mock && mock.exitCode === null) {
    const exited = new Promise((resolve) => mock!.once("exit", resolve));
    mock.kill("SIGTERM");
    await exited;
  }
  removeTempDirs();
});

describe(`a new api-version: ${service} ${previous} copied to ${apiVersion}`, () => {
  it("4. lints, and diffs against the previous api-version with no change", async () => {
    const lint = await runRekey(["lint", "--specs", specs]);
    expect(lint.stderr).toBe("");
    expect(lint.code).toBe(0);
    expect(lint.stdout).toMatch(new RegExp(`^${specFolders().length + 1} document\\(s\\)`));
    const diff = await runRekey(["diff", join(specs, service, previous), folder, "--fail-on", "breaking"]);
    expect(diff.stdout).toBe(`${service} ${previous} → ${apiVersion}: 0 breaking, 0 non-breaking change(s)\n`);
    expect(diff.code).toBe(0);
  });

  it("5. generates: a new entry point, the service's entry point moves to it, a minor release appended", async () => {
    const result = await runRekey(["generate", "--specs", specs, "--out", out]);
    expect(result.stderr).toBe(""); // no warning: the copy says its api-version everywhere it must
    expect(result.code).toBe(0);
    const pkg = JSON.parse(readFileSync(join(out, "package.json"), "utf8")) as { version: string; exports: Record<string, unknown> };
    expect(pkg.version).toBe(minorAfter(committed.version));
    expect(pkg.exports[`./${service}/${apiVersion}`]).toEqual({
      types: `./dist/${service}/${apiVersion}/index.d.ts`, default: `./dist/${service}/${apiVersion}/index.js`,
    });
    const changelog = readFileSync(join(out, "CHANGELOG.md"), "utf8");
    expect(changelog).toContain(`\n## ${pkg.version} — ${service} ${apiVersion}\n\nNew entry point \`@rekey/clients/${service}/${apiVersion}\`; ` +
      `\`@rekey/clients/${service}\` now exports it (was ${previous}).`);
    expect(changelog).toContain(readFileSync(join(REPO_ROOT, "generated/CHANGELOG.md"), "utf8").split("\n## ").slice(1).join("\n## ")); // nothing renumbered
    expect(readFileSync(join(out, `src/${service}/index.ts`), "utf8")).toContain(`from "./${apiVersion}/index.js"`);
    expect((await runRekey(["generate", "--check", "--specs", specs, "--out", out])).code).toBe(0);
  });

  it("serves the new api-version from `rekey mock --specs`, and the generated client calls it over HTTP", async () => {
    mock = spawn(process.execPath, [join(REPO_ROOT, "cli/rekey.js"), "mock", "--specs", specs, "--port", "0"], { stdio: ["ignore", "pipe", "pipe"] });
    mockUrl = await new Promise<string>((resolve, reject) => {
      mock!.stdout!.setEncoding("utf8").on("data", (chunk: string) => {
        mockLog += chunk;
        if (!mockUrl && mockLog.includes("\n")) resolve(mockLog.slice(0, mockLog.indexOf("\n")));
      });
      mock!.once("exit", (code) => reject(new Error(`rekey mock exited with ${code}`)));
    });
    expect(mockUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);

    const entry = await import(pathToFileURL(join(out, `dist/${service}/${apiVersion}/index.js`)).href) as Record<string, any>;
    expect(entry.API_VERSION).toBe(apiVersion);
    for (const op of doc.operations) {
      const values = op.examples[0].parameters;
      const clientLevel = Object.fromEntries(op.parameters.filter((p) => p.binding === "client").map((p) => [p.clientName, values[p.name]]));
      const client = entry[clientNames(doc).factoryName]({ credential: "e2e-token", endpoint: mockUrl, ...clientLevel });
      const parameters: Record<string, unknown> = Object.fromEntries(op.parameters.filter((p) => p.binding === "method").map((p) => [p.clientName, values[p.name]]));
      if (op.requestBody) parameters.body = values[op.requestBody.name];
      await client[op.group][op.methodName](parameters);
    }
    await expect.poll(() => mockLog.split("\n").filter((line) => line.includes(`api-version=${apiVersion}`) && / 2\d\d /.test(line)).length)
      .toBe(doc.operations.length);
  });

  it("1. `rekey versions --live` against that mock, playing Azure, names the api-version the repository's specs lack", async () => {
    process.env.REKEY_E2E_TOKEN = "e2e-versions-token";
    const result = await runRekey(["versions", "--live", "--endpoint", mockUrl, "--subscription", "00000000-0000-0000-0000-000000000000",
      "--token-env", "REKEY_E2E_TOKEN", "--fail-on-new"]);
    expect(result.stdout).toContain(`NEW: Azure offers stable ${apiVersion} with no spec yet — add specs/${service}/${apiVersion}\n`);
    expect(result.code).toBe(1);
  });

  it("6. passes a conformance run of the new api-version against the mock on that tree", async () => {
    const report = join(root, "conformance.json");
    const result = await runRekey(["conform", "--specs", specs, "--only", `${service}/${apiVersion}/**`, "--quiet", "--report", `json:${report}`]);
    expect(result.stderr).toMatch(/^json report: .*conformance\.json\n$/); // where the report went, and nothing else
    expect(result.code).toBe(0);
    const { results } = JSON.parse(readFileSync(report, "utf8")) as { results: Array<{ exchange: { id: string }; outcome: string }> };
    expect(results.length).toBeGreaterThan(doc.operations.length * 8); // examples, negatives and any rotation scenarios
    expect(results.filter((r) => !r.exchange.id.startsWith(`${service}/${apiVersion}/`) || r.outcome !== "passed")).toEqual([]);
  });
});
