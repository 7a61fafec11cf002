/** Azure clouds: the ARM endpoint and the token scope for each (as Azure's JS SDKs and @azure/identity name them). */
import { RekeyOptionsError } from "./errors.js";

export interface CloudSettings {
  endpoint: string;
  scope: string;
}

export type CloudName = "public" | "china" | "usgov";

export const CLOUDS: Readonly<Record<CloudName, CloudSettings>> = {
  public: { endpoint: "https://management.azure.com", scope: "https://management.azure.com/.default" },
  china: { endpoint: "https://management.chinacloudapi.cn", scope: "https://management.chinacloudapi.cn/.default" },
  usgov: { endpoint: "https://management.usgovcloudapi.net", scope: "https://management.usgovcloudapi.net/.default" },
};

export interface CloudOptions {
  /** Which Azure cloud: sets the endpoint and the token scope. Default "public" (the spec's server). */
  cloud?: CloudName;
  /** Base URL of Azure Resource Manager (e.g. a mock); overrides the cloud's endpoint. */
  endpoint?: string;
  /** OAuth scope asked of a TokenCredential; default: the cloud's scope, or `<endpoint origin>/.default` for a custom endpoint. */
  scope?: string;
}

/**
 * Resolves where requests go and which scope tokens are asked for. An unknown cloud or a malformed endpoint
 * is a RekeyOptionsError naming the option.
 */
export function resolveCloud(options: CloudOptions, defaultEndpoint: string): CloudSettings {
  const { cloud, endpoint, scope } = options;
  if (cloud !== undefined && !Object.prototype.hasOwnProperty.call(CLOUDS, cloud)) {
    throw new RekeyOptionsError("cloud", `unknown cloud ${JSON.stringify(cloud)}: use one of ${Object.keys(CLOUDS).map((c) => JSON.stringify(c)).join(", ")}, or set endpoint and scope`);
  }
  if (endpoint !== undefined) {
    let url: URL;
    try {
      url = new URL(endpoint);
    } catch {
      throw new RekeyOptionsError("endpoint", `${JSON.stringify(endpoint)} is not an absolute URL: use e.g. "https://management.azure.com"`);
    }
    if (url.protocol !== "https:" && url.protocol !== "http:") {
      throw new RekeyOptionsError("endpoint", `${JSON.stringify(endpoint)} must use https:`);
    }
  }
  const settings: CloudSettings = cloud ? CLOUDS[cloud] : { endpoint: defaultEndpoint, scope: `${new URL(defaultEndpoint).origin}/.default` };
  const base = (endpoint ?? settings.endpoint).replace(/\/+$/, "");
  return {
    endpoint: base,
    scope: scope ?? (endpoint !== undefined && !cloud ? `${new URL(base).origin}/.default` : settings.scope),
  };
}
