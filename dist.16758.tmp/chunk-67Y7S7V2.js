// generator/package-build/build-dist.ts
import { createRequire } from "node:module";
import { posix } from "node:path";
var requireCjs = createRequire(import.meta.url);
function distPath(sourcePath, extension) {
  const relative = sourcePath.slice("src/".length);
  return "dist/" + (extension ? relative.replace(/\.ts$/, extension) : relative);
}
function isTypeScript(path) {
  return path.startsWith("src/") && path.endsWith(".ts") && !path.endsWith(".d.ts");
}
function withSourceHeader(source, output) {
  const header = source.slice(0, source.indexOf("\n") + 1);
  return output.startsWith(header) ? output : header + output;
}
function isEmptyModule(javascript) {
  return javascript.split("\n").every((line) => line.trim() === "" || line.startsWith("//"));
}
async function buildDist(sources, declarations) {
  const javascript = await buildJavaScript(sources);
  const typesOnly = new Set(javascript.filter((f) => isEmptyModule(f.content)).map((f) => f.path.replace(/^dist\/(.*)\.js$/, "src/$1.ts")));
  return [
    ...javascript,
    ...sources.filter((f) => typesOnly.has(f.path)).map((f) => ({ path: distPath(f.path, ".d.ts"), content: f.content })),
    ...await declarations(sources.filter((f) => !typesOnly.has(f.path)))
  ];
}
var RUNTIME_ENTRY = "src/runtime/index.ts";
var PACKAGE_INFO = "src/package-info.ts";
function isBundleEntry(path) {
  return path === RUNTIME_ENTRY || /^src\/[^/]+\/[^/]+\/index\.ts$/.test(path);
}
function isInlined(path) {
  return (path.startsWith("src/runtime/") || /^src\/[^/]+\/[^/]+\//.test(path) || /^src\/[^/]+\.js$/.test(path)) && !isBundleEntry(path);
}
async function bundle(esbuild, entry, byPath) {
  const result = await esbuild.build({
    entryPoints: [entry.path],
    bundle: true,
    write: false,
    format: "esm",
    platform: "neutral",
    target: "es2022",
    legalComments: "none",
    logLevel: "silent",
    plugins: [{
      name: "rekey-sources",
      setup(build) {
        build.onResolve({ filter: /.*/ }, (args) => {
          if (args.kind === "entry-point") return { path: posix.normalize(args.path), namespace: "rekey" };
          if (!args.path.startsWith(".")) return { path: args.path, external: true };
          const target = posix.normalize(posix.join(posix.dirname(args.importer), args.path));
          const asTs = target.replace(/\.js$/, ".ts");
          if (asTs === RUNTIME_ENTRY && entry.path !== RUNTIME_ENTRY) return { path: args.path, external: true };
          if (asTs === PACKAGE_INFO) {
            const fromEntry = posix.relative(posix.dirname(entry.path), "src/package-info.js");
            return { path: fromEntry.startsWith(".") ? fromEntry : `./${fromEntry}`, external: true };
          }
          if (target.startsWith("src/runtime/") && entry.path !== RUNTIME_ENTRY) {
            return { errors: [{ text: `${args.importer} imports ${args.path}: import the runtime through runtime/index.js` }] };
          }
          const file = byPath.get(asTs) ?? byPath.get(target);
          return file ? { path: file.path, namespace: "rekey" } : { errors: [{ text: `${args.importer}: cannot resolve ${args.path}` }] };
        });
        build.onLoad({ filter: /.*/, namespace: "rekey" }, (args) => ({
          contents: byPath.get(args.path).content,
          loader: args.path.endsWith(".ts") ? "ts" : "js"
        }));
      }
    }]
  });
  return withSourceHeader(entry.content, result.outputFiles[0].text);
}
async function buildJavaScript(sources) {
  const esbuild = await import("esbuild");
  const byPath = new Map(sources.map((f) => [f.path, f]));
  return Promise.all(
    sources.filter((f) => isTypeScript(f.path) || f.path.startsWith("src/") && f.path.endsWith(".js")).filter((f) => !isInlined(f.path) || !byPath.has(RUNTIME_ENTRY)).map(async (f) => {
      if (isBundleEntry(f.path) && byPath.has(RUNTIME_ENTRY)) return { path: distPath(f.path, ".js"), content: await bundle(esbuild, f, byPath) };
      if (!isTypeScript(f.path)) return { path: distPath(f.path), content: f.content };
      const { code } = await esbuild.transform(f.content, { loader: "ts", format: "esm", target: "es2022", sourcefile: f.path });
      return { path: distPath(f.path, ".js"), content: withSourceHeader(f.content, code) };
    })
  );
}
async function buildDeclarations(sources) {
  const ts = requireCjs("typescript");
  const compilerOptions = {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    declaration: true,
    isolatedDeclarations: true,
    verbatimModuleSyntax: true,
    strict: true
  };
  const out = [];
  for (const file of sources) {
    if (file.path.startsWith("src/") && file.path.endsWith(".d.ts")) {
      out.push({ path: distPath(file.path), content: file.content });
      continue;
    }
    if (!isTypeScript(file.path)) continue;
    const dts = ts.transpileDeclaration(file.content, { compilerOptions, fileName: file.path, reportDiagnostics: true });
    const diagnostic = dts.diagnostics?.[0];
    if (diagnostic) throw new Error(`declarations of ${file.path}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, " ")}`);
    out.push({ path: distPath(file.path, ".d.ts"), content: withSourceHeader(file.content, dts.outputText) });
  }
  return out;
}

export {
  buildDist,
  buildDeclarations
};
