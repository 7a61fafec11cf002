/**
 * The one sanitiser for text from elsewhere — a target's answer, a client's URL, spec strings — before it is printed
 * or written into generated files. Control characters (C0 with CR and LF, DEL, C1), the Unicode line and paragraph
 * separators, the bidirectional controls, the byte-order mark and lone surrogates become visible \uXXXX escapes:
 * foreign text can then neither drive the terminal (colours, cursor moves, OSC 52 clipboard writes), nor start a
 * line of its own (and forge a CI command such as `::error::`, or end a comment in generated code), nor reorder or
 * hide what the reader sees.
 */
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff\ud800-\udfff]/gu;
/** The same, tab aside: where a tab is only white space (a comment in generated code). */
const UNPRINTABLE_BUT_TAB = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff\ud800-\udfff]/gu;

/** One character as its \uXXXX escape. */
export function visible(c: string): string {
  return `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`;
}

export function printable(text: string, { keepTabs = false } = {}): string {
  return text.replace(keepTabs ? UNPRINTABLE_BUT_TAB : UNPRINTABLE, visible);
}
