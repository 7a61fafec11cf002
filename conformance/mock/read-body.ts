/**
 * A request's body, read within the mock's limit, as the server has always read it: GET, HEAD and TRACE carry none;
 * other methods are read when they declare a body (Content-Type, Content-Length > 0 or chunked). A Content-Type that
 * is not a media type (RFC 9110 §8.3.1: token "/" token, parameters after ";") is refused before reading, and a body
 * past the limit is refused as soon as its declared length or its bytes say so.
 */
import type { IncomingMessage } from "node:http";

export const BODYLESS_METHODS = new Set(["GET", "HEAD", "TRACE"]);

export type BodyOutcome =
  | { body: Buffer | undefined }
  | { refusal: "too-large" }
  | { refusal: "not-a-media-type" | "unreadable"; message: string };

const TYPE = /^[\w!#$%&'*+.^`|~-]+$/;
const SUBTYPE = /^[\w!#$%&'*+.^`|~-]+\s*$/;

/** Whether a Content-Type header names a media type: `type/subtype`, optionally followed by `;` and parameters. */
export function isMediaType(header: string): boolean {
  const semicolon = header.indexOf(";");
  const media = semicolon === -1 ? header : header.slice(0, semicolon);
  const slash = media.indexOf("/");
  if (slash === -1) return false;
  return TYPE.test(media.slice(0, slash).trimStart()) && SUBTYPE.test(media.slice(slash + 1).trimEnd());
}

/** Reads the body (undefined when the request declares none); calls `done` once, never throws. */
export function readBody(req: IncomingMessage, limit: number, done: (outcome: BodyOutcome) => void): void {
  const headers = req.headers;
  const contentType = headers["content-type"];
  const declared = headers["content-length"];
  if (contentType === undefined && headers["transfer-encoding"] === undefined && (declared === undefined || declared === "0")) {
    done({ body: undefined });
    return;
  }
  if (contentType !== undefined && !isMediaType(contentType)) {
    done({ refusal: "not-a-media-type", message: "Unsupported Media Type" });
    return;
  }
  const length = Number(declared);
  if (length > limit) {
    done({ refusal: "too-large" });
    return;
  }
  const chunks: Buffer[] = [];
  let received = 0;
  let settled = false; // once answered, later events of this request are ignored (cheaper than removing listeners)
  req.on("data", (chunk: Buffer) => {
    if (settled) return;
    received += chunk.length;
    if (received > limit) {
      settled = true;
      done({ refusal: "too-large" });
      return;
    }
    chunks.push(chunk);
  });
  req.on("end", () => {
    if (settled) return;
    settled = true;
    if (!Number.isNaN(length) && received !== length) done({ refusal: "unreadable", message: "Request body size did not match Content-Length" });
    else done({ body: Buffer.concat(chunks, received) }); // a copy: a chunk may be a view over the socket's read buffer
  });
  req.on("error", (error: Error) => {
    if (settled) return;
    settled = true;
    done({ refusal: "unreadable", message: error.message });
  });
}
