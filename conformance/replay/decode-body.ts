/**
 * A recorded body as the endpoint meant it: Content-Encoding (gzip, deflate, br, in the order applied) undone with
 * node:zlib, the output bounded. Recorders differ: vcr keeps the bytes on the wire unless told to decode them, while
 * the test-proxy and most HAR writers store the decoded text but keep the header. So decoding is attempted, and a body
 * that already reads as UTF-8 text is taken as decoded: compressed bytes never do (gzip's second byte, 0x8b, and
 * zlib's, 0x9c for the default level, cannot follow an ASCII byte in UTF-8; brotli's output is as good as random).
 */
import { isUtf8 } from "node:buffer";
import { brotliDecompressSync, gunzipSync, inflateRawSync, inflateSync, type ZlibOptions } from "node:zlib";

export type Decoded = { ok: true; body: Buffer } | { ok: false; reason: string };

function undo(coding: string, bytes: Buffer, options: ZlibOptions): Buffer {
  if (coding === "gzip" || coding === "x-gzip") return gunzipSync(bytes, options);
  if (coding === "br") return brotliDecompressSync(bytes, options);
  // "deflate" is zlib-wrapped by the letter of RFC 9110, raw in some servers' hands
  try {
    return inflateSync(bytes, options);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE") throw error;
    return inflateRawSync(bytes, options);
  }
}

export function decodeBody(body: Buffer, contentEncoding: string | undefined, maxBytes: number): Decoded {
  const codings = (contentEncoding ?? "").split(",").map((c) => c.trim().toLowerCase()).filter((c) => c && c !== "identity");
  if (body.length > maxBytes) return { ok: false, reason: `its body is larger than ${maxBytes} bytes` };
  if (codings.length === 0 || isUtf8(body)) return { ok: true, body };
  let bytes = body;
  for (const coding of codings.reverse()) {
    if (!["gzip", "x-gzip", "deflate", "br"].includes(coding)) return { ok: false, reason: `its body's Content-Encoding "${coding}" is not one rekey decodes (gzip, deflate, br)` };
    try {
      bytes = undo(coding, bytes, { maxOutputLength: maxBytes });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE") return { ok: false, reason: `its body decodes to more than ${maxBytes} bytes` };
      return { ok: false, reason: `its body does not decode as ${coding}` };
    }
  }
  return { ok: true, body: bytes };
}
