/**
 * Builds the package's dist/ in process: TypeScript's transpileModule for JavaScript and transpileDeclaration
 * (isolated declarations) for .d.ts, so generate pays for loading the compiler once and never type-checks
 * (tests run `tsc --noEmit` over the sources instead). Plain .js/.d.ts sources are copied as they are.
 */
import { requireCjs } from "../require-cjs.ts";
import type { GeneratedFile } from "./generated-file.ts";

export async function buildDist(sources: GeneratedFile[]): Promise<GeneratedFile[]> {
  const ts = requireCjs("typescript") as typeof import("typescript");
  const compilerOptions = {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    declaration: true,
    isolatedDeclarations: true,
    verbatimModuleSyntax: true,
    strict: true,
  };
  const { declaration, isolatedDeclarations, ...moduleOptions } = compilerOptions;
  const out: GeneratedFile[] = [];
  for (const file of sources) {
    if (!file.path.startsWith("src/")) continue;
    const target = "dist/" + file.path.slice("src/".length);
    if (file.path.endsWith(".d.ts") || file.path.endsWith(".js")) {
      out.push({ path: target, content: file.content });
      continue;
    }
    if (!file.path.endsWith(".ts")) continue;
    const js = ts.transpileModule(file.content, { compilerOptions: moduleOptions, fileName: file.path, reportDiagnostics: true });
    const dts = ts.transpileDeclaration(file.content, { compilerOptions, fileName: file.path, reportDiagnostics: true });
    const diagnostics = [...(js.diagnostics ?? []), ...(dts.diagnostics ?? [])];
    if (diagnostics.length > 0) {
      const text = ts.flattenDiagnosticMessageText(diagnostics[0].messageText, " ");
      throw new Error(`building ${file.path}: ${text}`);
    }
    const header = file.content.slice(0, file.content.indexOf("\n") + 1);
    const keepHeader = (text: string) => (text.startsWith(header) ? text : header + text);
    out.push({ path: target.replace(/\.ts$/, ".js"), content: keepHeader(js.outputText) });
    out.push({ path: target.replace(/\.ts$/, ".d.ts"), content: keepHeader(dts.outputText) });
  }
  return out;
}
