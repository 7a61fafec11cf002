/**
 * The generated package's build script (`node build.js`, its `prepare` and `build`): builds dist/ from src/ in the
 * folder the script sits in, unless dist/ is already current. The generator bundles this file into build.js.
 */
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { buildPackage } from "./dist-folder.ts";

try {
  await buildPackage(dirname(fileURLToPath(import.meta.url)));
} catch (error) {
  // The sources are generated and type-checked: a failure here is a bug, so its whole story is wanted.
  console.error(`build: dist/ was not built: ${(error as Error)?.stack ?? String(error)}`);
  process.exitCode = 70;
}
