import {
  DIFF_CHECKS,
  DIFF_RULES,
  diffDocuments,
  diffPaths,
  loadForDiff
} from "./chunk-LRWY7HRE.js";
import "./chunk-ZOVCPWKV.js";
export {
  DIFF_CHECKS,
  DIFF_RULES,
  diffDocuments,
  diffPaths,
  loadForDiff
};
