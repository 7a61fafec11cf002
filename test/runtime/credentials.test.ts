/** Token sources: cache until shortly before expiry, one shared refresh, static tokens and functions. */
import type { ClientSecretCredential, DefaultAzureCredential, ManagedIdentityCredential } from "@azure/identity";
import { afterEach, beforeEach, describe, expect, expectTypeOf, it, vi } from "vitest";
import type { MapsClientOptions } from "@rekey/clients/maps";
import { type Credential, REFRESH_MARGIN_MS, type TokenCredential, tokenProvider } from "../../client-runtime/credentials.ts";

const SCOPE = "https://management.azure.com/.default";

describe("tokenProvider", () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(Date.parse("2026-01-01T00:00:00Z"));
  });
  afterEach(() => vi.useRealTimers());

  const counting = (lifetimeMs = 3_600_000) => {
    const calls: unknown[] = [];
    const credential: TokenCredential = {
      getToken: vi.fn(async (scopes: string | string[]) => {
        calls.push(scopes);
        await new Promise((r) => setTimeout(r, 10));
        return { token: `token-${calls.length}`, expiresOnTimestamp: Date.now() + lifetimeMs };
      }),
    };
    return { credential, calls };
  };

  it("asks for the scope once and reuses the token until shortly before it expires", async () => {
    const { credential, calls } = counting();
    const get = tokenProvider(credential, SCOPE);
    const first = get();
    await vi.advanceTimersByTimeAsync(10);
    expect(await first).toBe("token-1");
    expect(await get()).toBe("token-1");
    vi.setSystemTime(Date.now() + 3_600_000 - REFRESH_MARGIN_MS - 1);
    expect(await get()).toBe("token-1");
    vi.setSystemTime(Date.now() + 2);
    const refreshed = get();
    await vi.advanceTimersByTimeAsync(10);
    expect(await refreshed).toBe("token-2");
    expect(calls).toEqual([[SCOPE], [SCOPE]]);
  });

  it("lets concurrent callers share one refresh", async () => {
    const { credential, calls } = counting();
    const get = tokenProvider(credential, SCOPE);
    const all = Promise.all([get(), get(), get()]);
    await vi.advanceTimersByTimeAsync(10);
    expect(await all).toEqual(["token-1", "token-1", "token-1"]);
    expect(calls).toHaveLength(1);
  });

  it("keeps serving a still-valid token when its early refresh fails", async () => {
    let fail = false;
    const credential: TokenCredential = {
      getToken: async () => {
        if (fail) throw new Error("identity endpoint down");
        return { token: "good", expiresOnTimestamp: Date.now() + REFRESH_MARGIN_MS + 1000 };
      },
    };
    const get = tokenProvider(credential, SCOPE);
    expect(await get()).toBe("good");
    fail = true;
    vi.setSystemTime(Date.now() + 2000);
    expect(await get()).toBe("good");
    vi.setSystemTime(Date.now() + REFRESH_MARGIN_MS);
    await expect(get()).rejects.toThrow("identity endpoint down");
  });

  it("rejects a null token naming the scope, and one caller's abort does not cancel the others", async () => {
    await expect(tokenProvider({ getToken: async () => null }, SCOPE)()).rejects.toThrow(`the credential returned no token for scope ${SCOPE}`);
    const { credential } = counting();
    const get = tokenProvider(credential, SCOPE);
    const controller = new AbortController();
    const aborted = get(controller.signal).catch((e: unknown) => e);
    const other = get();
    controller.abort(new Error("stop"));
    await vi.advanceTimersByTimeAsync(10);
    expect(await aborted).toMatchObject({ message: "stop" });
    expect(await other).toBe("token-1");
  });

  it("takes a static token or a function (called per request unless it returns an AccessToken)", async () => {
    expect(await tokenProvider("static", SCOPE)()).toBe("static");
    const fn = vi.fn(() => "from-fn");
    const get = tokenProvider(fn, SCOPE);
    await get();
    await get();
    expect(fn).toHaveBeenCalledTimes(2);
    expect(fn).toHaveBeenCalledWith([SCOPE]);
    const cached = vi.fn(async () => ({ token: "t", expiresOnTimestamp: Date.now() + 3_600_000 }));
    const getCached = tokenProvider(cached, SCOPE);
    await getCached();
    await getCached();
    expect(cached).toHaveBeenCalledTimes(1);
  });
});

describe("@azure/identity credentials fit the credential option (type-level)", () => {
  it("type-checks real credential classes against Credential and the client options", () => {
    expectTypeOf<DefaultAzureCredential>().toExtend<TokenCredential>();
    expectTypeOf<ClientSecretCredential>().toExtend<Credential>();
    expectTypeOf<ManagedIdentityCredential>().toExtend<MapsClientOptions["credential"]>();
    expectTypeOf<{ getToken(): Promise<string> }>().not.toExtend<Credential>();
  });
});
