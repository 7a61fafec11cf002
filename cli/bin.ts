#!/usr/bin/env node
/**
 * The installed tool's `rekey` executable (package.json "bin", compiled to dist/rekey.js by scripts/build-tool.ts):
 * the same CLI as the repository's cli/rekey.js runs.
 */
import { main } from "./main.ts";

process.exitCode = await main(process.argv.slice(2));
