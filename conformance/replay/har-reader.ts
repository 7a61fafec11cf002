/**
 * HAR 1.2 files (browser devtools, mitmproxy, Fiddler, Playwright): `log.entries[]` with `request {method, url,
 * headers: [{name, value}], postData?: {text, encoding?}}` and `response {status, headers, content: {text?,
 * encoding?}}`. `content.text` is usually already decoded of its Content-Encoding (the HAR 1.2 spec: "HTTP decoded
 * text or an encoded (e.g. base64) representation"); decode-body.ts tells which. A content.size with no text is a body
 * the writer left out (devtools do for some answers), not an empty one. Entries with status 0 (the browser
 * got no answer: blocked, cancelled) have nothing to judge and are dropped here.
 */
import { join } from "../../kernel/index.ts";
import { headerRecord, type RecordedExchange, type RecordingFormat } from "./recording.ts";
import { isObject, type Json, kind, malformed, objectAt, statusAt, stringAt, urlAt } from "./shape.ts";

export const HAR: RecordingFormat = { name: "har", label: "HAR file", droppedHeaders: [] };

function headers(message: Json, file: string, pointer: string) {
  const list = message.headers ?? [];
  if (!Array.isArray(list)) throw malformed(file, join(pointer, "headers"), `expected a list of {name, value}, found ${kind(list)}`);
  return headerRecord(list.map((header, i) => {
    if (!isObject(header) || typeof header.name !== "string") throw malformed(file, join(pointer, "headers", i), "a header must be {name, value}");
    return [header.name, header.value] as [string, unknown];
  }));
}

function text(holder: unknown, file: string, pointer: string): Buffer | undefined {
  if (!isObject(holder) || holder.text === undefined || holder.text === null) return undefined;
  if (typeof holder.text !== "string") throw malformed(file, join(pointer, "text"), `expected text, found ${kind(holder.text)}`);
  return Buffer.from(holder.text, holder.encoding === "base64" ? "base64" : "utf8");
}

export function readHar(doc: Json, file: string): RecordedExchange[] {
  const entries = (doc.log as Json).entries as unknown[];
  const exchanges: RecordedExchange[] = [];
  entries.forEach((entry, i) => {
    const pointer = join("/log/entries", i);
    if (!isObject(entry)) throw malformed(file, pointer, "an entry must be an object");
    const request = objectAt(entry, "request", file, pointer);
    const response = objectAt(entry, "response", file, pointer);
    const [requestAt, responseAt] = [join(pointer, "request"), join(pointer, "response")];
    const status = statusAt(response, "status", file, responseAt);
    if (status === 0) return;
    const body = text(response.content, file, join(responseAt, "content"));
    exchanges.push({
      number: i + 1,
      pointer,
      request: {
        method: stringAt(request, "method", file, requestAt).toUpperCase(),
        url: urlAt(request, "url", file, requestAt),
        headers: headers(request, file, requestAt),
        body: text(request.postData, file, join(requestAt, "postData")),
      },
      response: {
        status,
        headers: headers(response, file, responseAt),
        body: body ?? Buffer.alloc(0),
        ...(body === undefined && isObject(response.content) && Number(response.content.size) > 0 ? { bodyLeftOut: true } : {}),
      },
    });
  });
  return exchanges;
}
