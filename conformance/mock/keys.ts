/** Realistic random keys: Maps 32 bytes base64url (43 chars), Batch 64 bytes base64 (88 chars), as the services issue them. */
import { randomBytes } from "node:crypto";
import type { RotationSpec } from "../rotation.ts";

export function newKey(format: RotationSpec["keyFormat"]): string {
  return randomBytes(format.bytes).toString(format.encoding);
}

let lastTicks = 0;

/**
 * ISO-8601 UTC with seven fractional digits (100 ns ticks), as .NET services print them:
 * 2021-06-23T07:03:59.5866050Z. Strictly increasing within the process, so a key regenerated twice in one
 * millisecond still gets a later timestamp.
 */
export function timestamp(date = new Date()): string {
  const ticks = Math.max(date.getTime() * 10_000, lastTicks + 1);
  lastTicks = ticks;
  const ms = Math.floor(ticks / 10_000);
  const fraction = String(ticks % 10_000_000).padStart(7, "0");
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, `.${fraction}Z`);
}
