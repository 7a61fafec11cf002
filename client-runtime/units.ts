/** Sizes and durations as people read them, in messages. */

/** "1157 days", "61 s", "250 ms": how long, at a glance (the exact ms are on the error). */
export function duration(ms: number): string {
  if (ms < 1000) return `${ms} ms`;
  for (const [unit, size] of [["days", 86_400_000], ["h", 3_600_000], ["min", 60_000]] as const) {
    if (ms >= 2 * size) return `${Math.round(ms / size)} ${unit}`;
  }
  return `${Math.round(ms / 1000)} s`;
}

/** "4 MiB", "1 GiB", else the exact count. */
export function bytes(n: number): string {
  for (const [unit, size] of [["GiB", 2 ** 30], ["MiB", 2 ** 20], ["KiB", 2 ** 10]] as const) {
    if (n >= size && n % size === 0) return `${n / size} ${unit}`;
  }
  return `${n} bytes`;
}
