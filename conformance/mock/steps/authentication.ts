/**
 * Step 3: a bearer token, where the operation's security scheme asks for one. Any well-formed token is accepted
 * (the mock has no identity provider); a JWT is decoded and refused when expired, as ARM refuses it.
 */
import { armErrors } from "../arm-errors.ts";
import type { IncomingHttpHeaders } from "node:http";
import type { ArmError } from "../arm-errors.ts";
import type { MockStep } from "../mock-exchange.ts";

/** The tenant ARM names in its WWW-Authenticate challenge (the mock's subscriptions belong to it). */
export const MOCK_TENANT_ID = "7a6b2f4e-3c1d-4e8f-9a0b-1c2d3e4f5a6b";

const BEARER = /^Bearer +([A-Za-z0-9\-._~+/]+=*) *$/i;

export const authenticate: MockStep = (exchange) => {
  for (const op of exchange.candidates!.values()) if (op.requiresBearer) return checkBearer(exchange.request.headers, exchange.now);
  return undefined;
};

export function checkBearer(headers: IncomingHttpHeaders, now: Date): ArmError | undefined {
  const header = headers.authorization;
  if (header === undefined) return armErrors.missingAuthorization(MOCK_TENANT_ID);
  const token = BEARER.exec(header)?.[1];
  if (!token) return armErrors.invalidAuthorizationHeader(MOCK_TENANT_ID);
  const parts = token.split(".");
  if (parts.length !== 3) return undefined; // an opaque token: accepted
  let claims: { exp?: unknown };
  try {
    claims = JSON.parse(Buffer.from(parts[1], "base64url").toString("utf8"));
  } catch {
    return armErrors.invalidToken(MOCK_TENANT_ID);
  }
  if (typeof claims !== "object" || claims === null) return armErrors.invalidToken(MOCK_TENANT_ID);
  if (typeof claims.exp === "number" && claims.exp * 1000 < now.getTime()) {
    return armErrors.expiredToken(new Date(claims.exp * 1000), now, MOCK_TENANT_ID);
  }
  return undefined;
}
