/**
 * A loopback proxy in front of rekey's mock that makes its answers look like real Azure's as recorded, without
 * breaking any contract a client relies on: success bodies gain the resource's `id` (a property the schema does not
 * declare) and lose every *LastUpdated timestamp (optional properties the examples show); JSON comes as
 * `application/json; charset=utf-8`; a 204 carries no Content-Type; and, as vcr-style recorders do, the echoed
 * correlation and client request ids are stripped (x-ms-request-id stays).
 */
import { createServer, request, type IncomingHttpHeaders } from "node:http";
import { listenOnLoopback } from "./loopback.ts";

export interface AzureLikeProxy {
  url: string;
  close(): Promise<void>;
}

const DROPPED = ["content-length", "transfer-encoding", "connection", "keep-alive", "x-ms-correlation-request-id", "x-ms-client-request-id"];

function withoutTimestamps(body: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(body).filter(([name]) => !/LastUpdated$/.test(name)));
}

function drifted(status: number, path: string, headers: IncomingHttpHeaders, body: Buffer): { headers: Record<string, string>; body: Buffer } {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined && !DROPPED.includes(name)) out[name] = Array.isArray(value) ? value.join(", ") : value;
  }
  if (status === 204) {
    delete out["content-type"];
    return { headers: out, body: Buffer.alloc(0) };
  }
  let json: unknown;
  try {
    json = JSON.parse(body.toString("utf8"));
  } catch {
    return { headers: out, body };
  }
  out["content-type"] = "application/json; charset=utf-8";
  if (status >= 200 && status < 300 && json && typeof json === "object" && !Array.isArray(json)) {
    // The resource the action was posted to: the path without its last segment (…/accounts/acct/regenerateKey).
    const id = path.split("?")[0]!.replace(/\/[^/]*$/, "");
    json = { id, ...withoutTimestamps(json as Record<string, unknown>) };
  }
  return { headers: out, body: Buffer.from(JSON.stringify(json)) };
}

export async function startAzureLikeProxy(upstream: string): Promise<AzureLikeProxy> {
  const target = new URL(upstream);
  const server = createServer((req, res) => {
    const forward = request({ host: target.hostname, port: target.port, method: req.method, path: req.url, headers: req.headers }, (answer) => {
      const chunks: Buffer[] = [];
      answer.on("data", (c: Buffer) => chunks.push(c));
      answer.on("end", () => {
        const status = answer.statusCode ?? 502;
        const { headers, body } = drifted(status, req.url ?? "/", answer.headers, Buffer.concat(chunks));
        res.writeHead(status, status === 204 ? headers : { ...headers, "content-length": String(body.length) });
        res.end(body);
      });
    });
    forward.on("error", () => res.destroy());
    req.pipe(forward);
  });
  const listening = await listenOnLoopback(server);
  return { url: `http://127.0.0.1:${listening.port}`, close: listening.close };
}
