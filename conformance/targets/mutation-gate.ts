/**
 * The mutation gate of the targets that may be real Azure: live, and a URL (a proxy or gateway may stand in front of
 * Resource Manager). These operations rotate keys, so the rule is here and nowhere else: without --allow-mutations
 * only exchanges that cannot change anything are sent; with it, an exchange that may change state is sent only when
 * it addresses a resource the user named. Everything held back is counted in the report, with the reason. The
 * embedded mock is not gated: its keys are its own.
 */
import type { DocumentModel } from "../../kernel/index.ts";
import type { CompiledExchange } from "../exchange.ts";
import type { NamedResources } from "./named-resources.ts";

export type GatedTarget = "live" | "url";

export interface HeldBackReasons {
  /** The exchange rotates a key when it succeeds (examples, scenarios). */
  rotates: string;
  /** It rotates a key only if the endpoint wrongly accepts it (a bad body against a real resource). */
  mayRotate: string;
  /** Mutations are allowed, but not of this resource. */
  unnamed: string;
}

export const HELD_BACK: Record<GatedTarget, HeldBackReasons> = {
  live: {
    rotates: "rotates a real key; pass --allow-mutations to send it",
    mayRotate: "would rotate a real key if the endpoint wrongly accepted it; pass --allow-mutations to send it",
    unnamed: "addresses a resource you did not name; name it with --resource or the config file",
  },
  url: {
    rotates: "rotates a key behind the target URL, which may be real Azure; pass --allow-mutations to send it",
    mayRotate: "would rotate a key behind the target URL if it wrongly accepted the request; pass --allow-mutations to send it",
    unnamed: "addresses a resource you did not name; name it with --subscription and --resource, or the config file",
  },
};

/** Why an exchange must not be sent to this target, or undefined when it may be. */
export type HoldBack = (exchange: CompiledExchange) => string | undefined;

export function mutationGate(kind: GatedTarget, allowMutations: boolean | undefined, docs: DocumentModel[], resources: NamedResources): HoldBack {
  const reasons = HELD_BACK[kind];
  const named = new Map(docs.flatMap((doc) => doc.operations.map((op) => [`${doc.service}/${doc.apiVersion}/${op.operationId}`, resources.named(doc, op)] as const)));
  return (exchange) => {
    if (exchange.mutation === "never") return undefined;
    if (!allowMutations) return exchange.mutation === "always" ? reasons.rotates : reasons.mayRotate;
    const resource = named.get(`${exchange.service}/${exchange.apiVersion}/${exchange.operationId}`);
    return resource !== undefined && resource === exchange.resource ? undefined : reasons.unnamed;
  };
}
