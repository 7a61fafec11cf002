/** The folders whose files become generated/: what the generator reads besides the specs, and what its manifest hashes. */
import { join } from "node:path";
import { REPO_ROOT } from "../kernel/index.ts";

export const TEMPLATES_DIR = join(REPO_ROOT, "generator", "templates");
/** The client runtime, copied into every generated package as src/runtime/. */
export const RUNTIME_DIR = join(REPO_ROOT, "client-runtime");
/** The package's build (dist/ from src/), bundled into the package as its build script. */
export const PACKAGE_BUILD_DIR = join(REPO_ROOT, "generator", "package-build");
/** Code whose change can change the output: the generator itself, the kernel that models specs, the runtime it copies. */
export const OUTPUT_CODE_DIRS: Record<string, string> = {
  generator: join(REPO_ROOT, "generator"),
  kernel: join(REPO_ROOT, "kernel"),
  "client-runtime": RUNTIME_DIR,
};
