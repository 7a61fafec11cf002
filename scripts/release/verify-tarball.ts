/**
 * Verifies a packed @rekey/clients tarball the way a user meets it: installed into an empty project (offline, from
 * the npm cache that `npm ci` filled: install-offline.ts), every file its exports map
 * names is present, and one spec-chosen call works from plain ESM JavaScript, from strict TypeScript in an ESM
 * package and from strict TypeScript in a CommonJS package, with module nodenext (TypeScript ≥ 5.8 compiles the
 * import to require(), which Node loads as ESM from 20.19 on) and with module commonjs. Each consumer's request and printed answer are compared with
 * the spec's example.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { isDeepStrictEqual } from "node:util";
import { startAnswerServer } from "./answer-server.ts";
import { type ConsumerCall, esmJavaScript, TOKEN, typeScript } from "./consumer-call.ts";
import { installOffline } from "./install-offline.ts";
import { runCommand, StepFailed, timed } from "./run-command.ts";
import { createTypeCheck } from "./type-check.ts";

/**
 * Settings a careful team turns on; skipLibCheck off, so the package's own declarations are checked too.
 * skipDefaultLibCheck on: TypeScript's own lib.*.d.ts say nothing of the package, and checking them was 40% of each
 * consumer's compile.
 */
const STRICT = {
  target: "ES2022",
  module: "NodeNext",
  moduleResolution: "NodeNext",
  lib: ["ES2022", "DOM"],
  types: [],
  strict: true,
  noUncheckedIndexedAccess: true,
  exactOptionalPropertyTypes: true,
  noImplicitOverride: true,
  noImplicitReturns: true,
  isolatedModules: true,
  skipLibCheck: false,
  skipDefaultLibCheck: true,
  outDir: "out",
};

/**
 * The TypeScript consumers: the same source with the same strict settings; module nodenext makes ESM or CommonJS
 * output from the package type, and classic CommonJS settings (module commonjs, hence moduleResolution node10,
 * which reads typesVersions rather than exports) are the third.
 */
const TYPESCRIPT_CONSUMERS = [
  { name: "TypeScript ESM", folder: "esm", type: "module", extra: { verbatimModuleSyntax: true } },
  { name: "TypeScript CommonJS", folder: "cjs", type: "commonjs", extra: {} },
  { name: "TypeScript CommonJS (module commonjs)", folder: "cjs-classic", type: "commonjs", extra: { module: "CommonJS", moduleResolution: "node10" } },
] as const;

export interface Verified {
  version: string;
  consumers: string[];
  timings: Record<string, number>;
}

function exportTargets(exportsMap: unknown): string[] {
  if (typeof exportsMap === "string") return [exportsMap];
  if (exportsMap && typeof exportsMap === "object") return Object.values(exportsMap).flatMap(exportTargets);
  return [];
}

function checkExportTargets(installed: string): string {
  const manifest = JSON.parse(readFileSync(join(installed, "package.json"), "utf8")) as { version: string; exports?: unknown; types?: string; typesVersions?: unknown };
  const targets = [...new Set([...exportTargets(manifest.exports), ...exportTargets(manifest.typesVersions), ...(manifest.types ? [manifest.types] : [])])];
  if (exportTargets(manifest.exports).length === 0) throw new StepFailed("exports", "the package.json has no exports map");
  const missing = targets.filter((t) => !existsSync(resolve(installed, t)));
  if (missing.length > 0) throw new StepFailed("exports", `${missing.length} file(s) named by the exports map, types or typesVersions are not in the tarball, e.g. ${missing[0]}`);
  return manifest.version;
}

export async function verifyTarball(tarball: string, call: ConsumerCall): Promise<Verified> {
  const timings: Record<string, number> = {};
  const project = mkdtempSync(join(tmpdir(), "rekey-release-check-"));
  const server = await startAnswerServer(call.status, call.answer);
  try {
    const installed = await timed(timings, "install", () => installOffline(project, resolve(tarball)));
    const version = checkExportTargets(installed);

    const consumers: string[] = [];
    const expectCall = async (name: string, stdout: Promise<string>) => {
      const before = server.seen.length;
      const printed = (await stdout).trim();
      const request = server.seen[before];
      if (server.seen.length !== before + 1 || !request) throw new StepFailed(name, `expected one request for ${call.label}, the server saw ${server.seen.length - before}`);
      if (request.method !== call.httpMethod || request.path !== call.expectedPath) throw new StepFailed(name, `sent ${request.method} ${request.path}, the example documents ${call.httpMethod} ${call.expectedPath}`);
      if (request.authorization !== `Bearer ${TOKEN}`) throw new StepFailed(name, "the request did not carry the credential as a bearer token");
      if (call.expectedBody !== undefined && !isDeepStrictEqual(JSON.parse(request.body), call.expectedBody)) throw new StepFailed(name, "the request body is not the example's");
      let answer: unknown;
      try {
        answer = JSON.parse(printed);
      } catch {
        throw new StepFailed(name, `printed no JSON answer for ${call.label}`);
      }
      if (!isDeepStrictEqual(answer, call.answer)) throw new StepFailed(name, `the answer of ${call.label} is not the example's`);
      consumers.push(name);
    };

    writeFileSync(join(project, "call.mjs"), esmJavaScript(call, server.url));
    await timed(timings, "ESM JavaScript", () => expectCall("ESM JavaScript", runCommand("ESM JavaScript", process.execPath, ["call.mjs"], { cwd: project })));

    const typeCheck = createTypeCheck();
    for (const consumer of TYPESCRIPT_CONSUMERS) {
      const dir = join(project, consumer.folder);
      mkdirSync(dir);
      writeFileSync(join(dir, "package.json"), JSON.stringify({ name: `rekey-release-check-${consumer.folder}`, private: true, type: consumer.type }, null, 2) + "\n");
      writeFileSync(join(dir, "tsconfig.json"), JSON.stringify({ compilerOptions: { ...STRICT, ...consumer.extra }, files: ["call.ts"] }, null, 2) + "\n");
      writeFileSync(join(dir, "call.ts"), typeScript(call, server.url));
      await timed(timings, consumer.name, async () => {
        typeCheck(`${consumer.name} (tsc)`, dir);
        await expectCall(consumer.name, runCommand(consumer.name, process.execPath, [join("out", "call.js")], { cwd: dir }));
      });
    }
    return { version, consumers, timings };
  } finally {
    await server.close();
    rmSync(project, { recursive: true, force: true });
  }
}
