/**
 * Putting the mock's answers on the wire: a MockResponse through the raw response (so the mock alone decides every
 * header — a 204 without Content-Type, no framework headers), the forced body of the body-on-204 fault, and the
 * answer to a request Node could not even parse.
 */
import type { Socket } from "node:net";
import type { ServerResponse } from "node:http";
import type { MockResponse } from "./mock-exchange.ts";

const JSON_TYPE = "application/json; charset=utf-8";

export function writeResponse(res: ServerResponse, socket: Socket | null, response: MockResponse): void {
  const headers = response.headers;
  const body: string | undefined = response.text ?? (response.json === undefined ? undefined : JSON.stringify(response.json));
  const contentType = body === undefined || response.contentType === null ? undefined : response.contentType ?? JSON_TYPE;
  if (response.status === 204 && body !== undefined && response.forceBody && socket) {
    writeForcedBody(socket, headers, contentType, body);
    return;
  }
  const bodiless = response.status === 204 || response.status === 304;
  // One flat [name, value, …] list: Node stores it as it is, without building and walking another object.
  const list: string[] = [];
  for (const name in headers) {
    if ((name === "content-type" && contentType !== undefined) || (name === "content-length" && !bodiless)) continue;
    list.push(name, headers[name]);
  }
  if (contentType !== undefined) list.push("content-type", contentType);
  if (!bodiless) list.push("content-length", body === undefined ? "0" : String(Buffer.byteLength(body)));
  res.writeHead(response.status, list);
  res.end(bodiless ? undefined : body);
}

/**
 * Node drops a 204's body; the body-on-204 fault needs it on the wire, so the response is written by hand and the
 * connection closed (the bytes would otherwise poison the next response on it).
 */
function writeForcedBody(socket: Socket, headers: Record<string, string>, contentType: string | undefined, body: string): void {
  const all: Record<string, string> = { ...headers };
  if (contentType !== undefined) all["content-type"] = contentType;
  all["content-length"] = String(Buffer.byteLength(body));
  all.connection = "close";
  const lines = Object.entries(all).map(([k, v]) => `${k}: ${v}`);
  socket.end(`HTTP/1.1 204 No Content\r\ndate: ${new Date().toUTCString()}\r\n${lines.join("\r\n")}\r\n\r\n${body}`);
}

/** A request Node's parser refused (malformed, or headers past its limit): 400 or 431 in ARM's envelope, then close. */
export function answerClientError(error: Error & { code?: string }, socket: Socket): void {
  if (!socket.writable || error.code === "ECONNRESET") {
    socket.destroy();
    return;
  }
  const status = error.code === "HPE_HEADER_OVERFLOW" ? 431 : 400;
  const body = JSON.stringify({ error: { code: "BadRequest", message: `The HTTP request is malformed (${error.code ?? "parse error"}).` } });
  socket.end(`HTTP/1.1 ${status} ${status === 431 ? "Request Header Fields Too Large" : "Bad Request"}\r\n` +
    `content-type: ${JSON_TYPE}\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n` +
    `x-ms-failure-cause: gateway\r\n\r\n${body}`);
}
