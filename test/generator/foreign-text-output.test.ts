/**
 * What the CLI prints of a spec is foreign text: an error line that quotes it shows its control characters escaped,
 * so a spec cannot drive the terminal or start a CI log line of its own (`::error::`).
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { formatProblem, problem } from "../../kernel/user-error.ts";
import { runRekey } from "../helpers/cli.ts";
import { copyTree, removeTempDirs, tempDir } from "../helpers/files.ts";

const HOSTILE = "Widgets\u001b]52;c;cHduZWQ=\u0007_Regenerate\r\n::error file=x::forged\u009b31m";
const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

afterAll(removeTempDirs);

describe("spec text in error lines", () => {
  it("formatProblem keeps a problem on one line with its control characters escaped", () => {
    const line = formatProblem(problem("operation-id", { file: "specs/x/2024-01-01/openapi.yaml", pointer: "/paths" }, `operationId "${HOSTILE}" is bad`));
    expect(line).not.toMatch(RAW_CONTROL);
    expect(line).not.toMatch(/\n/);
    expect(line).toContain("\\u001b]52;c;cHduZWQ=\\u0007");
  });

  it("rekey lint on an example naming a hostile parameter: exit 2, no raw control character, no line starting with ::", async () => {
    const specs = copyTree(new URL("./fixtures", import.meta.url).pathname, join(tempDir(), "specs"));
    const file = join(specs, "widgets/2024-01-01/examples/Regenerate.json");
    const example = JSON.parse(readFileSync(file, "utf8")) as { parameters: Record<string, unknown> };
    example.parameters[HOSTILE] = "x"; // lint quotes the name: "… is not a parameter of …"
    writeFileSync(file, JSON.stringify(example));
    const result = await runRekey(["lint", "--specs", specs]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/error: /);
    expect(result.stderr).not.toMatch(RAW_CONTROL);
    expect(result.stderr.split("\n").filter((l) => l.startsWith("::"))).toEqual([]);
  });
});
