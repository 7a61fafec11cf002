/**
 * x-rekey-rotation is checked where specs are read (lint, generate and the mock alike): a malformed extension or a pointer that
 * names nothing its schema declares is one line with file#pointer, exit 2, and the output folder left as it was.
 * Each case is the lockers fixture with one thing broken. The commands run through the CLI's main() in process; the
 * first case also spawns each of them, where exit code and stderr are the real process's.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { join as pointerJoin } from "../../kernel/json-pointer.ts";
import { ROTATION_SCHEMA } from "../../kernel/index.ts";
import { runRekey } from "../helpers/cli.ts";
import { generatedBaseline } from "../helpers/generation-cache.ts";
import { copyTree, removeTempDirs, tempDir, treeHash } from "../helpers/files.ts";
import { runInProcess } from "../helpers/in-process.ts";

vi.mock("../../generator/emit/typescript-service.ts", async () => (await import("../helpers/in-process.ts")).refusedInputsOnly);

const FIXTURE = new URL("./fixtures", import.meta.url).pathname;
const SPEC = "lockers/2025-01-01/openapi.yaml";
const PREFIX = "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Example.Lockers";
const rotationAt = (path: string, ...rest: string[]) => pointerJoin("", "paths", PREFIX + path, "post", "x-rekey-rotation", ...rest);
const LOCKERS = "/lockers/{lockerName}/regenerateKey";
const CABINETS = "/cabinets/{cabinetName}/regenerateAdminKey/{keyKind}";
const DOORS = "/lockers/{lockerName}/doors/{doorName}/rotateAccessKey";

interface BadCase {
  name: string;
  break(text: string): string;
  pointer: string;
  message: RegExp;
}

const cases: BadCase[] = [
  {
    name: "encoding hex without bytes",
    break: (t) => t.replace("keyFormat: { encoding: hex, bytes: 32 }", "keyFormat: { encoding: hex }"),
    pointer: rotationAt(DOORS, "keyFormat", "bytes"),
    message: /must have required property "bytes"/,
  },
  {
    name: "alphanumeric without length",
    break: (t) => t.replace("keyFormat: { encoding: alphanumeric, length: 32 }", "keyFormat: { encoding: alphanumeric }"),
    pointer: rotationAt(CABINETS, "keyFormat", "length"),
    message: /must have required property "length"/,
  },
  {
    name: "bytes with alphanumeric",
    break: (t) => t.replace("keyFormat: { encoding: alphanumeric, length: 32 }", "keyFormat: { encoding: alphanumeric, length: 32, bytes: 32 }"),
    pointer: rotationAt(CABINETS, "keyFormat", "bytes"),
    message: /does not apply to this encoding/,
  },
  {
    name: "selector in: bodyy",
    break: (t) => t.replace("selector: { in: body, pointer: /keyName }", "selector: { in: bodyy, pointer: /keyName }"),
    pointer: rotationAt(LOCKERS, "selector", "in"),
    message: /must be one of "body", "path", "query"/,
  },
  {
    name: "a typo in a value pointer (relative to the element)",
    break: (t) => t.replace("key1: { element: { array: /keys, where: { keyName: key1 } }, value: /value,", "key1: { element: { array: /keys, where: { keyName: key1 } }, value: /valeu,"),
    pointer: rotationAt(LOCKERS, "keys", "key1", "value"),
    message: /the response schema declares nothing at \/valeu of the element/,
  },
  {
    name: "a where-field the element schema does not declare",
    break: (t) => t.replace("key2: { element: { array: /keys, where: { keyName: key2 } }", "key2: { element: { array: /keys, where: { keyNme: key2 } }"),
    pointer: rotationAt(LOCKERS, "keys", "key2", "element", "where", "keyNme"),
    message: /the elements of \/keys declare no field "keyNme"/,
  },
  {
    name: "an element array that is not an array",
    break: (t) => t.replace("key2: { element: { array: /keys,", "key2: { element: { array: /keys/0/value,"),
    pointer: rotationAt(LOCKERS, "keys", "key2", "element", "array"),
    message: /declares no array at \/keys\/0\/value/,
  },
  {
    name: "a selector pointer the request body does not declare",
    break: (t) => t.replace("selector: { in: body, pointer: /keyName }", "selector: { in: body, pointer: /keyname }"),
    pointer: rotationAt(LOCKERS, "selector", "pointer"),
    message: /the request body schema declares nothing at \/keyname/,
  },
  {
    name: "a path selector naming no parameter",
    break: (t) => t.replace("selector: { in: path, parameter: keyKind }", "selector: { in: path, parameter: kind }"),
    pointer: rotationAt(CABINETS, "selector", "parameter"),
    message: /selects the key by path parameter "kind", which the operation does not have/,
  },
  {
    name: "a key name the selector's enum does not allow",
    break: (t) => t.replace("          secondary: { value: /secondaryKey }\n        keyFormat: { encoding: alphanumeric", "          secondry: { value: /secondaryKey }\n        keyFormat: { encoding: alphanumeric"),
    pointer: rotationAt(CABINETS, "keys", "secondry"),
    message: /key "secondry" is not a value the selector accepts/,
  },
  {
    name: "a key name that could not be part of an exchange id",
    break: (t) => t.replace("          primary: {}\n          secondary: {}", "          primary: {}\n          \"second ary/\\e[31m\": {}"),
    pointer: rotationAt(DOORS, "keys", "second ary/\\u001b[31m"), // as printed: the escape character shown escaped
    message: /key name "second ary\/\\u001b\[31m" may hold only letters, digits/,
  },
  {
    name: "readBack naming a missing operation",
    break: (t) => t.replace("operationId: Doors_ListAccessSecrets\n          keys:", "operationId: Doors_ListAccessSecret\n          keys:"),
    pointer: rotationAt(DOORS, "readBack", "operationId"),
    message: /reads the keys back with "Doors_ListAccessSecret", which is not an operation of this document/,
  },
  {
    name: "a readBack pointer its answer does not declare",
    break: (t) => t.replace("secondary: { value: /secondaryKey }\n      x-ms-examples:\n        Rotate:", "secondary: { value: /secondarykey }\n      x-ms-examples:\n        Rotate:"),
    pointer: rotationAt(DOORS, "readBack", "keys", "secondary", "value"),
    message: /the response schema declares nothing at \/secondarykey/,
  },
  {
    name: "pointers into a 204 without readBack",
    break: (t) => t.replace("          primary: {}\n          secondary: {}", "          primary: { value: /primaryKey }\n          secondary: {}"),
    pointer: rotationAt(DOORS),
    message: /points into the success body, but the operation's success response has no body schema/,
  },
];

let outDir: string;
let outHash: string;

beforeAll(async () => {
  ({ outDir, outHash } = await generatedBaseline(FIXTURE));
}, 120_000);

afterAll(removeTempDirs);

describe("x-rekey-rotation problems", () => {
  it("the fixture itself lints clean", async () => {
    const result = await runRekey(["lint", "--specs", FIXTURE]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
  });

  it.each(cases.map((c, i) => ({ ...c, run: i === 0 ? runRekey : runInProcess })))("$name: one line at file#pointer from lint, generate and mock, exit 2, output untouched", async (c) => {
    const specs = copyTree(FIXTURE, join(tempDir(), "specs"));
    const target = join(specs, SPEC);
    const broken = c.break(readFileSync(target, "utf8"));
    expect(broken, "the fixture edit must apply").not.toBe(readFileSync(target, "utf8"));
    writeFileSync(target, broken);

    for (const args of [["lint", "--specs", specs], ["generate", "--specs", specs, "--out", outDir], ["mock", "--specs", specs, "--port", "0"]]) {
      const result = await c.run(args);
      expect(result.code, result.stderr).toBe(2);
      expect(result.stdout).toBe("");
      const lines = result.stderr.trimEnd().split("\n");
      expect(lines, result.stderr).toHaveLength(1);
      const [line] = lines;
      expect(line.startsWith("error: ")).toBe(true);
      expect(line).toContain(`${SPEC}#${c.pointer}: x-rekey-rotation: `);
      expect(line).toMatch(c.message);
      expect(line).toMatch(/ — .+ \[rotation\]$/);
      expect(line).not.toMatch(/\n|at .+\.ts:\d+/);
      expect(result.stderr).not.toMatch(/[\u0000-\u0009\u000b-\u001f]/); // spec text reaches the terminal escaped
    }
    expect(treeHash(outDir)).toBe(outHash);
  });

  it("--print-rotation-schema prints the schema lint checks against", async () => {
    const result = await runRekey(["lint", "--print-rotation-schema"]);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual(ROTATION_SCHEMA);
  });
});
