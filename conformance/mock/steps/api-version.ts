/**
 * Step 2: api-version is present (ARM checks this before authentication), and, after authentication, that the
 * specs hold that version for the resource type — answered as ARM does, listing the supported versions.
 */
import { armErrors } from "../arm-errors.ts";
import type { MockStep } from "../mock-exchange.ts";

export const DEFAULT_LOCATIONS = ["East US", "West US 2", "West Europe", "Southeast Asia", "Japan East"];

export const requireApiVersion: MockStep = (exchange) => {
  const value = exchange.request.query["api-version"];
  if (value === undefined || value === "") return armErrors.missingApiVersion();
  if (Array.isArray(value)) return armErrors.invalidApiVersion(value.join(","), supportedVersions(exchange.candidates!));
  exchange.apiVersion = value;
  return undefined;
};

export const selectOperationByApiVersion: MockStep = (exchange) => {
  const candidates = exchange.candidates!;
  exchange.operation = candidates.get(exchange.apiVersion!.toLowerCase());
  if (!exchange.operation) {
    return armErrors.noRegisteredProvider(exchange.apiVersion!, exchange.route.typeLabel, supportedVersions(candidates), DEFAULT_LOCATIONS);
  }
  return undefined;
};

function supportedVersions(candidates: Map<string, { doc: { apiVersion: string } }>): string[] {
  return [...candidates.values()].map((op) => op.doc.apiVersion).sort().reverse();
}
