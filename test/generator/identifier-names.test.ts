/**
 * Names that cannot become identifiers in the generated client, or would become one already taken, are refused
 * by lint ("identifier-names", "wire-names") with one located line; generate exits 2 and leaves its output as it
 * was. Each case is the widgets fixture with one name broken.
 */
import { readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadSpecs } from "../../kernel/load-specs.ts";
import { formatProblem, UserError } from "../../kernel/user-error.ts";
import { snippetCode } from "../../generator/views/package-view.ts";
import { runRekey } from "../helpers/cli.ts";
import { generatedBaseline } from "../helpers/generation-cache.ts";
import { copyTree, removeTempDirs, tempDir, treeHash } from "../helpers/files.ts";
import { withSecondOperation } from "../helpers/widgets-spec.ts";

const FIXTURE = new URL("./fixtures", import.meta.url).pathname;
const SPEC = "widgets/2024-01-01/openapi.yaml";
const OPERATION = "/paths/~1subscriptions~1{subscriptionId}~1providers~1Example.Widgets~1widgets~1{widgetName}~1regenerateKey/post";

const operationId = (id: string) => (t: string) => t.replace("operationId: Widgets_RegenerateKey", `operationId: '${id}'`);
const widgetClientName = (name: string) => (t: string) => t.replace("          description: The widget.\n", `          description: The widget.\n          x-ms-client-name: '${name}'\n`);
const clientName = (name: string) => (t: string) => t.replace("  version: '2024-01-01'\n", `  version: '2024-01-01'\n  x-ms-code-generation-settings:\n    name: '${name}'\n`);
const queryParameter = (name: string) => (t: string) => t.replace("      requestBody:\n",
  `        - name: '${name}'\n          in: query\n          schema:\n            type: string\n      requestBody:\n`);

/** The regenerate operation made long-running (202 with Location), as test/kernel/long-running.test.ts does. */
const longRunning = (t: string) => t
  .replace("      operationId: Widgets_RegenerateKey\n", "      operationId: Widgets_RegenerateKey\n      x-ms-long-running-operation: true\n")
  .replace("        default:\n          description: Error.", "        '202':\n          description: Accepted.\n          headers:\n            Location: { schema: { type: string } }\n        default:\n          description: Error.");

const at = (pointer: string) => `widgets/2024-01-01/openapi.yaml#${pointer.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}: `;

const cases: Array<{ name: string; break(text: string): string; expected: RegExp }> = [
  { name: "operationId _", break: operationId("_"),
    expected: new RegExp(`^${at(`${OPERATION}/operationId`)}operationId "_" has an empty part around "_" — write Group_Method .+ \\[identifier-names\\]$`) },
  { name: "operationId Widgets_", break: operationId("Widgets_"), expected: /operationId "Widgets_" has an empty part around "_" — / },
  { name: "operationId Widgets__RegenerateKey", break: operationId("Widgets__RegenerateKey"), expected: /operationId "Widgets__RegenerateKey" has an empty part around "_"/ },
  { name: "a group starting with a digit", break: operationId("1Widgets_RegenerateKey"),
    expected: /operationId "1Widgets_RegenerateKey": its group name "1Widgets" starts with a digit — start each _-separated part of the operationId with a letter \[identifier-names\]$/ },
  { name: "a method starting with a digit", break: operationId("Widgets_2Regenerate"), expected: /its method name "2Regenerate" starts with a digit/ },
  { name: "a part with no letters or digits", break: operationId("*/_RegenerateKey"), expected: /its group name "" \(from "\*\/"\) has no letters or digits/ },
  { name: "two operationIds that become one method", break: withSecondOperation("Widgets_regenerate-key"),
    expected: /\/get\/operationId: operationId "Widgets_regenerate-key" would declare "WidgetsRegenerateKeyParameters", which is already declared for operationId "Widgets_RegenerateKey" — rename one of them .+ \[identifier-names\]$/ },
  { name: "a method named like a long-running operation's begin method", break: (t) => withSecondOperation("Widgets_BeginRegenerateKey")(longRunning(t)),
    expected: /\/get\/operationId: operationId "Widgets_BeginRegenerateKey" would add the method "beginRegenerateKey", which operationId "Widgets_RegenerateKey" already adds \(a long-running operation also adds begin… and resume…\) — rename one of the operationIds \[identifier-names\]$/ },
  { name: "a root method named like the client's raw member", break: withSecondOperation("Raw"), expected: /operationId "Raw" would add "raw" to the client, which already has the client's raw member — / },
  { name: "a parameter named __proto__", break: queryParameter("__proto__"),
    expected: new RegExp(`^${at(`${OPERATION}/parameters/3/name`)}parameter name "__proto__" would set the prototype of the objects the client builds — .+ \\[identifier-names\\]$`) },
  { name: "a parameter whose generated name starts with a digit", break: queryParameter("1st"),
    expected: /parameters\/3\/name: parameter "1st" would be called "1st" in generated code, which starts with a digit — add x-ms-client-name .+ \[identifier-names\]$/ },
  { name: "a parameter whose generated name is constructor", break: queryParameter("constructor"), expected: /parameter "constructor" would be called "constructor" in generated code, which is a name every JavaScript object already has/ },
  { name: "x-ms-client-name __proto__", break: widgetClientName("__proto__"),
    expected: /parameters\/2\/x-ms-client-name: x-ms-client-name "__proto__" is a name every JavaScript object already has — choose another name \[identifier-names\]$/ },
  { name: "x-ms-client-name constructor", break: widgetClientName("constructor"), expected: /x-ms-client-name "constructor" is a name every JavaScript object already has/ },
  { name: "x-ms-client-name prototype", break: widgetClientName("prototype"), expected: /x-ms-client-name "prototype" is a name every JavaScript object already has/ },
  { name: "x-ms-client-name that is no identifier", break: widgetClientName("widget-name"),
    expected: /x-ms-client-name: x-ms-client-name "widget-name" is not an identifier — use letters, digits, _ or \$, starting with a letter \[identifier-names\]$/ },
  { name: "x-ms-client-name body beside a request body", break: widgetClientName("body"),
    expected: /parameter "widgetName" of Widgets_RegenerateKey would be the argument "body", which is already the request body — set x-ms-client-name/ },
  { name: "a client parameter named like a client option",
    break: (t) => t.replace("      name: subscriptionId\n", "      name: subscriptionId\n      x-ms-client-name: endpoint\n"),
    expected: /components\/parameters\/SubscriptionIdParameter\/x-ms-client-name: client parameter "subscriptionId" would be the client option "endpoint", which is already an option of every client — / },
  { name: "a client name that is no identifier", break: clientName("Widgets Client"),
    expected: new RegExp(`^${at("/info/x-ms-code-generation-settings/name")}client name "Widgets Client" is not an identifier — name the client like MapsClient .+ \\[identifier-names\\]$`) },
  { name: "a client name starting with a digit", break: clientName("1Client"), expected: /client name "1Client" is not an identifier/ },
  { name: "a client name the client module already uses", break: clientName("Call"),
    expected: /client name "Call" would declare "CallOptions", which is already used by the client module itself — choose another name \[identifier-names\]$/ },
  { name: "a query parameter name a URL cannot carry as written", break: queryParameter("a&api-version=1999-01-01"),
    expected: /parameters\/3\/name: query parameter name "a&api-version=1999-01-01" cannot be sent as written — .+ \[wire-names\]$/ },
];

afterAll(removeTempDirs);

/** The one problem loading and linting the broken specs reports, as the CLI prints it (without "error: <dir>/"). */
async function refusal(specs: string): Promise<string[]> {
  const error = await loadSpecs(specs).then(() => undefined, (e: unknown) => e);
  expect(error, "the specs must be refused").toBeInstanceOf(UserError);
  return (error as UserError).problems.map((p) => formatProblem(p).replace(`error: ${specs}/`, ""));
}

function brokenCopy(edit: (text: string) => string): string {
  const specs = copyTree(FIXTURE, join(tempDir(), "specs"));
  const target = join(specs, SPEC);
  const broken = edit(readFileSync(target, "utf8"));
  expect(broken, "the fixture edit must apply").not.toBe(readFileSync(target, "utf8"));
  writeFileSync(target, broken);
  return specs;
}

describe("names that cannot become identifiers", () => {
  it.each(cases)("$name: one located problem with a fix", async (c) => {
    const lines = await refusal(brokenCopy(c.break));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^\S+#\S*: .+ — .+ \[[\w/-]+\]$/);
    expect(lines[0]).toMatch(c.expected);
  });

  it("a service folder that would export a reserved word as its namespace", async () => {
    const specs = copyTree(FIXTURE, join(tempDir(), "specs"));
    renameSync(join(specs, "widgets"), join(specs, "class"));
    expect(await refusal(specs)).toEqual([
      'class/2024-01-01/openapi.yaml: the service folder "class" would be exported as "class", which cannot name a namespace — rename the service folder (e.g. after the resource provider) [identifier-names]',
    ]);
  });
});

describe("names that need an x-ms-client-name", () => {
  it("a wire name every object already has is fine with one, and its value is the example's own (none here)", async () => {
    const specs = brokenCopy((t) => queryParameter("constructor")(t).replace("          in: query\n", "          in: query\n          x-ms-client-name: ctor\n"));
    const { docs, warnings } = await loadSpecs(specs);
    expect(warnings).toEqual([]);
    expect(snippetCode(docs[0], docs[0].operations[0], "@rekey/clients/widgets/2024-01-01")).toContain('  ctor: "<constructor>",\n');
  });
});

describe("rekey generate with such a name", () => {
  let outDir: string;
  let outHash: string;
  beforeAll(async () => {
    ({ outDir, outHash } = await generatedBaseline(FIXTURE));
  });

  it.each([cases[0], cases[8]])("$name: exit 2, one line, output untouched", async (c) => {
    const specs = brokenCopy(c.break);
    const result = await runRekey(["generate", "--specs", specs, "--out", outDir]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    const lines = result.stderr.trimEnd().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0].slice(`error: ${specs}/`.length)).toMatch(c.expected);
    expect(treeHash(outDir)).toBe(outHash);
  });
});
