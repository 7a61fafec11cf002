import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    globalSetup: ["test/helpers/build-client-package.ts"],
    // Most test files wait on servers and child processes as much as they compute: more files than cores run at
    // once (vitest's default is one fewer than the cores, a single worker on a 2-core CI machine).
    maxWorkers: availableParallelism() * 2,
    minWorkers: 1,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
