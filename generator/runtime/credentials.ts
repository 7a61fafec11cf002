/** Where bearer tokens come from: an @azure/identity-shaped credential, a static token, or a function. */

export interface AccessToken {
  token: string;
  expiresOnTimestamp: number;
}

/** The shape of @azure/identity's TokenCredential; any credential class from that package fits. */
export interface TokenCredential {
  getToken(scopes: string | string[], options?: { abortSignal?: AbortSignal }): Promise<AccessToken | null>;
}

export type Credential = TokenCredential | string | (() => string | Promise<string>);

/** Refresh a cached token this long before it expires. */
const REFRESH_MARGIN_MS = 2 * 60 * 1000;

/** Returns a function that yields a bearer token for the scope, reusing a credential's token until near expiry. */
export function tokenProvider(credential: Credential, scope: string): (signal?: AbortSignal) => Promise<string> {
  if (typeof credential === "string") return async () => credential;
  if (typeof credential === "function") return async () => credential();
  let cached: AccessToken | null = null;
  return async (signal) => {
    if (!cached || cached.expiresOnTimestamp - Date.now() < REFRESH_MARGIN_MS) {
      cached = await credential.getToken([scope], { abortSignal: signal });
      if (!cached) throw new Error(`the credential returned no token for scope ${scope}`);
    }
    return cached.token;
  };
}
