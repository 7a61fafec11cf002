/**
 * Every path the generator writes, removes or reads under --out comes through here first: a plain relative path
 * (no "..", no absolute path, no "./" or "//" detours) whose existing part does not lead outside --out through a
 * symlink. The paths come from the generator's plan and from the manifest a previous run left in --out — which is
 * a file anyone can edit, so its entries are input like any other.
 */
import { lstatSync, realpathSync } from "node:fs";
import { dirname, isAbsolute, join, posix, win32 } from "node:path";
import { displayPath, isWithin } from "../kernel/index.ts";

function isSymlink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}

/** Why `path` may not be touched under `outDir` ("is not …", "leads outside …"), or undefined when it may. */
export function outsideReason(outDir: string, path: string): string | undefined {
  const plain = path !== "" && !path.includes("\0") && !path.includes("\\") && !isAbsolute(path) && !win32.isAbsolute(path) &&
    posix.normalize(path) === path && !path.endsWith("/") && path.split("/").every((s) => s !== "." && s !== "..");
  if (!plain) return `is not a plain relative path inside ${displayPath(outDir) || "."}/`;
  let realOut: string;
  try {
    realOut = realpathSync(outDir);
  } catch {
    return undefined; // --out does not exist yet: nothing under it can be a symlink
  }
  // The deepest part of the path that exists, with every symlink on the way resolved, must stay inside --out.
  const target = join(outDir, path);
  for (let at = target; at !== outDir && at !== dirname(at); at = dirname(at)) {
    let real: string;
    try {
      real = realpathSync(at);
    } catch {
      // Not there, or a symlink to nothing: as the file itself it is replaced or removed, never followed; as a
      // folder on the way, writing through it could create its target wherever it points.
      if (at !== target && isSymlink(at)) return `passes through ${displayPath(at)}, a symlink that leads nowhere`;
      continue;
    }
    return isWithin(realOut, real) ? undefined : `leads outside ${displayPath(outDir) || "."}/ through a symlink (to ${real})`;
  }
  return undefined;
}
