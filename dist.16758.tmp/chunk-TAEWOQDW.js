import {
  requireCjs
} from "./chunk-ZOVCPWKV.js";

// generator/emit/emit-types.ts
function withoutExamples(raw) {
  if (Array.isArray(raw)) return raw.map(withoutExamples);
  if (!raw || typeof raw !== "object") return raw;
  const copy = {};
  for (const [key, value] of Object.entries(raw)) if (key !== "x-ms-examples") copy[key] = withoutExamples(value);
  return copy;
}
async function emitTypes(raw) {
  const { default: openapiTS, astToString } = requireCjs("openapi-typescript");
  const ast = await openapiTS(withoutExamples(raw), { silent: true });
  return astToString(ast);
}

export {
  emitTypes
};
