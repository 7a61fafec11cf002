/**
 * vitest global set-up: tests import the generated package as users do (@rekey/clients, through its dist/), and
 * dist/ is built, not committed. After a pull or a merge that changed generated/src/, this rebuilds it before any
 * test runs; when it is current (the usual case) it costs a hash of the sources.
 */
import { join } from "node:path";
import { REPO_ROOT } from "../../kernel/index.ts";
import { buildPackage } from "../../generator/package-build/dist-folder.ts";

export default async function setup(): Promise<void> {
  await buildPackage(join(REPO_ROOT, "generated"));
}
