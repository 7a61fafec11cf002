import {
  inProcessTypeScript,
  startTypeScriptService
} from "./chunk-LKRIMMMG.js";
import "./chunk-TAEWOQDW.js";
import "./chunk-67Y7S7V2.js";
import "./chunk-ZOVCPWKV.js";
export {
  inProcessTypeScript,
  startTypeScriptService
};
