import {
  startMock
} from "./chunk-QDWGRJDG.js";
import "./chunk-UKLYBJ3X.js";
import "./chunk-4THIR63X.js";
import "./chunk-MWY6LZN7.js";
import "./chunk-CSQB63KE.js";
import "./chunk-ZOVCPWKV.js";
export {
  startMock
};
