/**
 * Several reporters as one: each event goes to every reporter, and close closes them all. One reporter throwing
 * does not keep the event (or close) from the others; the first error is rethrown once all have had their turn.
 */
import type { Reporter } from "../exchange.ts";

export function combineReporters(reporters: Reporter[]): Reporter {
  return {
    onEvent(event) {
      let failed: { error: unknown } | undefined;
      for (const reporter of reporters) {
        try {
          reporter.onEvent(event);
        } catch (error) {
          failed ??= { error };
        }
      }
      if (failed) throw failed.error;
    },
    async close() {
      const outcomes = await Promise.allSettled(reporters.map((reporter) => reporter.close()));
      const rejected = outcomes.find((o): o is PromiseRejectedResult => o.status === "rejected");
      if (rejected) throw rejected.reason;
    },
  };
}
