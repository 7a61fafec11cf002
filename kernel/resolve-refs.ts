/**
 * Every `$ref` of a spec, and of every file it references, is checked and its file read here, and nowhere else:
 *  - a file part must name a regular file inside the spec's own service folder or the shared folder
 *    (specs/common-types/) once symlinks are resolved, no larger than MAX_INPUT_FILE_BYTES (input-file.ts);
 *  - a fragment must be a JSON pointer to something that exists;
 *  - a chain of $refs that only point at other $refs must end: a cycle is a located error, never a stack overflow
 *    later (recursive schemas, whose $refs sit inside properties or items, are fine), and only a schema may hold a
 *    $ref to itself.
 * Files are keyed by their absolute path as the $ref spells it (not the real path), which is how the model and
 * swagger-parser find them again.
 */
import { dirname, resolve } from "node:path";
import { get, join, tokens } from "./json-pointer.ts";
import { readConfinedFile, realFolder } from "./input-file.ts";
import { displayPath, type SpecEntry } from "./spec-files.ts";
import { parseSpecText } from "./spec-text.ts";
import { type Problem, problem, UserError } from "./user-error.ts";

export interface ResolvedRefs {
  /** Every document read, the spec itself included, by absolute path. */
  documents: Map<string, unknown>;
  /** The documents reached through a $ref with a file part. */
  externals: Map<string, unknown>;
  problems: Problem[];
}

/** The folders a spec may read from, resolved, and how messages name them. */
export interface Confinement {
  roots: string[];
  shown: string;
}

export function confinementOf(entry: Pick<SpecEntry, "refFolders">): Confinement {
  const roots = entry.refFolders.map(realFolder).filter((f): f is string => f !== undefined);
  return { roots, shown: entry.refFolders.map((f) => `${displayPath(f)}/`).join(" or ") };
}

/** Where a $ref lives and where it points. */
interface RefSite {
  file: string;
  pointer: string;
  ref: string;
  target?: { file: string; pointer: string };
}

const nodeKey = (file: string, pointer: string) => `${file}#${pointer}`;

/**
 * A $ref to an object that holds it: only a schema may contain itself (a tree's node type); a parameter,
 * response or the whole document that contains itself can never be followed to an end.
 */
function containsItself(target: string, site: string): boolean {
  const ancestor = target === "" ? site !== "" : site.startsWith(`${target}/`);
  return ancestor && !tokens(target).some((t) => t === "schema" || t === "schemas");
}

/** One problem per cycle of $refs that point only at $refs, at the cycle's first $ref in document order. */
function cycleProblems(sites: RefSite[], shown: (file: string) => string): Problem[] {
  const bySite = new Map(sites.map((s) => [nodeKey(s.file, s.pointer), s]));
  const reported = new Set<string>();
  const problems: Problem[] = [];
  for (const site of sites) {
    const chain: RefSite[] = [site];
    const seen = new Set([nodeKey(site.file, site.pointer)]);
    for (let next = site.target && bySite.get(nodeKey(site.target.file, site.target.pointer)); next; ) {
      const key = nodeKey(next.file, next.pointer);
      if (seen.has(key)) {
        const start = chain.findIndex((s) => nodeKey(s.file, s.pointer) === key);
        const cycle = chain.slice(start);
        const id = cycle.map((s) => nodeKey(s.file, s.pointer)).sort().join("\n");
        if (start === 0 && !reported.has(id)) {
          reported.add(id);
          const name = (s: RefSite) => (s.file === site.file ? `#${s.pointer}` : `${shown(s.file)}#${s.pointer}`);
          problems.push(problem("load/ref", { file: shown(site.file), pointer: join(site.pointer, "$ref") },
            `$ref cycle: ${[...cycle, site].map(name).join(" → ")} never reaches a definition`,
            "point one of these $refs at the definition itself"));
        }
        break;
      }
      seen.add(key);
      chain.push(next);
      next = next.target && bySite.get(nodeKey(next.target.file, next.target.pointer));
    }
  }
  return problems;
}

/** Reads and checks every $ref reachable from the spec. */
export function resolveRefs(entry: SpecEntry, raw: unknown, confinement: Confinement): ResolvedRefs {
  const documents = new Map<string, unknown>([[entry.absoluteFile, raw]]);
  const externals = new Map<string, unknown>();
  const problems: Problem[] = [];
  const sites: RefSite[] = [];
  const shown = (file: string) => (file === entry.absoluteFile ? entry.file : displayPath(file));

  /** Reads a referenced file once; undefined (with a problem) when it may not or cannot be read. */
  const unparsable = new Set<string>(); // its syntax error is reported once, whoever references it
  const load = (file: string, refuse: (message: string, hint: string) => void): unknown => {
    if (documents.has(file) || unparsable.has(file)) return documents.get(file);
    const read = readConfinedFile(file, confinement.roots, confinement.shown);
    if (!read.ok) {
      refuse(`${read.notFound ? "does not resolve" : "is refused"}: ${displayPath(file)} ${read.reason}`, read.hint);
      return undefined;
    }
    try {
      documents.set(file, parseSpecText(read.text, displayPath(file)));
    } catch (error) {
      if (!(error instanceof UserError)) throw error;
      unparsable.add(file);
      problems.push(...error.problems);
      return undefined;
    }
    queue.push(file);
    return documents.get(file);
  };

  const check = (site: RefSite): void => {
    const refuse = (message: string, hint: string): void => {
      problems.push(problem("load/ref", { file: shown(site.file), pointer: join(site.pointer, "$ref") }, `$ref "${site.ref}" ${message}`, hint));
    };
    const hashAt = site.ref.indexOf("#");
    const filePart = hashAt === -1 ? site.ref : site.ref.slice(0, hashAt);
    const fragment = hashAt === -1 ? "" : site.ref.slice(hashAt + 1);
    if (/^[a-z][a-z0-9+.-]*:/i.test(filePart)) {
      return refuse("is refused: only local files can be referenced", `copy the document into ${confinement.shown} and reference it by a relative path`);
    }
    if (/[%?\\]/.test(filePart)) {
      return refuse("is refused: a file path with %, ? or \\ is not supported", "rename the file and reference it by a plain relative path");
    }
    if (fragment !== "" && !fragment.startsWith("/")) {
      return refuse(`does not resolve: "#${fragment}" is not a JSON pointer`, "write the fragment as a JSON pointer, e.g. #/components/schemas/Name");
    }
    const file = filePart === "" ? site.file : resolve(dirname(site.file), filePart);
    const target = filePart === "" ? documents.get(file) : load(file, refuse);
    if (filePart !== "" && documents.has(file)) externals.set(file, target);
    if (!documents.has(file)) return;
    if (get(target, fragment) === undefined) {
      const where = filePart === "" ? "" : ` in ${shown(file)}`;
      return refuse(`does not resolve: nothing at ${fragment}${where}`, "point it at an existing file and JSON pointer");
    }
    if (file === site.file && containsItself(fragment, site.pointer)) {
      return refuse(`does not resolve: it points at ${fragment === "" ? "the whole document" : fragment}, which holds the $ref itself`,
        "point it at the definition it means");
    }
    site.target = { file, pointer: fragment };
  };

  const visit = (file: string, node: unknown, pointer: string): void => {
    if (Array.isArray(node)) return node.forEach((item, i) => visit(file, item, join(pointer, i)));
    if (node === null || typeof node !== "object") return;
    const record = node as Record<string, unknown>;
    if (typeof record.$ref === "string") sites.push({ file, pointer, ref: record.$ref });
    for (const [key, value] of Object.entries(record)) if (key !== "$ref") visit(file, value, join(pointer, key));
  };

  const queue: string[] = [entry.absoluteFile];
  for (let i = 0; i < queue.length; i++) {
    const file = queue[i];
    const first = sites.length;
    visit(file, documents.get(file), "");
    for (const site of sites.slice(first)) check(site);
  }
  if (problems.length === 0) problems.push(...cycleProblems(sites, shown));
  return { documents, externals, problems };
}
