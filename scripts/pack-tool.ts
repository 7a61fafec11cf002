/**
 * `npm run pack:tool [-- DIR]`: packs the built tool (dist/, from `npm run build:tool`, which pack:tool runs first)
 * into DIR/rekey-<version>.tgz (default packs/) with npm's own `npm pack`, and says what it holds. The package
 * stays private: a tarball is how the tool is installed (`npm install ./packs/rekey-<version>.tgz`).
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { REPO_ROOT } from "../kernel/index.ts";

const destination = resolve(process.argv[2] ?? join(REPO_ROOT, "packs"));
if (!existsSync(join(REPO_ROOT, "dist", "rekey.js"))) throw new Error("dist/ is not built: run `npm run build:tool` (or `npm run pack:tool`)");
mkdirSync(destination, { recursive: true });
const npm = process.platform === "win32" ? "npm.cmd" : "npm";
const [packed] = JSON.parse(execFileSync(npm, ["pack", REPO_ROOT, "--pack-destination", destination, "--json", "--silent"], {
  cwd: REPO_ROOT, encoding: "utf8", shell: process.platform === "win32",
})) as Array<{ filename: string; size: number; unpackedSize: number; entryCount: number }>;
const kB = (bytes: number) => `${(bytes / 1000).toFixed(0)} kB`;
const shown = relative(process.cwd(), join(destination, packed.filename)) || packed.filename;
console.log(`${shown}: ${kB(packed.size)} packed, ${kB(packed.unpackedSize)} unpacked, ${packed.entryCount} files`);
