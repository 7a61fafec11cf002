/** The package version follows semver from the spec history: a table of histories and the versions they give. */
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { loadForDiff } from "../../generator/diff/diff.ts";
import { nextReleases, releaseHistory } from "../../generator/diff/history.ts";
import type { DocumentModel } from "../../kernel/index.ts";
import { loadSpecs } from "../../kernel/load-specs.ts";
import { REPO_ROOT } from "../helpers/cli.ts";

const FIXTURES = fileURLToPath(new URL("./fixtures/", import.meta.url));
const as = async (file: string, apiVersion: string): Promise<DocumentModel> =>
  ({ ...(await loadForDiff(FIXTURES + file)), service: "things", apiVersion, stable: !/-[a-z]/.test(apiVersion) });
/** A comparable number for versions below 1000.1000.1000. */
const semver = (version: string) => version.split(".").map(Number).reduce((n, part) => n * 1000 + part, 0);
const steps = (docs: DocumentModel[]) =>
  releaseHistory(docs).map((r) => `${r.version} ${r.bump} ${r.service} ${r.apiVersion}${r.becomesDefault ? " default" : ""}`);

describe("release history", () => {
  it("of the repository's specs: one release per spec folder, versions rising, whatever the order of discovery", async () => {
    const { docs } = await loadSpecs(`${REPO_ROOT}/specs`);
    const history = releaseHistory(docs);
    expect(history.map((r) => `${r.service}/${r.apiVersion}`).sort()).toEqual(docs.map((d) => `${d.service}/${d.apiVersion}`).sort());
    expect(history[0]).toMatchObject({ version: "0.1.0", bump: "initial" });
    for (const [i, release] of history.entries()) {
      if (i > 0) expect(semver(release.version)).toBeGreaterThan(semver(history[i - 1].version));
    }
    expect(releaseHistory([...docs].reverse())).toEqual(history);
  });

  it("a non-breaking stable version is minor", async () => {
    const docs = [await as("response-property-added/old.yaml", "2024-01-01"), await as("response-property-added/new.yaml", "2024-06-01")];
    expect(steps(docs)).toEqual(["0.1.0 initial things 2024-01-01 default", "0.2.0 minor things 2024-06-01 default"]);
  });

  it("a breaking preview does not move the default entry point, so it is minor; the next stable is judged against the old default", async () => {
    const docs = [
      await as("request-pattern-added/old.yaml", "2024-01-01"),
      await as("request-pattern-added/new.yaml", "2024-06-01-preview"),
      await as("request-pattern-added/old.yaml", "2024-09-01"),
    ];
    expect(steps(docs)).toEqual([
      "0.1.0 initial things 2024-01-01 default",
      "0.2.0 minor things 2024-06-01-preview",
      "0.3.0 minor things 2024-09-01 default",
    ]);
    const [, preview, stable] = releaseHistory(docs);
    expect(preview.diff!.changes.map((c) => c.rule)).toEqual(["request-pattern-added"]);
    expect(stable.diff!.changes.map((c) => c.rule)).toEqual(["request-pattern-removed"]); // the section still diffs the previous version
    expect(stable.was).toBe("2024-01-01");
  });

  it("a breaking stable version after a preview is major even when the preview already had the change", async () => {
    const docs = [
      await as("request-pattern-added/old.yaml", "2024-01-01"),
      await as("request-pattern-added/new.yaml", "2024-06-01-preview"),
      await as("request-pattern-added/new.yaml", "2024-09-01"),
    ];
    expect(steps(docs).at(-1)).toBe("1.0.0 major things 2024-09-01 default");
    expect(releaseHistory(docs).at(-1)!.breakingAgainst).toBe("2024-01-01");
  });
});

describe("releases appended to a record", () => {
  const released = (version: string, apiVersion: string, change: "added" | "removed" = "added") => ({ version, change, service: "things", apiVersion });

  it("an api-version between released ones is the next minor release, diffed against its older neighbour, the default unmoved", async () => {
    const docs = [
      await as("request-pattern-added/old.yaml", "2024-01-01"),
      await as("request-pattern-added/new.yaml", "2024-06-01"),
      await as("request-pattern-added/new.yaml", "2024-09-01"),
    ];
    const [release, ...rest] = nextReleases([released("0.1.0", "2024-01-01"), released("1.0.0", "2024-09-01")], docs);
    expect(rest).toEqual([]);
    expect(release).toMatchObject({ version: "1.1.0", bump: "minor", change: "added", apiVersion: "2024-06-01", becomesDefault: false, was: "2024-09-01", now: "2024-09-01" });
    expect(release.diff!.old.apiVersion).toBe("2024-01-01");
    expect(release.diff!.changes.map((c) => c.rule)).toEqual(["request-pattern-added"]); // breaking, but not for the default's clients
  });

  it("a released entry point whose folder is gone is a major release, listed before the additions", async () => {
    const docs = [await as("request-pattern-added/old.yaml", "2024-01-01"), await as("request-pattern-added/old.yaml", "2025-01-01")];
    const releases = nextReleases([released("0.1.0", "2024-01-01"), released("0.2.0", "2024-06-01")], docs);
    expect(releases.map((r) => `${r.version} ${r.bump} ${r.change} ${r.apiVersion} ${r.was}→${r.now}`)).toEqual([
      "1.0.0 major removed 2024-06-01 2024-06-01→2024-01-01",
      "1.1.0 minor added 2025-01-01 2024-01-01→2025-01-01",
    ]);
  });

  it("a record that already holds every spec folder adds nothing", async () => {
    const docs = [await as("request-pattern-added/old.yaml", "2024-01-01")];
    expect(nextReleases([released("0.1.0", "2024-01-01")], docs)).toEqual([]);
  });
});
