/** The media type of a Content-Type header: "application/json; charset=utf-8" → "application/json". */
export function mediaType(header: string | undefined): string | undefined {
  return header?.split(";")[0].trim().toLowerCase() || undefined;
}
