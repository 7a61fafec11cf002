/**
 * Host pinning for long-running operations: a polling URL comes from the service (a header, a status body, a resume
 * token), and the pipeline sends the bearer token with every request. So a URL is polled only when it is absolute and
 * has the client endpoint's origin (scheme, host and port); anything else is refused before a request is made.
 *
 * ARM's contract makes this safe to demand: Azure-AsyncOperation and Location are absolute URLs on the ARM endpoint
 * the request went to (Azure/azure-resource-manager-rpc v1.0/async-api-reference.md, "Azure-AsyncOperation Request
 * Header" and "Location Request Header"). @azure/core-lro follows whatever URL it is given; rekey does not.
 */

/** Why `url` must not be polled by a client of `origin`, or undefined when it may. Never quotes more than an origin. */
export function pollingUrlProblem(url: string, origin: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return "is not an absolute URL";
  }
  if (parsed.origin !== origin) return `is on ${parsed.origin === "null" ? `a ${parsed.protocol} URL` : parsed.origin}, not on the endpoint ${origin}`;
  return undefined;
}
