/**
 * Azure SDK test-proxy recordings: {"Entries": [{RequestUri, RequestMethod, RequestHeaders, RequestBody, StatusCode,
 * ResponseHeaders, ResponseBody}], "Variables": {}}. Bodies are stored as the proxy stores them (Azure/azure-sdk-tools,
 * tools/test-proxy/Azure.Sdk.Tools.TestProxy/Common/RecordEntry.cs, SerializeBody): null for none, [] for empty; with a
 * textual Content-Type a JSON object as it is, otherwise text (a list of lines when it has line breaks); any other
 * content as base64. The proxy keeps ARM's headers (its sanitizers replace values, they do not remove names).
 */
import { join } from "../../kernel/index.ts";
import { headerRecord, type RecordedExchange, type RecordingFormat } from "./recording.ts";
import { isObject, type Json, malformed, objectAt, statusAt, stringAt, urlAt } from "./shape.ts";

export const TEST_PROXY: RecordingFormat = { name: "test-proxy", label: "Azure SDK test-proxy recording", droppedHeaders: [] };

/** Text content types, as the proxy decides them (ContentTypeUtilities.TryGetTextEncoding): text/*, JSON, XML, forms. */
function isTextual(contentType: string | undefined): boolean {
  if (!contentType) return false;
  const type = contentType.split(";")[0]!.trim().toLowerCase();
  return type.startsWith("text/") || type.endsWith("json") || type.endsWith("xml") || type === "application/x-www-form-urlencoded";
}

function body(value: unknown, contentType: string | undefined, file: string, pointer: string): Buffer | undefined {
  if (value === null || value === undefined) return undefined;
  if (isTextual(contentType)) {
    if (Array.isArray(value)) return Buffer.from(value.map(String).join(""), "utf8");
    if (typeof value === "string") return Buffer.from(value, "utf8");
    return Buffer.from(JSON.stringify(value), "utf8");
  }
  if (Array.isArray(value)) return Buffer.alloc(0);
  if (typeof value === "string") return Buffer.from(value, "base64");
  throw malformed(file, pointer, "a body without a textual Content-Type must be base64 text");
}

export function readTestProxy(doc: Json, file: string): RecordedExchange[] {
  const entries = doc.Entries as unknown[];
  return entries.map((entry, i) => {
    const pointer = join("/Entries", i);
    if (!isObject(entry)) throw malformed(file, pointer, "an entry must be an object");
    const requestHeaders = headerRecord(Object.entries(objectAt(entry, "RequestHeaders", file, pointer)));
    const responseHeaders = headerRecord(Object.entries(objectAt(entry, "ResponseHeaders", file, pointer)));
    return {
      number: i + 1,
      pointer,
      request: {
        method: stringAt(entry, "RequestMethod", file, pointer).toUpperCase(),
        url: urlAt(entry, "RequestUri", file, pointer),
        headers: requestHeaders,
        body: body(entry.RequestBody, requestHeaders["content-type"], file, join(pointer, "RequestBody")),
      },
      response: {
        status: statusAt(entry, "StatusCode", file, pointer),
        headers: responseHeaders,
        body: body(entry.ResponseBody, responseHeaders["content-type"], file, join(pointer, "ResponseBody")) ?? Buffer.alloc(0),
      },
    };
  });
}
