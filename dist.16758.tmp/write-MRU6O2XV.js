import {
  comparePlan,
  formatDifference,
  refuseOutsidePaths,
  writePlan
} from "./chunk-Y7GL5YXH.js";
import "./chunk-67Y7S7V2.js";
import "./chunk-ZOVCPWKV.js";
export {
  comparePlan,
  formatDifference,
  refuseOutsidePaths,
  writePlan
};
