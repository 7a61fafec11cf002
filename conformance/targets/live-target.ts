/**
 * `--target live`: Azure Resource Manager itself, in the user's subscription — or, with --endpoint, another ARM
 * endpoint (--ca FILE when its certificate comes from a private CA). What may be sent is the mutation gate's call.
 */
import { CLOUDS, type CloudName } from "../../client-runtime/clouds.ts";
import type { DocumentModel } from "../../kernel/index.ts";
import type { Target } from "../runner/run-conformance.ts";
import type { NamedResources } from "./named-resources.ts";
import { insecureReason } from "../../client-runtime/auth.ts";
import { mutationGate } from "./mutation-gate.ts";
import { parseBaseUrl, readCa } from "./url-target.ts";
import { optionError, tokenFromAzureIdentity, tokenFromEnv, type TargetOptions } from "./target-options.ts";

export function liveCloud(name: string | undefined): { endpoint: string; scope: string } {
  const cloud = name ?? "public";
  if (!Object.prototype.hasOwnProperty.call(CLOUDS, cloud)) throw optionError("--cloud", `unknown cloud "${cloud}"`, `use one of ${Object.keys(CLOUDS).join(", ")}`);
  return { ...CLOUDS[cloud as CloudName] };
}

export async function liveTarget(options: TargetOptions, docs: DocumentModel[], resources: NamedResources): Promise<Target> {
  const cloud = liveCloud(options.cloud);
  if (options.endpoint) {
    const url = parseBaseUrl(options.endpoint, "--endpoint");
    const refusal = insecureReason(url);
    if (refusal) throw optionError("--endpoint", refusal, "use an https:// endpoint");
    cloud.endpoint = url.href.replace(/\/$/, "");
  }
  const ca = options.caFile ? await readCa(options.caFile) : undefined;
  return {
    description: { kind: "live", url: cloud.endpoint, detail: `subscription ${options.subscription}${options.allowMutations ? ", mutations allowed" : ", read-only"}` },
    baseUrl: cloud.endpoint,
    token: () => (options.tokenEnv ? Promise.resolve(tokenFromEnv(options.tokenEnv)) : tokenFromAzureIdentity(cloud.scope)),
    ca,
    caFile: options.caFile,
    examplesMode: false,
    holdBack: mutationGate("live", options.allowMutations, docs, resources),
    close: async () => {},
  };
}
