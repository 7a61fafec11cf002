import { readdirSync, existsSync, statSync } from "node:fs";
import { join, relative } from "node:path";

/** One spec document: specs/<service>/<api-version>/openapi.yaml */
export interface SpecEntry {
  service: string;
  apiVersion: string;
  /** Path as shown to the user (relative to the working directory). */
  file: string;
  absoluteFile: string;
  /** The folder holding openapi.yaml and examples/. */
  folder: string;
}

export const SPEC_FILE_NAME = "openapi.yaml";
const API_VERSION = /^\d{4}-\d{2}-\d{2}(-[a-z]+)?$/;

export function isApiVersion(name: string): boolean {
  return API_VERSION.test(name);
}

/** Stable api-versions have no suffix (preview, beta, …). */
export function isStable(apiVersion: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(apiVersion);
}

export function displayPath(absolute: string): string {
  const rel = relative(process.cwd(), absolute);
  return rel.startsWith("..") ? absolute : rel.split("\\").join("/");
}

function subfolders(dir: string): string[] {
  return readdirSync(dir)
    .filter((name) => !name.startsWith(".") && statSync(join(dir, name)).isDirectory())
    .sort();
}

/** Finds every specs/<service>/<api-version>/openapi.yaml, sorted by service then api-version. */
export function discoverSpecs(specsDir: string): SpecEntry[] {
  const entries: SpecEntry[] = [];
  for (const service of subfolders(specsDir)) {
    for (const apiVersion of subfolders(join(specsDir, service))) {
      const folder = join(specsDir, service, apiVersion);
      const absoluteFile = join(folder, SPEC_FILE_NAME);
      if (!existsSync(absoluteFile)) continue;
      entries.push({ service, apiVersion, folder, absoluteFile, file: displayPath(absoluteFile) });
    }
  }
  return entries;
}
