/**
 * Redirects are never followed (docs/threat-model.md): an endpoint that answers 3xx with a Location elsewhere cannot
 * make the generated client, the conformance runner or `rekey versions --live` send the request — and the bearer
 * token with it — to another host. The 3xx is the answer: an undocumented status for the client (a RekeyError), a
 * failed `status` check for the runner, a one-line error for versions. A second server stands for "elsewhere" and
 * must see no request at all.
 */
import { createServer, type IncomingMessage } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMapsClient, isRekeyError } from "@rekey/clients/maps/2023-06-01";
import { runRekey } from "./helpers/cli.ts";
import { listenOnLoopback, type Listening } from "./helpers/loopback.ts";

const TOKEN = "redirect-test-token-5b7e";
const TOKEN_ENV = "REKEY_REDIRECT_TEST_TOKEN";

let elsewhere: Listening;
let redirecting: Listening;
const reachedElsewhere: IncomingMessage[] = [];
let redirected = 0;
const url = (server: Listening) => `http://127.0.0.1:${server.port}`;

beforeAll(async () => {
  elsewhere = await listenOnLoopback(createServer((req, res) => {
    reachedElsewhere.push(req);
    res.writeHead(200, { "content-type": "application/json" }).end("{}");
  }));
  redirecting = await listenOnLoopback(createServer((req, res) => {
    redirected++;
    req.resume();
    res.writeHead(307, { location: `${url(elsewhere)}${req.url}` }).end();
  }));
  process.env[TOKEN_ENV] = TOKEN;
});
afterAll(async () => {
  delete process.env[TOKEN_ENV];
  await redirecting?.close();
  await elsewhere?.close();
});

describe("a 307 to another host", () => {
  it("is not followed by the generated client: the call fails with the 307, and the token stays home", async () => {
    const maps = createMapsClient({ credential: TOKEN, subscriptionId: "21a9967a-e8a9-4656-a70b-96ff1c4d05a0", endpoint: url(redirecting) });
    const before = redirected;
    const error = await maps.accounts.regenerateKeys({ resourceGroupName: "rg", accountName: "acct", body: { keyType: "primary" } }).catch((e: unknown) => e);
    expect(isRekeyError(error) && error.status).toBe(307);
    expect(redirected - before).toBe(1); // a 3xx is not retried either
    expect(reachedElsewhere).toEqual([]);
  });

  it("is not followed by the conformance runner: the status check fails, and nothing reaches the other host", async () => {
    const result = await runRekey(["conform", "--quiet", "--target", url(redirecting), "--token-env", TOKEN_ENV, "--only", "maps/2023-06-01/**"]);
    expect(result.code).toBe(1);
    expect(redirected).toBeGreaterThan(1);
    expect(reachedElsewhere).toEqual([]);
  });

  it("is not followed by `rekey versions --live`: one error line, exit 2", async () => {
    const result = await runRekey(["versions", "--live", "--endpoint", url(redirecting), "--subscription", "21a9967a-e8a9-4656-a70b-96ff1c4d05a0", "--token-env", TOKEN_ENV]);
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(result.stderr).not.toContain(TOKEN);
    expect(reachedElsewhere).toEqual([]);
  });
});
