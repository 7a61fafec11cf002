/**
 * `rekey diff`: compares two documents operation by operation and classifies every change (see rules.ts).
 * Documents are read with the generator's own loader and operation model; the operation-level checks are a
 * registry, run in order, each one concern.
 */
import { statSync } from "node:fs";
import { basename, dirname, join as joinPath, resolve } from "node:path";
import { buildDocumentModel, displayPath, type DocumentModel, isApiVersion, loadDocument, parseSpecText, problem, readInputFile, refFoldersOf, SPEC_FILE_NAME, UserError } from "../../kernel/index.ts";
import { longRunningChanges } from "./long-running.ts";
import { matchOperations, type OperationPair } from "./match.ts";
import { descriptionChanges, operationIdChanges, requestBodyChanges } from "./operations.ts";
import { parameterChanges } from "./parameters.ts";
import { errorSchemaChanges, statusChanges, successBodyChanges } from "./responses.ts";
import { type Change, change } from "./rules.ts";

export type OperationCheck = (pair: OperationPair) => Change[];

export const DIFF_CHECKS: Record<string, OperationCheck> = {
  "operation-id": operationIdChanges,
  parameters: parameterChanges,
  "request-body": requestBodyChanges,
  statuses: statusChanges,
  "success-bodies": successBodyChanges,
  "error-schema": errorSchemaChanges,
  "long-running": longRunningChanges,
  descriptions: descriptionChanges,
};

export interface DocumentRef {
  service: string;
  apiVersion: string;
  file: string;
}

export interface DiffResult {
  old: DocumentRef;
  new: DocumentRef;
  changes: Change[];
}

const ref = (doc: DocumentModel): DocumentRef => ({ service: doc.service, apiVersion: doc.apiVersion, file: doc.file });

export function diffDocuments(oldDoc: DocumentModel, newDoc: DocumentModel): DiffResult {
  const { pairs, added, removed } = matchOperations(oldDoc, newDoc);
  const changes: Change[] = [];
  for (const op of removed) {
    changes.push(change("operation-removed", op.operationId, op.pointer, `${op.httpMethod.toUpperCase()} ${op.pathTemplate} removed`, "old"));
  }
  for (const pair of pairs) for (const check of Object.values(DIFF_CHECKS)) changes.push(...check(pair));
  for (const op of added) {
    changes.push(change("operation-added", op.operationId, op.pointer, `${op.httpMethod.toUpperCase()} ${op.pathTemplate} added`));
  }
  return { old: ref(oldDoc), new: ref(newDoc), changes };
}

/**
 * Loads one side of a diff: a spec folder (holding openapi.yaml) or a document file, which must be a regular file
 * within the input size limit. The api-version is the folder's name when it is one (specs/<service>/<api-version>/),
 * else the document's info.version. Its $refs stay inside its service folder (or specs/common-types/) when it sits
 * in that layout, else inside its own folder.
 */
export async function loadForDiff(path: string): Promise<DocumentModel> {
  const absolute = resolve(path);
  const usage = "pass two spec folders (specs/<service>/<api-version>) or two OpenAPI documents";
  let isFolder: boolean;
  try {
    isFolder = statSync(absolute).isDirectory();
  } catch {
    throw new UserError(problem("diff/input", { file: displayPath(absolute) }, "no such file or folder", usage));
  }
  const file = isFolder ? joinPath(absolute, SPEC_FILE_NAME) : absolute;
  const read = readInputFile(file);
  if (!read.ok && read.notFound && isFolder) {
    throw new UserError(problem("diff/input", { file: displayPath(absolute) }, `the folder has no ${SPEC_FILE_NAME}`,
      "pass a spec folder (specs/<service>/<api-version>) or the openapi.yaml itself"));
  }
  if (!read.ok) throw new UserError(problem("diff/input", { file: displayPath(file) }, `the input ${read.reason}`, `${read.hint}; ${usage}`));
  const folder = dirname(read.realPath);
  let apiVersion = basename(folder);
  let service = basename(dirname(folder));
  let refFolders = refFoldersOf(dirname(dirname(folder)), dirname(folder));
  if (!isApiVersion(apiVersion)) {
    const parsed = parseSpecText(read.text, displayPath(file)) as { info?: { version?: unknown } } | null;
    const written = parsed && typeof parsed === "object" ? parsed.info?.version : undefined;
    apiVersion = typeof written === "string" && isApiVersion(written) ? written : "0000-00-00";
    service = basename(folder);
    refFolders = [folder];
  }
  const loaded = await loadDocument({ service, apiVersion, folder, absoluteFile: read.realPath, file: displayPath(file), refFolders });
  return buildDocumentModel(loaded);
}

export async function diffPaths(oldPath: string, newPath: string): Promise<DiffResult> {
  const [oldDoc, newDoc] = await Promise.all([loadForDiff(oldPath), loadForDiff(newPath)]);
  return diffDocuments(oldDoc, newDoc);
}

export { type Change, DIFF_RULES, type RuleName, type Severity, type Side } from "./rules.ts";
