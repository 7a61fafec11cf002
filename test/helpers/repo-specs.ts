/**
 * What the repository's specs/ holds, as the kernel finds it: tests iterate this listing instead of naming the
 * services, api-versions or counts of the day, so adding a spec folder never turns a test red by itself.
 */
import { discoverSpecs, isStable } from "../../kernel/index.ts";
import { REPO_ROOT } from "./cli.ts";

export const REPO_SPECS = `${REPO_ROOT}specs`;

export interface SpecFolder {
  service: string;
  apiVersion: string;
  stable: boolean;
}

/** Every specs/<service>/<api-version>, sorted by service then api-version (the kernel's order). */
export function specFolders(specsDir: string = REPO_SPECS): SpecFolder[] {
  return discoverSpecs(specsDir).map(({ service, apiVersion }) => ({ service, apiVersion, stable: isStable(apiVersion) }));
}

export function services(specsDir: string = REPO_SPECS): string[] {
  return [...new Set(specFolders(specsDir).map((f) => f.service))];
}

/** A service's api-versions, oldest first. */
export function apiVersionsOf(service: string, specsDir: string = REPO_SPECS): string[] {
  return specFolders(specsDir).filter((f) => f.service === service).map((f) => f.apiVersion);
}

/** What `@rekey/clients/<service>` exports: the newest stable api-version, else the newest preview. */
export function defaultApiVersion(service: string, specsDir: string = REPO_SPECS): string {
  const versions = specFolders(specsDir).filter((f) => f.service === service);
  return (versions.filter((f) => f.stable).at(-1) ?? versions.at(-1)!).apiVersion;
}
