/**
 * Sends exchanges over node:http(s) exactly as built — no header the exchange did not ask for (fetch would add a
 * Content-Type to a string body), keep-alive, a per-request timeout, and the TLS trust the target needs.
 */
import http from "node:http";
import https from "node:https";
import type { HttpRequestSpec } from "../example-request.ts";
import type { ExchangeResponse } from "../exchange.ts";

export interface SenderOptions {
  baseUrl: string;
  timeoutMs: number;
  /** Extra CA certificate(s), PEM (a self-signed endpoint, the mock's --tls). */
  ca?: string;
  /** Accept any certificate (self-signed endpoints without a CA file). */
  insecureTls?: boolean;
  maxSockets?: number;
}

/** Raised when no answer came; `retryable` for connection-level errors (never for a timeout or an abort). */
export class TransportError extends Error {
  constructor(message: string, readonly retryable: boolean) {
    super(message);
    this.name = "TransportError";
  }
}

const RETRYABLE = new Set(["ECONNRESET", "ECONNREFUSED", "EPIPE", "ECONNABORTED", "EAI_AGAIN"]);

export interface Sender {
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

function flatHeaders(headers: http.IncomingHttpHeaders): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) if (value !== undefined) flat[name] = Array.isArray(value) ? value.join(", ") : value;
  return flat;
}

export function createSender(options: SenderOptions): Sender {
  const base = new URL(options.baseUrl);
  const secure = base.protocol === "https:";
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
        const req = (secure ? https : http).request(prefix + request.url, { method: request.method, headers, agent, signal }, (res) => {
          head = { status: res.statusCode ?? 0, headers: flatHeaders(res.headers) };
          const chunks: Buffer[] = [];
          res.on("data", (chunk: Buffer) => chunks.push(chunk));
          res.on("error", (e) => reject(new TransportError(`answer broken off: ${e.message}`, false)));
          res.on("end", () => {
            clearTimeout(timer);
            const text = Buffer.concat(chunks).toString("utf8");
            resolve({ ...head!, text, json: parseJson(text), durationMs: performance.now() - started });
          });
        });
        const timer = setTimeout(() => req.destroy(new TransportError(`no answer within ${options.timeoutMs} ms`, false)), options.timeoutMs);
        req.on("error", (e: NodeJS.ErrnoException) => {
          clearTimeout(timer);
          // Bytes after a complete head the parser cannot place (a 204 that sends a body): the head is the answer;
          // the checks judge it by its headers.
          if (head && e.code?.startsWith("HPE_")) resolve({ ...head, text: "", durationMs: performance.now() - started });
          else if (e instanceof TransportError) reject(e);
          else if (e.name === "AbortError") reject(new TransportError("stopped (interrupted)", false));
          else reject(new TransportError(`${e.code ?? e.name}: ${e.message}`, RETRYABLE.has(e.code ?? "") || /socket hang up/.test(e.message)));
        });
        req.end(body);
      });
    },
    close: () => agent.destroy(),
  };
}
