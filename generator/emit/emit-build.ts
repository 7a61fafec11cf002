/**
 * What the package needs to build itself: build.js (package-build/build-script.ts and what it imports, bundled into
 * one module that needs only Node, esbuild and typescript) and the .gitignore that keeps dist/ out of version control.
 */
import { join } from "node:path";
import { ASSETS_ROOT } from "../../kernel/index.ts";
import { PACKAGE_BUILD_DIR } from "../generator-paths.ts";
import { BUILD_SCRIPT, DIST_DIR } from "../package-build/dist-folder.ts";
import { type GeneratedFile, withHeader } from "./generated-file.ts";

const SOURCE = "generator/package-build/";

async function buildScript(): Promise<string> {
  const esbuild = await import("esbuild");
  const result = await esbuild.build({
    entryPoints: [join(PACKAGE_BUILD_DIR, "build-script.ts")],
    absWorkingDir: ASSETS_ROOT, // comments in build.js name its sources relative to this: generator/package-build/…
    bundle: true,
    packages: "external",
    platform: "node",
    format: "esm",
    target: "node20",
    write: false,
    legalComments: "none",
    logLevel: "silent",
  });
  return result.outputFiles[0].text;
}

export async function buildFiles(): Promise<GeneratedFile[]> {
  return [
    withHeader(BUILD_SCRIPT, await buildScript(), SOURCE),
    // dist/ and the folder a build stages it in are built from src/, never committed.
    withHeader(".gitignore", `/${DIST_DIR}/\n/${DIST_DIR}.build-*.tmp/\n`, SOURCE),
  ];
}
