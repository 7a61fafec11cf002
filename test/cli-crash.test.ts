/**
 * Exit 70 is for bugs only (docs/exit-codes.md): an error that is not the user's — here a TypeError thrown from
 * inside a command — ends the command with 70 and says it is a bug, stack included, where bad input would be one
 * line and exit 2.
 */
import { describe, expect, it, vi } from "vitest";
import { runInProcess } from "./helpers/in-process.ts";

vi.mock("../generator/diff/diff.ts", () => ({
  diffPaths: () => {
    throw new TypeError("a bug inside diff");
  },
}));

describe("a crash", () => {
  it("exits 70 and asks for a bug report, with the stack", async () => {
    const result = await runInProcess(["diff", "specs/maps/2023-06-01", "specs/maps/2026-12-01"]);
    expect(result.code).toBe(70);
    expect(result.stderr).toMatch(/^rekey crashed \(this is a bug, please report it\): TypeError: a bug inside diff\n\s+at /);
  });
});
