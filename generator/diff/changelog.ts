/**
 * generated/CHANGELOG.md: a short preamble, then one section per release, newest first. A section is written once,
 * when its release is appended to the record (history.ts, release-record.ts), and printed as written ever after.
 */
import { isStable } from "../../kernel/index.ts";
import { markdownCode, markdownText } from "../views/escape.ts";
import { markdownBody } from "./format.ts";
import type { Release } from "./history.ts";

/** A release's heading: `## <version> — <service> <api-version>`; the record's check finds sections by it. */
export const SECTION_HEADING = /^## (\d+\.\d+\.\d+) — /;

function addedLines(release: Release, entry: string, serviceEntry: string): string[] {
  const { diff } = release;
  if (release.was === undefined) return [`New service: ${entry}, exported as ${serviceEntry}.`];
  if (!diff) {
    return [`New entry point ${entry}, older than the service's other api-versions; ${serviceEntry} still exports ${markdownText(release.now!)}.`];
  }
  const lines = [`New entry point ${entry}` + (release.becomesDefault
    ? `; ${serviceEntry} now exports it (was ${markdownText(release.was)}).`
    : `; ${serviceEntry} still exports ${markdownText(release.now!)}.`)];
  if (release.breakingAgainst && release.breakingAgainst !== diff.old.apiVersion) {
    lines.push("", `Major: breaking changes against ${markdownText(release.breakingAgainst)}, which ${serviceEntry} exported before.`);
  }
  lines.push("", ...markdownBody(diff, 2));
  return lines;
}

function removedLines(release: Release, entry: string, serviceEntry: string): string[] {
  const moved = release.now === undefined
    ? `${serviceEntry} is gone too: no api-version of ${markdownText(release.service)} is left.`
    : release.now === release.was ? `${serviceEntry} still exports ${markdownText(release.now)}.`
      : `${serviceEntry} now exports ${markdownText(release.now)} (was ${markdownText(release.was!)}).`;
  return [`Major: entry point ${entry} removed (its spec folder is gone); ${moved}`];
}

/** The section of one release, as it stays in the record. */
export function releaseSection(release: Release, packageName: string): string {
  const entry = markdownCode(`${packageName}/${release.service}/${release.apiVersion}`);
  const serviceEntry = markdownCode(`${packageName}/${release.service}`);
  const label = `${release.service} ${release.apiVersion}`;
  const suffix = release.change === "removed" ? " (removed)" : isStable(release.apiVersion) ? "" : " (preview)";
  const body = release.change === "removed" ? removedLines(release, entry, serviceEntry) : addedLines(release, entry, serviceEntry);
  return [`## ${release.version} — ${markdownText(label)}${suffix}`, "", ...body].join("\n");
}

/** `sections`: the record's sections, oldest first. */
export function renderChangelog(sections: string[], packageName: string): string {
  const lines = [
    "# Changelog",
    "",
    `Every release of ${packageName} is a section below, newest first, written once and never changed: a new`,
    "api-version or service is a minor release; a removed entry point, or a breaking change (`rekey diff`, for clients",
    `of the older api-version) reaching \`${packageName}/<service>\` (its newest stable api-version), is a major one. An`,
    "api-version added after newer ones were released is appended as a release of its own; nothing is renumbered.",
  ];
  for (const section of [...sections].reverse()) lines.push("", section);
  return lines.join("\n") + "\n";
}
