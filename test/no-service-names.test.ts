/**
 * "No code path names a service": the source outside specs/ (and tests, fixtures, generated output) holds no
 * declared identifier made of a service's name and no string naming its resource provider. The services are whatever
 * specs/ holds, so a new spec folder extends the test by itself. Comments and prose may use a service as an example;
 * scripts/ is left out on purpose (its benchmarks measure one service's client against Azure's own package for it).
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { loadSpecs, REPO_ROOT } from "../kernel/index.ts";

const SOURCE_DIRS = ["kernel", "generator", "client-runtime", "conformance", "cli", "api"];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(full);
    return /\.(ts|js)$/.test(e.name) ? [full] : [];
  });
}

/**
 * True where an identifier is a name the source declares (a variable, function, class, type, parameter, property,
 * method, enum member, import binding or destructured name). A name is chosen where it is declared; its uses are
 * not flagged again, and a name the platform declares (URLSearchParams, url.search) is not the source's choice.
 */
function isDeclaredName(node: ts.Identifier | ts.PrivateIdentifier): boolean {
  const parent = node.parent as ts.Node & { name?: ts.Node };
  if (!parent || parent.name !== node) return false;
  return ts.isVariableDeclaration(parent) || ts.isFunctionDeclaration(parent) || ts.isFunctionExpression(parent)
    || ts.isClassDeclaration(parent) || ts.isClassExpression(parent) || ts.isInterfaceDeclaration(parent)
    || ts.isTypeAliasDeclaration(parent) || ts.isEnumDeclaration(parent) || ts.isEnumMember(parent)
    || ts.isModuleDeclaration(parent) || ts.isParameter(parent) || ts.isTypeParameterDeclaration(parent)
    || ts.isPropertyDeclaration(parent) || ts.isPropertySignature(parent) || ts.isMethodDeclaration(parent)
    || ts.isMethodSignature(parent) || ts.isGetAccessorDeclaration(parent) || ts.isSetAccessorDeclaration(parent)
    || ts.isPropertyAssignment(parent) || ts.isShorthandPropertyAssignment(parent) || ts.isBindingElement(parent)
    || ts.isImportSpecifier(parent) || ts.isImportClause(parent) || ts.isNamespaceImport(parent)
    || ts.isExportSpecifier(parent) || ts.isImportEqualsDeclaration(parent);
}

/** camelCase, PascalCase, snake_case and kebab-case words of an identifier, lower-cased. */
function words(identifier: string): string[] {
  return identifier.replace(/([a-z0-9])([A-Z])/g, "$1 $2").replace(/([A-Z]+)([A-Z][a-z])/g, "$1 $2")
    .split(/[^A-Za-z0-9]+/).filter(Boolean).map((w) => w.toLowerCase());
}

const { docs } = await loadSpecs(join(REPO_ROOT, "specs"), { lint: false });
/** Each service's folder name and its resource provider's namespace (from the operations' paths). */
const services = [...new Map(docs.map((d) => [d.service, d])).values()].map((doc) => {
  const namespaces = new Set(doc.operations.map((op) => /\/providers\/([^/]+)\//i.exec(op.pathTemplate)?.[1]).filter((n): n is string => !!n));
  return { name: doc.service.toLowerCase(), namespaces: [...namespaces] };
});

describe("no code path names a service", () => {
  it("knows the services from specs/", () => {
    expect(services.length).toBeGreaterThan(0);
    for (const s of services) expect(s.namespaces.length, s.name).toBeGreaterThan(0);
  });

  const files = SOURCE_DIRS.flatMap((d) => sourceFiles(join(REPO_ROOT, d)));
  it.each(files.map((f) => relative(REPO_ROOT, f)))("%s", (file) => {
    const text = readFileSync(join(REPO_ROOT, file), "utf8");
    const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false, file.endsWith(".js") ? ts.ScriptKind.JS : ts.ScriptKind.TS);
    const found: string[] = [];
    const visit = (node: ts.Node): void => {
      if ((ts.isIdentifier(node) || ts.isPrivateIdentifier(node)) && isDeclaredName(node)) {
        const w = words(node.text);
        for (const s of services) if (w.includes(s.name)) found.push(`identifier ${node.text} names ${s.name}`);
      } else if (ts.isStringLiteralLike(node) || ts.isTemplateLiteralToken(node)) {
        for (const s of services) {
          for (const ns of s.namespaces) if (node.text.toLowerCase().includes(ns.toLowerCase())) found.push(`string names ${ns}`);
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
    expect(found).toEqual([]);
  });
});
