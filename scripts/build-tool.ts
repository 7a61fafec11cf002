/**
 * `npm run build:tool`: the installable rekey tool in dist/, plain JavaScript and one .d.ts, run by Node alone:
 * - the CLI (dist/rekey.js, package.json "bin") and the programmatic API (dist/index.js, "exports"), compiled by
 *   esbuild from cli/main.ts and api/index.ts with the CLI's own bundle options (cli/cli-bundle.js), so the
 *   installed command and `node cli/rekey.js` are one CLI;
 * - the API's types bundled into dist/index.d.ts (dts-bundle-generator), so a user's TypeScript sees one file;
 * - the files the generator reads at run time, copied at the paths it reads them from (kernel/repo-paths.ts):
 *   generator/templates/, generator/package-build/ (the source of a generated package's build.js) and
 *   client-runtime/ (copied into every generated package).
 * Every package the compiled code imports by name must be a dependency in package.json (or an optional peer): the
 * build fails otherwise. Those it loads with require (kernel/require-cjs.ts) esbuild cannot see: the install test
 * (test/packaging/tool-install.test.ts) runs the tool with only its dependencies installed.
 * dist/ is replaced whole, so nothing of an earlier build lingers.
 */
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, readFileSync, renameSync, rmSync } from "node:fs";
import { builtinModules } from "node:module";
import { join } from "node:path";
import { build } from "esbuild";
import { cliBundleOptions } from "../cli/cli-bundle.js";
import { REPO_ROOT } from "../kernel/index.ts";

const DIST = join(REPO_ROOT, "dist");
/** What the generator reads besides its code, copied to the same relative paths under dist/. */
const ASSETS = ["generator/templates", "generator/package-build", "client-runtime"];

const started = Date.now();
const staging = `${DIST}.${process.pid}.tmp`;
rmSync(staging, { recursive: true, force: true });

// A build that fails or is interrupted leaves no staging folder behind.
try {
  const result = await build({
    ...cliBundleOptions(REPO_ROOT, staging, { rekey: join(REPO_ROOT, "cli/bin.ts"), index: join(REPO_ROOT, "api/index.ts") }),
    metafile: true,
  });

  const pkg = JSON.parse(readFileSync(join(REPO_ROOT, "package.json"), "utf8")) as {
    dependencies: Record<string, string>;
    peerDependenciesMeta?: Record<string, { optional?: boolean }>;
  };
  /** Imported only when present (a token from @azure/identity): declared as optional peers, which npm does not install. */
  const optionalPeers = Object.entries(pkg.peerDependenciesMeta ?? {}).filter(([, meta]) => meta.optional).map(([name]) => name);
  const builtins = new Set(builtinModules);
  const imported = new Set(
    Object.values(result.metafile!.outputs).flatMap((o) => o.imports.filter((i) => i.external).map((i) => i.path))
      .filter((path) => !path.startsWith("node:") && !builtins.has(path.split("/")[0]))
      .map((path) => path.startsWith("@") ? path.split("/").slice(0, 2).join("/") : path.split("/")[0]),
  );
  const undeclared = [...imported].filter((name) => !(name in pkg.dependencies) && !optionalPeers.includes(name));
  if (undeclared.length > 0) throw new Error(`the compiled tool imports ${undeclared.join(", ")}, which package.json's dependencies lack`);

  for (const asset of ASSETS) {
    cpSync(join(REPO_ROOT, asset), join(staging, asset), { recursive: true, filter: (src) => !/\.test\.ts$/.test(src) });
  }

  // --no-check: tsc has checked the sources (npm test); the bundler only gathers the declarations api/index.ts needs.
  execFileSync(process.execPath, [
    join(REPO_ROOT, "node_modules/dts-bundle-generator/dist/bin/dts-bundle-generator.js"),
    "--project", join(REPO_ROOT, "tsconfig.json"), "--no-check", "--silent", "--export-referenced-types", "false",
    "-o", join(staging, "index.d.ts"), join(REPO_ROOT, "api/index.ts"),
  ], { stdio: "inherit" });

  rmSync(DIST, { recursive: true, force: true });
  renameSync(staging, DIST);
} finally {
  rmSync(staging, { recursive: true, force: true });
}
if (!existsSync(join(DIST, "rekey.js"))) throw new Error("dist/rekey.js was not built");
console.log(`dist/: built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
