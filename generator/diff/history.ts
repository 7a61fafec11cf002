/**
 * The package's releases. What was released is a record (generated/releases.json, release-record.ts) that only
 * grows: a release never changes number or content once written. Each generation replays the record to know which
 * entry points (`<service>/<api-version>`) are out and what `@rekey/clients/<service>` exports, then appends one
 * release per change the specs make to that set — removals first, then additions in api-version order (then
 * service name) — each bumping the version by what it does to users:
 *   - major — an entry point is removed, or the one `@rekey/clients/<service>` exports moves to an api-version with
 *     a breaking change (`rekey diff`) against the one it exported before;
 *   - minor — any other new entry point: a new service, a newer api-version, a preview, or an older api-version
 *     added after newer ones were released (back-filled: it never moves the default, and renumbers nothing).
 * With an empty record (a new output folder) every spec folder is new, so the history is the api-version order.
 */
import { type DocumentModel, isStable } from "../../kernel/index.ts";
import { diffDocuments, type DiffResult } from "./diff.ts";

export type Bump = "initial" | "major" | "minor";

export interface Release {
  version: string;
  bump: Bump;
  change: "added" | "removed";
  service: string;
  apiVersion: string;
  /** The spec of an added entry point. */
  doc?: DocumentModel;
  /** Added: the service's next older api-version and the diff against it (none when there is no older one). */
  diff?: DiffResult;
  /** True when `@rekey/clients/<service>` moves to this api-version. */
  becomesDefault: boolean;
  /** The api-version `@rekey/clients/<service>` exported before this release, and after it (none: no entry point left). */
  was?: string;
  now?: string;
  /** Why an added entry point's bump is major: the breaking diff against the previous default. */
  breakingAgainst?: string;
}

/** What the record says happened, in order: enough to replay which entry points are out. */
export interface ReleasedEntryPoint {
  version: string;
  change: "added" | "removed";
  service: string;
  apiVersion: string;
}

export const INITIAL_VERSION = "0.1.0";

function bumped(version: string | undefined, bump: Bump): string {
  if (version === undefined) return INITIAL_VERSION;
  const [major, minor] = version.split(".").map(Number);
  return bump === "major" ? `${major + 1}.0.0` : `${major}.${minor + 1}.0`;
}

const key = (service: string, apiVersion: string) => `${service}/${apiVersion}`;

/** The entry points out, per service, oldest api-version first. */
class Released {
  private readonly byService = new Map<string, string[]>();

  add(service: string, apiVersion: string): void {
    this.byService.set(service, [...this.of(service), apiVersion].sort());
  }

  remove(service: string, apiVersion: string): void {
    const left = this.of(service).filter((v) => v !== apiVersion);
    if (left.length > 0) this.byService.set(service, left);
    else this.byService.delete(service);
  }

  of(service: string): string[] {
    return this.byService.get(service) ?? [];
  }

  has(service: string, apiVersion: string): boolean {
    return this.of(service).includes(apiVersion);
  }

  all(): Array<[string, string]> {
    return [...this.byService].flatMap(([service, versions]) => versions.map((v) => [service, v] as [string, string]));
  }

  /** What `@rekey/clients/<service>` exports: the newest stable api-version, else the newest preview. */
  defaultOf(service: string): string | undefined {
    const versions = this.of(service);
    return versions.filter(isStable).at(-1) ?? versions.at(-1);
  }
}

const byVersionThenService = (a: DocumentModel, b: DocumentModel) =>
  a.apiVersion.localeCompare(b.apiVersion) || a.service.localeCompare(b.service);

/** The releases the specs add to the record, oldest first (none when the specs change nothing the record holds). */
export function nextReleases(record: ReleasedEntryPoint[], docs: DocumentModel[]): Release[] {
  const released = new Released();
  for (const r of record) {
    if (r.change === "added") released.add(r.service, r.apiVersion);
    else released.remove(r.service, r.apiVersion);
  }
  const specs = new Map(docs.map((d) => [key(d.service, d.apiVersion), d]));
  const releases: Release[] = [];
  let version = record.at(-1)?.version;

  for (const [service, apiVersion] of released.all().sort()) {
    if (specs.has(key(service, apiVersion))) continue;
    const was = released.defaultOf(service);
    released.remove(service, apiVersion);
    const now = released.defaultOf(service);
    version = bumped(version, "major");
    releases.push({ version, bump: "major", change: "removed", service, apiVersion, becomesDefault: false, was, now });
  }

  for (const doc of [...docs].sort(byVersionThenService)) {
    if (released.has(doc.service, doc.apiVersion)) continue;
    const before = released.defaultOf(doc.service);
    const older = released.of(doc.service).filter((v) => v < doc.apiVersion).at(-1);
    released.add(doc.service, doc.apiVersion);
    const now = released.defaultOf(doc.service);
    const becomesDefault = now === doc.apiVersion;
    const diff = older === undefined ? undefined : diffDocuments(specs.get(key(doc.service, older))!, doc);
    let bump: Bump = version === undefined ? "initial" : "minor";
    let breakingAgainst: string | undefined;
    if (before !== undefined && becomesDefault) {
      const againstDefault = before === older ? diff! : diffDocuments(specs.get(key(doc.service, before))!, doc);
      if (againstDefault.changes.some((c) => c.severity === "breaking")) {
        bump = "major";
        breakingAgainst = before;
      }
    }
    version = bumped(version, bump);
    releases.push({
      version, bump, change: "added", service: doc.service, apiVersion: doc.apiVersion, doc, diff, becomesDefault, was: before, now, breakingAgainst,
    });
  }
  return releases;
}

/** The history of specs/ alone, as a new output folder gets it: every spec folder a release, in api-version order. */
export function releaseHistory(docs: DocumentModel[]): Release[] {
  return nextReleases([], docs);
}
