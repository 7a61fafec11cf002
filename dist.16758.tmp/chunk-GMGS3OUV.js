// conformance/media-type.ts
function mediaType(header) {
  return header?.split(";")[0].trim().toLowerCase() || void 0;
}

export {
  mediaType
};
