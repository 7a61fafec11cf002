/**
 * Named type exports as a user imports them, checked by the compiler (`npm test` runs tsc over this file): every
 * body, result and enum type of an entry point by its spec name, the same from the service's default entry point,
 * and values typed with them accepted by the client. The runtime half makes one call typed only with them.
 */
import { describe, expect, expectTypeOf, it } from "vitest";
import type {
  AccountsRegenerateKeysBody, AccountsRegenerateKeysResult, components, ErrorResponse, KeyType, MapsAccountKeys, MapsKeySpecification,
} from "@rekey/clients/maps";
import type { KeyType as InlineKeyType, components as components2023 } from "@rekey/clients/maps/2023-06-01";
import type { AccountKeyType, BatchAccountRegenerateKeyParameters, BatchAccountRegenerateKeyParametersSchema } from "@rekey/clients/batch/2024-02-01";
import type { AccessIdName } from "@rekey/clients/apimanagement/2022-08-01";
import { createMapsClient } from "@rekey/clients/maps/2026-12-01";
import { type ScriptedServer, startScriptedServer } from "../helpers/scripted-server.ts";

describe("types: named exports per entry point", () => {
  it("schemas by their spec names", () => {
    expectTypeOf<KeyType>().toEqualTypeOf<components["schemas"]["KeyType"]>();
    expectTypeOf<KeyType>().toEqualTypeOf<"primary" | "secondary">();
    expectTypeOf<MapsKeySpecification>().toEqualTypeOf<components["schemas"]["MapsKeySpecification"]>();
    expectTypeOf<MapsAccountKeys>().toEqualTypeOf<components["schemas"]["MapsAccountKeys"]>();
    expectTypeOf<ErrorResponse>().toEqualTypeOf<components["schemas"]["ErrorResponse"]>();
    expectTypeOf<AccountsRegenerateKeysResult>().toEqualTypeOf<MapsAccountKeys>();
    expectTypeOf<AccountsRegenerateKeysBody>().toEqualTypeOf<MapsKeySpecification>();
    // @ts-expect-error a value outside the enum
    const wrong: KeyType = "tertiary";
    void wrong;
  });

  it("an enum declared inline takes its x-ms-enum name", () => {
    expectTypeOf<InlineKeyType>().toEqualTypeOf<components2023["schemas"]["MapsKeySpecification"]["keyType"]>();
    expectTypeOf<AccountKeyType>().toEqualTypeOf<"Primary" | "Secondary">();
    expectTypeOf<AccessIdName>().toEqualTypeOf<"access" | "gitAccess">();
  });

  it("a schema named like the client's own parameters type keeps both, the schema with the Schema suffix", () => {
    expectTypeOf<BatchAccountRegenerateKeyParametersSchema>().toHaveProperty("keyName");
    expectTypeOf<BatchAccountRegenerateKeyParameters>().toHaveProperty("resourceGroupName");
  });
});

describe("a call typed with the named types only", () => {
  let server: ScriptedServer;

  it("sends the body and returns the result", async () => {
    server = await startScriptedServer();
    try {
      const keys: MapsAccountKeys = { primaryKey: "pk", secondaryKey: "sk", primaryKeyLastUpdated: "2026-01-01T00:00:00Z", secondaryKeyLastUpdated: "2026-01-01T00:00:00Z" };
      server.script({ status: 200, body: keys });
      const keyType: KeyType = "secondary";
      const body: MapsKeySpecification = { keyType };
      const client = createMapsClient({ credential: "token", subscriptionId: "21a9967a-e8a9-4656-a70b-96ff1c4d05a0", endpoint: server.url });
      const result: MapsAccountKeys = await client.accounts.regenerateKeys({ resourceGroupName: "rg", accountName: "acct", body });
      expect(result).toEqual(keys);
      expect(JSON.parse(server.requests[0].body)).toEqual({ keyType: "secondary" });
    } finally {
      await server.close();
    }
  });
});
