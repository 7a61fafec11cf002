/**
 * The one way rekey reads a file it did not write (a spec, an example, a diff input, a generated file it
 * compares): a regular file only, under a size limit, and, for $refs and spec documents, only inside the folders
 * it may come from. Devices, FIFOs, sockets and folders are refused without being read (a FIFO is opened
 * non-blocking so opening it cannot hang); a file that grows while it is read is cut at the limit and refused.
 */
import { closeSync, constants, fstatSync, openSync, readSync, realpathSync } from "node:fs";
import { isAbsolute, relative, sep } from "node:path";
import { bytes } from "../client-runtime/units.ts";

/** The largest spec, example or diff input rekey reads. Azure's largest resource-manager documents are ~1 MiB. */
export const MAX_INPUT_FILE_BYTES = 4 * 1024 * 1024;

export type InputFile =
  | { ok: true; text: string; realPath: string }
  | { ok: false; reason: string; hint: string; notFound?: boolean };

const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0);

/** A refusal reads as a sentence after the file's name: "<file> is a folder, not a file". */
function failed(error: unknown): InputFile {
  const code = (error as NodeJS.ErrnoException)?.code;
  if (code === "ENOENT" || code === "ENOTDIR") return { ok: false, reason: "does not exist", hint: "point it at an existing file", notFound: true };
  if (code === "ELOOP") return { ok: false, reason: "is a symlink loop", hint: "replace the symlink with the file" };
  if (typeof code === "string") return { ok: false, reason: `cannot be read (${code})`, hint: "make it a readable file" };
  throw error;
}

/** True when `path` is `root` itself or lies below it (both already absolute and resolved). */
export function isWithin(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === "" || (!isAbsolute(rel) && rel.split(sep)[0] !== "..");
}

/** The real path of a folder, or undefined when it does not exist. */
export function realFolder(path: string): string | undefined {
  try {
    return realpathSync(path);
  } catch {
    return undefined;
  }
}

/** Reads a regular file of at most `limit` bytes as UTF-8 text. */
export function readInputFile(path: string, limit = MAX_INPUT_FILE_BYTES): InputFile {
  let real: string;
  let fd: number;
  try {
    real = realpathSync(path);
    fd = openSync(real, OPEN_FLAGS);
  } catch (error) {
    return failed(error);
  }
  try {
    const stats = fstatSync(fd);
    if (stats.isDirectory()) return { ok: false, reason: "is a folder, not a file", hint: "point it at a file" };
    if (!stats.isFile()) return { ok: false, reason: "is not a regular file (a device, FIFO or socket)", hint: "point it at a regular file" };
    const tooLarge: InputFile = {
      ok: false,
      reason: `is larger than the ${bytes(limit)} limit`,
      hint: `split it up (rekey reads files of up to ${bytes(limit)})`,
    };
    if (stats.size > limit) return tooLarge;
    const buffer = Buffer.alloc(Math.min(stats.size, limit) + 1);
    let length = 0;
    for (let n = -1; n !== 0 && length < buffer.length; length += n) n = readSync(fd, buffer, length, buffer.length - length, null);
    if (length > limit) return tooLarge;
    try {
      return { ok: true, text: new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(buffer.subarray(0, length)), realPath: real };
    } catch {
      return { ok: false, reason: "is not UTF-8 text", hint: "save it as UTF-8 YAML or JSON" };
    }
  } catch (error) {
    return failed(error);
  } finally {
    closeSync(fd);
  }
}

/**
 * Reads a file that must lie inside one of `roots` once symlinks are resolved: the spec's service folder and the
 * shared folder. `roots` are real paths (see realFolder).
 */
export function readConfinedFile(path: string, roots: readonly string[], rootsShown: string): InputFile {
  let real: string;
  try {
    real = realpathSync(path);
  } catch (error) {
    return failed(error);
  }
  if (!roots.some((root) => isWithin(root, real))) {
    const via = real === path ? "" : ` (it resolves to ${real})`;
    return { ok: false, reason: `lies outside ${rootsShown}${via}`, hint: `copy the file into ${rootsShown}` };
  }
  return readInputFile(real);
}
