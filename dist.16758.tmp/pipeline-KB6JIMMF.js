import {
  LINE_TERMINATOR,
  code,
  commentText,
  identifier,
  joinCode,
  markdownBody,
  markdownCode,
  markdownFence,
  markdownText,
  propertyAccess,
  propertyKey,
  stringLiteral,
  valueLiteral
} from "./chunk-XV2PECO6.js";
import {
  diffDocuments
} from "./chunk-LRWY7HRE.js";
import {
  inProcessTypeScript,
  startTypeScriptService
} from "./chunk-LKRIMMMG.js";
import {
  BUILD_SCRIPT,
  DIST_DIR,
  DIST_STAMP,
  MANIFEST_PATH,
  PACKAGE_BUILD_DIR,
  RUNTIME_DIR,
  TEMPLATES_DIR,
  buildFromInputs,
  buildInputs,
  buildInputsHash,
  comparePlan,
  distIsCurrent,
  inputsHash,
  listCommittedFiles,
  manifestFile,
  readManifest,
  refuseOutsidePaths,
  sha256,
  writeDist,
  writePlan
} from "./chunk-Y7GL5YXH.js";
import "./chunk-TAEWOQDW.js";
import "./chunk-67Y7S7V2.js";
import {
  resolveOptions
} from "./chunk-6PRFXF2V.js";
import {
  ASSETS_ROOT,
  REPO_ROOT,
  UserError,
  camelCase,
  clientNames,
  createAjv,
  displayPath,
  isStable,
  join,
  loadSpecs,
  operationTypeNames,
  packageDir,
  pascalCase,
  problem,
  readConfinedFile,
  readInputFile,
  realFolder,
  requireCjs,
  schemaRef,
  successResponses
} from "./chunk-ZOVCPWKV.js";

// generator/pipeline.ts
import { join as join8 } from "node:path";

// generator/views/doc-comment.ts
function docLines(...texts) {
  return texts.filter((t) => typeof t === "string" && t.trim() !== "").flatMap((t) => t.trim().split(LINE_TERMINATOR)).map((line) => commentText(line.trimEnd()));
}
function docComment(lines, indent) {
  if (lines.length === 0) return "";
  if (lines.length === 1) return `${indent}/** ${lines[0]} */
`;
  return `${indent}/**
${lines.map((l) => `${indent} * ${l}`.trimEnd()).join("\n")}
${indent} */
`;
}
function indexType(type, ...keys) {
  return type + keys.map((k) => `[${typeof k === "number" ? k : stringLiteral(k)}]`).join("");
}

// generator/views/operation-view.ts
function validatorNames(op) {
  const base = `validate${pascalCase(op.group)}${pascalCase(op.methodName)}`;
  return {
    parameters: `${base}Parameters`,
    body: `${base}Body`,
    response: (status) => `${base}Response${pascalCase(status.toLowerCase() === "default" ? "Default" : status)}`
  };
}
function valueExpression(p) {
  if (p.binding === "api-version") return code`API_VERSION`;
  return propertyAccess(p.binding === "client" ? code`options` : code`parameters`, p.clientName);
}
function buildOperationView(op) {
  const opType = indexType(code`operations`, op.operationId);
  const typeNames = operationTypeNames(op);
  const names = validatorNames(op);
  const wire = (location) => op.parameters.filter((p) => p.in === location).map((p) => ({ key: propertyKey(p.name), valueExpr: valueExpression(p) }));
  const methodParams = op.parameters.filter((p) => p.binding === "method").map((p) => ({
    key: propertyKey(p.clientName),
    docComment: docComment(docLines(p.description), "  "),
    typeExpr: parameterType(op, opType, p),
    optional: !p.required
  }));
  if (op.requestBody) {
    methodParams.push({
      key: code`body`,
      docComment: docComment(docLines(op.requestBody.description), "  "),
      typeExpr: code`NonNullable<${indexType(opType, "requestBody")}>${indexType(code``, "content", op.requestBody.contentType)}`,
      optional: !op.requestBody.required
    });
  }
  const success = successResponses(op);
  const secretPaths = [...new Set(op.responses.flatMap((r) => r.secretPaths))];
  const errorShownPaths = Object.fromEntries(op.responses.filter((r) => !success.includes(r)).map((r) => [r.status, r.shownPaths]));
  const resultTypes = success.map((r) => r.schema ? indexType(opType, "responses", Number(r.status), "content", r.contentType) : code`undefined`);
  const successStatuses = code`[${joinCode(success.map((r) => code`${Number(r.status)}`), ", ")}]`;
  return {
    operationIdComment: commentText(op.operationId),
    operationIdLiteral: stringLiteral(op.operationId),
    methodKey: propertyKey(op.methodName),
    docComment: docComment(docLines(op.summary, op.description), "  "),
    paramsTypeName: identifier(typeNames.paramsTypeName),
    resultTypeName: identifier(typeNames.resultTypeName),
    errorTypeName: identifier(typeNames.errorTypeName),
    errorGuardName: identifier(typeNames.errorGuardName),
    errorTypeMembers: errorTypeMembers(op, opType),
    operationSpecLiteral: code`{ operationId: ${stringLiteral(op.operationId)}, successStatuses: ${successStatuses}, secretPaths: ${valueLiteral(secretPaths, { compact: true })}, errorShownPaths: ${valueLiteral(errorShownPaths, { compact: true })} }`,
    methodParams,
    paramsOptional: methodParams.every((p) => p.optional),
    httpMethodLiteral: stringLiteral(op.httpMethod.toUpperCase()),
    pathLiteral: stringLiteral(op.pathTemplate),
    pathEntries: wire("path"),
    queryEntries: wire("query"),
    headerEntries: wire("header"),
    validationEntries: op.parameters.filter((p) => p.binding !== "api-version").map((p) => ({ key: propertyKey(p.name), valueExpr: valueExpression(p) })),
    parametersValidator: identifier(names.parameters),
    bodyValidator: op.requestBody ? identifier(names.body) : void 0,
    hasBody: op.requestBody !== void 0,
    resultTypeExpr: joinCode([...new Set(resultTypes)], " | ") || code`undefined`,
    successStatusesLiteral: successStatuses
  };
}
function parameterType(op, opType, p) {
  const group = indexType(opType, "parameters", p.in);
  const groupOptional = !op.parameters.some((q) => q.in === p.in && q.required);
  return groupOptional ? indexType(code`NonNullable<${group}>`, p.name) : indexType(group, p.name);
}
function errorTypeMembers(op, opType) {
  const bodyType = (r) => {
    const key2 = /^\d+$/.test(r.status) ? Number(r.status) : r.status;
    return r.schema ? indexType(opType, "responses", key2, "content", r.contentType) : code`unknown`;
  };
  const status = (r) => code`${Number(r.status)}`;
  const range = (r) => code`HttpStatusRange<${Number(r.status[0])}>`;
  const members = [];
  const exact = op.responses.filter((r) => /^[45]\d\d$/.test(r.status));
  const ranges = op.responses.filter((r) => /^[45]XX$/i.test(r.status));
  for (const r of exact) members.push(code`RekeyError<${status(r)}, ${bodyType(r)}>`);
  const exactList = joinCode(exact.map(status), " | ");
  const minusExact = (set) => exact.length ? code`Exclude<${set}, ${exactList}>` : set;
  for (const r of ranges) members.push(code`RekeyError<${minusExact(range(r))}, ${bodyType(r)}>`);
  const fallback = op.responses.find((r) => r.status === "default");
  const covered = [...exact.map(status), ...ranges.map(range)];
  const rest = covered.length ? code`Exclude<HttpErrorStatus, ${joinCode(covered, " | ")}>` : code`HttpErrorStatus`;
  members.push(code`RekeyError<${rest}, ${fallback ? bodyType(fallback) : code`unknown`}>`);
  const documented = op.responses.filter((r) => /^[123]\d\d$/.test(r.status)).map(status);
  members.push(code`RekeyError<${documented.length ? code`Exclude<HttpOtherStatus, ${joinCode(documented, " | ")}>` : code`HttpOtherStatus`}, unknown>`);
  return members;
}

// generator/views/client-view.ts
function buildClientView(doc) {
  const names = clientNames(doc);
  const clientParams = /* @__PURE__ */ new Map();
  for (const op of doc.operations) {
    for (const p of op.parameters.filter((x) => x.binding === "client")) {
      clientParams.set(p.clientName, {
        key: propertyKey(p.clientName),
        docComment: docComment(docLines(p.description), "  "),
        typeExpr: indexType(code`operations`, op.operationId, "parameters", p.in, p.name)
      });
    }
  }
  const groups = /* @__PURE__ */ new Map();
  const rootOperations = [];
  const operations = [];
  for (const op of doc.operations) {
    const view = buildOperationView(op);
    operations.push(view);
    if (!op.group) {
      rootOperations.push(view);
      continue;
    }
    const group = groups.get(op.group) ?? { key: propertyKey(op.group), typeName: identifier(names.groupTypeName(op.group)), operations: [] };
    group.operations.push(view);
    groups.set(op.group, group);
  }
  return {
    titleComment: commentText(doc.title),
    apiVersionLiteral: stringLiteral(doc.apiVersion),
    defaultEndpointLiteral: stringLiteral(doc.defaultEndpoint),
    clientTypeName: identifier(names.clientTypeName),
    optionsTypeName: identifier(names.optionsTypeName),
    factoryName: identifier(names.factoryName),
    productTokenLiteral: stringLiteral(` ${doc.service}/${doc.apiVersion}`),
    clientParams: [...clientParams.values()],
    groups: [...groups.values()],
    rootOperations,
    operations
  };
}

// generator/emit/emit-validators.ts
import { dirname, join as join3, posix, relative, sep } from "node:path";

// generator/emit/open-enums.ts
function enumsOf(node, found) {
  if (Array.isArray(node)) {
    for (const item of node) enumsOf(item, found);
    return;
  }
  if (typeof node !== "object" || node === null) return;
  const record = node;
  if (Array.isArray(record.enum)) {
    const extension = record["x-ms-enum"];
    const open = typeof extension === "object" && extension !== null && extension.modelAsString === true;
    (open ? found.open : found.closed).push(record.enum);
  }
  for (const value of Object.values(record)) enumsOf(value, found);
}
function openEnumValueLists(doc) {
  const found = { open: [], closed: [] };
  enumsOf(doc.raw, found);
  const key2 = (values) => JSON.stringify(values);
  const closed = new Set(found.closed.map(key2));
  const open = new Map(found.open.filter((values) => !closed.has(key2(values))).map((values) => [key2(values), values]));
  return [...open.values()];
}

// generator/emit/render.ts
import { readdirSync, readFileSync } from "node:fs";
import { join as join2 } from "node:path";
var instance;
var compiled = /* @__PURE__ */ new Map();
function handlebars() {
  if (instance) return instance;
  instance = requireCjs("handlebars").create();
  for (const file of readdirSync(TEMPLATES_DIR)) {
    if (!file.endsWith(".hbs") || file.split(".").length > 2) continue;
    const name = file.replace(/\.hbs$/, "").replace(/-(\w)/g, (_, c) => c.toUpperCase());
    instance.registerPartial(name, readFileSync(join2(TEMPLATES_DIR, file), "utf8"));
  }
  return instance;
}
function render(name, view) {
  let template = compiled.get(name);
  if (!template) {
    template = handlebars().compile(readFileSync(join2(TEMPLATES_DIR, `${name}.hbs`), "utf8"), { noEscape: true, strict: true });
    compiled.set(name, template);
  }
  return template(view);
}

// generator/emit/emit-validators.ts
function validatorSchemas(doc) {
  const ref = (pointer) => schemaRef(doc, pointer);
  const list = [];
  for (const op of doc.operations) {
    const names = validatorNames(op);
    const params = op.parameters.filter((p) => p.binding !== "api-version");
    list.push({
      exportName: names.parameters,
      description: `${op.operationId}: path, query and header parameters (api-version excluded), keyed by wire name.`,
      schema: {
        type: "object",
        properties: Object.fromEntries(params.map((p) => [p.name, ref(p.schemaPointer)])),
        required: params.filter((p) => p.required).map((p) => p.name)
      }
    });
    if (op.requestBody) {
      list.push({ exportName: names.body, description: `${op.operationId}: request body.`, schema: ref(op.requestBody.schemaPointer) });
    }
    for (const r of op.responses) {
      if (!r.schemaPointer) continue;
      list.push({ exportName: names.response(r.status), description: `${op.operationId}: ${r.status} response body.`, schema: ref(r.schemaPointer) });
    }
  }
  return list;
}
function standaloneValidators(doc) {
  const standaloneCode = requireCjs("ajv/dist/standalone/index.js").default;
  const ajv = createAjv([doc], { standalone: true });
  const schemas = validatorSchemas(doc);
  const exportsMap = {};
  for (const v of schemas) {
    const id = `${doc.docUri.replace(/openapi\.json$/, "validators/")}${v.exportName}`;
    ajv.addSchema({ $id: id, ...v.schema });
    exportsMap[v.exportName] = id;
  }
  const openEnums = openEnumValueLists(doc);
  const code2 = standaloneCode(ajv, exportsMap) + (openEnums.length === 0 ? "" : [
    `
const caseInsensitiveEnums = Object.freeze(${valueLiteral(openEnums, { compact: true })});`,
    ...schemas.map((v) => `${identifier(v.exportName)}.caseInsensitiveEnums = caseInsensitiveEnums;`)
  ].join("\n") + "\n");
  return {
    code: code2,
    dts: render("validators.d.ts", {
      validators: schemas.map((v) => ({ exportName: identifier(v.exportName), comment: commentText(v.description) }))
    })
  };
}
var BUNDLE_ROOT = dirname(dirname(packageDir("ajv") ?? join3(REPO_ROOT, "node_modules", "ajv")));
var SHARED_CHUNK_NAMES = "validator-helpers-[hash]";
async function bundleValidators(modules) {
  if (modules.length === 0) return [];
  const esbuild = await import("esbuild");
  const byPath = new Map(modules.map((m) => [m.path, m.code]));
  const bundled = await esbuild.build({
    entryPoints: modules.map((m) => ({ in: m.path, out: m.path.replace(/^src\//, "").replace(/\.js$/, "") })),
    outdir: "src",
    absWorkingDir: BUNDLE_ROOT,
    bundle: true,
    splitting: true,
    chunkNames: SHARED_CHUNK_NAMES,
    format: "esm",
    platform: "neutral",
    target: "es2022",
    write: false,
    legalComments: "none",
    logLevel: "silent",
    plugins: [{
      name: "rekey-validators",
      setup(build) {
        build.onResolve({ filter: /.*/ }, (args) => args.kind === "entry-point" ? { path: posix.normalize(args.path), namespace: "rekey-validators" } : void 0);
        build.onLoad({ filter: /.*/, namespace: "rekey-validators" }, (args) => ({ contents: byPath.get(args.path), resolveDir: BUNDLE_ROOT, loader: "js" }));
      }
    }]
  });
  return bundled.outputFiles.map((f) => ({ path: relative(BUNDLE_ROOT, f.path).split(sep).join("/"), content: f.text }));
}

// generator/emit/emit-build.ts
import { join as join4 } from "node:path";

// generator/emit/generated-file.ts
var GENERATED_NOTICE = "generated by rekey \u2014 do not edit";
function withHeader(path, content, source) {
  const notice = `${GENERATED_NOTICE}. Source: ${source}`;
  if (/\.(ts|js|mjs|cjs)$/.test(path)) return { path, content: `// ${commentText(notice)}
${content}` };
  if (path.endsWith(".gitignore")) return { path, content: `# ${commentText(notice)}
${content}` };
  if (path.endsWith(".md")) return { path, content: `<!-- ${notice} -->
${content}` };
  if (path.endsWith(".json")) {
    const json = JSON.parse(content);
    return { path, content: JSON.stringify({ "//": notice, ...json }, null, 2) + "\n" };
  }
  throw new Error(`no header syntax for ${path}`);
}

// generator/emit/emit-build.ts
var SOURCE = "generator/package-build/";
async function buildScript() {
  const esbuild = await import("esbuild");
  const result = await esbuild.build({
    entryPoints: [join4(PACKAGE_BUILD_DIR, "build-script.ts")],
    absWorkingDir: ASSETS_ROOT,
    // comments in build.js name its sources relative to this: generator/package-build/…
    bundle: true,
    packages: "external",
    platform: "node",
    format: "esm",
    target: "node20",
    write: false,
    legalComments: "none",
    logLevel: "silent"
  });
  return result.outputFiles[0].text;
}
async function buildFiles() {
  return [
    withHeader(BUILD_SCRIPT, await buildScript(), SOURCE),
    // dist/ and the folder a build stages it in are built from src/, never committed.
    withHeader(".gitignore", `/${DIST_DIR}/
/${DIST_DIR}.build-*.tmp/
`, SOURCE)
  ];
}

// generator/emit/emit-package.ts
import { readdirSync as readdirSync2, readFileSync as readFileSync2 } from "node:fs";
import { join as join6 } from "node:path";

// generator/views/package-view.ts
var PACKAGE_NAME = "@rekey/clients";
function defaultVersion(docs) {
  const sorted = [...docs].sort((a, b) => a.apiVersion.localeCompare(b.apiVersion));
  return sorted.filter((d) => d.stable).at(-1) ?? sorted.at(-1);
}
function groupByService(docs) {
  const byService = /* @__PURE__ */ new Map();
  for (const doc of docs) byService.set(doc.service, [...byService.get(doc.service) ?? [], doc]);
  return byService;
}
function snippetCode(doc, op, importPath) {
  const { factoryName } = clientNames(doc);
  const parameters = op.examples[0]?.parameters ?? {};
  const example = (name, otherwise) => Object.hasOwn(parameters, name) ? parameters[name] : otherwise;
  const argument = (clientName, value) => code`  ${propertyKey(clientName)}: ${valueLiteral(value, { bareKeys: true, indent: "  " })},`;
  const clientArgs = op.parameters.filter((p) => p.binding === "client").map((p) => argument(p.clientName, example(p.name, `<${p.name}>`)));
  const callArgs = op.parameters.filter((p) => p.binding === "method").map((p) => argument(p.clientName, example(p.name, `<${p.name}>`)));
  if (op.requestBody) callArgs.push(argument("body", example(op.requestBody.name, {})));
  const method = propertyAccess(op.group ? propertyAccess(code`client`, op.group) : code`client`, op.methodName);
  const returnsBody = op.responses.some((r) => /^2/.test(r.status) && r.schema);
  return joinCode([
    code`import { DefaultAzureCredential } from "@azure/identity";`,
    code`import { ${identifier(factoryName)} } from ${stringLiteral(importPath)};`,
    code``,
    code`const client = ${identifier(factoryName)}({`,
    code`  credential: new DefaultAzureCredential(),`,
    ...clientArgs,
    code`});`,
    code`${returnsBody ? code`const result = ` : code``}await ${method}({`,
    ...callArgs,
    code`});`
  ], "\n");
}
function buildEntryPoints(docs) {
  const entries = [];
  for (const [service, versions] of groupByService(docs)) {
    const chosen = defaultVersion(versions);
    for (const doc of versions) {
      const importPath = `${PACKAGE_NAME}/${service}/${doc.apiVersion}`;
      entries.push({
        importPath: markdownCode(importPath, { inTable: true }),
        defaultImport: doc === chosen ? markdownCode(`${PACKAGE_NAME}/${service}`, { inTable: true }) : void 0,
        title: markdownText(doc.title),
        apiVersion: markdownText(doc.apiVersion),
        factoryName: markdownCode(clientNames(doc).factoryName, { inTable: true }),
        snippets: doc.operations.map((op) => ({
          heading: markdownText(`${op.operationId} (${importPath})`),
          description: markdownText(op.summary ?? op.description ?? ""),
          codeBlock: markdownFence(snippetCode(doc, op, importPath), "ts")
        }))
      });
    }
  }
  return entries;
}
function buildServiceIndexes(docs) {
  return new Map([...groupByService(docs)].map(([service, versions]) => {
    const { apiVersion } = defaultVersion(versions);
    return [service, {
      namespace: identifier(camelCase(service)),
      moduleLiteral: stringLiteral(`./${service}/index.js`),
      versionModuleLiteral: stringLiteral(`./${apiVersion}/index.js`),
      comment: commentText(`${service}: the newest stable api-version, ${apiVersion}. Pin a version with "${PACKAGE_NAME}/${service}/<api-version>".`)
    }];
  }));
}

// generator/release-record.ts
import { createHash } from "node:crypto";
import { join as join5 } from "node:path";

// generator/diff/changelog.ts
var SECTION_HEADING = /^## (\d+\.\d+\.\d+) — /;
function addedLines(release, entry, serviceEntry) {
  const { diff } = release;
  if (release.was === void 0) return [`New service: ${entry}, exported as ${serviceEntry}.`];
  if (!diff) {
    return [`New entry point ${entry}, older than the service's other api-versions; ${serviceEntry} still exports ${markdownText(release.now)}.`];
  }
  const lines = [`New entry point ${entry}` + (release.becomesDefault ? `; ${serviceEntry} now exports it (was ${markdownText(release.was)}).` : `; ${serviceEntry} still exports ${markdownText(release.now)}.`)];
  if (release.breakingAgainst && release.breakingAgainst !== diff.old.apiVersion) {
    lines.push("", `Major: breaking changes against ${markdownText(release.breakingAgainst)}, which ${serviceEntry} exported before.`);
  }
  lines.push("", ...markdownBody(diff, 2));
  return lines;
}
function removedLines(release, entry, serviceEntry) {
  const moved = release.now === void 0 ? `${serviceEntry} is gone too: no api-version of ${markdownText(release.service)} is left.` : release.now === release.was ? `${serviceEntry} still exports ${markdownText(release.now)}.` : `${serviceEntry} now exports ${markdownText(release.now)} (was ${markdownText(release.was)}).`;
  return [`Major: entry point ${entry} removed (its spec folder is gone); ${moved}`];
}
function releaseSection(release, packageName) {
  const entry = markdownCode(`${packageName}/${release.service}/${release.apiVersion}`);
  const serviceEntry = markdownCode(`${packageName}/${release.service}`);
  const label = `${release.service} ${release.apiVersion}`;
  const suffix = release.change === "removed" ? " (removed)" : isStable(release.apiVersion) ? "" : " (preview)";
  const body = release.change === "removed" ? removedLines(release, entry, serviceEntry) : addedLines(release, entry, serviceEntry);
  return [`## ${release.version} \u2014 ${markdownText(label)}${suffix}`, "", ...body].join("\n");
}
function renderChangelog(sections, packageName) {
  const lines = [
    "# Changelog",
    "",
    `Every release of ${packageName} is a section below, newest first, written once and never changed: a new`,
    "api-version or service is a minor release; a removed entry point, or a breaking change (`rekey diff`, for clients",
    `of the older api-version) reaching \`${packageName}/<service>\` (its newest stable api-version), is a major one. An`,
    "api-version added after newer ones were released is appended as a release of its own; nothing is renumbered."
  ];
  for (const section of [...sections].reverse()) lines.push("", section);
  return lines.join("\n") + "\n";
}

// generator/diff/history.ts
var INITIAL_VERSION = "0.1.0";
function bumped(version, bump) {
  if (version === void 0) return INITIAL_VERSION;
  const [major, minor] = version.split(".").map(Number);
  return bump === "major" ? `${major + 1}.0.0` : `${major}.${minor + 1}.0`;
}
var key = (service, apiVersion) => `${service}/${apiVersion}`;
var Released = class {
  byService = /* @__PURE__ */ new Map();
  add(service, apiVersion) {
    this.byService.set(service, [...this.of(service), apiVersion].sort());
  }
  remove(service, apiVersion) {
    const left = this.of(service).filter((v) => v !== apiVersion);
    if (left.length > 0) this.byService.set(service, left);
    else this.byService.delete(service);
  }
  of(service) {
    return this.byService.get(service) ?? [];
  }
  has(service, apiVersion) {
    return this.of(service).includes(apiVersion);
  }
  all() {
    return [...this.byService].flatMap(([service, versions]) => versions.map((v) => [service, v]));
  }
  /** What `@rekey/clients/<service>` exports: the newest stable api-version, else the newest preview. */
  defaultOf(service) {
    const versions = this.of(service);
    return versions.filter(isStable).at(-1) ?? versions.at(-1);
  }
};
var byVersionThenService = (a, b) => a.apiVersion.localeCompare(b.apiVersion) || a.service.localeCompare(b.service);
function nextReleases(record, docs) {
  const released = new Released();
  for (const r of record) {
    if (r.change === "added") released.add(r.service, r.apiVersion);
    else released.remove(r.service, r.apiVersion);
  }
  const specs = new Map(docs.map((d) => [key(d.service, d.apiVersion), d]));
  const releases = [];
  let version = record.at(-1)?.version;
  for (const [service, apiVersion] of released.all().sort()) {
    if (specs.has(key(service, apiVersion))) continue;
    const was = released.defaultOf(service);
    released.remove(service, apiVersion);
    const now = released.defaultOf(service);
    version = bumped(version, "major");
    releases.push({ version, bump: "major", change: "removed", service, apiVersion, becomesDefault: false, was, now });
  }
  for (const doc of [...docs].sort(byVersionThenService)) {
    if (released.has(doc.service, doc.apiVersion)) continue;
    const before = released.defaultOf(doc.service);
    const older = released.of(doc.service).filter((v) => v < doc.apiVersion).at(-1);
    released.add(doc.service, doc.apiVersion);
    const now = released.defaultOf(doc.service);
    const becomesDefault = now === doc.apiVersion;
    const diff = older === void 0 ? void 0 : diffDocuments(specs.get(key(doc.service, older)), doc);
    let bump = version === void 0 ? "initial" : "minor";
    let breakingAgainst;
    if (before !== void 0 && becomesDefault) {
      const againstDefault = before === older ? diff : diffDocuments(specs.get(key(doc.service, before)), doc);
      if (againstDefault.changes.some((c) => c.severity === "breaking")) {
        bump = "major";
        breakingAgainst = before;
      }
    }
    version = bumped(version, bump);
    releases.push({
      version,
      bump,
      change: "added",
      service: doc.service,
      apiVersion: doc.apiVersion,
      doc,
      diff,
      becomesDefault,
      was: before,
      now,
      breakingAgainst
    });
  }
  return releases;
}

// generator/release-record.ts
var RECORD_PATH = "releases.json";
var CHANGELOG_PATH = "CHANGELOG.md";
var VERSION = /^\d+\.\d+\.\d+$/;
var NAME = /^[a-z][a-z0-9-]*$/;
var API_VERSION = /^\d{4}-\d{2}-\d{2}(-[a-z]+)?$/;
function readPrevious(outDir, name) {
  const root = realFolder(outDir);
  if (!root) return { ok: false, reason: "does not exist", hint: "", notFound: true };
  return readConfinedFile(join5(outDir, name), [root], displayPath(outDir) || ".");
}
function releaseHash(r) {
  return createHash("sha256").update(JSON.stringify([r.version, r.change, r.service, r.apiVersion, r.changelog])).digest("hex");
}
function isRelease(value) {
  const r = value;
  return typeof r === "object" && r !== null && typeof r.version === "string" && VERSION.test(r.version) && (r.change === "added" || r.change === "removed") && typeof r.service === "string" && NAME.test(r.service) && typeof r.apiVersion === "string" && API_VERSION.test(r.apiVersion) && typeof r.changelog === "string" && typeof r.sha256 === "string";
}
var semver = (v) => v.split(".").map(Number);
var after = (a, b) => {
  const [x, y] = [semver(a), semver(b)];
  return x[0] - y[0] || x[1] - y[1] || x[2] - y[2];
};
function readRecord(outDir) {
  const path = join5(outDir, RECORD_PATH);
  const file = displayPath(path);
  const read = readPrevious(outDir, RECORD_PATH);
  if (!read.ok && read.notFound) return void 0;
  const restore = `restore it from the last commit (git checkout HEAD -- ${file})`;
  const refuse = (pointer, message, hint = restore) => {
    throw new UserError(problem("release/record", { file, pointer }, message, hint));
  };
  if (!read.ok) return refuse("", `the release record ${read.reason}`, `remove it and ${restore}`);
  let parsed;
  try {
    parsed = JSON.parse(read.text);
  } catch {
    return refuse("", "the release record is not JSON");
  }
  const releases = parsed?.releases;
  if (!Array.isArray(releases)) return refuse("/releases", "the release record has no list of releases");
  const checked = [];
  for (const [i, release] of releases.entries()) {
    if (!isRelease(release)) return refuse(`/releases/${i}`, "this release is not shaped as rekey writes it ({ version, change, service, apiVersion, changelog, sha256 })");
    if (release.sha256 !== releaseHash(release)) {
      refuse(
        `/releases/${i}`,
        `release ${release.version} (${release.service} ${release.apiVersion}) was edited after it was written: a published release never changes`,
        `${restore}; a correction is a new api-version folder, released as the next version`
      );
    }
    const previous = checked.at(-1);
    if (previous && after(release.version, previous.version) <= 0) {
      refuse(`/releases/${i}/version`, `release ${release.version} does not come after ${previous.version}: versions only move forward`);
    }
    checked.push(release);
  }
  return checked;
}
function changelogSections(text) {
  const sections = /* @__PURE__ */ new Map();
  let current;
  const close = () => {
    if (current && !sections.has(current.version)) sections.set(current.version, { text: current.lines.join("\n").trimEnd(), line: current.line });
  };
  text.split("\n").forEach((line, i) => {
    const heading = SECTION_HEADING.exec(line);
    if (heading) {
      close();
      current = { version: heading[1], line: i + 1, lines: [] };
    }
    current?.lines.push(line);
  });
  close();
  return sections;
}
function refuseEditedChangelog(outDir, releases, recordExisted) {
  const path = join5(outDir, CHANGELOG_PATH);
  const read = readPrevious(outDir, CHANGELOG_PATH);
  if (!read.ok) return;
  const shown = changelogSections(read.text);
  const file = displayPath(path);
  for (const release of releases) {
    const section = shown.get(release.version);
    if (section === void 0 || section.text === release.changelog.trimEnd()) continue;
    throw new UserError(problem(
      "release/edited",
      { file, line: section.line },
      `release ${release.version} reads differently from the release record (${release.service} ${release.apiVersion}): a published release never changes`,
      recordExisted ? `restore the section from the last commit (git checkout HEAD -- ${file}); a correction is a new api-version folder, released as the next version` : `${displayPath(join5(outDir, RECORD_PATH))} is missing: restore it from version control rather than let the specs renumber the releases`
    ));
  }
}
function appendReleases(recorded, docs, packageName) {
  const appended = nextReleases(recorded, docs).map((release) => {
    const { version, change, service, apiVersion } = release;
    const changelog = releaseSection(release, packageName);
    return { version, change, service, apiVersion, changelog, sha256: releaseHash({ version, change, service, apiVersion, changelog }) };
  });
  const releases = [...recorded, ...appended];
  return {
    releases,
    version: releases.at(-1)?.version ?? INITIAL_VERSION,
    recordFile: JSON.stringify({ releases }, null, 2) + "\n",
    changelogFile: renderChangelog(releases.map((r) => r.changelog), packageName)
  };
}
function planReleases(outDir, docs, packageName) {
  const recorded = readRecord(outDir);
  const plan = appendReleases(recorded ?? [], docs, packageName);
  refuseEditedChangelog(outDir, plan.releases, recorded !== void 0);
  return plan;
}

// generator/emit/emit-package.ts
var ROOT_PACKAGE = join6(REPO_ROOT, "package.json");
function runtimeFiles() {
  return readdirSync2(RUNTIME_DIR).filter((f) => f.endsWith(".ts")).sort().map((f) => ({ path: `src/runtime/${f}`, content: readFileSync2(join6(RUNTIME_DIR, f), "utf8") }));
}
function conditions(subpath) {
  return { types: `./dist/${subpath}/index.d.ts`, default: `./dist/${subpath}/index.js` };
}
function packageJson(docs, version) {
  const root = JSON.parse(readFileSync2(ROOT_PACKAGE, "utf8"));
  const exportsMap = { ".": { types: "./dist/index.d.ts", default: "./dist/index.js" } };
  for (const [service, versions] of groupByService(docs)) {
    exportsMap[`./${service}`] = conditions(service);
    for (const doc of versions) exportsMap[`./${service}/${doc.apiVersion}`] = conditions(`${service}/${doc.apiVersion}`);
  }
  exportsMap["./package.json"] = "./package.json";
  return {
    name: PACKAGE_NAME,
    version,
    description: "Typed clients for Azure key-regeneration operations, generated by rekey from OpenAPI 3.1",
    license: "MIT",
    type: "module",
    sideEffects: false,
    types: "./dist/index.d.ts",
    exports: exportsMap,
    files: ["dist", `!${DIST_DIR}/${DIST_STAMP}`, "README.md", "CHANGELOG.md"],
    // dist/ is built, not committed: `prepare` runs on `npm install` in the repository and on `npm pack`.
    scripts: { build: `node ${BUILD_SCRIPT}`, prepare: `node ${BUILD_SCRIPT}` },
    engines: { node: ">=20" },
    dependencies: { "openapi-fetch": root.dependencies["openapi-fetch"] },
    devDependencies: { esbuild: root.dependencies.esbuild, typescript: root.dependencies.typescript }
  };
}
var TSCONFIG = {
  compilerOptions: {
    target: "ES2022",
    module: "NodeNext",
    moduleResolution: "NodeNext",
    lib: ["ES2022", "DOM"],
    strict: true,
    declaration: true,
    isolatedDeclarations: true,
    verbatimModuleSyntax: true,
    noEmit: true,
    skipLibCheck: true
  },
  include: ["src"]
};
function packageFiles(docs, releases) {
  const services = buildServiceIndexes(docs);
  const { version } = releases;
  const files = [
    { path: "package.json", content: JSON.stringify(packageJson(docs, version), null, 2) + "\n" },
    { path: RECORD_PATH, content: releases.recordFile },
    { path: "tsconfig.json", content: JSON.stringify(TSCONFIG, null, 2) + "\n" },
    {
      path: "README.md",
      content: render("package-readme.md", {
        packageName: markdownText(PACKAGE_NAME),
        serviceImport: markdownCode(`${PACKAGE_NAME}/<service>`),
        entryPoints: buildEntryPoints(docs)
      })
    },
    { path: CHANGELOG_PATH, content: releases.changelogFile },
    { path: "src/index.ts", content: render("package-index.ts", { services: [...services.values()] }) },
    {
      path: "src/package-info.ts",
      content: render("package-info.ts", {
        packageNameLiteral: stringLiteral(PACKAGE_NAME),
        productLiteral: stringLiteral(`${PACKAGE_NAME.replace(/^@/, "").replace("/", "-")}/${version}`),
        versionLiteral: stringLiteral(version)
      })
    },
    ...[...services].map(([service, view]) => ({ path: `src/${service}/index.ts`, content: render("service-index.ts", view) }))
  ];
  return files;
}

// generator/emit/plan.ts
async function documentFiles(doc, typescript) {
  const dir = `src/${doc.service}/${doc.apiVersion}`;
  const types = typescript.types(doc.raw);
  const validators = standaloneValidators(doc);
  const examples = Object.fromEntries(doc.operations.map((op) => [
    op.operationId,
    Object.fromEntries(op.examples.map((ex) => [ex.title, { parameters: ex.parameters, responses: ex.responses }]))
  ]));
  return [
    { path: `${dir}/schema.ts`, content: await types },
    { path: `${dir}/client.ts`, content: render("client.ts", buildClientView(doc)) },
    { path: `${dir}/validators.js`, content: validators.code },
    { path: `${dir}/validators.d.ts`, content: validators.dts },
    { path: `${dir}/examples.ts`, content: render("examples.ts", { examplesLiteral: valueLiteral(examples) }) },
    { path: `${dir}/index.ts`, content: render("version-index.ts", {}) }
  ];
}
function runtimeSources() {
  return runtimeFiles().map((f) => withHeader(f.path, f.content, `client-runtime/${f.path.slice("src/runtime/".length)}`));
}
async function withBundledValidators(perDocument) {
  const standalone = perDocument.flat().filter((f) => f.path.endsWith("/validators.js"));
  const bundled = new Map((await bundleValidators(standalone.map((f) => ({ path: f.path, code: f.content })))).map((f) => [f.path, f.content]));
  const replaced = perDocument.map((files) => files.map((f) => bundled.has(f.path) ? { path: f.path, content: bundled.get(f.path) } : f));
  const standalonePaths = new Set(standalone.map((f) => f.path));
  return { perDocument: replaced, shared: [...bundled].filter(([path]) => !standalonePaths.has(path)).map(([path, content]) => ({ path, content })) };
}
async function planPackage(docs, typescript = inProcessTypeScript, releases = appendReleases([], docs, PACKAGE_NAME)) {
  const { perDocument, shared: sharedValidation } = await withBundledValidators(await Promise.all(docs.map((doc) => documentFiles(doc, typescript))));
  const documents = perDocument.flatMap((files, i) => files.map((f) => withHeader(f.path, f.content, `specs/${docs[i].service}/${docs[i].apiVersion}/openapi.yaml`)));
  const shared = [
    ...[...packageFiles(docs, releases), ...sharedValidation].map((f) => withHeader(f.path, f.content, "specs/")),
    ...runtimeSources(),
    ...await buildFiles()
  ];
  return [...shared, ...documents].sort((a, b) => a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
}
function distHash(files) {
  return buildInputsHash(buildInputs(files));
}
function planDist(files, typescript = inProcessTypeScript) {
  return buildFromInputs(buildInputs(files), typescript.declarations);
}

// generator/workspace-lock.ts
import { basename, dirname as dirname2, join as join7 } from "node:path";
function staleLockWarning(outDir, version) {
  const lockPath = join7(dirname2(outDir), "package-lock.json");
  const read = readInputFile(lockPath);
  if (!read.ok) return void 0;
  let recorded;
  try {
    const lock = JSON.parse(read.text);
    recorded = lock.packages?.[basename(outDir)]?.version;
  } catch {
    return void 0;
  }
  if (typeof recorded !== "string" || recorded === version) return void 0;
  return problem(
    "release/lock",
    { file: displayPath(lockPath), pointer: join("", "packages", basename(outDir), "version") },
    `the workspace is at ${recorded}, the package now at ${version}`,
    "run `npm install --package-lock-only` and commit the lock with generated/",
    "warning"
  );
}

// generator/pipeline.ts
async function loadAndPlan(options, typescript, withDist) {
  if (withDist) void typescript.declarations(runtimeSources()).catch(() => {
  });
  try {
    const { docs, warnings } = await loadSpecs(options.specsDir);
    const releases = planReleases(options.outDir, docs, PACKAGE_NAME);
    const files = await planPackage(docs, typescript, releases);
    const dist = withDist && !distIsCurrent(options.outDir, distHash(files)) ? await planDist(files, typescript) : void 0;
    return { files: [...files, manifestFile(files, inputsHash(options.specsDir))], warnings, dist, version: releases.version };
  } finally {
    await typescript.close();
  }
}
async function generate(options, typescript = startTypeScriptService()) {
  const { files, warnings, dist, version } = await loadAndPlan(options, typescript, true);
  const summary = writePlan(options.outDir, files);
  if (dist) writeBuilt(options.outDir, dist);
  const lock = staleLockWarning(options.outDir, version);
  return { ...summary, warnings: [...warnings, ...summary.warnings, ...lock ? [lock] : []], files: files.length };
}
function writeBuilt(outDir, dist) {
  try {
    writeDist(outDir, dist.files, dist.hash);
  } catch (error) {
    const e = error;
    if (!e?.code || !e.path) throw error;
    throw new UserError(problem(
      "write",
      { file: displayPath(e.path) },
      `cannot write (${e.code}): the package's sources were written, its dist/ was not built`,
      "make --out writable, then generate again (or run `npm run build` in it)"
    ));
  }
}
function fastCheck(options) {
  const { manifest } = readManifest(options.outDir);
  if (!manifest || manifest.inputsHash !== inputsHash(options.specsDir)) return void 0;
  refuseOutsidePaths(options.outDir, [], Object.keys(manifest.files));
  const differences = [];
  for (const [path, hash] of Object.entries(manifest.files)) {
    const read = readInputFile(join8(options.outDir, path));
    if (!read.ok && read.notFound) differences.push({ path, kind: "missing" });
    else if (!read.ok || sha256(read.text) !== hash) differences.push({ path, kind: "changed" });
  }
  for (const path of listCommittedFiles(options.outDir)) {
    if (path !== MANIFEST_PATH && !(path in manifest.files)) differences.push({ path, kind: "unexpected" });
  }
  return differences;
}
async function check(options) {
  const fast = fastCheck(options);
  if (fast && fast.length === 0) return { differences: [], fast: true, warnings: [] };
  const { files, warnings } = await loadAndPlan(options, startTypeScriptService(), false);
  const differences = comparePlan(options.outDir, files);
  const manifestOnly = differences.every((d) => d.path === MANIFEST_PATH);
  return { differences: manifestOnly ? [] : differences, fast: false, warnings, manifestStale: differences.length > 0 && manifestOnly };
}
export {
  check,
  generate,
  resolveOptions
};
