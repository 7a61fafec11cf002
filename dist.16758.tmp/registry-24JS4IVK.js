import {
  CHECKS,
  findCheck
} from "./chunk-DM75KB7X.js";
import "./chunk-GMGS3OUV.js";
import "./chunk-ZOVCPWKV.js";
export {
  CHECKS,
  findCheck
};
