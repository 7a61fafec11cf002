/**
 * Runs a run's units with at most `concurrency` at once. Units that share a lock (they may change the same resource)
 * run one after another, in their order, and wait for their turn without taking a slot: a slot held by a unit waiting
 * for a lock would leave the others idle while one resource's chain runs alone. A lock's chain is the run's
 * critical path (each of its units waits for the one before), so when a slot frees, the next unit of the chain with
 * the most units left goes first, then units that hold no lock, in their order.
 */

export interface Schedule<T> {
  units: T[];
  /** The lock a unit must hold while it runs, or undefined when it needs none. */
  lockOf: (unit: T) => string | undefined;
  concurrency: number;
  run: (unit: T) => Promise<void>;
}

/** Resolves when every unit has run; rejects with the first error thrown by `run` (no unit starts after it). */
export function scheduleUnits<T>({ units, lockOf, concurrency, run }: Schedule<T>): Promise<void> {
  const free: T[] = [];
  const chains = new Map<string, T[]>();
  for (const unit of units) {
    const lock = lockOf(unit);
    if (lock === undefined) free.push(unit);
    else chains.get(lock)?.push(unit) ?? chains.set(lock, [unit]);
  }
  /** Chains whose next unit may start now (none of theirs is running), with the index of that unit. */
  const ready = new Map<string, number>([...chains.keys()].map((lock) => [lock, 0]));
  let nextFree = 0;
  let running = 0;
  let remaining = units.length;
  let failed = false;

  return new Promise((resolve, reject) => {
    const pick = (): { unit: T; lock?: string; index: number } | undefined => {
      let best: string | undefined;
      let bestLeft = 0;
      for (const [lock, index] of ready) {
        const left = chains.get(lock)!.length - index;
        if (left > bestLeft) [best, bestLeft] = [lock, left];
      }
      if (best !== undefined) {
        const index = ready.get(best)!;
        ready.delete(best);
        return { unit: chains.get(best)![index]!, lock: best, index };
      }
      return nextFree < free.length ? { unit: free[nextFree]!, index: nextFree++ } : undefined;
    };
    const start = (): void => {
      while (!failed && running < concurrency) {
        const next = pick();
        if (!next) return;
        running++;
        void run(next.unit).then(() => {
          running--;
          remaining--;
          if (next.lock !== undefined) {
            if (next.index + 1 < chains.get(next.lock)!.length) ready.set(next.lock, next.index + 1);
          }
          if (remaining === 0) resolve();
          else start();
        }, (error: unknown) => {
          failed = true;
          reject(error);
        });
      }
    };
    if (remaining === 0) resolve();
    else start();
  });
}
