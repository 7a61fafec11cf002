/**
 * `--resource` values that name, for each operation, the resource its first example addresses (subscription
 * included): what a run against a stand-in URL target passes, with --allow-mutations, to have every exchange sent.
 */
import type { DocumentModel } from "../../kernel/index.ts";
import type { ResourceValues } from "../../conformance/targets/named-resources.ts";

export function exampleResources(docs: DocumentModel[]): ResourceValues {
  const values: ResourceValues = {};
  for (const doc of docs) {
    for (const operation of doc.operations) {
      const example = operation.examples[0]?.parameters ?? {};
      const path = operation.parameters.filter((p) => p.in === "path" && example[p.name] !== undefined);
      values[`${doc.service}/${doc.apiVersion}/${operation.operationId}`] = Object.fromEntries(path.map((p) => [p.name, String(example[p.name])]));
    }
  }
  return values;
}
