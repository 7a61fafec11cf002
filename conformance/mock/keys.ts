/**
 * Realistic random keys in the format the rotation declares: random bytes in base64, base64url or hex (Maps 32
 * bytes base64url, Batch 64 bytes base64), or a string of characters drawn uniformly from an alphabet.
 */
import { randomFillSync, randomInt } from "node:crypto";
import type { KeyFormat } from "../../kernel/index.ts";

// Random bytes are drawn from the CSPRNG 16 KiB at a time: one system call per few hundred keys, not per key.
const pool = Buffer.alloc(16 * 1024);
let used = pool.length;

const ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

export function newKey(format: KeyFormat): string {
  if (format.encoding === "alphanumeric") {
    const alphabet = [...(format.alphabet ?? ALPHANUMERIC)];
    return Array.from({ length: format.length }, () => alphabet[randomInt(alphabet.length)]).join("");
  }
  if (format.bytes > pool.length) return randomFillSync(Buffer.alloc(format.bytes)).toString(format.encoding);
  if (used + format.bytes > pool.length) {
    randomFillSync(pool);
    used = 0;
  }
  const key = pool.toString(format.encoding, used, used + format.bytes);
  used += format.bytes;
  return key;
}

let lastMs = 0;
let lastTick = 0;

/**
 * ISO-8601 UTC with seven fractional digits (100 ns ticks), as .NET services print them:
 * 2021-06-23T07:03:59.5866050Z. Strictly increasing within the process, so a key regenerated twice in one
 * millisecond still gets a later timestamp.
 */
export function timestamp(date = new Date()): string {
  let ms = date.getTime();
  let tick = 0;
  if (ms <= lastMs) {
    ms = lastMs;
    tick = lastTick + 1;
    if (tick === 10_000) {
      ms += 1;
      tick = 0;
    }
  }
  lastMs = ms;
  lastTick = tick;
  const iso = new Date(ms).toISOString();
  return `${iso.slice(0, 23)}${String(tick).padStart(4, "0")}Z`;
}
