/**
 * The widgets fixture (test/generator/fixtures) made long-running: Widgets_RegenerateKey answers 202 with
 * Azure-AsyncOperation, Location and Retry-After, and finishes at Location (final-state-via as given); its example
 * documents both the 200 and the 202. Written into a temporary specs folder.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { copyTree, tempDir } from "./files.ts";

const FIXTURE = new URL("../generator/fixtures", import.meta.url).pathname;
const SPEC = "widgets/2024-01-01/openapi.yaml";
const EXAMPLE = "widgets/2024-01-01/examples/Regenerate.json";

const ACCEPTED = [
  "        '202':",
  "          description: Accepted.",
  "          headers:",
  "            Azure-AsyncOperation: { schema: { type: string, format: uri } }",
  "            Location: { schema: { type: string } }",
  "            Retry-After: { schema: { type: integer, format: int32 } }",
].join("\n");

export function longRunningWidgets(finalStateVia = "location"): string {
  const specs = copyTree(FIXTURE, join(tempDir("rekey-lro-"), "specs"));
  const file = join(specs, SPEC);
  writeFileSync(file, readFileSync(file, "utf8")
    .replace("      operationId: Widgets_RegenerateKey\n", [
      "      operationId: Widgets_RegenerateKey",
      "      x-ms-long-running-operation: true",
      `      x-ms-long-running-operation-options: { final-state-via: ${finalStateVia} }`,
      ""].join("\n"))
    .replace("        default:\n          description: Error.", `${ACCEPTED}\n        default:\n          description: Error.`));
  const example = join(specs, EXAMPLE);
  const parsed = JSON.parse(readFileSync(example, "utf8"));
  parsed.responses["202"] = { headers: { "Azure-AsyncOperation": "https://management.example.test/operationStatuses/1", Location: "https://management.example.test/operationResults/1", "Retry-After": "0" } };
  writeFileSync(example, JSON.stringify(parsed, null, 2));
  return specs;
}

export const LRO_EXAMPLE_ID = "widgets/2024-01-01/Widgets_RegenerateKey/example/Regenerate";
