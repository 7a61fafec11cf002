/**
 * vcrpy cassettes (Azure CLI, the Python SDK's older tests): YAML `interactions: [{request: {body, headers, method,
 * uri}, response: {body: {string}, headers, status: {code, message}}}]`, header values as lists, bytes as !!binary.
 * Azure CLI's recorder removes ARM's id headers from every answer (Azure/azure-cli,
 * src/azure-cli-testsdk/azure/cli/testsdk/scenario_tests/base.py, ReplayableTest.FILTER_HEADERS), so a cassette is
 * not judged on them.
 */
import { join } from "../../kernel/index.ts";
import { headerRecord, type RecordedExchange, type RecordingFormat } from "./recording.ts";
import { isObject, type Json, kind, malformed, objectAt, statusAt, stringAt, urlAt } from "./shape.ts";

export const VCR: RecordingFormat = {
  name: "vcr",
  label: "vcr cassette",
  droppedHeaders: ["x-ms-request-id", "x-ms-correlation-request-id", "x-ms-client-request-id", "x-ms-routing-request-id"],
};

/** A body as vcrpy writes one: text, !!binary bytes, or null; a response's inside {string: …}. */
function body(value: unknown, file: string, pointer: string): Buffer | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === "string") return Buffer.from(value, "utf8");
  if (value instanceof Uint8Array) return Buffer.from(value);
  if (isObject(value) && "string" in value) return body(value.string, file, join(pointer, "string"));
  throw malformed(file, pointer, `expected the body as text or !!binary, found ${kind(value)}`);
}

export function readVcr(doc: Json, file: string): RecordedExchange[] {
  const interactions = doc.interactions as unknown[];
  return interactions.map((interaction, i) => {
    const pointer = join("/interactions", i);
    if (!isObject(interaction)) throw malformed(file, pointer, "an interaction must be an object");
    const request = objectAt(interaction, "request", file, pointer);
    const response = objectAt(interaction, "response", file, pointer);
    const [requestAt, responseAt] = [join(pointer, "request"), join(pointer, "response")];
    const headersOf = (message: Json, at: string) => message.headers === undefined || message.headers === null
      ? {} : headerRecord(Object.entries(objectAt(message, "headers", file, at)));
    return {
      number: i + 1,
      pointer,
      request: {
        method: stringAt(request, "method", file, requestAt).toUpperCase(),
        url: urlAt(request, "uri", file, requestAt),
        headers: headersOf(request, requestAt),
        body: body(request.body, file, join(requestAt, "body")),
      },
      response: {
        status: statusAt(objectAt(response, "status", file, responseAt), "code", file, join(responseAt, "status")),
        headers: headersOf(response, responseAt),
        body: body(response.body, file, join(responseAt, "body")) ?? Buffer.alloc(0),
      },
    };
  });
}
