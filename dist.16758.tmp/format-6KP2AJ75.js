import {
  diffTitle,
  formatDiff,
  formatJson,
  formatMarkdown,
  formatText,
  markdownBody
} from "./chunk-XV2PECO6.js";
import "./chunk-ZOVCPWKV.js";
export {
  diffTitle,
  formatDiff,
  formatJson,
  formatMarkdown,
  formatText,
  markdownBody
};
