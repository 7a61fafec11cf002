#!/usr/bin/env node
/**
 * The installed tool's `rekey` executable (package.json "bin", compiled to dist/rekey.js by scripts/build-tool.ts):
 * the same CLI as the repository's cli/rekey.js runs, with the same V8 setting for `generate` (see there why).
 */
import { setFlagsFromString } from "node:v8";
import { main } from "./main.ts";

if (process.argv[2] === "generate") setFlagsFromString("--no-opt");
process.exitCode = await main(process.argv.slice(2));
