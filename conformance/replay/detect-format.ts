/**
 * Which recorder wrote a file, from its content (never its name): JSON or YAML (the `yaml` package reads both; JSON
 * is tried first, as it is faster), then the shape — `Entries` (test-proxy), `interactions` (vcr), `log.entries`
 * (HAR). Anything else is one clear line.
 */
import { parse as parseYaml } from "yaml";
import { problem, UserError } from "../../kernel/index.ts";
import { HAR, readHar } from "./har-reader.ts";
import type { RecordedExchange, RecordingFormat } from "./recording.ts";
import { isObject, type Json } from "./shape.ts";
import { readTestProxy, TEST_PROXY } from "./test-proxy-reader.ts";
import { readVcr, VCR } from "./vcr-reader.ts";

export interface DetectedFormat {
  format: RecordingFormat;
  read(doc: Json, file: string): RecordedExchange[];
}

const WHAT = "an Azure SDK test-proxy recording (JSON with Entries), a vcr cassette (YAML with interactions) or a HAR file (JSON with log.entries)";

function notARecording(file: string, why: string): UserError {
  return new UserError(problem("conform/replay", { file }, `is not a recording: ${why}`, `pass ${WHAT}`));
}

/** The document a recording's text holds: JSON, else YAML (vcr writes bytes as !!binary). */
function parseDocument(text: string, file: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    // not JSON: YAML, or nothing rekey reads
  }
  try {
    // Aliases are bounded (a YAML bomb is refused); !!binary becomes bytes; a tag only Python knows (!!python/unicode,
    // in cassettes written under Python 2) reads as the plain value, without a warning on the terminal.
    return parseYaml(text, { customTags: ["binary"], maxAliasCount: 100, prettyErrors: false, logLevel: "error" });
  } catch (error) {
    if (/alias/i.test((error as Error).message)) throw notARecording(file, "its YAML aliases expand past the limit of 100");
    throw notARecording(file, "it is neither JSON nor YAML");
  }
}

export function detectFormat(text: string, file: string): { doc: Json; detected: DetectedFormat } {
  const doc = parseDocument(text, file);
  if (!isObject(doc)) throw notARecording(file, "it holds no object at the top");
  if (Array.isArray(doc.Entries)) return { doc, detected: { format: TEST_PROXY, read: readTestProxy } };
  if (Array.isArray(doc.interactions)) return { doc, detected: { format: VCR, read: readVcr } };
  if (isObject(doc.log) && Array.isArray(doc.log.entries)) return { doc, detected: { format: HAR, read: readHar } };
  throw notARecording(file, "it has no Entries, interactions or log.entries list");
}
