/**
 * A scriptable ARM stand-in on 127.0.0.1, over HTTP or HTTPS (a certificate from a throwaway CA made at test time — the mock's tls.ts; no key
 * is committed). Each request is recorded and answered by the next scripted step: a response, a hang (for
 * timeouts) or a dropped connection (a network error).
 */
import { createServer as createHttpServer, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { createServer as createHttpsServer } from "node:https";
import type { AddressInfo, Socket } from "node:net";
import { createTlsMaterial } from "../../conformance/mock/tls.ts";

export interface ScriptedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  headers: IncomingHttpHeaders;
  body: string;
}

export type Step =
  | { status: number; headers?: Record<string, string>; body?: unknown }
  | { hang: true }
  | { drop: true };

export interface ScriptedServer {
  url: string;
  /** PEM certificate to trust (HTTPS only): the CA that signed the server's certificate. */
  cert?: string;
  requests: ScriptedRequest[];
  /** Queue steps; when the queue is empty the server answers 500 with an ARM error body. */
  script(...steps: Step[]): void;
  reset(): void;
  close(): Promise<void>;
}

export async function startScriptedServer(options: { https?: boolean } = {}): Promise<ScriptedServer> {
  const requests: ScriptedRequest[] = [];
  const queue: Step[] = [];
  const sockets = new Set<Socket>();
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
      });
      const step = queue.shift() ?? { status: 500, body: { error: { code: "NoScriptedResponse", message: "nothing scripted" } } };
      if ("hang" in step) return;
      if ("drop" in step) return void req.socket.destroy();
      const headers: Record<string, string> = { ...(step.headers ?? {}) };
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
  server.on("connection", (socket: Socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  server.on("secureConnection", (socket: Socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `${certificate ? "https" : "http"}://127.0.0.1:${port}`,
    cert: certificate?.ca,
    requests,
    script: (...steps) => queue.push(...steps),
    reset: () => {
      requests.length = 0;
      queue.length = 0;
    },
    close: () => {
      for (const socket of sockets) socket.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
