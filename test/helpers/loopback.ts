/** Test servers listen on a free 127.0.0.1 port and close without waiting for their clients. */
import type { Server } from "node:http";
import { type AddressInfo, connect, type Socket } from "node:net";

export interface Listening {
  port: number;
  /** Destroys every open connection (keep-alive, a hostile stream, a hung request), then closes the server. */
  close(): Promise<void>;
}

export async function listenOnLoopback(server: Server): Promise<Listening> {
  const sockets = new Set<Socket>();
  const track = (socket: Socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  };
  server.on("connection", track);
  server.on("secureConnection", track);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    close: () => {
      for (const socket of sockets) socket.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

/**
 * Bytes written on a fresh connection to a loopback server at `url` (then ended, unless told not to), and what came
 * back before the server closed the connection or 1.5 s passed: for requests no HTTP client would send.
 */
export function rawExchange(url: string, bytes: string, end = true): Promise<string> {
  const { port } = new URL(url);
  return new Promise((resolve) => {
    const socket = connect(Number(port), "127.0.0.1");
    let data = "";
    socket.setTimeout(1500, () => socket.destroy());
    socket.on("data", (chunk) => (data += chunk));
    socket.on("close", () => resolve(data));
    socket.on("error", () => resolve(data));
    socket.write(bytes);
    if (end) socket.end();
  });
}
