/**
 * A spec whose every string holds `*\/`, backticks, `${}`, `"); … ("`, `</script>`, U+2028/U+2029, line feeds, `{{x}}`
 * and a code fence, each carrying code that would set globalThis.pwned (fixtures-injection/). The generated
 * package type-checks; importing and calling it runs none of that code; every string reaches the client, its
 * validators, its examples and its README as the spec wrote it.
 */
import { execFile } from "node:child_process";
import { readFileSync, symlinkSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import ts from "typescript";
import { parse } from "yaml";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REPO_ROOT } from "../helpers/cli.ts";
import { removeTempDirs, tempDir } from "../helpers/files.ts";
import { generateInto } from "../helpers/generation-cache.ts";
import { type RecordingServer, startRecordingServer } from "../helpers/recording-server.ts";

const run = promisify(execFile);
const FIXTURE = fileURLToPath(new URL("./fixtures-injection", import.meta.url));
const VERSION_DIR = join(FIXTURE, "hostile/2024-01-01");
const spec = parse(readFileSync(join(VERSION_DIR, "openapi.yaml"), "utf8"));
const example = JSON.parse(readFileSync(join(VERSION_DIR, "examples/Regenerate.json"), "utf8"));
const [pathTemplate, pathItem] = Object.entries(spec.paths as Record<string, { post: Record<string, any> }>)[0];
const operation = pathItem.post;
const exampleTitle = Object.keys(operation["x-ms-examples"])[0];
const queryName = operation.parameters[3].name as string;
const body = example.parameters.spec;

/** Every string of the fixture, to make sure the attack is really in it. */
const HOSTILE = [/\*\//, /`/, /\$\{/, /<\/script>/, /\u2028/, /\{\{x\}\}/];

/** What a reader of rendered Markdown sees of a one-line text: runs of whitespace and line breaks become one space. */
const rendered = (text: string) => text.replace(/[\t\n\v\f\r \u2028\u2029]+/g, " ").trim();

let out: string;
let generated: { code: number; stderr: string };

beforeAll(async () => {
  out = join(tempDir(), "generated");
  generated = await generateInto(FIXTURE, out);
  // The package's one dependency, openapi-fetch (and TypeScript's view of it), from the repository.
  if (generated.code === 0) symlinkSync(join(REPO_ROOT, "node_modules"), join(out, "node_modules"), "dir");
}, 120_000);

afterAll(removeTempDirs);

/** Runs an ES module script against the built package (its path in PACKAGE) and returns what it prints as JSON. */
async function runAgainstPackage(script: string, env: Record<string, string> = {}): Promise<any> {
  expect(generated.code, generated.stderr).toBe(0);
  const prelude = [
    "import { pathToFileURL } from 'node:url';",
    "globalThis.pwned = undefined;",
    "const load = (file) => import(pathToFileURL(process.env.PACKAGE + '/dist/' + file).href);",
  ].join("\n");
  const { stdout } = await run(process.execPath, ["--input-type=module", "-e", `${prelude}\n${script}`], {
    env: { ...process.env, ...env, PACKAGE: out },
  });
  return JSON.parse(stdout);
}

describe("a spec that tries to inject code", () => {
  it("holds the attack in every string field (the fixture is what it claims)", () => {
    const propertyName = Object.keys(body).find((k) => k !== "keyName")!;
    for (const text of [spec.info.title, spec.info.description, operation.summary, operation.description, operation.operationId,
      exampleTitle, body.keyName, propertyName, body[propertyName]]) {
      for (const pattern of HOSTILE.slice(0, 4)) expect(text, String(pattern)).toMatch(pattern);
    }
    expect(queryName).toMatch(/\*\/.*'.*\/\*/); // only what a URL carries unencoded (see the fixture's header)
    expect(spec.info.title).toMatch(HOSTILE[4]);
    expect(spec.info.title).toMatch(HOSTILE[5]);
  });

  it("generates a package that type-checks", async () => {
    expect(generated.code, generated.stderr).toBe(0);
    const tsc = await run(process.execPath, [join(REPO_ROOT, "node_modules/typescript/bin/tsc"), "--noEmit", "-p", join(out, "tsconfig.json")])
      .catch((e) => e);
    expect(tsc.stdout).toBe("");
    expect(tsc.code ?? 0).toBe(0);
  });

  it("importing every entry point runs nothing from the spec; constants and examples are the spec's strings", async () => {
    const loaded = await runAgainstPackage([
      "const root = await load('index.js');",
      "await load('hostile/index.js');",
      "const m = await load('hostile/2024-01-01/index.js');",
      "console.log(JSON.stringify({ pwned: globalThis.pwned ?? null, namespaces: Object.keys(root).filter((k) => k === 'hostile'),",
      "  apiVersion: m.API_VERSION, endpoint: m.DEFAULT_ENDPOINT, examples: m.examples,",
      "  exampleOwnKeys: Object.keys(m.examples[Object.keys(m.examples)[0]]) }));",
    ].join("\n"));
    expect(loaded.pwned).toBeNull();
    expect(loaded.namespaces).toEqual(["hostile"]);
    expect(loaded.apiVersion).toBe("2024-01-01");
    expect(loaded.endpoint).toBe(spec.servers[0].url);
    expect(loaded.examples).toEqual({
      [operation.operationId]: { [exampleTitle]: { parameters: example.parameters, responses: example.responses } },
    });
  });

  it("the validators check the spec's own pattern and enum values, byte for byte", async () => {
    const verdicts = await runAgainstPackage([
      "const { validators } = await load('hostile/2024-01-01/index.js');",
      "const find = (suffix) => Object.entries(validators).find(([name]) => name.endsWith(suffix))[1];",
      "const [params, body] = [find('Parameters'), find('Body')];",
      "const { given } = JSON.parse(process.env.GIVEN);",
      "console.log(JSON.stringify({ pwned: globalThis.pwned ?? null, params: given.params.map((p) => params(p)), body: given.body.map((b) => body(b)) }));",
    ].join("\n"), {
      GIVEN: JSON.stringify({
        given: {
          params: [
            { subscriptionId: "s", widgetName: example.parameters.widgetName, [queryName]: example.parameters[queryName] },
            { subscriptionId: "s", widgetName: "Widget" },
            { subscriptionId: "s", widgetName: "w", [queryName]: `${example.parameters[queryName]} ` },
          ],
          body: [body, { ...body, keyName: body.keyName.replace("\u2028", "\n") }],
        },
      }),
    });
    expect(verdicts).toEqual({ pwned: null, params: [true, false, false], body: [true, false] });
  });

  describe("a call against a server", () => {
    let server: RecordingServer;
    beforeAll(async () => {
      server = await startRecordingServer();
    });
    afterAll(() => server?.close());

    it("sends the spec's wire names and the example's values, and returns the body", async () => {
      const answer = example.responses["200"].body;
      server.respond({ status: 200, body: answer });
      const called = await runAgainstPackage([
        "const { createHostileClient } = await load('hostile/2024-01-01/index.js');",
        "const client = createHostileClient({ credential: 'token', subscriptionId: 'sub1', endpoint: process.env.ENDPOINT });",
        "const [group] = Object.keys(client).filter((k) => k !== 'raw');",
        "const { widgetName, hostileQuery, spec } = JSON.parse(process.env.ARGS);",
        "const result = await client[group].regenerateKey({ widgetName, hostileQuery, body: spec });",
        "console.log(JSON.stringify({ pwned: globalThis.pwned ?? null, result }));",
      ].join("\n"), {
        ENDPOINT: server.url,
        ARGS: JSON.stringify({ widgetName: example.parameters.widgetName, hostileQuery: example.parameters[queryName], spec: body }),
      });
      expect(called).toEqual({ pwned: null, result: answer });
      const request = server.requests.at(-1)!;
      expect(decodeURIComponent(request.path)).toBe(pathTemplate.replace("{subscriptionId}", "sub1").replace("{widgetName}", example.parameters.widgetName));
      expect(request.query).toEqual({ "api-version": "2024-01-01", [queryName]: example.parameters[queryName] });
      expect(JSON.parse(request.body)).toEqual(body);
    });
  });

  describe("the package README", () => {
    interface Token { type: string; tag: string; content: string; children: Token[] | null }
    const MarkdownIt = createRequire(import.meta.url)("markdown-it") as new (options: object) => { parse(src: string, env: object): Token[] };
    let tokens: Token[];
    beforeAll(() => {
      // CommonMark with raw HTML allowed, as GitHub and npm parse it before they sanitise.
      tokens = new MarkdownIt({ html: true }).parse(readFileSync(join(out, "README.md"), "utf8"), {});
    });
    /** The text a reader sees in an inline token: escapes undone, entities decoded. */
    const text = (inline: Token) => (inline.children ?? []).map((c) => c.content).join("");
    const after = (open: (t: Token) => boolean) => tokens.filter((_, i) => i > 0 && open(tokens[i - 1])).filter((t) => t.type === "inline").map(text);

    it("holds no HTML from the spec: the only HTML is rekey's own do-not-edit comment", () => {
      const html = tokens.flatMap((t) => [t, ...(t.children ?? [])]).filter((t) => t.type.startsWith("html"));
      expect(html.map((t) => t.content.trim())).toEqual(["<!-- generated by rekey — do not edit. Source: specs/ -->"]);
    });

    it("shows the title, operationId and summary as the spec wrote them", () => {
      expect(after((t) => t.type === "td_open")).toContain(rendered(spec.info.title));
      expect(after((t) => t.type === "heading_open" && t.tag === "h3")).toEqual([`${rendered(operation.operationId)} (@rekey/clients/hostile/2024-01-01)`]);
      const usage = tokens.findIndex((t) => t.type === "heading_open" && t.tag === "h3");
      expect(text(tokens.slice(usage).find((t, i, rest) => i > 0 && rest[i - 1].type === "paragraph_open")!)).toBe(rendered(operation.summary));
    });

    it("keeps the usage snippet inside its code block, as TypeScript that passes the example's values", () => {
      const fences = tokens.filter((t) => t.type === "fence");
      expect(fences).toHaveLength(1);
      const { outputText, diagnostics } = ts.transpileModule(fences[0].content, { reportDiagnostics: true, compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext } });
      expect(diagnostics?.map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"))).toEqual([]);
      const call = ts.createSourceFile("snippet.ts", fences[0].content, ts.ScriptTarget.ES2022);
      expect(objectLiterals(call).at(-1)).toEqual({ widgetName: example.parameters.widgetName, hostileQuery: example.parameters[queryName], body });
      expect(outputText).toContain("createHostileClient");
    });
  });
});

/** The values of every object literal in a file whose properties are all string literals or such objects. */
function objectLiterals(file: ts.SourceFile): unknown[] {
  const found: unknown[] = [];
  const value = (node: ts.Expression): unknown => {
    if (ts.isStringLiteral(node)) return node.text;
    if (!ts.isObjectLiteralExpression(node)) throw new Error(`not a literal: ${node.getText(file)}`);
    return Object.fromEntries(node.properties.map((p) => {
      if (!ts.isPropertyAssignment(p)) throw new Error(`not a property: ${p.getText(file)}`);
      const name = ts.isComputedPropertyName(p.name) ? value(p.name.expression) : (p.name as ts.Identifier | ts.StringLiteral).text;
      return [name, value(p.initializer)];
    }));
  };
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && node.arguments.length === 1 && ts.isObjectLiteralExpression(node.arguments[0])) {
      try {
        found.push(value(node.arguments[0]));
      } catch {
        // an argument with non-literal values (the client options' credential)
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}
