/**
 * The resume token of a long-running operation: what a new process needs to go on polling — the operation, how it
 * is polled and the URLs — and nothing secret (no bearer token, no key, no result). It is opaque text to callers:
 * "rekey-lro.1." then base64url of a JSON object. Reading one checks every field, so an edited or truncated token
 * is a clear RekeyOptionsError; its URLs are pinned to the resuming client's endpoint like any other polling URL.
 * (@azure/core-lro serialises its whole state, result included, as JSON; rekey keeps results out of tokens because
 * a regeneration's result holds keys.)
 */
import { RekeyOptionsError } from "./errors.js";
import { pollingUrlProblem } from "./polling-url.js";

/** "status": poll a status monitor (Azure-AsyncOperation / Operation-Location); "location": poll the Location URL. */
export type PollingMode = "status" | "location";

export interface ResumeState {
  operationId: string;
  mode: PollingMode;
  pollingUrl: string;
  /** Where the final result is read once a status monitor says Succeeded (status mode only). */
  resultUrl: string | undefined;
}

const PREFIX = "rekey-lro.1.";
/** Far more than two ARM URLs need; a longer token is not one rekey wrote. */
const MAX_TOKEN_CHARS = 16_384;
const FIELDS = ["operationId", "mode", "pollingUrl", "resultUrl"];

function toBase64Url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function fromBase64Url(text: string): string {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) throw new Error("not base64url");
  const binary = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
  return new TextDecoder("utf-8", { fatal: true }).decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
}

export function writeResumeToken(state: ResumeState): string {
  const { operationId, mode, pollingUrl, resultUrl } = state;
  return PREFIX + toBase64Url(JSON.stringify({ operationId, mode, pollingUrl, resultUrl: resultUrl ?? null }));
}

/** The state a token holds, checked against the operation resuming it and the client's endpoint origin. */
export function readResumeToken(token: unknown, operationId: string, origin: string): ResumeState {
  const refuse = (why: string): never => {
    throw new RekeyOptionsError("resumeToken", `${why}; pass the poller's resumeToken unchanged, to the same operation of a client with the same endpoint`);
  };
  if (typeof token !== "string") return refuse(`expected a string, got ${token === null ? "null" : typeof token}`);
  if (token.length > MAX_TOKEN_CHARS) return refuse(`${token.length} characters is longer than any token rekey writes`);
  if (!token.startsWith(PREFIX)) return refuse(`not a rekey resume token (it starts with "${PREFIX}")`);
  let fields: Record<string, unknown>;
  try {
    fields = JSON.parse(fromBase64Url(token.slice(PREFIX.length)));
  } catch {
    return refuse("the token is damaged (not base64url JSON)");
  }
  if (!fields || typeof fields !== "object" || Array.isArray(fields)) return refuse("the token is damaged (not an object)");
  const keys = Object.keys(fields);
  if (keys.length !== FIELDS.length || !FIELDS.every((f) => keys.includes(f))) return refuse("the token is damaged (unexpected fields)");
  const { mode, pollingUrl, resultUrl } = fields;
  if (fields.operationId !== operationId) {
    return refuse(`the token belongs to ${typeof fields.operationId === "string" ? JSON.stringify(fields.operationId.slice(0, 100)) : "another operation"}, not ${operationId}`);
  }
  if (mode !== "status" && mode !== "location") return refuse("the token is damaged (unknown polling mode)");
  if (typeof pollingUrl !== "string") return refuse("the token is damaged (no polling URL)");
  if (resultUrl !== null && (typeof resultUrl !== "string" || mode !== "status")) return refuse("the token is damaged (bad result URL)");
  for (const [name, url] of [["polling URL", pollingUrl], ["result URL", resultUrl]] as const) {
    const problem = url === null ? undefined : pollingUrlProblem(url, origin);
    if (problem) return refuse(`its ${name} ${problem}: refusing to send the token there`);
  }
  return { operationId, mode, pollingUrl, resultUrl: resultUrl ?? undefined };
}
