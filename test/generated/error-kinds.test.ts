/**
 * One error base class: every failure of a generated client — the service's answer, a bad parameter, a bad option, a
 * timeout, a network or TLS failure — is `instanceof RekeyError` with a `kind` to switch on, and `isRekeyError`
 * says yes to each. Over real HTTP and HTTPS on 127.0.0.1 (a scripted server; its certificate comes from a CA made at
 * test time, so a client that is not given it refuses the connection).
 */
import { createServer } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  createMapsClient, isAccountsRegenerateKeysError, isRekeyError, isRekeyServiceError, RekeyError, RekeyOptionsError, type RekeyFailure,
  RekeyServiceError, RekeyTimeoutError, RekeyTransportError, RekeyValidationError,
} from "@rekey/clients/maps/2023-06-01";
import { listenOnLoopback } from "../helpers/loopback.ts";
import { type ScriptedServer, startScriptedServer } from "../helpers/scripted-server.ts";

const TOKEN = "eyJ0eXAi.kinds-token-5e1a.sig";
const args = { resourceGroupName: "rg", accountName: "acct", body: { keyType: "primary" as const } };

let http: ScriptedServer;
let https: ScriptedServer;
beforeAll(async () => {
  [http, https] = await Promise.all([startScriptedServer(), startScriptedServer({ https: true })]);
});
afterAll(() => Promise.all([http.close(), https.close()]));
beforeEach(() => {
  http.reset();
  https.reset();
});

const client = (endpoint: string, extra: Partial<Parameters<typeof createMapsClient>[0]> = {}) =>
  createMapsClient({ credential: TOKEN, subscriptionId: "sub-1", endpoint, retry: { maxRetries: 0 }, ...extra });

async function failureOf(call: () => Promise<unknown>): Promise<unknown> {
  try {
    await call();
  } catch (error) {
    return error;
  }
  throw new Error("the call succeeded");
}

/** A loopback port nothing listens on: bound, then closed. */
async function closedPort(): Promise<number> {
  const server = createServer();
  const { port } = await listenOnLoopback(server as never);
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe("every failure is a RekeyError with a kind", () => {
  it("service: the error answer, with statusClass", async () => {
    http.script({ status: 404, body: { error: { code: "ResourceNotFound", message: "not here" } } });
    const e = await failureOf(() => client(http.url).accounts.regenerateKeys(args));
    expect(e).toBeInstanceOf(RekeyError);
    expect(e).toBeInstanceOf(RekeyServiceError);
    expect(e).toMatchObject({ kind: "service", status: 404, statusClass: "4xx", code: "ResourceNotFound", name: "RekeyServiceError" });
    expect((e as RekeyServiceError).isClientError()).toBe(true);
    expect((e as RekeyServiceError).isServerError()).toBe(false);
    expect(isRekeyError(e)).toBe(true);
    expect(isAccountsRegenerateKeysError(e)).toBe(true);
  });

  it("service: a 5xx is a server error", async () => {
    http.script({ status: 503, body: { error: { code: "ServiceUnavailable", message: "later" } } });
    const e = (await failureOf(() => client(http.url).accounts.regenerateKeys(args))) as RekeyServiceError;
    expect([e.statusClass, e.isClientError(), e.isServerError()]).toEqual(["5xx", false, true]);
  });

  it("validation: a parameter that breaks the spec, before any request", async () => {
    const e = await failureOf(() => client(http.url).accounts.regenerateKeys({ ...args, body: { keyType: "tertiary" as "primary" } }));
    expect(e).toBeInstanceOf(RekeyError);
    expect(e).toBeInstanceOf(RekeyValidationError);
    expect(e).toMatchObject({ kind: "validation", parameter: "body.keyType", rule: "enum", status: undefined, operationId: "Accounts_RegenerateKeys" });
    expect(isRekeyError(e)).toBe(true);
    expect(isRekeyError(e, "Accounts_RegenerateKeys")).toBe(true);
    // The operation's guard narrows to its service answers: a validation failure is none.
    expect(isAccountsRegenerateKeysError(e)).toBe(false);
    expect(isRekeyServiceError(e)).toBe(false);
    expect(http.requests).toHaveLength(0);
  });

  it("options: a client option that cannot work", () => {
    let e: unknown;
    try {
      client(http.url, { timeoutMs: -1 });
    } catch (error) {
      e = error;
    }
    expect(e).toBeInstanceOf(RekeyError);
    expect(e).toBeInstanceOf(RekeyOptionsError);
    expect(e).toMatchObject({ kind: "options", option: "timeoutMs", operationId: undefined });
    expect(isRekeyError(e)).toBe(true);
  });

  it("options: a credential that gives no token, found at call time", async () => {
    const e = await failureOf(() => client(http.url, { credential: async () => null as never }).accounts.regenerateKeys(args));
    expect(e).toBeInstanceOf(RekeyOptionsError);
    expect(e).toMatchObject({ kind: "options", option: "credential" });
    expect(http.requests).toHaveLength(0);
  });

  it("timeout: keeps the name TimeoutError, and carries the client request id", async () => {
    http.script({ hang: true });
    // Long enough for the request to reach the server on a loaded machine: its id is compared with the error's.
    const e = await failureOf(() => client(http.url, { timeoutMs: 1_000 }).accounts.regenerateKeys(args));
    expect(e).toBeInstanceOf(RekeyError);
    expect(e).toBeInstanceOf(RekeyTimeoutError);
    expect(e).toMatchObject({ kind: "timeout", name: "TimeoutError", timeoutMs: 1_000, message: "Accounts_RegenerateKeys timed out after 1000 ms" });
    expect((e as RekeyTimeoutError).clientRequestId).toBe(http.requests[0].headers["x-ms-client-request-id"]);
    expect((e as Error).cause).toMatchObject({ name: "TimeoutError" });
  });

  it("a caller's abort rejects with the caller's own reason, not a RekeyError", async () => {
    http.script({ hang: true });
    const controller = new AbortController();
    const reason = new Error("the caller gave up");
    const call = failureOf(() => client(http.url).accounts.regenerateKeys(args, { signal: controller.signal }));
    await new Promise((resolve) => setTimeout(resolve, 50));
    controller.abort(reason);
    expect(await call).toBe(reason);
  });

  it("transport: a refused connection, with Node's code and the original error as cause", async () => {
    const port = await closedPort();
    const e = await failureOf(() => client(`http://127.0.0.1:${port}`).accounts.regenerateKeys(args));
    expect(e).toBeInstanceOf(RekeyError);
    expect(e).toBeInstanceOf(RekeyTransportError);
    expect(e).toMatchObject({ kind: "transport", code: "ECONNREFUSED", hint: undefined, status: undefined });
    expect((e as Error).cause).toMatchObject({ code: "ECONNREFUSED" });
    expect(isRekeyError(e)).toBe(true);
    expect(isAccountsRegenerateKeysError(e)).toBe(false);
  });

  it("kind discriminates the union isRekeyError narrows to", async () => {
    const e = await failureOf(() => client(http.url).accounts.regenerateKeys({ ...args, body: { keyType: "tertiary" as "primary" } }));
    const described = (failure: RekeyFailure): string => {
      switch (failure.kind) {
        case "service": return `status ${failure.status} (${failure.statusClass})`;
        case "validation": return `${failure.parameter} breaks ${failure.rule}`;
        case "options": return `option ${failure.option}`;
        case "timeout": return `after ${failure.timeoutMs} ms`;
        case "transport": return `${failure.code}: ${failure.hint}`;
      }
    };
    if (!isRekeyError(e)) throw new Error("not a RekeyError");
    expect(described(e)).toBe("body.keyType breaks enum");
  });
});

describe("TLS trust failures say how to trust the certificate", () => {
  it("over HTTPS without the CA: a transport error whose one-line message names NODE_EXTRA_CA_CERTS and the ca option", async () => {
    https.script({ status: 200, body: {} });
    const e = await failureOf(() => client(https.url).accounts.regenerateKeys(args));
    expect(e).toBeInstanceOf(RekeyTransportError);
    const failure = e as RekeyTransportError;
    expect(failure.code).toMatch(/^(UNABLE_TO_VERIFY_LEAF_SIGNATURE|SELF_SIGNED_CERT_IN_CHAIN|DEPTH_ZERO_SELF_SIGNED_CERT|UNABLE_TO_GET_ISSUER_CERT_LOCALLY)$/);
    expect(failure.hint).toContain("NODE_EXTRA_CA_CERTS=<ca.pem>");
    expect(failure.hint).toContain("`ca` option");
    expect(failure.hint).toContain("rekey mock --tls --ca-out ca.pem");
    expect(failure.message).toContain(failure.hint!);
    expect(failure.message).not.toMatch(/[\r\n]/);
    expect(failure.message).not.toContain(TOKEN);
    expect(https.requests).toHaveLength(0);
  });

  it("through a caller's fetch too (the code is read through fetch's TypeError cause)", async () => {
    https.script({ status: 200, body: {} });
    const e = await failureOf(() => client(https.url, { fetch: (request) => fetch(request) }).accounts.regenerateKeys(args));
    expect(e).toBeInstanceOf(RekeyTransportError);
    expect((e as RekeyTransportError).hint).toContain("NODE_EXTRA_CA_CERTS=<ca.pem>");
    expect((e as Error).cause).toBeInstanceOf(TypeError);
  });

  it("with the CA given as the ca option, the same endpoint answers", async () => {
    https.script({ status: 404, body: { error: { code: "NotFound", message: "x" } } });
    const e = await failureOf(() => client(https.url, { ca: https.cert }).accounts.regenerateKeys(args));
    expect(e).toMatchObject({ kind: "service", status: 404 });
  });

  it("other transport failures carry no hint", async () => {
    https.script({ drop: true });
    const e = await failureOf(() => client(https.url, { ca: https.cert }).accounts.regenerateKeys(args));
    expect(e).toMatchObject({ kind: "transport", hint: undefined });
  });
});
