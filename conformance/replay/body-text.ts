/** A recorded body's bytes as text and, when it is JSON, as a value (no exception either way). */

const UTF8 = new TextDecoder("utf-8", { fatal: true });

/** UTF-8, or byte for byte (latin1) when the bytes are not UTF-8: a check then finds it is not JSON. */
export function text(body: Buffer): string {
  try {
    return UTF8.decode(body);
  } catch {
    return body.toString("latin1");
  }
}

export function json(body: string): unknown {
  if (body.trim() === "") return undefined;
  try {
    return JSON.parse(body);
  } catch {
    return undefined;
  }
}
