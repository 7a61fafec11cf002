/**
 * An endpoint on 127.0.0.1 that answers every request badly in one named way, to prove the runner bounds what it
 * reads: a body that never ends, a Content-Length of 1 GiB (and the bytes behind it), a body dripped a byte at a
 * time, or JSON nested thousands of levels deep. Writes follow the socket's backpressure, so the server sends only as fast as the client reads.
 */
import { createServer, type ServerResponse } from "node:http";
import { listenOnLoopback } from "./loopback.ts";

export type HostileAnswer =
  /** 200, chunked, spaces without end — until 256 MiB, then the answer stays open unfinished (a runner that
   * buffers it all still never sees an end, but cannot take the test machine's memory down with it). */
  | { kind: "endless" }
  /** 200 with Content-Length: bytes, and that many bytes. */
  | { kind: "declared"; bytes: number }
  /** 200 with a JSON body of exactly `bytes` bytes (a large but finite, well-formed answer). */
  | { kind: "json"; bytes: number }
  /** 200, chunked, one byte every `everyMs`, never finished. */
  | { kind: "drip"; everyMs: number }
  /** 200 with well-formed JSON arrays nested `depth` levels deep ([[[…]]]). */
  | { kind: "nested"; depth: number };

export interface HostileAnswerServer {
  url: string;
  /** Requests received (each one answered badly). */
  requests: number;
  close(): Promise<void>;
}

const ENDLESS_STOP = 256 * 1024 * 1024;
const CHUNK = Buffer.alloc(64 * 1024, " ");

function pump(res: ServerResponse, remaining: number, last?: Buffer): void {
  while (remaining > 0 && !res.destroyed) {
    const size = Math.min(CHUNK.length, remaining);
    remaining -= size;
    if (!res.write(CHUNK.subarray(0, size))) return void res.once("drain", () => pump(res, remaining, last));
  }
  if (last && !res.destroyed) res.end(last);
}

export async function startHostileAnswerServer(answer: HostileAnswer): Promise<HostileAnswerServer> {
  const timers = new Set<NodeJS.Timeout>();
  const state = { requests: 0 };
  const server = createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      state.requests++;
      if (answer.kind === "endless") {
        res.writeHead(200, { "content-type": "application/json; charset=utf-8" });
        pump(res, ENDLESS_STOP);
      } else if (answer.kind === "declared") {
        res.writeHead(200, { "content-type": "application/json; charset=utf-8", "content-length": String(answer.bytes) });
        pump(res, answer.bytes - 1, Buffer.from(" "));
      } else if (answer.kind === "json") {
        const open = Buffer.from('{"padding":"');
        const close = Buffer.from('"}');
        res.writeHead(200, { "content-type": "application/json; charset=utf-8", "content-length": String(answer.bytes) });
        res.write(open);
        pump(res, answer.bytes - open.length - close.length, close);
      } else if (answer.kind === "nested") {
        res.writeHead(200, { "content-type": "application/json; charset=utf-8" }).end("[".repeat(answer.depth) + "]".repeat(answer.depth));
      } else {
        res.writeHead(200, { "content-type": "application/json; charset=utf-8" });
        const timer = setInterval(() => res.write(" "), answer.everyMs);
        timers.add(timer);
        res.on("close", () => {
          clearInterval(timer);
          timers.delete(timer);
        });
      }
    });
  });
  const { port, close } = await listenOnLoopback(server);
  return {
    url: `http://127.0.0.1:${port}`,
    get requests() {
      return state.requests;
    },
    close: () => {
      for (const timer of timers) clearInterval(timer);
      return close();
    },
  };
}
