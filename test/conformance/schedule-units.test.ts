/** The runner's scheduler: bounded concurrency, one unit at a time per lock, and no slot spent waiting for a lock. */
import { describe, expect, test } from "vitest";
import { scheduleUnits } from "../../conformance/runner/schedule-units.ts";

interface Unit { name: string; lock?: string }

/** Units whose work ends when the test says so; records what started, in order, and what ran at once. */
function harness(units: Unit[], concurrency: number) {
  const started: string[] = [];
  const finishers = new Map<string, () => void>();
  const running = new Set<string>();
  let most = 0;
  const overlaps: string[] = [];
  const done = scheduleUnits({
    units,
    lockOf: (u) => u.lock,
    concurrency,
    run: (u) => new Promise<void>((resolve) => {
      for (const other of running) {
        if (u.lock !== undefined && units.find((x) => x.name === other)!.lock === u.lock) overlaps.push(`${other}+${u.name}`);
      }
      running.add(u.name);
      most = Math.max(most, running.size);
      started.push(u.name);
      finishers.set(u.name, () => {
        running.delete(u.name);
        resolve();
      });
    }),
  });
  const tick = () => new Promise((resolve) => setImmediate(resolve));
  return {
    done, started, running, overlaps, most: () => most,
    finish: async (name: string) => {
      const end = finishers.get(name);
      if (!end) throw new Error(`${name} has not started (started: ${started.join(", ")})`);
      end();
      await tick();
    },
    tick,
  };
}

describe("scheduleUnits", () => {
  test("runs every unit, never more than the concurrency at once, and units of one lock one after another in their order", async () => {
    const units: Unit[] = [
      ...Array.from({ length: 6 }, (_, i) => ({ name: `a${i}`, lock: "a" })),
      ...Array.from({ length: 4 }, (_, i) => ({ name: `b${i}`, lock: "b" })),
      ...Array.from({ length: 8 }, (_, i) => ({ name: `f${i}` })),
    ];
    const h = harness(units, 3);
    await h.tick();
    while (h.running.size > 0) await h.finish([...h.running][0]!);
    await h.done;
    expect(h.started.sort()).toEqual(units.map((u) => u.name).sort());
    expect(h.most()).toBe(3);
    expect(h.overlaps).toEqual([]);
    for (const lock of ["a", "b"]) {
      const order = h.started.filter((n) => n.startsWith(lock));
      expect(order).toEqual([...order].sort());
    }
  });

  test("a unit waiting for its lock holds no slot: units without a lock run while the lock's holder is busy", async () => {
    const h = harness([{ name: "a0", lock: "a" }, { name: "a1", lock: "a" }, { name: "a2", lock: "a" }, { name: "f0" }, { name: "f1" }, { name: "f2" }], 2);
    await h.tick();
    expect(h.started).toEqual(["a0", "f0"]);
    await h.finish("f0");
    await h.finish("f1");
    expect(h.started).toEqual(["a0", "f0", "f1", "f2"]);
    expect([...h.running]).toEqual(["a0", "f2"]);
    await h.finish("a0");
    await h.finish("f2");
    await h.finish("a1");
    await h.finish("a2");
    await h.done;
    expect(h.started).toEqual(["a0", "f0", "f1", "f2", "a1", "a2"]);
  });

  test("when a slot frees, the next unit of the longest remaining chain goes before units without a lock", async () => {
    const h = harness([{ name: "f0" }, { name: "f1" }, { name: "s0", lock: "s" }, { name: "l0", lock: "l" }, { name: "l1", lock: "l" }, { name: "l2", lock: "l" }], 2);
    await h.tick();
    // the longer chain first, then the shorter, before any unit without a lock
    expect(h.started).toEqual(["l0", "s0"]);
    await h.finish("l0");
    expect(h.started).toEqual(["l0", "s0", "l1"]);
    await h.finish("s0");
    expect(h.started.at(-1)).toBe("f0");
    await h.finish("l1");
    expect(h.started.at(-1)).toBe("l2");
    for (const name of ["f0", "l2", "f1"]) await h.finish(name);
    await h.done;
  });

  test("an error from a unit rejects the schedule and starts no unit after it", async () => {
    const started: string[] = [];
    const run = async (u: Unit) => {
      started.push(u.name);
      if (u.name === "boom") throw new Error("boom");
    };
    await expect(scheduleUnits<Unit>({ units: [{ name: "boom" }, { name: "later" }], lockOf: (u) => u.lock, concurrency: 1, run })).rejects.toThrow("boom");
    expect(started).toEqual(["boom"]);
  });

  test("no units: resolves at once", async () => {
    await expect(scheduleUnits({ units: [], lockOf: () => undefined, concurrency: 4, run: async () => {} })).resolves.toBeUndefined();
  });
});
