/** Exit codes: 0 success, 1 a check found differences, 2 a usage or input error, 70 a crash (a bug). */
export const EXIT = { ok: 0, differences: 1, usage: 2, crash: 70 } as const;

/** Thrown by a command to end with a given exit code after it has printed its own report. */
export class ExitWith extends Error {
  constructor(readonly code: number) {
    super(`exit ${code}`);
  }
}
