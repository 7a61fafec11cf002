/**
 * A specs tree of N documents for measuring how cost grows with it: copies of the real spec folders under made-up
 * api-versions (each copy says its api-version in info.version and its examples, as a real new api-version does).
 */
import { cpSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/** info.version as the specs write it: `info:` followed, within its block, by `version: 'YYYY-MM-DD'`. */
const INFO_VERSION = /^(info:\n(?:[ \t]+.*\n)*?[ \t]+version:[ \t]*)(['"]?)[^'"\n]+\2[ \t]*$/m;

/** Copies one spec folder to `to` and makes it say `apiVersion` (info.version and every example's api-version). */
export function copyAsApiVersion(from: string, to: string, apiVersion: string): void {
  cpSync(from, to, { recursive: true });
  const spec = join(to, "openapi.yaml");
  const text = readFileSync(spec, "utf8");
  if (!INFO_VERSION.test(text)) throw new Error(`${spec}: no info.version to rewrite`);
  writeFileSync(spec, text.replace(INFO_VERSION, `$1'${apiVersion}'`));
  const examples = join(to, "examples");
  for (const name of readdirSync(examples).filter((f) => f.endsWith(".json"))) {
    const example = JSON.parse(readFileSync(join(examples, name), "utf8")) as { parameters: Record<string, unknown> };
    example.parameters["api-version"] = apiVersion;
    writeFileSync(join(examples, name), JSON.stringify(example, null, 2) + "\n");
  }
}

export interface SpecFolder {
  service: string;
  apiVersion: string;
  dir: string;
}

/**
 * Writes `count` documents under `root`: the real folders in turn, copy k of a folder named
 * `${2101 + k}-MM-01`, MM telling apart the folders of one service.
 */
export function syntheticSpecs(folders: SpecFolder[], count: number, root: string): string {
  // The folders of one service are told apart by month: the first is 01, the next 02…
  const month = new Map(folders.map((f) => [f, folders.filter((g) => g.service === f.service).indexOf(f) + 1]));
  for (let i = 0; i < count; i++) {
    const folder = folders[i % folders.length]!;
    const copy = Math.floor(i / folders.length);
    const apiVersion = `${2101 + copy}-${String(month.get(folder)).padStart(2, "0")}-01`;
    copyAsApiVersion(folder.dir, join(root, folder.service, apiVersion), apiVersion);
  }
  return root;
}
