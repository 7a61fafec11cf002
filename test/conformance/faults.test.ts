/**
 * Every fault the mock can commit makes the run fail, with the check made for it failing on the exchange it
 * should: proof that each check can fail. A new fault without a row here fails the first test.
 */
import { describe, expect, test } from "vitest";
import { conform } from "../../conformance/conform.ts";
import { listFaults } from "../../conformance/mock/faults.ts";
import { productSpecs } from "../helpers/mock.ts";

const { docs, ajv } = await productSpecs();

const MAPS = "maps/2026-12-01/Accounts_RegenerateKeys";
const APIM = "apimanagement/2024-05-01/TenantAccess_RegeneratePrimaryKey";
const MAPS_EXAMPLE = `${MAPS}/example/Regenerate Key`;

interface Expected {
  check: string;
  exchange: string;
  /** The fault as given to the mock (default: its name). */
  fault?: string;
  timeoutMs?: number;
}

const EXPECTED: Record<string, Expected> = {
  "wrong-success-status": { check: "status", exchange: `${APIM}/example/ApiManagementTenantAccessRegenerateKey` },
  "missing-field": { check: "example-match", exchange: MAPS_EXAMPLE },
  "wrong-type": { check: "schema", exchange: MAPS_EXAMPLE },
  "extra-field": { check: "undeclared-fields", exchange: MAPS_EXAMPLE },
  "error-schema": { check: "error-contract", exchange: `${MAPS}/negative/body.keyType.enum` },
  "wrong-content-type": { check: "content-type", exchange: MAPS_EXAMPLE },
  "missing-content-type": { check: "content-type", exchange: `${MAPS}/negative/auth.missing` },
  "missing-request-id": { check: "arm-headers", exchange: MAPS_EXAMPLE },
  "body-on-204": { check: "content-type", exchange: `${APIM}/example/ApiManagementTenantAccessRegenerateKey` },
  "malformed-json": { check: "schema", exchange: MAPS_EXAMPLE },
  "server-error": { check: "negative-rejected", exchange: `${MAPS}/negative/path.accountName.pattern` },
  throttle: { check: "status", exchange: MAPS_EXAMPLE },
  delay: { check: "transport", exchange: MAPS_EXAMPLE, fault: "delay:1500", timeoutMs: 300 },
  "connection-reset": { check: "transport", exchange: MAPS_EXAMPLE },
  "no-rotation": { check: "rotation", exchange: `${MAPS}/scenario/rotate-primary/2` },
  "rotate-both": { check: "rotation", exchange: `${MAPS}/scenario/rotate-secondary/3` },
  "rotate-other": { check: "rotation", exchange: `${MAPS}/scenario/rotate-primary/2` },
};

describe("each mock fault fails the run on the check made for it", () => {
  test("every fault the mock offers has an expectation here", () => {
    expect(Object.keys(EXPECTED).sort()).toEqual(listFaults().map((f) => f.name).sort());
  });

  test.each(Object.entries(EXPECTED).map(([name, expected]) => [name, expected.check, expected] as const))("%s → %s", async (name, _check, expected) => {
    const { summary, results } = await conform({
      target: "mock", docs, ajv, fault: expected.fault ?? name, timeoutMs: expected.timeoutMs, retries: 1,
      only: [`${MAPS}/**`, `${APIM}/**`],
    });
    expect(summary.failed).toBeGreaterThan(0);
    const result = results.find((r) => r.exchange.id === expected.exchange)!;
    expect(result.outcome).toBe("failed");
    const checks = result.failures.map((f) => f.check);
    expect(checks, JSON.stringify(result.failures, null, 1)).toContain(expected.check);
    for (const failure of result.failures) {
      expect(failure.exchange).toBe(expected.exchange);
      expect(failure.message.length).toBeGreaterThan(5);
      expect(typeof failure.pointer).toBe("string");
    }
  });
});
