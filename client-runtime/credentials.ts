/**
 * Where bearer tokens come from: an @azure/identity-shaped credential, a static token, or a function.
 * Tokens with an expiry are cached until shortly before it; concurrent requests share one refresh.
 */
import { RekeyOptionsError } from "./errors.js";

export interface AccessToken {
  token: string;
  expiresOnTimestamp: number;
  /** When @azure/identity suggests refreshing (optional). */
  refreshAfterTimestamp?: number;
}

export interface GetTokenOptions {
  abortSignal?: AbortSignal;
}

/** The shape of @azure/identity's TokenCredential; any credential class from that package fits. */
export interface TokenCredential {
  getToken(scopes: string | string[], options?: GetTokenOptions): Promise<AccessToken | null>;
}

/** A TokenCredential, a static bearer token, or a function returning a token (a string, or an AccessToken to cache). */
export type Credential = TokenCredential | string | ((scopes: string[]) => string | AccessToken | Promise<string | AccessToken>);

/** Yields the bearer token for a request. */
export type TokenProvider = (signal?: AbortSignal) => Promise<string>;

/** Refresh a cached token this long before it expires. */
export const REFRESH_MARGIN_MS: number = 2 * 60 * 1000;

/** True when `value` can serve as a credential; the factory names the option when it cannot. */
export function isCredential(value: unknown): value is Credential {
  return (typeof value === "string" && value.length > 0) || typeof value === "function" ||
    (typeof value === "object" && value !== null && typeof (value as TokenCredential).getToken === "function");
}

function needsRefresh(token: AccessToken | undefined, now: number): boolean {
  if (!token) return true;
  if (token.refreshAfterTimestamp !== undefined && now >= token.refreshAfterTimestamp) return true;
  return token.expiresOnTimestamp - now < REFRESH_MARGIN_MS;
}

/** One caller giving up must not cancel the refresh the others wait for: each caller races its own signal. */
function abortable<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener("abort", onAbort));
  });
}

/**
 * Returns a provider of bearer tokens for `scope`. A token that carries an expiry is reused until
 * REFRESH_MARGIN_MS before it; while a refresh is under way every caller waits for that one refresh.
 */
export function tokenProvider(credential: Credential, scope: string): TokenProvider {
  if (typeof credential === "string") return async () => credential;
  const fetchToken: () => Promise<AccessToken | string | null> =
    typeof credential === "function" ? async () => credential([scope]) : () => credential.getToken([scope]);
  let cached: AccessToken | undefined;
  let refreshing: Promise<string> | undefined;
  const refresh = async (): Promise<string> => {
    const token = await fetchToken();
    if (typeof token === "string") return token;
    if (!token?.token) throw new RekeyOptionsError("credential", `the credential returned no token for scope ${scope}`);
    cached = token;
    return token.token;
  };
  return async (signal) => {
    const now = Date.now();
    if (!needsRefresh(cached, now)) return cached!.token;
    if (!refreshing) {
      refreshing = refresh().finally(() => {
        refreshing = undefined;
      });
    }
    // A token that is still valid serves while a refresh fails; Azure's bearer policy does the same.
    const pending = cached && cached.expiresOnTimestamp > now ? refreshing.catch(() => cached!.token) : refreshing;
    return signal ? abortable(pending, signal) : pending;
  };
}
