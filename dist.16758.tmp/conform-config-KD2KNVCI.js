import {
  UserError,
  problem,
  readInputFile,
  schemaChecker
} from "./chunk-ZOVCPWKV.js";

// conformance/targets/conform-config.ts
var checkConfig = schemaChecker({
  type: "object",
  additionalProperties: false,
  properties: {
    subscription: { type: "string" },
    cloud: { enum: ["public", "china", "usgov"] },
    resources: { type: "object", additionalProperties: { type: "object", additionalProperties: { type: "string", minLength: 1 } } }
  }
});
function readConformConfig(file) {
  const example = 'write JSON like {"subscription": "\u2026", "resources": {"maps": {"resourceGroupName": "rg", "accountName": "acct"}}}';
  const read = readInputFile(file);
  if (!read.ok) throw new UserError(problem("conform/config", { file }, `the config ${read.reason}`, `${read.hint}; ${example}`));
  let parsed;
  try {
    parsed = JSON.parse(read.text);
  } catch (error) {
    throw new UserError(problem("conform/config", { file }, `the config is not JSON (${error.message})`, example));
  }
  const violations = checkConfig(parsed);
  if (violations.length > 0) {
    throw new UserError(violations.map((v) => problem("conform/config", { file, pointer: v.instancePath }, v.message, "see `rekey conform --help` for the config format")));
  }
  return parsed;
}
export {
  readConformConfig
};
