import { createServer } from "node:https";
import { generate } from "selfsigned";
import { createMapsClient } from "@rekey/clients/maps";
import { composePipeline } from "../generated/src/runtime/pipeline.ts";
import { nodeTransport } from "../generated/src/runtime/transport.ts";
import * as validators from "../generated/src/maps/2023-06-01/validators.js";
const pems = await generate([{ name: "commonName", value: "127.0.0.1" }], { keySize: 2048, extensions: [{ name: "subjectAltName", altNames: [{ type: 7, ip: "127.0.0.1" }] }] });
const keys = JSON.stringify({ primaryKey: "p".repeat(44), secondaryKey: "s".repeat(44), primaryKeyLastUpdated: "x", secondaryKeyLastUpdated: "y" });
const server = createServer({ key: pems.private, cert: pems.cert, keepAliveTimeout: 60000 }, (req, res) => { req.resume(); req.on("end", () => res.writeHead(200, { "content-type": "application/json" }).end(keys)); });
await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
const endpoint = `https://127.0.0.1:${(server.address() as any).port}`;
const c = createMapsClient({ credential: "t", subscriptionId: "21a9967a-e8a9-4656-a70b-96ff1c4d05a0", endpoint, ca: pems.cert });
const args = { resourceGroupName: "rg", accountName: "acct", body: { keyType: "primary" as const } };
const t = nodeTransport({ ca: pems.cert });
const url = `${endpoint}/subscriptions/x/resourceGroups/rg/providers/Microsoft.Maps/accounts/acct/regenerateKey?api-version=2023-06-01`;
const body = new TextEncoder().encode('{"keyType":"primary"}');
const variants: Record<string, () => Promise<unknown>> = {
  full: () => c.accounts.regenerateKeys(args),
  raw: () => c.raw.POST("/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Maps/accounts/{accountName}/regenerateKey", { params: { path: { subscriptionId: "x", resourceGroupName: "rg", accountName: "acct" }, query: { "api-version": "2023-06-01" } }, body: { keyType: "primary" } }),
  transport: async () => JSON.parse(new TextDecoder().decode((await t({ url, method: "POST", headers: { "content-type": "application/json", authorization: "Bearer t" }, body, signal: undefined })).body)),
  validate: async () => { validators.validateAccountsRegenerateKeysParameters({ subscriptionId: "21a9967a-e8a9-4656-a70b-96ff1c4d05a0", resourceGroupName: "rg", accountName: "acct" }); validators.validateAccountsRegenerateKeysBody(args.body); },
  reqresp: async () => { const r = new Request(url, { method: "POST", body: '{"keyType":"primary"}', headers: { "content-type": "application/json" } }); await r.arrayBuffer(); const res = new Response(new TextEncoder().encode(keys), { status: 200, headers: { "content-type": "application/json" } }); return JSON.parse(await res.text()); },
};
for (const round of [1, 2]) for (const [name, fn] of Object.entries(variants)) {
  for (let i = 0; i < 300; i++) await fn();
  const s: number[] = [];
  for (let i = 0; i < 2000; i++) { const a = performance.now(); await fn(); s.push(performance.now() - a); }
  s.sort((a, b) => a - b);
  console.log(round, name, s[1000].toFixed(4));
}
server.close(); process.exit(0);
