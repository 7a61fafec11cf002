/**
 * A recording as rekey reads it, whatever wrote it: the recorded exchanges in order, each with the request and the
 * answer as bytes, and what the format is known to drop (so its absence is not held against the endpoint).
 */

export type RecordingFormatName = "test-proxy" | "vcr" | "har";

export interface RecordingFormat {
  name: RecordingFormatName;
  /** For reports: "Azure SDK test-proxy recording". */
  label: string;
  /** Response headers the recorder removes (lower-case): their absence is not judged in recordings of this format. */
  droppedHeaders: readonly string[];
}

/** Lower-case header names; repeated headers joined with ", " (as the runner's answers have them). */
export type RecordedHeaders = Record<string, string>;

export interface RecordedRequest {
  method: string;
  /** As recorded: absolute (https://host/path?query) or a path. */
  url: string;
  headers: RecordedHeaders;
  /** The body's bytes as sent, undefined when there was none. */
  body?: Buffer;
}

export interface RecordedResponse {
  status: number;
  headers: RecordedHeaders;
  /** The body's bytes as recorded (possibly still content-encoded: see decode-body.ts). */
  body: Buffer;
  /** The recorder says there was a body but kept none (a HAR entry with content.size and no text). */
  bodyLeftOut?: boolean;
}

export interface RecordedExchange {
  /** 1-based position in the file. */
  number: number;
  /** JSON pointer of the entry inside the file, e.g. /Entries/3. */
  pointer: string;
  request: RecordedRequest;
  response: RecordedResponse;
}

export interface Recording {
  /** The file as the user named it (for reports). */
  file: string;
  format: RecordingFormat;
  exchanges: RecordedExchange[];
}

/**
 * Header values as recorders write them: a string, a list (vcr, test-proxy), a number. The names come from the
 * recording, so the record has no prototype: `constructor` or `__proto__` are header names like any other.
 */
export function headerRecord(entries: Iterable<[string, unknown]>): RecordedHeaders {
  const headers: RecordedHeaders = Object.create(null);
  for (const [name, raw] of entries) {
    const values = (Array.isArray(raw) ? raw : [raw]).filter((v) => v !== null && v !== undefined).map(String);
    if (values.length === 0) continue;
    const key = name.toLowerCase();
    headers[key] = Object.hasOwn(headers, key) ? `${headers[key]}, ${values.join(", ")}` : values.join(", ");
  }
  return headers;
}
