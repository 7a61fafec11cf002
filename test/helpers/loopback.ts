/** Test servers listen on a free 127.0.0.1 port and close without waiting for their clients. */
import type { Server } from "node:http";
import type { AddressInfo, Socket } from "node:net";

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
