/**
 * The loopback endpoint the installed client is called against while a tarball is verified: it answers every
 * request with one documented answer and records what it was sent, so the caller can compare both sides.
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

export interface SeenRequest {
  method: string;
  /** Path and query as sent, percent-decoded. */
  path: string;
  authorization: string | undefined;
  body: string;
}

export interface AnswerServer {
  url: string;
  seen: SeenRequest[];
  close(): Promise<void>;
}

/** A request body larger than this is cut off: the verification sends a few hundred bytes at most. */
const MAX_BODY_BYTES = 1 << 20;

export async function startAnswerServer(status: number, body: unknown): Promise<AnswerServer> {
  const seen: SeenRequest[] = [];
  const payload = body === undefined ? "" : JSON.stringify(body);
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.on("end", () => {
      seen.push({
        method: req.method ?? "",
        path: decodeURIComponent(req.url ?? ""),
        authorization: req.headers.authorization,
        body: Buffer.concat(chunks).toString("utf8"),
      });
      const headers = payload ? { "content-type": "application/json; charset=utf-8" } : {};
      res.writeHead(status, headers).end(payload);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
