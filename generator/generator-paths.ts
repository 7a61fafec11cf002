/**
 * The folders whose files become generated/: what the generator reads besides the specs, and what its manifest hashes.
 * They are read from ASSETS_ROOT: the repository, or the installed tool's dist/, which carries copies of them.
 */
import { join } from "node:path";
import { ASSETS_ROOT, codeTrees } from "../kernel/index.ts";

export const TEMPLATES_DIR = join(ASSETS_ROOT, "generator", "templates");
/** The client runtime, copied into every generated package as src/runtime/. */
export const RUNTIME_DIR = join(ASSETS_ROOT, "client-runtime");
/** The package's build (dist/ from src/), bundled into the package as its build script. */
export const PACKAGE_BUILD_DIR = join(ASSETS_ROOT, "generator", "package-build");
/** Code whose change can change the output: the generator itself, the kernel that models specs, the runtime it copies. */
export const OUTPUT_CODE_DIRS: Record<string, string> = codeTrees(["generator", "kernel", "client-runtime"]);
