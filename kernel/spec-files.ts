import { lstatSync, readdirSync, statSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { type Problem, problem, UserError } from "./user-error.ts";

/** One spec document: specs/<service>/<api-version>/openapi.yaml */
export interface SpecEntry {
  service: string;
  apiVersion: string;
  /** Path as shown to the user (relative to the working directory). */
  file: string;
  absoluteFile: string;
  /** The folder holding openapi.yaml and examples/. */
  folder: string;
  /** The folders the document and its $refs may be read from: its service folder and the shared folder. */
  refFolders: string[];
}

export const SPEC_FILE_NAME = "openapi.yaml";
/**
 * specs/common-types/ holds documents several services reference (Azure's name for such a folder). It is not a
 * service: discovery skips it, and every document's $refs may point into it.
 */
export const SHARED_FOLDER = "common-types";
const API_VERSION = /^(\d{4})-(\d{2})-(\d{2})(-[a-z]+)?$/;
/**
 * A service name becomes an import path (@rekey/clients/<service>) and, camelCased, a namespace identifier in the
 * package index: lowercase words of letters and digits, each starting with a letter, joined by single hyphens, so
 * every name is a valid identifier once camelCased and no two names camelCase alike.
 */
const SERVICE_NAME = /^[a-z][a-z0-9]*(-[a-z][a-z0-9]*)*$/;
/** src/runtime/ holds the client runtime the package copies in. */
const RESERVED_SERVICE_NAMES = new Set(["runtime"]);

/** YYYY-MM-DD with an optional -suffix, and a date that exists. */
export function isApiVersion(name: string): boolean {
  const match = API_VERSION.exec(name);
  if (!match) return false;
  const [year, month, day] = match.slice(1, 4).map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Stable api-versions have no suffix (preview, beta, …). */
export function isStable(apiVersion: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(apiVersion);
}

export function displayPath(absolute: string): string {
  const rel = relative(process.cwd(), absolute);
  return rel.startsWith("..") ? absolute : rel.split("\\").join("/");
}

/** The folders a spec may read from, given its service folder (specs/<service>). */
export function refFoldersOf(specsDir: string, serviceFolder: string): string[] {
  return [serviceFolder, join(specsDir, SHARED_FOLDER)];
}

type Kind = "folder" | "file" | "missing";

/** stat without throwing: a dangling symlink or an unreadable entry is "missing". */
function kindOf(path: string): Kind {
  try {
    return statSync(path).isDirectory() ? "folder" : "file";
  } catch {
    return "missing";
  }
}

/** Is there an entry by this name at all? A dangling or looping symlink is one: loading then says what is wrong with it. */
function present(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}

function entriesOf(dir: string, problems: Problem[]): string[] {
  try {
    return readdirSync(dir).sort();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? "error";
    problems.push(problem("load/layout", { file: displayPath(dir) }, `cannot list this folder (${code})`, "make it a readable folder"));
    return [];
  }
}

/** Does this folder hold a spec document one level down (specs/<service>/<api-version>/openapi.yaml)? */
function holdsSpecsBelow(folder: string): boolean {
  try {
    return readdirSync(folder).some((name) => present(join(folder, name, SPEC_FILE_NAME)));
  } catch {
    return false;
  }
}

const layoutHint = "name spec folders specs/<service>/<YYYY-MM-DD[-preview]>/openapi.yaml";

/**
 * Finds every specs/<service>/<api-version>/openapi.yaml, sorted by service then api-version.
 *
 * Files beside the folders (README.md) and folders without a spec document (a service's shared definitions) are
 * not specs and are skipped. Hidden entries (.git, .github, .DS_Store, editor folders) belong to tools and are
 * skipped too, unless they hold a spec document where a spec would be: silently dropping a spec whose folder name
 * starts with a dot (`..2023-06-01`) would publish a package without it, so that is an error. So is a service or
 * api-version folder with a name rekey cannot use; every such problem is listed before any spec is read.
 */
export function discoverSpecs(specsDir: string): SpecEntry[] {
  const entries: SpecEntry[] = [];
  const problems: Problem[] = [];
  for (const service of entriesOf(specsDir, problems)) {
    const serviceFolder = join(specsDir, service);
    if (service === SHARED_FOLDER || kindOf(serviceFolder) !== "folder") continue;
    if (service.startsWith(".") && !holdsSpecsBelow(serviceFolder)) continue;
    if (!SERVICE_NAME.test(service) || RESERVED_SERVICE_NAMES.has(service)) {
      if (!holdsSpecsBelow(serviceFolder)) continue;
      const why = RESERVED_SERVICE_NAMES.has(service) ? "is reserved (the package keeps its runtime under that name)"
        : "is not a service name rekey can use (it becomes an import path and an identifier)";
      problems.push(problem("load/layout", { file: displayPath(serviceFolder) }, `service folder "${service}" ${why}`,
        "rename it: lowercase letters and digits, starting with a letter, words joined by single hyphens (e.g. maps, app-configuration)"));
      continue;
    }
    for (const apiVersion of entriesOf(serviceFolder, problems)) {
      const folder = join(serviceFolder, apiVersion);
      const absoluteFile = join(folder, SPEC_FILE_NAME);
      if (kindOf(folder) !== "folder" || !present(absoluteFile)) continue;
      if (!isApiVersion(apiVersion)) {
        problems.push(problem("load/layout", { file: displayPath(folder) }, `folder "${apiVersion}" is not an api-version (a date that exists, YYYY-MM-DD, with an optional -preview suffix)`,
          layoutHint));
        continue;
      }
      entries.push({ service, apiVersion, folder, absoluteFile, file: displayPath(absoluteFile), refFolders: refFoldersOf(specsDir, serviceFolder) });
    }
  }
  if (problems.length > 0) throw new UserError(problems);
  return entries;
}

/** The specs folder a command works on: the one given, else ./specs. */
export function resolveSpecsDir(specsDir?: string): string {
  return resolve(specsDir ?? "specs");
}
