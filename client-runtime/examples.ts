/** A sample exchange from the spec, in Azure's x-ms-examples form. */
export interface Example {
  parameters: Record<string, unknown>;
  responses: Record<string, { body?: unknown; headers?: Record<string, unknown> }>;
}
