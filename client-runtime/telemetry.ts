/**
 * Telemetry headers, set once per call (outside the retry policy, so every retry carries the same values):
 * x-ms-client-request-id (a UUID) and a user-agent naming the package and its version.
 */
import type { Policy } from "./pipeline.js";

export interface TelemetryOptions {
  /** e.g. "rekey-clients/0.1.0 maps/2023-06-01". */
  product: string;
  /** Put before the default user-agent, as Azure's userAgentOptions.userAgentPrefix. */
  userAgentPrefix?: string;
}

function platform(): string {
  const proc = (globalThis as { process?: { version?: string; platform?: string; arch?: string } }).process;
  return proc?.version ? `Node/${proc.version.replace(/^v/, "")} (${proc.platform}; ${proc.arch})` : "";
}

export function userAgent(options: TelemetryOptions): string {
  return [options.userAgentPrefix, options.product, platform()].filter(Boolean).join(" ");
}

export function telemetryPolicy(options: TelemetryOptions): Policy {
  const agent = userAgent(options);
  return (request, next) => {
    request.headers["x-ms-client-request-id"] ??= crypto.randomUUID();
    request.headers["user-agent"] = agent;
    return next(request);
  };
}
