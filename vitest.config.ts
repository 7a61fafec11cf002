import { readdirSync, readFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

/**
 * Test files that replace modules or process-wide state (vi.mock, stubbed env or globals, fake timers, chdir) run
 * isolated, each in fresh modules; every other file shares its worker's loaded modules with the files run before it,
 * which halves the suite's time (loading the code under test for each file was a third of it).
 */
const REPLACES_MODULES_OR_GLOBALS = /vi\.(mock|doMock|stubEnv|stubGlobal|useFakeTimers|resetModules)\b|process\.chdir|refusedInputsOnly/;
const root = fileURLToPath(new URL(".", import.meta.url));
const testFiles = (readdirSync(join(root, "test"), { recursive: true }) as string[]).filter((f) => f.endsWith(".test.ts")).map((f) => `test/${f.replaceAll("\\", "/")}`);
const isolated = testFiles.filter((f) => REPLACES_MODULES_OR_GLOBALS.test(readFileSync(join(root, f), "utf8")));

export default defineConfig({
  test: {
    globalSetup: ["test/helpers/build-client-package.ts"],
    // Most test files wait on servers and child processes as much as they compute: more files than cores run at
    // once (vitest's default is one fewer than the cores, a single worker on a 2-core CI machine).
    maxWorkers: availableParallelism() * 2,
    minWorkers: 1,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    projects: [
      { extends: true, test: { name: "shared-modules", include: ["test/**/*.test.ts"], exclude: isolated, isolate: false } },
      { extends: true, test: { name: "isolated", include: isolated } },
    ],
  },
});
