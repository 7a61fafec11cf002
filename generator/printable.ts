/**
 * The one sanitiser for text from elsewhere — a target's answer, a client's URL, spec strings — before it is printed.
 * Control characters (C0 with tab, CR and LF, DEL, C1), the Unicode line and paragraph separators and the
 * bidirectional controls become visible \uXXXX escapes: foreign text can then neither drive the terminal (colours,
 * cursor moves, OSC 52 clipboard writes), nor start a line of its own (and forge a CI command such as `::error::`),
 * nor reorder what the reader sees.
 */
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

export function printable(text: string): string {
  return text.replace(UNPRINTABLE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
