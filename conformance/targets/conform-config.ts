/** The `--config FILE` of a live or URL run: subscription, cloud (live only) and resource names, checked against a schema. */
import { problem, readInputFile, schemaChecker, UserError } from "../../kernel/index.ts";
import type { ResourceValues } from "./named-resources.ts";

export interface ConformConfig {
  subscription?: string;
  cloud?: string;
  resources?: ResourceValues;
}

const checkConfig = schemaChecker({
  type: "object",
  additionalProperties: false,
  properties: {
    subscription: { type: "string" },
    cloud: { enum: ["public", "china", "usgov"] },
    resources: { type: "object", additionalProperties: { type: "object", additionalProperties: { type: "string", minLength: 1 } } },
  },
});

export function readConformConfig(file: string): ConformConfig {
  const example = 'write JSON like {"subscription": "…", "resources": {"maps": {"resourceGroupName": "rg", "accountName": "acct"}}}';
  const read = readInputFile(file);
  if (!read.ok) throw new UserError(problem("conform/config", { file }, `the config ${read.reason}`, `${read.hint}; ${example}`));
  let parsed: unknown;
  try {
    parsed = JSON.parse(read.text);
  } catch (error) {
    throw new UserError(problem("conform/config", { file }, `the config is not JSON (${(error as Error).message})`, example));
  }
  const violations = checkConfig(parsed);
  if (violations.length > 0) {
    throw new UserError(violations.map((v) => problem("conform/config", { file, pointer: v.instancePath }, v.message, "see `rekey conform --help` for the config format")));
  }
  return parsed as ConformConfig;
}
