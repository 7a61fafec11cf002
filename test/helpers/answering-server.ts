/**
 * A loopback endpoint answered by a function of the request (and how many came before it), with ARM's headers on
 * every answer — an x-ms-request-id and the ids the client sent, echoed — so a test scripts only what it is about.
 * Every request is recorded, headers included.
 */
import { randomUUID } from "node:crypto";
import { createServer, type IncomingHttpHeaders } from "node:http";
import { listenOnLoopback } from "./loopback.ts";

export interface AnsweredRequest {
  method: string;
  /** Path and query. */
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface Answer {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

export interface AnsweringServer {
  url: string;
  requests: AnsweredRequest[];
  close(): Promise<void>;
}

export async function startAnsweringServer(answer: (request: AnsweredRequest, index: number, url: string) => Answer): Promise<AnsweringServer> {
  const requests: AnsweredRequest[] = [];
  let origin = "";
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const request = { method: req.method ?? "", url: req.url ?? "/", headers: req.headers, body: Buffer.concat(chunks).toString("utf8") };
      requests.push(request);
      const { status, headers = {}, body } = answer(request, requests.length - 1, origin);
      const echo = (name: string) => (typeof req.headers[name] === "string" ? { [name]: req.headers[name] as string } : {});
      const payload = body === undefined ? "" : JSON.stringify(body);
      res.writeHead(status, {
        "x-ms-request-id": randomUUID(),
        ...echo("x-ms-correlation-request-id"),
        ...(req.headers["x-ms-return-client-request-id"] === "true" ? echo("x-ms-client-request-id") : {}),
        ...(payload ? { "content-type": "application/json; charset=utf-8" } : {}),
        ...headers,
      }).end(payload);
    });
  });
  const { port, close } = await listenOnLoopback(server);
  origin = `http://127.0.0.1:${port}`;
  return { url: origin, requests, close };
}
