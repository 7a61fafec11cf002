/**
 * The package's release record, `releases.json` in the output folder: every release ever written — version, entry
 * point added or removed, its CHANGELOG.md section and a hash of the four — oldest first. Generation replays it,
 * appends what the specs add (diff/history.ts) and prints CHANGELOG.md from it, so a release never changes number or
 * content and a back-filled api-version never renumbers the ones already published.
 *
 * A hand edit of a past release is refused (exit 2, nothing written): in the record, a release whose hash no longer
 * matches; in CHANGELOG.md, a release section that differs from the record's. An output folder without a record
 * starts one from the specs' history; if its CHANGELOG.md already shows releases, they must be exactly that history.
 */
import { createHash } from "node:crypto";
import { join } from "node:path";
import { displayPath, type DocumentModel, type InputFile, problem, readConfinedFile, realFolder, UserError } from "../kernel/index.ts";
import { releaseSection, renderChangelog, SECTION_HEADING } from "./diff/changelog.ts";
import { INITIAL_VERSION, nextReleases, type ReleasedEntryPoint } from "./diff/history.ts";

export const RECORD_PATH = "releases.json";
export const CHANGELOG_PATH = "CHANGELOG.md";

export interface RecordedRelease extends ReleasedEntryPoint {
  /** Its CHANGELOG.md section, exactly as printed. */
  changelog: string;
  sha256: string;
}

export interface ReleasePlan {
  /** The whole record: what was released, then what this generation appends. */
  releases: RecordedRelease[];
  version: string;
  recordFile: string;
  changelogFile: string;
}

const VERSION = /^\d+\.\d+\.\d+$/;
const NAME = /^[a-z][a-z0-9-]*$/;
const API_VERSION = /^\d{4}-\d{2}-\d{2}(-[a-z]+)?$/;

/** A file of the previous generation, read only if it lies inside outDir once symlinks are resolved. */
function readPrevious(outDir: string, name: string): InputFile {
  const root = realFolder(outDir);
  if (!root) return { ok: false, reason: "does not exist", hint: "", notFound: true };
  return readConfinedFile(join(outDir, name), [root], displayPath(outDir) || ".");
}

function releaseHash(r: ReleasedEntryPoint & { changelog: string }): string {
  return createHash("sha256").update(JSON.stringify([r.version, r.change, r.service, r.apiVersion, r.changelog])).digest("hex");
}

function isRelease(value: unknown): value is RecordedRelease {
  const r = value as Partial<RecordedRelease> | null;
  return typeof r === "object" && r !== null && typeof r.version === "string" && VERSION.test(r.version) &&
    (r.change === "added" || r.change === "removed") && typeof r.service === "string" && NAME.test(r.service) &&
    typeof r.apiVersion === "string" && API_VERSION.test(r.apiVersion) && typeof r.changelog === "string" && typeof r.sha256 === "string";
}

const semver = (v: string) => v.split(".").map(Number);
const after = (a: string, b: string) => {
  const [x, y] = [semver(a), semver(b)];
  return x[0] - y[0] || x[1] - y[1] || x[2] - y[2];
};

/** The record in outDir, checked release by release; undefined when there is none. */
function readRecord(outDir: string): RecordedRelease[] | undefined {
  const path = join(outDir, RECORD_PATH);
  const file = displayPath(path);
  const read = readPrevious(outDir, RECORD_PATH);
  if (!read.ok && read.notFound) return undefined;
  const restore = `restore it from the last commit (git checkout HEAD -- ${file})`;
  const refuse = (pointer: string, message: string, hint = restore): never => {
    throw new UserError(problem("release/record", { file, pointer }, message, hint));
  };
  if (!read.ok) return refuse("", `the release record ${read.reason}`, `remove it and ${restore}`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(read.text);
  } catch {
    return refuse("", "the release record is not JSON");
  }
  const releases = (parsed as { releases?: unknown } | null)?.releases;
  if (!Array.isArray(releases)) return refuse("/releases", "the release record has no list of releases");
  const checked: RecordedRelease[] = [];
  for (const [i, release] of (releases as unknown[]).entries()) {
    if (!isRelease(release)) return refuse(`/releases/${i}`, "this release is not shaped as rekey writes it ({ version, change, service, apiVersion, changelog, sha256 })");
    if (release.sha256 !== releaseHash(release)) {
      refuse(`/releases/${i}`, `release ${release.version} (${release.service} ${release.apiVersion}) was edited after it was written: a published release never changes`,
        `${restore}; a correction is a new api-version folder, released as the next version`);
    }
    const previous = checked.at(-1);
    if (previous && after(release.version, previous.version) <= 0) {
      refuse(`/releases/${i}/version`, `release ${release.version} does not come after ${previous.version}: versions only move forward`);
    }
    checked.push(release);
  }
  return checked;
}

/** CHANGELOG.md's release sections by version (up to the next release heading, trailing blank lines cut), with their line. */
function changelogSections(text: string): Map<string, { text: string; line: number }> {
  const sections = new Map<string, { text: string; line: number }>();
  let current: { version: string; line: number; lines: string[] } | undefined;
  const close = () => {
    if (current && !sections.has(current.version)) sections.set(current.version, { text: current.lines.join("\n").trimEnd(), line: current.line });
  };
  text.split("\n").forEach((line, i) => {
    const heading = SECTION_HEADING.exec(line);
    if (heading) {
      close();
      current = { version: heading[1], line: i + 1, lines: [] };
    }
    current?.lines.push(line);
  });
  close();
  return sections;
}

/** Every release section CHANGELOG.md shows must read as the record has it. */
function refuseEditedChangelog(outDir: string, releases: RecordedRelease[], recordExisted: boolean): void {
  const path = join(outDir, CHANGELOG_PATH);
  const read = readPrevious(outDir, CHANGELOG_PATH);
  if (!read.ok) return; // absent, unreadable or leading out of outDir: rewritten from the record (or refused by write)
  const shown = changelogSections(read.text);
  const file = displayPath(path);
  for (const release of releases) {
    const section = shown.get(release.version);
    if (section === undefined || section.text === release.changelog.trimEnd()) continue;
    throw new UserError(problem("release/edited", { file, line: section.line },
      `release ${release.version} reads differently from the release record (${release.service} ${release.apiVersion}): a published release never changes`,
      recordExisted
        ? `restore the section from the last commit (git checkout HEAD -- ${file}); a correction is a new api-version folder, released as the next version`
        : `${displayPath(join(outDir, RECORD_PATH))} is missing: restore it from version control rather than let the specs renumber the releases`));
  }
}

/** The record with the specs' new releases appended, and the files printed from it. */
export function appendReleases(recorded: RecordedRelease[], docs: DocumentModel[], packageName: string): ReleasePlan {
  const appended = nextReleases(recorded, docs).map((release): RecordedRelease => {
    const { version, change, service, apiVersion } = release;
    const changelog = releaseSection(release, packageName);
    return { version, change, service, apiVersion, changelog, sha256: releaseHash({ version, change, service, apiVersion, changelog }) };
  });
  const releases = [...recorded, ...appended];
  return {
    releases,
    version: releases.at(-1)?.version ?? INITIAL_VERSION,
    recordFile: JSON.stringify({ releases }, null, 2) + "\n",
    changelogFile: renderChangelog(releases.map((r) => r.changelog), packageName),
  };
}

/** The record this generation writes: the one in outDir (checked) with the specs' new releases appended. */
export function planReleases(outDir: string, docs: DocumentModel[], packageName: string): ReleasePlan {
  const recorded = readRecord(outDir);
  const plan = appendReleases(recorded ?? [], docs, packageName);
  refuseEditedChangelog(outDir, plan.releases, recorded !== undefined);
  return plan;
}
