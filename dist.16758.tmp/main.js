import {
  buildProgram,
  main
} from "./chunk-QTQCNOMI.js";
import "./chunk-6PRFXF2V.js";
import "./chunk-ZOVCPWKV.js";
export {
  buildProgram,
  main
};
