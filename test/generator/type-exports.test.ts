/**
 * types.ts: one named type per schema, per inline enum the spec names with x-ms-enum, and per request body. Spec names
 * become type names only through typeNameOf, and a name another export already has is resolved the same way
 * whatever order the spec lists its schemas in. The hostile fixture (fixtures-injection/) holds names that are no
 * type name as written, collide with each other, or collide with the runtime's and the client's exports.
 */
import { describe, expect, it } from "vitest";
import ts from "typescript";
import { claimTypeNames, type DocumentModel, ENTRY_POINT_NAMES, typeNameOf } from "../../kernel/index.ts";
import { loadSpecs } from "../../kernel/load-specs.ts";
import { buildTypesView } from "../../generator/views/types-view.ts";
import { render } from "../../generator/emit/render.ts";
import { REPO_SPECS } from "../helpers/repo-specs.ts";

const HOSTILE = new URL("./fixtures-injection", import.meta.url).pathname;

/** name → the type it aliases, from the rendered module (parsed, not pattern-matched). */
function declared(doc: DocumentModel): Map<string, string> {
  const file = ts.createSourceFile("types.ts", render("types.ts", buildTypesView(doc)), ts.ScriptTarget.ES2022, true);
  const names = new Map<string, string>();
  for (const statement of file.statements) {
    if (ts.isTypeAliasDeclaration(statement)) names.set(statement.name.text, statement.type.getText(file));
    else if (!ts.isImportDeclaration(statement)) throw new Error(`unexpected statement: ${statement.getText(file)}`);
  }
  return names;
}

describe("typeNameOf", () => {
  it.each([
    ["KeyType", "KeyType"], ["ErrorResponse", "ErrorResponse"], ["_internal", "_internal"], ["keyType", "keyType"],
    ["Key-Type", "KeyType"], ["Microsoft.Maps.KeyType", "MicrosoftMapsKeyType"], ["2fa", "Schema2fa"], ["---", "Schema"],
    ["string", "String"], ["undefined", "Undefined"], ["enum", "Enum"], ["__proto__", "Proto"],
    ["x */ globalThis.pwned=1; /*", "XGlobalThisPwned1"], ["Ключ", "Schema"],
  ])("%j → %s", (text, name) => expect(typeNameOf(text)).toBe(name));
});

describe("claimTypeNames", () => {
  const claim = (wanted: string[], taken: string[] = []) => claimTypeNames(wanted.map((w) => ({ wanted: w, suffix: "Schema" })), taken).map((c) => c.name);

  it("gives each its name, and a taken one the suffix, then numbers, in the order given", () => {
    expect(claim(["KeyType", "KeyType", "KeyType", "Other"])).toEqual(["KeyType", "KeyTypeSchema", "KeyTypeSchema2", "Other"]);
    expect(claim(["RekeyError", "KeyTypeSchema", "KeyType"], ["RekeyError", "KeyType"])).toEqual(["RekeyErrorSchema", "KeyTypeSchema", "KeyTypeSchema2"]);
  });
});

describe("the hostile fixture's types module", async () => {
  const { docs } = await loadSpecs(HOSTILE);
  const [doc] = docs;

  it("names every schema (but __proto__, which openapi-typescript leaves out), and resolves each clash the same way", () => {
    const names = declared(doc);
    const schemaOf = (name: string) => /^components\["schemas"\]\["([^"]*)"\]$/.exec(names.get(name) ?? "")?.[1];
    expect(Object.fromEntries([...names.keys()].filter(schemaOf).map((n) => [n, schemaOf(n)]))).toEqual({
      CloudError: "CloudError",
      KeySpec: "KeySpec",
      WidgetKeys: "WidgetKeys",
      // The runtime's, the client module's and the types module's own names are taken.
      RekeyErrorSchema: "RekeyError",
      HostileClientSchema: "HostileClient",
      NonNullableSchema: "NonNullable",
      componentsSchema: "components",
      // No type name as written: PascalCased, Schema in front when no letter leads.
      Schema2fa: "2fa",
      String: "string",
      // Key-Spec and key.spec both become KeySpec, which the schema named so as written has.
      KeySpecSchema: "Key-Spec",
      KeySpecSchema2: "key.spec",
    });
  });

  it("names the inline enum from its x-ms-enum name, letters and digits only; the body alias from the operation", () => {
    const names = declared(doc);
    const inline = [...names].filter(([, type]) => type === 'components["schemas"]["KeySpec"]["keyName"]');
    expect(inline).toHaveLength(1);
    expect(inline[0][0]).toMatch(/^XMsEnumNameGlobalThisPwnedXMsEnumName[A-Za-z0-9]*$/);
    const bodies = [...names].filter(([name]) => name.endsWith("Body"));
    expect(bodies.map(([name]) => name)).toEqual(["WidgetsGlobalThisPwnedOperationIdXScriptXRegenerateKeyBody"]);
  });

  it("gives the same names whatever order the spec lists its schemas in", () => {
    const schemas = doc.raw.components!.schemas as Record<string, unknown>;
    const reversed = Object.fromEntries(Object.entries(schemas).reverse());
    const shuffled = { ...doc, raw: { ...doc.raw, components: { ...doc.raw.components, schemas: reversed } } } as DocumentModel;
    expect(Object.keys(reversed)).not.toEqual(Object.keys(schemas));
    expect([...declared(shuffled)].sort()).toEqual([...declared(doc)].sort());
  });

  it("keeps spec text in comments only, escaped", () => {
    const text = render("types.ts", buildTypesView(doc));
    expect(text).toContain("x-ms-enum.name *\\/ globalThis.pwned=");
    expect(text).not.toMatch(/[\u2028\u2029]/);
    // What is left outside comments and string literals: no identifier the attack brings.
    const scanner = ts.createScanner(ts.ScriptTarget.ES2022, true, ts.LanguageVariant.Standard, text);
    const identifiers = new Set<string>();
    for (let token = scanner.scan(); token !== ts.SyntaxKind.EndOfFileToken; token = scanner.scan()) {
      if (token === ts.SyntaxKind.Identifier) identifiers.add(scanner.getTokenText());
    }
    expect(identifiers.has("globalThis")).toBe(false);
    expect(identifiers.has("pwned")).toBe(false);
    expect(identifiers.has("components")).toBe(true);
  });
});

describe("the repository's specs", async () => {
  const { docs } = await loadSpecs(REPO_SPECS);

  it("every schema of every document has a named type, and named inline enums have one too", () => {
    for (const doc of docs) {
      const aliased = new Set(declared(doc).values());
      for (const key of Object.keys(doc.raw.components?.schemas ?? {})) expect(aliased, `${doc.service}/${doc.apiVersion} ${key}`).toContain(`components["schemas"]["${key}"]`);
    }
    const byVersion = (service: string, apiVersion: string) => declared(docs.find((d) => d.service === service && d.apiVersion === apiVersion)!);
    // Azure names the enum inline (x-ms-enum KeyType) in 2023-06-01 and as a schema in 2026-12-01: both export KeyType.
    expect(byVersion("maps", "2023-06-01").get("KeyType")).toBe('components["schemas"]["MapsKeySpecification"]["keyType"]');
    expect(byVersion("maps", "2026-12-01").get("KeyType")).toBe('components["schemas"]["KeyType"]');
    // A schema named like the client's own parameters type takes the Schema suffix.
    expect(byVersion("batch", "2024-02-01").get("BatchAccountRegenerateKeyParametersSchema")).toBe('components["schemas"]["BatchAccountRegenerateKeyParameters"]');
  });
});

describe("ENTRY_POINT_NAMES", () => {
  it("holds every name the api-version index exports by name, so no spec-named type can be hidden behind one", () => {
    const file = ts.createSourceFile("index.ts", render("version-index.ts", {}), ts.ScriptTarget.ES2022, true);
    const exported = file.statements.flatMap((s) => {
      if (!ts.isExportDeclaration(s) || !s.exportClause) return [];
      return ts.isNamedExports(s.exportClause) ? s.exportClause.elements.map((e) => e.name.text) : [s.exportClause.name.text];
    });
    expect(exported.length).toBeGreaterThan(20);
    expect(exported.filter((name) => !ENTRY_POINT_NAMES.includes(name))).toEqual([]);
  });
});
