#!/usr/bin/env node
import {
  main
} from "./chunk-QTQCNOMI.js";
import "./chunk-6PRFXF2V.js";
import "./chunk-ZOVCPWKV.js";

// cli/bin.ts
process.exitCode = await main(process.argv.slice(2));
