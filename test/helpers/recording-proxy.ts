/** A loopback HTTP proxy in front of another server that keeps every answer's body, to see what crossed the wire. */
import { createServer, request, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export interface RecordingProxy {
  url: string;
  bodies: string[];
  close(): Promise<void>;
}

/** `addHeaders` go on every forwarded request (e.g. the mock's x-rekey-fault). */
export async function startRecordingProxy(upstream: string, addHeaders: Record<string, string> = {}): Promise<RecordingProxy> {
  const bodies: string[] = [];
  const target = new URL(upstream);
  const server: Server = createServer((req, res) => {
    const forward = request({ host: target.hostname, port: target.port, method: req.method, path: req.url, headers: { ...req.headers, ...addHeaders } }, (answer) => {
      const chunks: Buffer[] = [];
      answer.on("data", (c: Buffer) => chunks.push(c));
      answer.on("end", () => {
        const body = Buffer.concat(chunks);
        bodies.push(body.toString("utf8"));
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        res.end(body);
      });
    });
    forward.on("error", () => res.destroy());
    req.pipe(forward);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    bodies,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
