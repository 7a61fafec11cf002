/**
 * Each kind of broken spec gives one clear line (file and JSON pointer or line), exit code 2, no stack trace,
 * and leaves the output folder byte-identical. Each case is the widgets fixture with one thing broken, generated
 * through the CLI's main() in process; the first case also through the real command, for its exit code and streams.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { runRekey } from "../helpers/cli.ts";
import { generatedBaseline } from "../helpers/generation-cache.ts";
import { copyTree, removeTempDirs, tempDir, treeHash } from "../helpers/files.ts";
import { runInProcess } from "../helpers/in-process.ts";
import { withSecondOperation } from "../helpers/widgets-spec.ts";

vi.mock("../../generator/emit/typescript-service.ts", async () => (await import("../helpers/in-process.ts")).refusedInputsOnly);

const FIXTURE = new URL("./fixtures", import.meta.url).pathname;
const SPEC = "widgets/2024-01-01/openapi.yaml";
const EXAMPLE = "widgets/2024-01-01/examples/Regenerate.json";

interface BadCase {
  name: string;
  file: string;
  break(text: string): string;
  /** What the (first) error line must say, after "error: <specs dir>/". */
  expected: RegExp;
  /** How many problems the break causes (default 1); each is one line. */
  lines?: number;
}

const cases: BadCase[] = [
  {
    name: "broken YAML",
    file: SPEC,
    break: (t) => t.replace("operationId: Widgets_RegenerateKey", "operationId: [Widgets_RegenerateKey"),
    expected: /^widgets\/2024-01-01\/openapi\.yaml:\d+:\d+: invalid YAML\/JSON: .+ — fix the syntax at that line \[load\/syntax\]$/,
  },
  {
    name: "unresolvable $ref",
    file: SPEC,
    break: (t) => t.replace("$ref: '#/components/schemas/KeySpec'", "$ref: '#/components/schemas/KeySpek'"),
    expected: /^widgets\/2024-01-01\/openapi\.yaml#\/paths\/~1subscriptions~1\{subscriptionId\}~1providers~1Example\.Widgets~1widgets~1\{widgetName\}~1regenerateKey\/post\/requestBody\/content\/application~1json\/schema\/\$ref: \$ref "#\/components\/schemas\/KeySpek" does not resolve: nothing at \/components\/schemas\/KeySpek — .+ \[load\/ref\]$/,
  },
  {
    name: "invalid schema",
    file: SPEC,
    break: (t) => t.replace("        lastRotated:\n          type: string", "        lastRotated:\n          type: strng"),
    expected: /^widgets\/2024-01-01\/openapi\.yaml#\/components\/schemas\/WidgetKeys\/properties\/lastRotated\/type: invalid JSON Schema: "strng" is not allowed here; use one of "array", "boolean", .+ \[schema-valid\]$/,
  },
  {
    name: "invalid pattern",
    file: SPEC,
    break: (t) => t.replace("pattern: '^[a-z0-9]+$'", () => "pattern: '^[a-z0-9+$'"),
    expected: /^widgets\/2024-01-01\/openapi\.yaml#\/paths\/.+\/post\/parameters\/2\/schema\/pattern: invalid schema: .*Invalid regular expression.* \[schema-valid\]$/,
  },
  {
    name: "duplicate operationId",
    file: SPEC,
    break: withSecondOperation("Widgets_RegenerateKey"),
    expected: /^widgets\/2024-01-01\/openapi\.yaml#\/paths\/~1subscriptions~1\{subscriptionId\}~1providers~1Example\.Widgets~1widgets\/get\/operationId: operationId "Widgets_RegenerateKey" is already used at \/paths\/.+\/post — give every operation its own operationId \[operation-id\]$/,
  },
  {
    name: "example that does not match its schema",
    file: EXAMPLE,
    break: (t) => t.replace('"keyName": "primary"', '"keyName": "tertiary"'),
    expected: /^widgets\/2024-01-01\/examples\/Regenerate\.json#\/parameters\/spec\/keyName: example "Regenerate": body must be one of "primary", "secondary" — .+ \[example-valid\]$/,
  },
  {
    name: "example parameter that breaks a pattern",
    file: EXAMPLE,
    break: (t) => t.replace('"widgetName": "widget1"', '"widgetName": "Widget_1"'),
    expected: /^widgets\/2024-01-01\/examples\/Regenerate\.json#\/parameters\/widgetName: example "Regenerate": parameter "widgetName" must match pattern \^\[a-z0-9\]\+\$ — .+ \[example-valid\]$/,
  },
  {
    name: "missing secret marker",
    file: SPEC,
    break: (t) => t.replace("          x-ms-secret: true\n", ""),
    expected: /^widgets\/2024-01-01\/openapi\.yaml#\/components\/schemas\/WidgetKeys\/properties\/primaryKey: property "primaryKey" looks like a key or secret but has no x-ms-secret — add "x-ms-secret: true" .+ \[secret-marked\]$/,
  },
  {
    name: "no api-version parameter",
    file: SPEC,
    break: (t) => t.replace("        - $ref: '#/components/parameters/ApiVersionParameter'\n", ""),
    expected: /^widgets\/2024-01-01\/openapi\.yaml#\/paths\/.+\/post\/parameters: operation has no api-version query parameter — add a required query parameter named api-version .+ \[api-version-parameter\]$/,
    lines: 2, // the example's api-version is now an unknown parameter too
  },
  {
    name: "no error response",
    file: SPEC,
    break: (t) => t.replace(/        default:\n          description: Error\.\n(.*\n){4}/, ""),
    expected: /^widgets\/2024-01-01\/openapi\.yaml#\/paths\/.+\/post\/responses: operation documents no error response — add a `default` response .+ \[error-response\]$/,
  },
  {
    name: "no example",
    file: SPEC,
    break: (t) => t.replace("      x-ms-examples:\n        Regenerate:\n          $ref: ./examples/Regenerate.json\n", ""),
    expected: /^widgets\/2024-01-01\/openapi\.yaml#\/paths\/.+\/post: operation Widgets_RegenerateKey has no example — add x-ms-examples: .+ \[example-present\]$/,
  },
  {
    name: "no security",
    file: SPEC,
    break: (t) => t.replace("security:\n  - azure_auth:\n      - user_impersonation\n", ""),
    expected: /^widgets\/2024-01-01\/openapi\.yaml#\/paths\/.+\/post: operation declares no security requirement — .+ \[security-declared\]$/,
  },
  {
    name: "a path segment without its parameter",
    file: SPEC,
    break: (t) => t.replace("/widgets/{widgetName}/regenerateKey:", "/widgets/{widgetName}/{keyName}/regenerateKey:"),
    expected: /^widgets\/2024-01-01\/openapi\.yaml#\/paths\/.+\/post\/parameters: path segment \{keyName\} has no path parameter — declare a required path parameter named keyName \[path-parameters\]$/,
  },
  {
    name: "Swagger 2.0",
    file: SPEC,
    break: (t) => t.replace("openapi: 3.1.0", "swagger: '2.0'"),
    expected: /^widgets\/2024-01-01\/openapi\.yaml#\/swagger: Swagger 2\.0 is not supported — convert the document to OpenAPI 3\.1 .+ \[load\/version\]$/,
  },
  {
    name: "OpenAPI 3.0",
    file: SPEC,
    break: (t) => t.replace("openapi: 3.1.0", "openapi: 3.0.3"),
    expected: /^widgets\/2024-01-01\/openapi\.yaml#\/openapi: OpenAPI 3\.0\.3 is not supported; rekey reads OpenAPI 3\.1 — set `openapi: 3\.1\.0` .+ \[load\/version\]$/,
  },
  {
    name: "a response that is not valid OpenAPI",
    file: SPEC,
    break: (t) => t.replace("          description: The keys.\n", ""),
    expected: /^widgets\/2024-01-01\/openapi\.yaml#\/paths\/.+\/post\/responses\/200: not valid OpenAPI 3\.1: must have required property 'description' .+ \[load\/schema\]$/,
  },
];

let outDir: string;
let outHash: string;

beforeAll(async () => {
  // A real, previously generated package that a failed run must leave exactly as it was.
  ({ outDir, outHash } = await generatedBaseline(FIXTURE));
});

afterAll(removeTempDirs);

describe("bad input", () => {
  it.each(cases)("$name: one line with where and how, exit 2, output untouched", async (c) => {
    const run = c === cases[0] ? runRekey : runInProcess;
    const specs = copyTree(FIXTURE, join(tempDir(), "specs"));
    const target = join(specs, c.file);
    const broken = c.break(readFileSync(target, "utf8"));
    expect(broken, "the fixture edit must apply").not.toBe(readFileSync(target, "utf8"));
    writeFileSync(target, broken);

    const result = await run(["generate", "--specs", specs, "--out", outDir]);

    expect(result.code, result.stderr).toBe(2);
    expect(result.stdout).toBe("");
    const lines = result.stderr.trimEnd().split("\n");
    expect(lines).toHaveLength(c.lines ?? 1);
    const prefix = `error: ${specs}/`;
    for (const line of lines) expect(line, "each problem is one line: what, where, how, rule").toMatch(/^error: \S+(#\S*|:\d+:\d+): .+ — .+ \[[\w/-]+\]$/);
    expect(lines[0].startsWith(prefix), lines[0]).toBe(true);
    expect(lines[0].slice(prefix.length)).toMatch(c.expected);
    expect(treeHash(outDir)).toBe(outHash);
  });

  it("lint reports the same problem with the same exit code", async () => {
    const specs = copyTree(FIXTURE, join(tempDir(), "specs"));
    const target = join(specs, EXAMPLE);
    writeFileSync(target, readFileSync(target, "utf8").replace('"keyName": "primary"', '"keyName": 7'));
    const result = await runRekey(["lint", "--specs", specs]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/Regenerate\.json#\/parameters\/spec\/keyName: example "Regenerate": body must be string/);
  });

  it("a missing specs folder is a usage error, not a crash", async () => {
    const result = await runRekey(["lint", "--specs", "/nonexistent/specs"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe("error: /nonexistent/specs: specs folder not found — run rekey in the folder that holds specs/, or pass --specs DIR [load/layout]\n");
  });
});

describe("bad flags and an output that cannot be written", () => {
  it("--specs naming a file", async () => {
    const result = await runRekey(["lint", "--specs", `${FIXTURE}/${SPEC}`]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`error: test/generator/fixtures/${SPEC}: not a folder — pass --specs the folder that holds <service>/<api-version>/openapi.yaml [load/layout]\n`);
  });

  it("a write that fails half-way leaves the output folder exactly as it was", async () => {
    const out = join(tempDir(), "generated");
    // A file where the generator needs a folder: writing stops part-way through the plan.
    await import("node:fs").then((fs) => {
      fs.mkdirSync(join(out, "src"), { recursive: true });
      fs.writeFileSync(join(out, "src/widgets"), "in the way\n");
    });
    const before = treeHash(out);
    const result = await runRekey(["generate", "--specs", FIXTURE, "--out", out]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^error: \S+: cannot write \(E[A-Z]+\): nothing was changed — pass --out a folder you can write to \[write\]\n$/);
    expect(treeHash(out)).toBe(before);
    const { readdirSync } = await import("node:fs");
    expect(readdirSync(out)).toEqual(["src"]);
  });
});
