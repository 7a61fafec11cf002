/** Bearer-token authentication: a token per attempt, and never over plain HTTP except to loopback. */
import type { TokenProvider } from "./credentials.js";
import { RekeyOptionsError } from "./errors.js";
import type { Policy } from "./pipeline.js";

const LOOPBACK = new Set(["localhost", "127.0.0.1", "[::1]", "::1"]);

export function isLoopback(hostname: string): boolean {
  return LOOPBACK.has(hostname) || /^127(\.\d{1,3}){3}$/.test(hostname);
}

/** Why a bearer token must not go to `url`, or undefined when it may. */
export function insecureReason(url: URL): string | undefined {
  if (url.protocol === "https:" || (url.protocol === "http:" && isLoopback(url.hostname))) return undefined;
  return `refusing to send a bearer token over ${url.protocol.replace(":", "")} to ${url.host}: use https:// (plain http is allowed only to loopback)`;
}

/** `onToken` hears every token sent, so errors can scrub it from anything the service echoes back. */
export function bearerTokenPolicy(getToken: TokenProvider, onToken: (token: string) => void): Policy {
  return async (request, next) => {
    const reason = insecureReason(new URL(request.url));
    if (reason) throw new RekeyOptionsError("endpoint", reason);
    const token = await getToken(request.signal);
    onToken(token);
    request.headers["authorization"] = `Bearer ${token}`;
    return next(request);
  };
}
