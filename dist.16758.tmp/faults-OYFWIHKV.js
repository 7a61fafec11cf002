import {
  FAULT_HEADER,
  MAX_DELAY_MS,
  findFault,
  listFaults
} from "./chunk-4THIR63X.js";
import "./chunk-CSQB63KE.js";
export {
  FAULT_HEADER,
  MAX_DELAY_MS,
  findFault,
  listFaults
};
