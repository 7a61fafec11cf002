/** A recording file: read as a bounded regular file (kernel's one reader), its format detected, its entries read. */
import { problem, readInputFile, UserError } from "../../kernel/index.ts";
import { detectFormat } from "./detect-format.ts";
import type { Recording } from "./recording.ts";

/** The largest recording read: HAR files carry every body, base64 ones a third larger. */
const MAX_RECORDING_BYTES = 64 * 1024 * 1024;

export function readRecording(file: string): Recording {
  const read = readInputFile(file, MAX_RECORDING_BYTES);
  if (!read.ok) throw new UserError(problem("conform/replay", { file: "--replay" }, `${file} ${read.reason}`, read.hint));
  try {
    const { doc, detected } = detectFormat(read.text, file);
    return { file, format: detected.format, exchanges: detected.read(doc, file) };
  } catch (error) {
    // A document nested deeper than the parser's or a reader's stack: hostile or broken, either way not readable.
    if (error instanceof RangeError) throw new UserError(problem("conform/replay", { file }, "nests too deeply to be read", "re-record it"));
    throw error;
  }
}
