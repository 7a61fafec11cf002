/**
 * Several reporters as one: each event goes to every reporter, and close closes them all. One reporter throwing
 * does not keep the event (or close) from the others; the first error is rethrown once all have had their turn.
 * Reporters close one after another, in the order given, so what they print as they close (the file reporters name
 * their files) comes in that order — the order the user wrote in --report — however long each file takes to write.
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
      let failed: { error: unknown } | undefined;
      for (const reporter of reporters) {
        try {
          await reporter.close();
        } catch (error) {
          failed ??= { error };
        }
      }
      if (failed) throw failed.error;
    },
  };
}
