/** generated/CHANGELOG.md: one section per release of the spec-derived history (history.ts), newest first. */
import type { DocumentModel } from "../../kernel/index.ts";
import { markdownCode, markdownText } from "../views/escape.ts";
import { markdownBody } from "./format.ts";
import { releaseHistory, type Release } from "./history.ts";

function section(release: Release, packageName: string): string[] {
  const { doc, diff } = release;
  const entry = markdownCode(`${packageName}/${doc.service}/${doc.apiVersion}`);
  const serviceEntry = markdownCode(`${packageName}/${doc.service}`);
  const lines = [`## ${release.version} — ${markdownText(`${doc.service} ${doc.apiVersion}`)}${doc.stable ? "" : " (preview)"}`, ""];
  if (!diff) {
    lines.push(`New service: ${entry}, exported as ${serviceEntry}.`);
    return lines;
  }
  const was = release.was === undefined ? undefined : markdownText(release.was);
  lines.push(`New entry point ${entry}` + (release.becomesDefault
    ? `; ${serviceEntry} now exports it (was ${was}).`
    : `; ${serviceEntry} still exports ${was ?? "its newest stable api-version"}.`));
  if (release.breakingAgainst && release.breakingAgainst !== diff.old.apiVersion) {
    lines.push("", `Major: breaking changes against ${markdownText(release.breakingAgainst)}, which ${serviceEntry} exported before.`);
  }
  lines.push("", ...markdownBody(diff, 2));
  return lines;
}

export function renderChangelog(docs: DocumentModel[], packageName: string): string {
  const releases = releaseHistory(docs).reverse();
  const lines = [
    "# Changelog",
    "",
    `${packageName} versions are derived from specs/ (not from what was published): every api-version folder is a`,
    "release, in api-version order. `rekey diff` against the service's previous api-version sets the bump — major when",
    `a breaking change reaches \`${packageName}/<service>\` (its newest stable api-version), minor for any other new`,
    "api-version or a new service. Breaking means breaking for clients of the older api-version.",
  ];
  for (const release of releases) lines.push("", ...section(release, packageName));
  return lines.join("\n") + "\n";
}
