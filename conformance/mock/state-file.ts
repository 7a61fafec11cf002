/**
 * `--state FILE`: resources to add to (or replace in) the mock's state, and api-versions ARM should report that
 * the specs lack. Checked against a JSON Schema; a bad file is a UserError naming the file and JSON pointer.
 *
 *   { "examples": true,
 *     "resources": [{ "id": "/subscriptions/…/providers/Microsoft.Batch/batchAccounts/aad",
 *                     "properties": { "allowedAuthenticationModes": ["AAD"] },
 *                     "keys": { "Primary": "…" } }],
 *     "apiVersions": { "Microsoft.Maps/accounts": ["2027-01-01"] } }
 */
import { displayPath, parents, parseResourceId, problem, readInputFile, schemaChecker, UserError } from "../../kernel/index.ts";
import { timestamp } from "./keys.ts";
import { newResource } from "./seed-state.ts";
import type { MockResource } from "./state.ts";

export interface StateDocument {
  examples?: boolean;
  resources?: Array<{ id: string; properties?: Record<string, unknown>; keys?: Record<string, string | { value: string; lastUpdated?: string }> }>;
  apiVersions?: Record<string, string[]>;
}

const STATE_SCHEMA = {
  type: "object",
  additionalProperties: false,
  properties: {
    examples: { type: "boolean" },
    resources: {
      type: "array",
      items: {
        type: "object",
        required: ["id"],
        additionalProperties: false,
        properties: {
          id: { type: "string", pattern: "^/subscriptions/[^/]+/" },
          properties: { type: "object" },
          keys: {
            type: "object",
            additionalProperties: {
              oneOf: [
                { type: "string", minLength: 1 },
                { type: "object", required: ["value"], additionalProperties: false, properties: { value: { type: "string", minLength: 1 }, lastUpdated: { type: "string" } } },
              ],
            },
          },
        },
      },
    },
    apiVersions: {
      type: "object",
      propertyNames: { pattern: "^[^/]+/[^/]+$" },
      additionalProperties: { type: "array", items: { type: "string", pattern: "^\\d{4}-\\d{2}-\\d{2}(-[a-z]+)?$" } },
    },
  },
};

const checkState = schemaChecker(STATE_SCHEMA);

export function checkStateDocument(value: unknown, file: string): StateDocument {
  const violations = checkState(value);
  if (violations.length > 0) {
    throw new UserError(violations.map((v) =>
      problem("mock/state", { file, pointer: v.instancePath || "/" }, `state ${v.message}`, "see the `--state FILE` format in docs/mock.md")));
  }
  const doc = value as StateDocument;
  doc.resources?.forEach((r, i) => {
    if (!parseResourceId(r.id)) {
      throw new UserError(problem("mock/state", { file, pointer: `/resources/${i}/id` }, `"${r.id}" is not a resource id`,
        "write /subscriptions/{id}/resourceGroups/{rg}/providers/{Namespace}/{type}/{name}"));
    }
  });
  return doc;
}

export function readStateFile(path: string): StateDocument {
  const file = displayPath(path);
  const read = readInputFile(path);
  if (!read.ok) throw new UserError(problem("mock/state", { file }, `the state file ${read.reason}`, `${read.hint}: a JSON file for --state`));
  let value: unknown;
  try {
    value = JSON.parse(read.text);
  } catch (e) {
    throw new UserError(problem("mock/state", { file }, `not JSON: ${(e as Error).message}`, "fix the JSON syntax"));
  }
  return checkStateDocument(value, file);
}

/**
 * The starting resources: the seeded ones (unless `examples: false`), then the file's, each replacing the one with
 * its id; a parent the file implies (a service for its tenant/access) is added only where it is missing.
 */
export function initialResources(seeded: MockResource[], doc: StateDocument | undefined, now = new Date()): MockResource[] {
  const byId = new Map<string, MockResource>();
  for (const r of doc?.examples === false ? [] : seeded) byId.set(r.id.toLowerCase(), r);
  for (const entry of doc?.resources ?? []) {
    const address = parseResourceId(entry.id)!;
    for (const parent of parents(address).map((a) => newResource(a))) {
      if (!byId.has(parent.id.toLowerCase())) byId.set(parent.id.toLowerCase(), parent);
    }
    const resource = newResource(address, structuredClone(entry.properties ?? {}));
    for (const [name, key] of Object.entries(entry.keys ?? {})) {
      resource.keys[name] = typeof key === "string"
        ? { value: key, lastUpdated: timestamp(now) }
        : { value: key.value, lastUpdated: key.lastUpdated ?? timestamp(now) };
    }
    byId.set(resource.id.toLowerCase(), resource);
  }
  return [...byId.values()];
}
