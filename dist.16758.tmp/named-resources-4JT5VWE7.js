import {
  namedResources,
  parseResourceFlags
} from "./chunk-WL6MI4PM.js";
import "./chunk-DFAMEA3W.js";
import "./chunk-ZOVCPWKV.js";
export {
  namedResources,
  parseResourceFlags
};
