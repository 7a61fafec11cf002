/**
 * Hostile spec trees: the widgets fixture with one thing made malicious or malformed — files that are not what
 * they claim (empty, binary, folders, FIFOs, devices, sparse giants), $refs that leave their place, cycles, YAML
 * bombs and folder names rekey cannot use. Each builder edits a fresh copy of the fixture in `specs`; `outside` is
 * a scratch folder beside it, outside the specs tree.
 */
import { execFileSync } from "node:child_process";
import { closeSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, symlinkSync, truncateSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";

export const FIXTURE = new URL("../generator/fixtures", import.meta.url).pathname;
export const VERSION = "widgets/2024-01-01";
export const SPEC = `${VERSION}/openapi.yaml`;
export const EXAMPLE = `${VERSION}/examples/Regenerate.json`;
export const EXAMPLE_REF = "$ref: ./examples/Regenerate.json";

export interface HostileTree {
  name: string;
  build(specs: string, outside: string): void;
  /** What the first error line says after its location (omitted for trees only the fuzz test uses). */
  expected?: RegExp;
}

const edit = (specs: string, file: string, change: (text: string) => string): void => {
  const path = join(specs, file);
  const before = readFileSync(path, "utf8");
  const after = change(before);
  if (after === before) throw new Error(`the edit of ${file} did not apply`);
  writeFileSync(path, after);
};

/** Points the operation's example $ref somewhere else. */
const exampleRef = (target: string) => (specs: string) => edit(specs, SPEC, (t) => t.replace(EXAMPLE_REF, `$ref: '${target}'`));

const replaceFile = (file: string, content: string | Buffer) => (specs: string) => writeFileSync(join(specs, file), content);

const linkFile = (file: string, target: (outside: string) => string) => (specs: string, outside: string) => {
  rmSync(join(specs, file), { recursive: true, force: true });
  symlinkSync(target(outside), join(specs, file));
};

/** A file that claims `bytes` bytes without taking the disk (sparse). */
export function sparseFile(path: string, bytes: number): void {
  closeSync(openSync(path, "w"));
  truncateSync(path, bytes);
}

export function fifo(path: string): void {
  rmSync(path, { recursive: true, force: true });
  execFileSync("mkfifo", [path]);
}

const renameFolder = (from: string, to: string) => (specs: string) => {
  mkdirSync(dirname(join(specs, to)), { recursive: true });
  renameSync(join(specs, from), join(specs, to));
};

const addSchemas = (yaml: string) => (specs: string) => edit(specs, SPEC, (t) => t.replace("  schemas:\n", `  schemas:\n${yaml}`));

/** An extra top-level member of the spec, written as YAML. */
const addTopLevel = (yaml: string) => (specs: string) => edit(specs, SPEC, (t) => t.replace("paths:\n", `${yaml}paths:\n`));

const aliasBomb = (() => {
  const lines = ["x-bomb:", '  l0: &l0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  for (let i = 1; i <= 9; i++) lines.push(`  l${i}: &l${i} [${Array(9).fill(`*l${i - 1}`).join(",")}]`);
  return lines.join("\n") + "\n";
})();

const deepNesting = (levels: number) => `x-deep: ${"[".repeat(levels)}${"]".repeat(levels)}\n`;

/** The hostile trees; every one must end in exit 2 with located one-line errors. */
export const HOSTILE_TREES: HostileTree[] = [
  // $refs that leave their place
  {
    name: "an example $ref to a file outside the specs folder",
    build: (specs, outside) => {
      writeFileSync(join(outside, "outside.json"), JSON.stringify({ parameters: {}, responses: { 200: { body: { primaryKey: "stolen" } } } }));
      exampleRef("../../../outside/outside.json")(specs);
    },
    expected: /^\$ref "\.\.\/\.\.\/\.\.\/outside\/outside\.json" is refused: \S+\/outside\/outside\.json lies outside \S+\/widgets\/ or \S+\/common-types\/ — copy the file into .+ \[load\/ref\]$/,
  },
  {
    name: "an example $ref to /etc/passwd",
    build: exampleRef("/etc/passwd"),
    expected: /^\$ref "\/etc\/passwd" is refused: \/etc\/passwd lies outside .+ \[load\/ref\]$/,
  },
  {
    name: "an example $ref to /dev/zero",
    build: exampleRef("/dev/zero"),
    expected: /^\$ref "\/dev\/zero" is refused: \/dev\/zero lies outside .+ \[load\/ref\]$/,
  },
  {
    name: "an example file that is a symlink to a file outside",
    build: (specs, outside) => {
      writeFileSync(join(outside, "secret.json"), JSON.stringify({ parameters: {}, responses: {} }));
      linkFile(EXAMPLE, (o) => join(o, "secret.json"))(specs, outside);
    },
    expected: /^\$ref "\.\/examples\/Regenerate\.json" is refused: \S+Regenerate\.json lies outside \S+ or \S+ \(it resolves to \S+\/secret\.json\) — .+ \[load\/ref\]$/,
  },
  {
    name: "an example file that is a symlink to /dev/zero",
    build: linkFile(EXAMPLE, () => "/dev/zero"),
    expected: /^\$ref "\.\/examples\/Regenerate\.json" is refused: \S+ lies outside .+ \(it resolves to \/dev\/zero\) — .+ \[load\/ref\]$/,
  },
  {
    name: "an example file that is a FIFO",
    build: (specs) => fifo(join(specs, EXAMPLE)),
    expected: /^\$ref "\.\/examples\/Regenerate\.json" is refused: \S+Regenerate\.json is not a regular file \(a device, FIFO or socket\) — .+ \[load\/ref\]$/,
  },
  {
    name: "an example file of 5 GiB (sparse)",
    build: (specs) => sparseFile(join(specs, EXAMPLE), 5 * 1024 ** 3),
    expected: /^\$ref "\.\/examples\/Regenerate\.json" is refused: \S+Regenerate\.json is larger than the 4 MiB limit — split it up \(rekey reads files of up to 4 MiB\) \[load\/ref\]$/,
  },
  {
    name: "an example $ref to a folder",
    build: exampleRef("./examples"),
    expected: /^\$ref "\.\/examples" is refused: \S+\/examples is a folder, not a file — point it at a file \[load\/ref\]$/,
  },
  {
    name: "an example $ref to a missing file",
    build: exampleRef("./examples/Missing.json"),
    expected: /^\$ref "\.\/examples\/Missing\.json" does not resolve: \S+Missing\.json does not exist — .+ \[load\/ref\]$/,
  },
  {
    name: "an example $ref into another service's folder",
    build: (specs) => {
      mkdirSync(join(specs, "other"), { recursive: true });
      writeFileSync(join(specs, "other/Example.json"), readFileSync(join(specs, EXAMPLE)));
      exampleRef("../../other/Example.json")(specs);
    },
    expected: /^\$ref "\.\.\/\.\.\/other\/Example\.json" is refused: \S+\/other\/Example\.json lies outside .+ \[load\/ref\]$/,
  },
  {
    name: "a $ref inside an example file that leaves the service folder",
    build: (specs, outside) => {
      writeFileSync(join(outside, "body.json"), JSON.stringify({ keyName: "primary" }));
      edit(specs, EXAMPLE, (t) => t.replace('"spec": {\n      "keyName": "primary"\n    }', '"spec": { "$ref": "../../../../outside/body.json" }'));
    },
    expected: /^\$ref "\.\.\/\.\.\/\.\.\/\.\.\/outside\/body\.json" is refused: .+ lies outside .+ \[load\/ref\]$/,
  },
  {
    name: "a remote $ref",
    build: exampleRef("https://example.test/Regenerate.json"),
    expected: /^\$ref "https:\/\/example\.test\/Regenerate\.json" is refused: only local files can be referenced — .+ \[load\/ref\]$/,
  },
  {
    name: "a $ref fragment that is not a JSON pointer",
    build: (specs) => edit(specs, SPEC, (t) => t.replace("$ref: '#/components/schemas/KeySpec'", "$ref: '#KeySpec'")),
    expected: /^\$ref "#KeySpec" does not resolve: "#KeySpec" is not a JSON pointer — .+ \[load\/ref\]$/,
  },
  {
    name: "an example file that is not JSON, referenced twice",
    build: (specs) => {
      edit(specs, SPEC, (t) => t.replace(`          ${EXAMPLE_REF}\n`, `          ${EXAMPLE_REF}\n        Again:\n          ${EXAMPLE_REF}#/parameters\n`));
      writeFileSync(join(specs, EXAMPLE), '{ "parameters": [ }');
    },
    expected: /^invalid YAML\/JSON: .+ — fix the syntax at that line \[load\/syntax\]$/,
  },
  // the spec document itself
  {
    name: "an openapi.yaml that is a symlink to a file outside",
    build: (specs, outside) => {
      writeFileSync(join(outside, "openapi.yaml"), readFileSync(join(specs, SPEC)));
      linkFile(SPEC, (o) => join(o, "openapi.yaml"))(specs, outside);
    },
    expected: /^the document lies outside .+ \(it resolves to \S+\/outside\/openapi\.yaml\) — .+ \[load\/read\]$/,
  },
  {
    name: "an openapi.yaml that is a symlink to /dev/zero",
    build: linkFile(SPEC, () => "/dev/zero"),
    expected: /^the document lies outside .+ \(it resolves to \/dev\/zero\) — .+ \[load\/read\]$/,
  },
  {
    name: "an openapi.yaml that is a FIFO",
    build: (specs) => fifo(join(specs, SPEC)),
    expected: /^the document is not a regular file \(a device, FIFO or socket\) — .+ \[load\/read\]$/,
  },
  {
    name: "an openapi.yaml of 5 GiB (sparse)",
    build: (specs) => sparseFile(join(specs, SPEC), 5 * 1024 ** 3),
    expected: /^the document is larger than the 4 MiB limit — .+ \[load\/read\]$/,
  },
  {
    name: "an openapi.yaml that is a folder",
    build: (specs) => {
      rmSync(join(specs, SPEC));
      mkdirSync(join(specs, SPEC));
    },
    expected: /^the document is a folder, not a file — .+ \[load\/read\]$/,
  },
  // cycles
  {
    name: "a cycle of schema $refs",
    build: (specs) => {
      addSchemas("    Loop1:\n      $ref: '#/components/schemas/Loop2'\n    Loop2:\n      $ref: '#/components/schemas/Loop1'\n")(specs);
      edit(specs, SPEC, (t) => t.replace("$ref: '#/components/schemas/KeySpec'", "$ref: '#/components/schemas/Loop1'"));
    },
    expected: /^\$ref cycle: #\/components\/schemas\/Loop1 → #\/components\/schemas\/Loop2 → #\/components\/schemas\/Loop1 never reaches a definition — .+ \[load\/ref\]$/,
  },
  {
    name: "a cycle of parameter $refs",
    build: (specs) => edit(specs, SPEC, (t) => t
      .replace("  parameters:\n    SubscriptionIdParameter:", "  parameters:\n    P1:\n      $ref: '#/components/parameters/P2'\n    P2:\n      $ref: '#/components/parameters/P1'\n    SubscriptionIdParameter:")
      .replace("- $ref: '#/components/parameters/SubscriptionIdParameter'", "- $ref: '#/components/parameters/P1'")),
    expected: /^\$ref cycle: #\/components\/parameters\/P1 → #\/components\/parameters\/P2 → #\/components\/parameters\/P1 never reaches a definition — .+ \[load\/ref\]$/,
  },
  {
    name: "a parameter that is a $ref to itself",
    build: (specs) => edit(specs, SPEC, (t) => t.replace("- $ref: '#/components/parameters/SubscriptionIdParameter'",
      "- $ref: '#/paths/~1subscriptions~1{subscriptionId}~1providers~1Example.Widgets~1widgets~1{widgetName}~1regenerateKey/post/parameters/0'")),
    expected: /^\$ref cycle: (#\/paths\/\S+\/post\/parameters\/0) → \1 never reaches a definition — .+ \[load\/ref\]$/,
  },
  {
    name: "an example file that is a $ref to itself",
    build: (specs) => writeFileSync(join(specs, EXAMPLE), JSON.stringify({ $ref: "./Regenerate.json" })),
    expected: /^\$ref cycle: # → # never reaches a definition — .+ \[load\/ref\]$/,
  },
  // YAML that is not JSON
  {
    name: "a YAML alias bomb",
    build: addTopLevel(aliasBomb),
    expected: /^YAML aliases expand too far \(past 100 copies\) — .+ \[load\/syntax\]$/,
  },
  {
    name: "a YAML alias that contains itself",
    build: addTopLevel("x-self: &self [*self]\n"),
    expected: /^a YAML alias contains itself — .+ \[load\/syntax\]$/,
  },
  {
    name: "nesting 200 levels deep",
    build: addTopLevel(deepNesting(200)),
    expected: /^the document nests more than 128 levels deep — .+ \[load\/syntax\]$/,
  },
  {
    name: "a YAML-only value (!!binary)",
    build: addTopLevel("x-blob: !!binary aGVsbG8=\n"),
    expected: /^a YAML Uint8Array value is not JSON — .+ \[load\/syntax\]$/,
  },
  // folders rekey cannot use
  {
    name: "a service folder named 1maps",
    build: renameFolder("widgets", "1maps"),
    expected: /^service folder "1maps" is not a service name rekey can use .+ \[load\/layout\]$/,
  },
  {
    name: "a service folder named -",
    build: renameFolder("widgets", "-"),
    expected: /^service folder "-" is not a service name rekey can use .+ \[load\/layout\]$/,
  },
  {
    name: "a service folder named runtime",
    build: renameFolder("widgets", "runtime"),
    expected: /^service folder "runtime" is reserved .+ \[load\/layout\]$/,
  },
  {
    name: "an api-version folder ..2024-02-01 beside a good one",
    build: (specs) => execFileSync("cp", ["-r", join(specs, VERSION), join(specs, "widgets/..2024-02-01")]),
    expected: /^folder "\.\.2024-02-01" is not an api-version .+ \[load\/layout\]$/,
  },
  {
    name: "an api-version folder 2024-13-45",
    build: renameFolder(VERSION, "widgets/2024-13-45"),
    expected: /^folder "2024-13-45" is not an api-version .+ \[load\/layout\]$/,
  },
  // examples of the wrong shape
  {
    name: "example parameters that are not an object",
    build: (specs) => edit(specs, EXAMPLE, (t) => t.replace(/"parameters": \{[^]*?\n {2}\},/, '"parameters": 5,')),
    expected: /^example "Regenerate": parameters must be an object of name: value — .+ \[load\/example\]$/,
  },
];

/** More malformed trees for the fuzz test: each is refused, the exact words matter less. */
export const MALFORMED_TREES: HostileTree[] = [
  { name: "an empty openapi.yaml", build: replaceFile(SPEC, "") },
  { name: "a binary openapi.yaml", build: replaceFile(SPEC, Buffer.from([0xff, 0xfe, 0x00, 0x9f, 0x92, 0x96, 0x0a, 0x00])) },
  { name: "an openapi.yaml of NUL bytes", build: replaceFile(SPEC, Buffer.alloc(4096)) },
  { name: "an openapi.yaml that is a list", build: replaceFile(SPEC, "- openapi: 3.1.0\n") },
  { name: "an openapi.yaml that is a dangling symlink", build: linkFile(SPEC, (o) => join(o, "nothing-here.yaml")) },
  { name: "an openapi.yaml that is a symlink loop", build: linkFile(SPEC, () => "openapi.yaml") },
  { name: "an empty example file", build: replaceFile(EXAMPLE, "") },
  { name: "a binary example file", build: replaceFile(EXAMPLE, Buffer.from([0x00, 0xc3, 0x28, 0xa0, 0xa1])) },
  { name: "an example file that is a JSON list", build: replaceFile(EXAMPLE, "[1, 2, 3]") },
  { name: "an example file that is a string", build: replaceFile(EXAMPLE, '"Regenerate"') },
  { name: "example responses that are a string", build: (s) => edit(s, EXAMPLE, (t) => t.replace(/"responses": \{[^]*\}\n\}/, '"responses": "ok"\n}')) },
  { name: "an example response that is a number", build: (s) => edit(s, EXAMPLE, (t) => t.replace(/"200": \{[^]*?\n {4}\}/, '"200": 5')) },
  { name: "example response headers that are a list", build: (s) => edit(s, EXAMPLE, (t) => t.replace('"200": {', '"200": {\n      "headers": [1],')) },
  { name: "an example $ref to the service folder itself", build: exampleRef(".."), expected: /^\$ref "\.\." is refused: \S+\/widgets is a folder, not a file — / },
  { name: "an example $ref to a missing pointer", build: exampleRef("./examples/Regenerate.json#/nope") },
  { name: "an example $ref with a query", build: exampleRef("./examples/Regenerate.json?x=1") },
  { name: "an example $ref with a percent-escape", build: exampleRef("./examples/Re%67enerate.json") },
  { name: "an example $ref that is a number", build: (s) => edit(s, SPEC, (t) => t.replace(EXAMPLE_REF, "$ref: 5")) },
  { name: "a schema $ref to a missing component", build: (s) => edit(s, SPEC, (t) => t.replace("#/components/schemas/KeySpec'", "#/components/schemas/Nope'")) },
  { name: "a $ref to a file of the shared folder that is missing", build: exampleRef("../../common-types/Missing.json") },
  { name: "a parameter $ref to the whole document", build: (s) => edit(s, SPEC, (t) => t.replace("- $ref: '#/components/parameters/SubscriptionIdParameter'", "- $ref: '#'")),
    expected: /^\$ref "#" does not resolve: it points at the whole document, which holds the \$ref itself — / },
  { name: "a parameter $ref to a schema", build: (s) => edit(s, SPEC, (t) => t.replace("- $ref: '#/components/parameters/SubscriptionIdParameter'", "- $ref: '#/components/schemas/KeySpec'")),
    expected: /^not valid OpenAPI 3\.1 once its \$ref is followed: / },
  { name: "a parameter without a name", build: (s) => edit(s, SPEC, (t) => t.replace("    SubscriptionIdParameter:\n      name: subscriptionId\n", "    SubscriptionIdParameter:\n")),
    expected: /^parameter has no name — / },
  { name: "a request body without a schema", build: (s) => edit(s, SPEC, (t) => t.replace("          application/json:\n            schema:\n              $ref: '#/components/schemas/KeySpec'", "          application/json: {}")),
    expected: /^the request body has no schema: / },
  { name: "a YAML infinity", build: addTopLevel("x-inf: .inf\n") },
  { name: "nesting 2000 levels deep (past yaml's own stack)", build: addTopLevel(deepNesting(2000)), expected: /^the document nests more than 128 levels deep — / },
  { name: "duplicate keys", build: addTopLevel("x-a: 1\nx-a: 2\n") },
  { name: "two YAML documents", build: (s) => edit(s, SPEC, (t) => `${t}---\nopenapi: 3.1.0\n`) },
  { name: "a service folder named Maps", build: renameFolder("widgets", "Maps") },
  { name: "a service folder named a--b", build: renameFolder("widgets", "a--b") },
  { name: "a hidden service folder holding a spec", build: renameFolder("widgets", ".widgets") },
  { name: "an api-version folder 2024-02-30", build: renameFolder(VERSION, "widgets/2024-02-30") },
  { name: "an api-version folder 2024-1-1", build: renameFolder(VERSION, "widgets/2024-1-1") },
  { name: "only a hidden api-version folder", build: renameFolder(VERSION, "widgets/.2024-01-01") },
  { name: "an api-version folder without openapi.yaml", build: (s) => rmSync(join(s, SPEC)) },
  { name: "a service folder that is a dangling symlink beside a broken spec", build: (s) => {
    symlinkSync(join(s, "nowhere"), join(s, "ghost"));
    replaceFile(SPEC, "openapi: 3.1.0\n")(s);
  } },
  { name: "a symlink loop in an examples folder beside a broken spec", build: (s) => {
    symlinkSync(".", join(s, VERSION, "examples/loop"));
    replaceFile(SPEC, "openapi: 3.1.0\n")(s);
  } },
];
