/**
 * A scriptable ARM stand-in on 127.0.0.1, over HTTP or HTTPS (a certificate from a throwaway CA made at test time — the mock's tls.ts; no key
 * is committed). Each request is recorded and answered by the next scripted step: a response, a hang (for
 * timeouts) or a dropped connection (a network error).
 */
import { createServer as createHttpServer, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { createServer as createHttpsServer } from "node:https";
import { listenOnLoopback } from "./loopback.ts";
import { createTlsMaterial } from "../../conformance/mock/tls.ts";

export interface ScriptedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  headers: IncomingHttpHeaders;
  body: string;
  /** Date.now() when the request had arrived. */
  receivedAt: number;
}

export type Step =
  | { status: number; headers?: Record<string, string>; body?: unknown }
  | { status: number; headers?: Record<string, string>; stream: BodyStream }
  | { hang: true }
  | { drop: true };

/**
 * A hostile body after the headers: `flood` writes 64 KiB chunks as fast as the client reads them, `drip` one byte
 * every `everyMs`. Either stops at `upTo` bytes — so a client without limits fails its test instead of eating the
 * machine or hanging — ending the response (chunked) or, when `contentLength` was announced, cutting the connection.
 */
export interface BodyStream {
  kind: "flood" | "drip";
  upTo: number;
  everyMs?: number;
  /** Announced in Content-Length (may be far more than upTo); otherwise the body is chunked. */
  contentLength?: number;
}

/** What the server saw of one streamed body. */
export interface StreamedBody {
  /** Body bytes written so far. */
  readonly sent: number;
  /** Settles when the response closes: `complete` is false when the connection closed before the body was sent. */
  closed: Promise<{ complete: boolean }>;
}

export interface ScriptedServer {
  url: string;
  /** PEM certificate to trust (HTTPS only): the CA that signed the server's certificate. */
  cert?: string;
  requests: ScriptedRequest[];
  /** The streamed bodies sent so far, in order. */
  streams: StreamedBody[];
  /** Queue steps; when the queue is empty the server answers 500 with an ARM error body. */
  script(...steps: Step[]): void;
  reset(): void;
  close(): Promise<void>;
}

export async function startScriptedServer(options: { https?: boolean } = {}): Promise<ScriptedServer> {
  const requests: ScriptedRequest[] = [];
  const streams: StreamedBody[] = [];
  const queue: Step[] = [];
  const handler = (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const url = new URL(req.url ?? "/", "http://127.0.0.1");
      requests.push({
        method: req.method ?? "",
        path: url.pathname,
        query: Object.fromEntries(url.searchParams),
        headers: req.headers,
        body: Buffer.concat(chunks).toString("utf8"),
        receivedAt: Date.now(),
      });
      const step = queue.shift() ?? { status: 500, body: { error: { code: "NoScriptedResponse", message: "nothing scripted" } } };
      if ("hang" in step) return;
      if ("drop" in step) return void req.socket.destroy();
      const headers: Record<string, string> = { ...(step.headers ?? {}) };
      if ("stream" in step) {
        if (step.stream.contentLength !== undefined) headers["content-length"] = String(step.stream.contentLength);
        res.writeHead(step.status, { "content-type": "application/json", ...headers });
        return void streams.push(streamBody(res, step.stream));
      }
      let payload = "";
      if (step.body !== undefined) {
        payload = typeof step.body === "string" ? step.body : JSON.stringify(step.body);
        headers["content-type"] ??= "application/json; charset=utf-8";
      }
      res.writeHead(step.status, headers).end(payload);
    });
  };
  const certificate = options.https ? await createTlsMaterial() : undefined;
  const server: Server = certificate ? createHttpsServer(certificate, handler) : createHttpServer(handler);
  const { port, close } = await listenOnLoopback(server);
  return {
    url: `${certificate ? "https" : "http"}://127.0.0.1:${port}`,
    cert: certificate?.ca,
    requests,
    streams,
    script: (...steps) => queue.push(...steps),
    reset: () => {
      requests.length = 0;
      streams.length = 0;
      queue.length = 0;
    },
    close,
  };
}

const FLOOD_CHUNK = Buffer.alloc(64 * 1024, "x");

function streamBody(res: ServerResponse, stream: BodyStream): StreamedBody {
  let sent = 0;
  let timer: ReturnType<typeof setInterval> | undefined;
  res.on("error", () => {}); // a write after the client hung up
  const closed = new Promise<{ complete: boolean }>((resolve) => {
    res.once("close", () => {
      clearInterval(timer);
      resolve({ complete: res.writableFinished });
    });
  });
  const stop = () => (stream.contentLength !== undefined && sent < stream.contentLength ? res.destroy() : res.end());
  if (stream.kind === "flood") {
    const pump = () => {
      while (!res.destroyed && sent < stream.upTo) {
        sent += FLOOD_CHUNK.byteLength;
        if (!res.write(FLOOD_CHUNK)) return void res.once("drain", pump);
      }
      if (!res.destroyed) stop();
    };
    pump();
  } else {
    res.flushHeaders();
    timer = setInterval(() => {
      if (res.destroyed) return clearInterval(timer);
      if (sent >= stream.upTo) {
        clearInterval(timer);
        return stop();
      }
      sent += 1;
      res.write("x");
    }, stream.everyMs ?? 1000);
  }
  return { get sent() { return sent; }, closed };
}
