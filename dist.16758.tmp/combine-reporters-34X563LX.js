// conformance/reporters/combine-reporters.ts
function combineReporters(reporters) {
  return {
    onEvent(event) {
      let failed;
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
      let failed;
      for (const reporter of reporters) {
        try {
          await reporter.close();
        } catch (error) {
          failed ??= { error };
        }
      }
      if (failed) throw failed.error;
    }
  };
}
export {
  combineReporters
};
