/**
 * `--target live`: Azure Resource Manager itself, in the user's subscription. These operations rotate real keys,
 * so the safety rules are here and nowhere else: without --allow-mutations only exchanges that cannot change
 * anything are sent; with it, an exchange that may change state is sent only when it addresses a resource the user
 * named. Everything held back is counted in the report, with the reason.
 */
import { CLOUDS, type CloudName } from "../../generator/runtime/clouds.ts";
import type { DocumentModel } from "../../generator/model.ts";
import type { CompiledExchange } from "../exchange.ts";
import type { Target } from "../runner/run-conformance.ts";
import type { LiveResources } from "./live-resources.ts";
import { insecureReason } from "../../generator/runtime/auth.ts";
import { parseBaseUrl } from "./url-target.ts";
import { optionError, tokenFromAzureIdentity, tokenFromEnv, type TargetOptions } from "./target-options.ts";

export const HELD_BACK = {
  rotates: "rotates a real key; pass --allow-mutations to send it",
  mayRotate: "would rotate a real key if the endpoint wrongly accepted it; pass --allow-mutations to send it",
  unnamed: "addresses a resource you did not name; name it with --resource or the config file",
};

export function liveCloud(name: string | undefined): { endpoint: string; scope: string } {
  const cloud = name ?? "public";
  if (!Object.prototype.hasOwnProperty.call(CLOUDS, cloud)) throw optionError("--cloud", `unknown cloud "${cloud}"`, `use one of ${Object.keys(CLOUDS).join(", ")}`);
  return { ...CLOUDS[cloud as CloudName] };
}

export function liveTarget(options: TargetOptions, docs: DocumentModel[], resources: LiveResources): Target {
  const cloud = liveCloud(options.cloud);
  if (options.endpoint) {
    const url = parseBaseUrl(options.endpoint, "--endpoint");
    const refusal = insecureReason(url);
    if (refusal) throw optionError("--endpoint", refusal, "use an https:// endpoint");
    cloud.endpoint = url.href.replace(/\/$/, "");
  }
  const byOperation = new Map(docs.flatMap((doc) => doc.operations.map((op) => [`${doc.service}/${doc.apiVersion}/${op.operationId}`, resources.named(doc, op)] as const)));
  return {
    description: { kind: "live", url: cloud.endpoint, detail: `subscription ${options.subscription}${options.allowMutations ? ", mutations allowed" : ", read-only"}` },
    baseUrl: cloud.endpoint,
    token: () => (options.tokenEnv ? Promise.resolve(tokenFromEnv(options.tokenEnv)) : tokenFromAzureIdentity(cloud.scope)),
    examplesMode: false,
    holdBack(exchange: CompiledExchange) {
      if (exchange.mutation === "never") return undefined;
      if (!options.allowMutations) return exchange.mutation === "always" ? HELD_BACK.rotates : HELD_BACK.mayRotate;
      const named = byOperation.get(`${exchange.service}/${exchange.apiVersion}/${exchange.operationId}`);
      return named !== undefined && named === exchange.resource ? undefined : HELD_BACK.unnamed;
    },
    close: async () => {},
  };
}
