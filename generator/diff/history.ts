/**
 * The package's version history, derived from specs/ alone so that `generate --check` is stable: every api-version
 * folder is a release, in api-version order (then service name). The first release is 0.1.0; each later one bumps
 * by what `rekey diff` says about it:
 *   - major — it becomes `@rekey/clients/<service>` (a stable api-version, now the newest) and has a breaking
 *     change against the api-version that entry point exported before;
 *   - minor — any other new api-version (a new pinned entry point), or the first api-version of a new service.
 * Adding an api-version older than one already present renumbers later releases: the history is a function of
 * the specs, not of what was published.
 */
import type { DocumentModel } from "../../kernel/index.ts";
import { diffDocuments, type DiffResult } from "./diff.ts";

export type Bump = "initial" | "major" | "minor";

export interface Release {
  version: string;
  bump: Bump;
  doc: DocumentModel;
  /** The service's previous api-version and the diff against it (none for a service's first api-version). */
  diff?: DiffResult;
  /** `@rekey/clients/<service>` exports this api-version from this release on; `was` is what it exported before. */
  becomesDefault: boolean;
  was?: string;
  /** Why the bump is major: the breaking diff against the previous default (the section's diff, or another). */
  breakingAgainst?: string;
}

export const INITIAL_VERSION = "0.1.0";

function bumped(version: string, bump: Bump): string {
  const [major, minor] = version.split(".").map(Number);
  return bump === "major" ? `${major + 1}.0.0` : bump === "minor" ? `${major}.${minor + 1}.0` : version;
}

const byVersionThenService = (a: DocumentModel, b: DocumentModel) =>
  a.apiVersion.localeCompare(b.apiVersion) || a.service.localeCompare(b.service);

/** Oldest first. */
export function releaseHistory(docs: DocumentModel[]): Release[] {
  const releases: Release[] = [];
  const seen = new Map<string, DocumentModel[]>();
  const defaults = new Map<string, DocumentModel>();
  let version = INITIAL_VERSION;
  for (const doc of [...docs].sort(byVersionThenService)) {
    const earlier = seen.get(doc.service) ?? [];
    const previous = earlier.at(-1);
    const before = defaults.get(doc.service);
    const becomesDefault = !before || doc.stable || !before.stable;
    if (becomesDefault) defaults.set(doc.service, doc);
    const diff = previous ? diffDocuments(previous, doc) : undefined;
    let bump: Bump = releases.length === 0 ? "initial" : "minor";
    let breakingAgainst: string | undefined;
    if (before && becomesDefault) {
      const againstDefault = before === previous ? diff! : diffDocuments(before, doc);
      if (againstDefault.changes.some((c) => c.severity === "breaking")) {
        bump = "major";
        breakingAgainst = before.apiVersion;
      }
    }
    version = bumped(version, bump);
    releases.push({ version, bump, doc, diff, becomesDefault, was: becomesDefault ? before?.apiVersion : undefined, breakingAgainst });
    seen.set(doc.service, [...earlier, doc]);
  }
  return releases;
}

export function packageVersion(docs: DocumentModel[]): string {
  return releaseHistory(docs).at(-1)?.version ?? INITIAL_VERSION;
}
