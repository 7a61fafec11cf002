/**
 * Versions only move forward: generated/package.json's version and CHANGELOG.md are an append-only record
 * (releases.json). Each rule on a temp specs tree of the widgets fixture, through the real CLI: a new entry point is
 * minor, a breaking change reaching the default entry point major, a removed entry point major, a back-filled older
 * api-version appends a release and renumbers nothing, a hand edit of a past release is refused (exit 2, nothing
 * written), and a bump changes the version module, not every bundle.
 *
 * The CLI's main() runs in process (the compiler loads once per file); the real command is spawned where its exit
 * code and streams are the point: a refusal, a warning on success, and `--check`. The generations every test starts
 * from (the fixture, and the fixture with widgets 2024-06-01) are made once and copied.
 */
import { readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type CliResult, runRekey } from "../helpers/cli.ts";
import { runInProcess } from "../helpers/in-process.ts";
import { copyTree, removeTempDirs, tempDir, treeHash } from "../helpers/files.ts";
import { listFiles } from "../../generator/manifest.ts";

afterAll(removeTempDirs);

const FIXTURES = fileURLToPath(new URL("./fixtures/", import.meta.url));
let specs: string;
let out: string;

interface Generated {
  specs: string;
  out: string;
}
/** The fixture generated, and the fixture with widgets 2024-06-01 generated after it: 0.1.0 and 0.2.0. */
let first: Generated;
let second: Generated;

/** Specs and output of a fresh temp folder: copies of `from`'s, or the fixture and no output yet. */
function startFrom(from?: Generated): void {
  const dir = tempDir();
  specs = copyTree(from?.specs ?? FIXTURES, join(dir, "specs"));
  out = join(dir, "generated");
  if (from) copyTree(from.out, out);
}

beforeAll(async () => {
  startFrom();
  await generate();
  first = { specs, out };
  startFrom(first);
  addVersion("2024-06-01");
  await generate();
  second = { specs, out };
});

beforeEach(() => startFrom());

/** A copy of widgets 2024-01-01 as `apiVersion`, its own text and examples saying so; `edit` changes the spec. */
function addVersion(apiVersion: string, edit: (text: string) => string = (t) => t, service = "widgets"): void {
  const folder = copyTree(join(FIXTURES, "widgets/2024-01-01"), join(specs, service, apiVersion));
  const spec = join(folder, "openapi.yaml");
  writeFileSync(spec, edit(readFileSync(spec, "utf8").replace("version: '2024-01-01'", `version: '${apiVersion}'`)));
  const example = join(folder, "examples/Regenerate.json");
  writeFileSync(example, readFileSync(example, "utf8").replace('"api-version": "2024-01-01"', `"api-version": "${apiVersion}"`));
}

async function generate(): Promise<void> {
  const result = await runInProcess(["generate", "--specs", specs, "--out", out]);
  expect(result.stderr).toBe("");
  expect(result.code).toBe(0);
}

const read = (path: string) => readFileSync(join(out, path), "utf8");
const version = () => (JSON.parse(read("package.json")) as { version: string }).version;
const headings = () => read("CHANGELOG.md").split("\n").filter((line) => line.startsWith("## "));
const snapshot = () => new Map(listFiles(out).map((path) => [path, read(path)]));
const changedFiles = (before: Map<string, string>) => [...snapshot()].filter(([path, text]) => before.get(path) !== text).map(([path]) => path).sort();
/** A constraint on the widget name that the older api-versions do not have: breaking for their clients. */
const tightened = (text: string) => text.replace("maxLength: 24", "maxLength: 12");

describe("the package version moves forward only", () => {
  it("a new api-version is minor; a breaking change reaching @rekey/clients/<service> is major", async () => {
    startFrom(first);
    expect(version()).toBe("0.1.0");
    startFrom(second);
    expect(version()).toBe("0.2.0");
    addVersion("2024-09-01", tightened);
    await generate();
    expect(version()).toBe("1.0.0");
    expect(headings()).toEqual(["## 1.0.0 — widgets 2024-09-01", "## 0.2.0 — widgets 2024-06-01", "## 0.1.0 — widgets 2024-01-01"]);
    expect(read("CHANGELOG.md")).toContain("`request-max-lowered`");
  });

  it("a breaking preview is minor (the default entry point stays), and a new service is minor", async () => {
    startFrom(first);
    addVersion("2024-06-01-preview", tightened);
    addVersion("2024-03-01", (t) => t, "gadgets");
    await generate();
    expect(headings()).toEqual(["## 0.3.0 — widgets 2024-06-01-preview (preview)", "## 0.2.0 — gadgets 2024-03-01", "## 0.1.0 — widgets 2024-01-01"]);
    expect(read("CHANGELOG.md")).toContain("New service: `@rekey/clients/gadgets/2024-03-01`");
  });

  it("an api-version older than those released is appended as the next release: nothing is renumbered", async () => {
    addVersion("2024-06-01", tightened);
    await generate();
    expect(version()).toBe("1.0.0");
    const published = read("CHANGELOG.md").slice(read("CHANGELOG.md").indexOf("## "));
    const defaultIndex = read("src/widgets/index.ts");

    addVersion("2023-06-01");
    await generate();
    expect(version()).toBe("1.1.0");
    expect(headings()).toEqual(["## 1.1.0 — widgets 2023-06-01", "## 1.0.0 — widgets 2024-06-01", "## 0.1.0 — widgets 2024-01-01"]);
    expect(read("CHANGELOG.md")).toContain(`\n${published}`); // the published sections, byte for byte
    expect(read("CHANGELOG.md")).toContain("New entry point `@rekey/clients/widgets/2023-06-01`, older than the service's other api-versions; " +
      "`@rekey/clients/widgets` still exports 2024-06-01.");
    expect(read("src/widgets/index.ts")).toBe(defaultIndex);
  });

  it("a removed entry point is major, and re-adding it later is a new minor release", async () => {
    startFrom(second);
    rmSync(join(specs, "widgets/2024-06-01"), { recursive: true });
    await generate();
    expect(version()).toBe("1.0.0");
    expect(headings()[0]).toBe("## 1.0.0 — widgets 2024-06-01 (removed)");
    expect(read("CHANGELOG.md")).toContain("`@rekey/clients/widgets` now exports 2024-01-01 (was 2024-06-01).");
    addVersion("2024-06-01");
    await generate();
    expect(headings()[0]).toBe("## 1.1.0 — widgets 2024-06-01");
  });

  it("a generation that changes nothing keeps the version and the record byte for byte", async () => {
    startFrom(second);
    const before = treeHash(out);
    await generate();
    expect(treeHash(out)).toBe(before);
    const check = await runRekey(["generate", "--check", "--specs", specs, "--out", out]);
    expect(check.stderr).toBe("");
    expect(check.code).toBe(0);
  });

  it("a bump rewrites the version module, not the bundles of the entry points already out", async () => {
    startFrom(second);
    const before = snapshot();
    addVersion("2023-06-01"); // back-filled: the default entry point stays where it is
    await generate();
    const changed = changedFiles(before).filter((path) => !path.includes("/2023-06-01/"));
    expect(changed).toEqual([
      "CHANGELOG.md", "README.md", "dist/package-info.d.ts", "dist/package-info.js", "package.json", "rekey-manifest.json",
      "releases.json", "src/package-info.ts",
    ]);
    expect(read("dist/widgets/2024-06-01/index.js")).toMatch(/from "\.\.\/\.\.\/package-info\.js"/);
  });
});

describe("a past release is never edited", () => {
  /** `run`: in process, or the real command for one of the cases (its exit code and stderr are the point). */
  const refused = async (pattern: RegExp, run: (args: string[]) => Promise<CliResult> = runInProcess) => {
    const before = treeHash(out);
    for (const args of [["generate"], ["generate", "--check"]]) {
      const result = await run([...args, "--specs", specs, "--out", out]);
      expect(result.code).toBe(2);
      expect(result.stderr.trim().split("\n")).toHaveLength(1);
      expect(result.stderr).toMatch(pattern);
      expect(result.stderr).not.toMatch(/\n\s+at /); // no stack
    }
    expect(treeHash(out)).toBe(before);
  };

  beforeEach(() => startFrom(second));

  it("in CHANGELOG.md: refused with one line naming the release, and nothing is written", async () => {
    writeFileSync(join(out, "CHANGELOG.md"), read("CHANGELOG.md").replace("New service:", "Brand new service:"));
    addVersion("2024-09-01"); // even with something new to release
    await refused(/^error: .*generated\/CHANGELOG\.md:\d+: release 0\.1\.0 reads differently from the release record \(widgets 2024-01-01\): a published release never changes — restore the section/, runRekey);
  });

  it("in CHANGELOG.md: a renumbered release is refused", async () => {
    writeFileSync(join(out, "CHANGELOG.md"), read("CHANGELOG.md").replace("## 0.2.0 —", "## 0.1.1 —").replace("## 0.1.0 — widgets 2024-01-01", "## 0.1.0 — widgets 2024-06-01"));
    await refused(/^error: .*CHANGELOG\.md:\d+: release 0\.1\.0 reads differently/);
  });

  it("in the record: a changed section or number is refused", async () => {
    const record = JSON.parse(read("releases.json")) as { releases: Array<{ version: string; changelog: string }> };
    record.releases[0].changelog += " (edited)";
    writeFileSync(join(out, "releases.json"), JSON.stringify(record, null, 2) + "\n");
    await refused(/^error: .*generated\/releases\.json#\/releases\/0: release 0\.1\.0 \(widgets 2024-01-01\) was edited after it was written: a published release never changes — restore it/);
  });

  it.each([
    ["a folder", () => {
      rmSync(join(out, "releases.json"));
      copyTree(join(FIXTURES, "widgets"), join(out, "releases.json"));
    }, /releases\.json: the release record is a folder, not a file — remove it and restore it from the last commit/],
    ["a symlink leading out of --out, even to a good record", () => {
      const outside = join(tempDir(), "releases.json");
      writeFileSync(outside, read("releases.json"));
      rmSync(join(out, "releases.json"));
      symlinkSync(outside, join(out, "releases.json"));
    }, /releases\.json(: the release record lies outside .*generated \(it resolves to |", which leads outside .*generated\/ through a symlink)/], // --check's manifest check comes first
    ["not JSON", () => writeFileSync(join(out, "releases.json"), "{ releases: [ }"), /releases\.json: the release record is not JSON — restore it/],
    ["without its list", () => writeFileSync(join(out, "releases.json"), '{ "releases": {} }'), /releases\.json#\/releases: the release record has no list of releases/],
    ["a release of another shape", () => writeFileSync(join(out, "releases.json"), JSON.stringify({ releases: [{ version: "1.0", change: "added" }] })),
      /releases\.json#\/releases\/0: this release is not shaped as rekey writes it/],
  ])("a record that is %s is one line, exit 2, nothing written", async (_what, damage, pattern) => {
    damage();
    await refused(pattern);
  });

  it("without the record, a CHANGELOG.md that shows other releases than the specs' history is refused rather than renumbered", async () => {
    rmSync(join(out, "releases.json"));
    addVersion("2023-06-01"); // from scratch this would be 0.1.0 and shift the rest
    await refused(/releases\.json is missing: restore it from version control rather than let the specs renumber the releases/);
  });
});

describe("the workspace's lock", () => {
  it("generate says when a release leaves the lock of the project around --out behind, and passes", async () => {
    startFrom(first);
    const lock = join(out, "../package-lock.json");
    writeFileSync(lock, JSON.stringify({ name: "project", lockfileVersion: 3, packages: { "": {}, generated: { name: "@rekey/clients", version: "0.1.0" } } }));
    addVersion("2024-06-01");
    const result = await runRekey(["generate", "--specs", specs, "--out", out]);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/^warning: .*package-lock\.json#\/packages\/generated\/version: the workspace is at 0\.1\.0, the package now at 0\.2\.0 — run `npm install --package-lock-only`.*\n$/);
    writeFileSync(lock, JSON.stringify({ name: "project", lockfileVersion: 3, packages: { "": {}, generated: { name: "@rekey/clients", version: "0.2.0" } } }));
    await generate(); // in step: no warning
  });
});

describe("the repository's package", () => {
  it("package-lock.json's workspace entry has generated/package.json's version (npm install --package-lock-only after a bump)", () => {
    const root = fileURLToPath(new URL("../../", import.meta.url));
    const lock = JSON.parse(readFileSync(join(root, "package-lock.json"), "utf8")) as { packages: Record<string, { version?: string }> };
    const pkg = JSON.parse(readFileSync(join(root, "generated/package.json"), "utf8")) as { version: string };
    expect(lock.packages.generated.version).toBe(pkg.version);
  });
});
