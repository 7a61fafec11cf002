/**
 * Sends exchanges over node:http(s) exactly as built — no header the exchange did not ask for (fetch would add a
 * Content-Type to a string body), keep-alive, a per-request timeout that covers the whole body, a cap on the body's
 * size, and the TLS trust the target needs.
 */
import { constants as bufferConstants } from "node:buffer";
import http from "node:http";
import https from "node:https";
import type { HttpRequestSpec } from "../example-request.ts";
import type { ExchangeResponse } from "../exchange.ts";
import { responseHasBody } from "../../client-runtime/pipeline.ts";
import { MAX_SHOWN_DEPTH } from "../../client-runtime/redaction.ts";
import { isTlsTrustCode, tlsTrustHint } from "../../client-runtime/tls-hint.ts";
import { DEFAULT_MAX_RESPONSE_BYTES } from "../../client-runtime/transport.ts";
import { bytes } from "../../client-runtime/units.ts";

/** ARM's answers here are kilobytes; an endpoint sending more is broken or hostile (`--max-body-bytes`): the client's limit. */
export const DEFAULT_MAX_BODY_BYTES = DEFAULT_MAX_RESPONSE_BYTES;
/** The most `--max-body-bytes` may allow: a longer body cannot become one string (V8's limit, about 512 MiB). */
export const MAX_BODY_BYTES_CEILING = bufferConstants.MAX_STRING_LENGTH;
/** Deepest nesting a JSON answer may have: ARM's nest a few levels, and reports show a body only this deep. */
export const MAX_JSON_DEPTH = MAX_SHOWN_DEPTH;

export interface SenderOptions {
  baseUrl: string;
  /** For the whole answer: head and body. */
  timeoutMs: number;
  /** Largest answer body read, in bytes (default DEFAULT_MAX_BODY_BYTES); a longer one fails that exchange. */
  maxBodyBytes?: number;
  /** CA certificate(s) to trust instead of the public roots, PEM (a self-signed endpoint, the mock's --tls). */
  ca?: string;
  /** Accept any certificate (self-signed endpoints without a CA file). */
  insecureTls?: boolean;
  maxSockets?: number;
}

/** Raised when no (complete, readable) answer came; `retryable` for connection-level errors (never for a timeout, an abort or an oversized body). */
export class TransportError extends Error {
  constructor(message: string, readonly retryable: boolean) {
    super(message);
    this.name = "TransportError";
  }
}

const RETRYABLE = new Set(["ECONNRESET", "ECONNREFUSED", "EPIPE", "ECONNABORTED", "EAI_AGAIN"]);

export interface Sender {
  /** `request.url` is a path under the base URL, or an absolute URL on the base URL's origin (any other is refused). */
  send(request: HttpRequestSpec, signal?: AbortSignal): Promise<ExchangeResponse>;
  close(): void;
}

function parseJson(text: string): unknown {
  if (text.length === 0) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Whether objects or arrays nest more than `limit` levels (walked without recursion). */
export function nestsDeeperThan(value: unknown, limit: number): boolean {
  const pending: Array<[unknown, number]> = [[value, 1]];
  while (pending.length > 0) {
    const [node, level] = pending.pop()!;
    if (typeof node !== "object" || node === null) continue;
    if (level > limit) return true;
    for (const child of Object.values(node)) pending.push([child, level + 1]);
  }
  return false;
}

function flatHeaders(headers: http.IncomingHttpHeaders): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) if (value !== undefined) flat[name] = Array.isArray(value) ? value.join(", ") : value;
  return flat;
}

/** Why no answer came, on one line; a certificate this run does not trust says how to trust it. */
function noAnswer(error: Error & { code?: string }): string {
  const what = `${error.code ?? error.name}: ${error.message}`;
  return isTlsTrustCode(error.code) ? `${what} — ${tlsTrustHint(error.code!, "--ca <ca.pem>")}` : what;
}

/** "4 MiB", "1 KiB" or "1000 bytes". */
function tooLarge(what: string, limit: number): TransportError {
  return new TransportError(`${what} over the ${bytes(limit)} body limit; if the endpoint is right to send that much, raise it with --max-body-bytes`, false);
}

function sameOrigin(url: string, origin: string): boolean {
  try {
    return new URL(url).origin === origin;
  } catch {
    return false;
  }
}

export function createSender(options: SenderOptions): Sender {
  const base = new URL(options.baseUrl);
  const secure = base.protocol === "https:";
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const agent = secure
    ? new https.Agent({ keepAlive: true, maxSockets: options.maxSockets ?? 16, ca: options.ca, rejectUnauthorized: !options.insecureTls })
    : new http.Agent({ keepAlive: true, maxSockets: options.maxSockets ?? 16 });
  const prefix = base.href.replace(/\/$/, "");
  return {
    send(request, signal) {
      const started = performance.now();
      return new Promise<ExchangeResponse>((resolve, reject) => {
        const body = request.body === undefined ? undefined : Buffer.from(request.body, "utf8");
        const headers: Record<string, string | number> = { ...request.headers };
        if (body) headers["content-length"] = body.byteLength;
        let head: Pick<ExchangeResponse, "status" | "headers"> | undefined;
        const fail = (error: Error & { code?: string }) => {
          clearTimeout(timer);
          // Bytes after a complete head the parser cannot place (a 204 that sends a body): the head is the answer;
          // the checks judge it by its headers.
          if (head && error.code?.startsWith("HPE_")) resolve({ ...head, text: "", durationMs: performance.now() - started });
          else if (error instanceof TransportError) reject(error);
          else if (error.name === "AbortError") reject(new TransportError("stopped (interrupted)", false));
          else if (head) reject(new TransportError(`answer broken off: ${error.message}`, false));
          else reject(new TransportError(noAnswer(error), RETRYABLE.has(error.code ?? "") || /socket hang up/.test(error.message)));
        };
        // Destroying the request closes the socket (never reused), so the rest of an oversized body is never read.
        const stop = (error: TransportError) => req.destroy(error);
        // A path is sent under the base URL; an absolute URL (a polling URL) only when it is on the target's origin.
        const absolute = /^[a-z][a-z\d+.-]*:/i.test(request.url);
        if (absolute && !sameOrigin(request.url, base.origin)) return reject(new TransportError("refused: the URL is not on the target's host, so it is never requested", false));
        const req = (secure ? https : http).request(absolute ? request.url : prefix + request.url, { method: request.method, headers, agent, signal }, (res) => {
          head = { status: res.statusCode ?? 0, headers: flatHeaders(res.headers) };
          const declared = Number(res.headers["content-length"]);
          if (responseHasBody(request.method, res.statusCode ?? 0) && declared > maxBodyBytes) return stop(tooLarge(`its Content-Length (${declared} bytes) is`, maxBodyBytes));
          const chunks: Buffer[] = [];
          let received = 0;
          res.on("data", (chunk: Buffer) => {
            received += chunk.byteLength;
            if (received <= maxBodyBytes) chunks.push(chunk);
            else if (!req.destroyed) {
              chunks.length = 0;
              stop(tooLarge("its body ran", maxBodyBytes));
            }
          });
          res.on("error", fail);
          res.on("end", () => {
            if (received > maxBodyBytes) return;
            clearTimeout(timer);
            const text = Buffer.concat(chunks).toString("utf8");
            const json = parseJson(text);
            if (nestsDeeperThan(json, MAX_JSON_DEPTH)) reject(new TransportError(`its JSON body nests deeper than ${MAX_JSON_DEPTH} levels, the runner's limit (ARM's answers nest a few)`, false));
            else resolve({ ...head!, text, json, durationMs: performance.now() - started });
          });
        });
        const timer = setTimeout(() => stop(new TransportError(head ? `answer body not complete within ${options.timeoutMs} ms` : `no answer within ${options.timeoutMs} ms`, false)), options.timeoutMs);
        req.on("error", fail);
        req.end(body);
      });
    },
    close: () => agent.destroy(),
  };
}
