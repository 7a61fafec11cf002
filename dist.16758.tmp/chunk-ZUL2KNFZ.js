// conformance/run-summary.ts
function summarize(target, results, durationMs, interrupted, strict = false) {
  const count = (outcome) => results.filter((r) => r.outcome === outcome).length;
  const heldBackReasons = {};
  for (const r of results) {
    if (r.outcome === "held-back") heldBackReasons[r.reason ?? ""] = (heldBackReasons[r.reason ?? ""] ?? 0) + 1;
  }
  return {
    target,
    exchanges: results.length,
    passed: count("passed"),
    failed: count("failed"),
    heldBack: count("held-back"),
    skipped: count("skipped"),
    checks: results.reduce((n, r) => n + r.checksRun.length, 0),
    failures: results.reduce((n, r) => n + r.failures.length, 0),
    warnings: results.reduce((n, r) => n + (r.warnings?.length ?? 0), 0),
    passedWithWarnings: results.filter((r) => r.outcome === "passed" && (r.warnings?.length ?? 0) > 0).length,
    strict,
    durationMs,
    interrupted,
    heldBackReasons
  };
}

export {
  summarize
};
