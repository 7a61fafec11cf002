import {
  buildDeclarations,
  buildDist
} from "./chunk-67Y7S7V2.js";
import {
  ASSETS_ROOT,
  UserError,
  codeTrees,
  displayPath,
  isWithin,
  join,
  listFiles,
  printable,
  problem,
  readInputFile,
  treesHash
} from "./chunk-ZOVCPWKV.js";

// generator/write.ts
import { existsSync, lstatSync as lstatSync3, mkdirSync as mkdirSync2, readdirSync as readdirSync2, renameSync as renameSync2, rmdirSync, rmSync as rmSync2, writeFileSync as writeFileSync2 } from "node:fs";
import { dirname as dirname3, join as join6 } from "node:path";

// generator/manifest.ts
import { createHash as createHash2 } from "node:crypto";
import { join as join4 } from "node:path";

// generator/generator-paths.ts
import { join as join2 } from "node:path";
var TEMPLATES_DIR = join2(ASSETS_ROOT, "generator", "templates");
var RUNTIME_DIR = join2(ASSETS_ROOT, "client-runtime");
var PACKAGE_BUILD_DIR = join2(ASSETS_ROOT, "generator", "package-build");
var OUTPUT_CODE_DIRS = codeTrees(["generator", "kernel", "client-runtime"]);

// generator/package-build/dist-folder.ts
import { createHash } from "node:crypto";
import { lstatSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join as join3 } from "node:path";
var DIST_DIR = "dist";
var BUILD_SCRIPT = "build.js";
var DIST_STAMP = ".source-hash";
function buildInputs(files) {
  return files.filter((f) => f.path.startsWith("src/") || f.path === BUILD_SCRIPT);
}
function compilerVersions() {
  const require2 = createRequire(import.meta.url);
  const version = (name) => require2(`${name}/package.json`).version;
  return `esbuild@${version("esbuild")} typescript@${version("typescript")}`;
}
function buildInputsHash(inputs) {
  const hash = createHash("sha256").update(compilerVersions()).update("\0");
  for (const f of [...inputs].sort((a, b) => a.path < b.path ? -1 : 1)) hash.update(f.path).update("\0").update(f.content).update("\0");
  return hash.digest("hex");
}
function readStamp(packageDir) {
  try {
    if (!lstatSync(join3(packageDir, DIST_DIR)).isDirectory()) return void 0;
    return readFileSync(join3(packageDir, DIST_DIR, DIST_STAMP), "utf8").trim();
  } catch {
    return void 0;
  }
}
function writeDist(packageDir, files, hash) {
  const target = join3(packageDir, DIST_DIR);
  const staging = `${target}.build-${process.pid}.tmp`;
  rmSync(staging, { recursive: true, force: true });
  try {
    for (const f of files) {
      if (!f.path.startsWith(`${DIST_DIR}/`)) throw new Error(`the build planned ${f.path}, outside ${DIST_DIR}/`);
      const to = join3(staging, f.path.slice(DIST_DIR.length + 1));
      mkdirSync(dirname(to), { recursive: true });
      writeFileSync(to, f.content);
    }
    writeFileSync(join3(staging, DIST_STAMP), hash + "\n");
    for (let attempt = 0; ; attempt++) {
      rmSync(target, { recursive: true, force: true });
      try {
        renameSync(staging, target);
        return;
      } catch (error) {
        const code = error.code;
        if (code !== "ENOTEMPTY" && code !== "EEXIST" || attempt > 2) throw error;
        if (readStamp(packageDir) === hash) return;
      }
    }
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}
async function buildFromInputs(inputs, declarations = buildDeclarations) {
  return {
    // The build script is an input to the hash, not to the build: it is not part of the package's modules.
    files: await buildDist(inputs.filter((f) => f.path.startsWith("src/")), declarations),
    hash: buildInputsHash(inputs)
  };
}
function distIsCurrent(packageDir, hash) {
  return readStamp(packageDir) === hash;
}

// generator/manifest.ts
var MANIFEST_PATH = "rekey-manifest.json";
var OUTPUT_DEPENDENCIES = [
  "openapi-typescript",
  "typescript",
  "ajv",
  "ajv-formats",
  "esbuild",
  "handlebars",
  "openapi-fetch",
  "@apidevtools/swagger-parser",
  "yaml"
];
function sha256(content) {
  return createHash2("sha256").update(content).digest("hex");
}
function inputsHash(specsDir) {
  return treesHash({ specs: specsDir, ...OUTPUT_CODE_DIRS }, OUTPUT_DEPENDENCIES);
}
function manifestFile(files, inputs) {
  const manifest = { inputsHash: inputs, files: Object.fromEntries(files.map((f) => [f.path, sha256(f.content)])) };
  return { path: MANIFEST_PATH, content: JSON.stringify(manifest, null, 2) + "\n" };
}
function listCommittedFiles(outDir) {
  const built = new RegExp(`^${DIST_DIR}(\\.build-\\d+\\.tmp)?/`);
  return listFiles(outDir).filter((path) => !built.test(path));
}
var SHA256 = /^[0-9a-f]{64}$/;
function isManifest(value) {
  const v = value;
  return typeof v === "object" && v !== null && typeof v.inputsHash === "string" && typeof v.files === "object" && v.files !== null && !Array.isArray(v.files) && Object.values(v.files).every((hash) => typeof hash === "string" && SHA256.test(hash));
}
function readManifest(outDir) {
  const file = join4(outDir, MANIFEST_PATH);
  const read = readInputFile(file);
  if (!read.ok && read.notFound) return {};
  let why = read.ok ? "" : `the manifest ${read.reason}`;
  if (read.ok) {
    try {
      const parsed = JSON.parse(read.text);
      if (isManifest(parsed)) return { manifest: parsed };
      why = "the manifest is not shaped as rekey writes it ({ inputsHash, files: { path: sha256 } })";
    } catch {
      why = "the manifest is not JSON";
    }
  }
  return {
    damaged: problem(
      "write/manifest",
      { file: displayPath(file) },
      `${why}: files of the previous generation were not removed`,
      "delete any file `rekey generate --check` lists as unexpected",
      "warning"
    )
  };
}

// generator/output-paths.ts
import { lstatSync as lstatSync2, realpathSync } from "node:fs";
import { dirname as dirname2, isAbsolute, join as join5, posix, win32 } from "node:path";
function isSymlink(path) {
  try {
    return lstatSync2(path).isSymbolicLink();
  } catch {
    return false;
  }
}
function outsideReason(outDir, path) {
  const plain = path !== "" && !path.includes("\0") && !path.includes("\\") && !isAbsolute(path) && !win32.isAbsolute(path) && posix.normalize(path) === path && !path.endsWith("/") && path.split("/").every((s) => s !== "." && s !== "..");
  if (!plain) return `is not a plain relative path inside ${displayPath(outDir) || "."}/`;
  let realOut;
  try {
    realOut = realpathSync(outDir);
  } catch {
    return void 0;
  }
  const target = join5(outDir, path);
  for (let at = target; at !== outDir && at !== dirname2(at); at = dirname2(at)) {
    let real;
    try {
      real = realpathSync(at);
    } catch {
      if (at !== target && isSymlink(at)) return `passes through ${displayPath(at)}, a symlink that leads nowhere`;
      continue;
    }
    return isWithin(realOut, real) ? void 0 : `leads outside ${displayPath(outDir) || "."}/ through a symlink (to ${real})`;
  }
  return void 0;
}

// generator/write.ts
function cannotWrite(error) {
  const e = error;
  if (!e?.code || !e.path) throw error;
  throw new UserError(problem(
    "write",
    { file: displayPath(e.path) },
    `cannot write (${e.code}): nothing was changed`,
    "pass --out a folder you can write to"
  ));
}
function holds(target, content) {
  const expected = Buffer.byteLength(content);
  const read = readInputFile(target, expected);
  return read.ok && read.text === content;
}
function refuseOutsidePaths(outDir, files, previous) {
  const problems = [];
  for (const f of files) {
    const reason = outsideReason(outDir, f.path);
    if (reason) problems.push(problem("write", { file: displayPath(join6(outDir, f.path)) }, `cannot write "${f.path}": it ${reason}`, "replace the symlink with a real folder"));
  }
  const manifestFile2 = displayPath(join6(outDir, MANIFEST_PATH));
  const planned = new Set(files.map((f) => f.path));
  for (const path of previous.filter((p) => !planned.has(p))) {
    const reason = outsideReason(outDir, path);
    if (reason) {
      problems.push(problem(
        "write/manifest",
        { file: manifestFile2, pointer: join("", "files", path) },
        `the previous manifest lists "${path}", which ${reason}: nothing was changed`,
        "rekey only removes files it wrote inside --out: restore the manifest from version control or delete it, then generate again"
      ));
    }
  }
  if (problems.length > 0) throw new UserError(problems);
}
function writePlan(outDir, files) {
  const { manifest, damaged } = readManifest(outDir);
  const previous = Object.keys(manifest?.files ?? {});
  refuseOutsidePaths(outDir, files, previous);
  const staged = [];
  const createdDirs = [];
  try {
    for (const f of files) {
      const target = join6(outDir, f.path);
      if (holds(target, f.content)) continue;
      if (lstatSync3(target, { throwIfNoEntry: false })?.isDirectory()) {
        throw Object.assign(new Error(`${target} is a folder`), { code: "EISDIR", path: target });
      }
      const temp = `${target}.rekey-${process.pid}.tmp`;
      const created = mkdirSync2(dirname3(target), { recursive: true });
      if (created) createdDirs.push(created);
      writeFileSync2(temp, f.content);
      staged.push({ temp, target, path: f.path });
    }
  } catch (error) {
    for (const { temp } of staged) rmSync2(temp, { force: true });
    for (const dir of createdDirs.reverse()) rmSync2(dir, { recursive: true, force: true });
    cannotWrite(error);
  }
  for (const { temp, target } of staged) renameSync2(temp, target);
  const planned = new Set(files.map((f) => f.path));
  const removed = previous.filter((p) => !planned.has(p) && existsSync(join6(outDir, p)));
  for (const p of removed) {
    rmSync2(join6(outDir, p));
    removeEmptyParents(outDir, dirname3(join6(outDir, p)));
  }
  return { written: staged.map((s) => s.path), removed, warnings: damaged ? [damaged] : [] };
}
function removeEmptyParents(outDir, dir) {
  for (let at = dir; at.startsWith(outDir) && at !== outDir && readdirSync2(at).length === 0; at = dirname3(at)) rmdirSync(at);
}
function firstDifferentLine(actual, expected) {
  const a = actual.split("\n");
  const e = expected.split("\n");
  for (let i = 0; i < Math.max(a.length, e.length); i++) {
    if (a[i] !== e[i]) return { number: i + 1, actual: a[i] ?? "<end of file>", expected: e[i] ?? "<end of file>" };
  }
  return void 0;
}
function comparePlan(outDir, files) {
  refuseOutsidePaths(outDir, files, []);
  const differences = [];
  const planned = new Set(files.map((f) => f.path));
  for (const f of files) {
    const read = readInputFile(join6(outDir, f.path));
    if (!read.ok && read.notFound) differences.push({ path: f.path, kind: "missing" });
    else if (!read.ok) differences.push({ path: f.path, kind: "changed" });
    else if (read.text !== f.content) differences.push({ path: f.path, kind: "changed", line: firstDifferentLine(read.text, f.content) });
  }
  for (const p of listCommittedFiles(outDir)) if (!planned.has(p)) differences.push({ path: p, kind: "unexpected" });
  return differences;
}
function formatDifference(d) {
  const head = `${d.kind === "changed" ? "M" : d.kind === "missing" ? "A" : "?"} ${printable(d.path)}`;
  if (d.kind === "missing") return `${head} (would be created)`;
  if (d.kind === "unexpected") return `${head} (not written by rekey: remove it)`;
  if (!d.line) return head;
  const clip = (s) => printable(s.length > 100 ? s.slice(0, 97) + "..." : s);
  return `${head}:${d.line.number}
    - ${clip(d.line.actual)}
    + ${clip(d.line.expected)}`;
}

export {
  TEMPLATES_DIR,
  RUNTIME_DIR,
  PACKAGE_BUILD_DIR,
  DIST_DIR,
  BUILD_SCRIPT,
  DIST_STAMP,
  buildInputs,
  buildInputsHash,
  writeDist,
  buildFromInputs,
  distIsCurrent,
  MANIFEST_PATH,
  sha256,
  inputsHash,
  manifestFile,
  listCommittedFiles,
  readManifest,
  refuseOutsidePaths,
  writePlan,
  comparePlan,
  formatDifference
};
