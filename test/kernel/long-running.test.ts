/**
 * x-ms-long-running-operation(-options) in the operation model: read once, defaults as AutoRest's, and every
 * contradiction with the operation's responses a problem at file#pointer (lint, generate and the mock stop on it).
 * Each case is the widgets fixture made long-running, with one thing changed.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadSpecs, UserError } from "../../kernel/index.ts";
import { copyTree, removeTempDirs, tempDir } from "../helpers/files.ts";

const FIXTURE = new URL("../generator/fixtures", import.meta.url).pathname;
const SPEC = "widgets/2024-01-01/openapi.yaml";
const OPERATION = "/paths/~1subscriptions~1{subscriptionId}~1providers~1Example.Widgets~1widgets~1{widgetName}~1regenerateKey/post";

const ACCEPTED = [
  "        '202':",
  "          description: Accepted.",
  "          headers:",
  "            azure-asyncoperation: { schema: { type: string, format: uri } }",
  "            Location: { schema: { type: string } }",
  "            Retry-After: { schema: { type: integer, format: int32 } }",
].join("\n");

/** The fixture with the regenerate operation long-running; `edit` changes the lines it is given. */
function specsWith(extension: string, accepted = ACCEPTED): string {
  const specs = copyTree(FIXTURE, join(tempDir(), "specs"));
  const file = join(specs, SPEC);
  const text = readFileSync(file, "utf8")
    .replace("      operationId: Widgets_RegenerateKey\n", `      operationId: Widgets_RegenerateKey\n${extension}`)
    .replace("        default:\n          description: Error.", `${accepted}\n        default:\n          description: Error.`);
  writeFileSync(file, text);
  return specs;
}

async function problemsOf(specs: string): Promise<Array<{ pointer?: string; message: string }>> {
  try {
    await loadSpecs(specs);
    return [];
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    return error.problems.map((p) => ({ pointer: p.location.pointer, message: p.message }));
  }
}

afterAll(removeTempDirs);

describe("the long-running model", () => {
  it("reads final-state-via, the accepted status and its headers in canonical spelling", async () => {
    const specs = specsWith("      x-ms-long-running-operation: true\n      x-ms-long-running-operation-options: { final-state-via: azure-async-operation }\n");
    const { docs } = await loadSpecs(specs);
    const operation = docs[0]!.operations.find((o) => o.operationId === "Widgets_RegenerateKey")!;
    expect(operation.longRunning).toEqual({
      finalStateVia: "azure-async-operation",
      finalStateViaWritten: true,
      acceptedStatus: "202",
      declaredHeaders: ["Azure-AsyncOperation", "Location", "Retry-After"],
      finalStatuses: ["200"],
    });
  });

  it("a POST without options finishes at Location, as AutoRest defaults it", async () => {
    const { docs } = await loadSpecs(specsWith("      x-ms-long-running-operation: true\n"));
    expect(docs[0]!.operations[0]!.longRunning).toMatchObject({ finalStateVia: "location", finalStateViaWritten: false });
  });

  it("an operation without the extension has no long-running model", async () => {
    const { docs } = await loadSpecs(FIXTURE);
    expect(docs[0]!.operations.every((o) => o.longRunning === undefined)).toBe(true);
  });
});

describe("long-running problems", () => {
  const cases = [
    {
      name: "options without the flag",
      specs: () => specsWith("      x-ms-long-running-operation-options: { final-state-via: location }\n"),
      pointer: `${OPERATION}/x-ms-long-running-operation-options`,
      message: /not long-running/,
    },
    {
      name: "a flag that is not a boolean",
      specs: () => specsWith("      x-ms-long-running-operation: 'yes'\n"),
      pointer: `${OPERATION}/x-ms-long-running-operation`,
      message: /must be true or false/,
    },
    {
      name: "an unknown final-state-via",
      specs: () => specsWith("      x-ms-long-running-operation: true\n      x-ms-long-running-operation-options: { final-state-via: body }\n"),
      pointer: `${OPERATION}/x-ms-long-running-operation-options/final-state-via`,
      message: /"body" is not one of/,
    },
    {
      name: "original-uri on a POST",
      specs: () => specsWith("      x-ms-long-running-operation: true\n      x-ms-long-running-operation-options: { final-state-via: original-uri }\n"),
      pointer: `${OPERATION}/x-ms-long-running-operation-options/final-state-via`,
      message: /original-uri on a POST/,
    },
    {
      name: "no 202 response",
      specs: () => specsWith("      x-ms-long-running-operation: true\n", ""),
      pointer: `${OPERATION}/responses`,
      message: /declares no 202/,
    },
    {
      name: "a 202 without polling headers",
      specs: () => specsWith("      x-ms-long-running-operation: true\n", "        '202':\n          description: Accepted."),
      pointer: `${OPERATION}/responses/202/headers`,
      message: /declares no polling header/,
    },
    {
      name: "final-state-via naming a header the 202 lacks",
      specs: () => specsWith("      x-ms-long-running-operation: true\n      x-ms-long-running-operation-options: { final-state-via: operation-location }\n"),
      pointer: `${OPERATION}/responses/202/headers`,
      message: /reads the Operation-Location header/,
    },
  ];

  it.each(cases)("$name: one problem at file#pointer", async (c) => {
    const problems = await problemsOf(c.specs());
    expect(problems).toEqual([{ pointer: c.pointer, message: expect.stringMatching(c.message) }]);
  });
});
