/**
 * `--target URL`: any endpoint that speaks the operations (a staging proxy, another mock). The token comes from
 * --token-env or, failing that, from @azure/identity for `<origin>/.default`; it never goes over plain HTTP except
 * to loopback. --ca FILE or --insecure-tls for self-signed certificates. The URL may front real Azure, so it is
 * gated as live is: nothing that may rotate a key is sent without --allow-mutations and a named resource.
 */
import { type DocumentModel, readInputFile } from "../../kernel/index.ts";
import { insecureReason } from "../../client-runtime/auth.ts";
import type { Target } from "../runner/run-conformance.ts";
import { mutationGate } from "./mutation-gate.ts";
import type { NamedResources } from "./named-resources.ts";
import { optionError, tokenFromAzureIdentity, tokenFromEnv, type TargetOptions } from "./target-options.ts";

export async function readCa(file: string): Promise<string> {
  const read = readInputFile(file);
  if (!read.ok) throw optionError("--ca", `${file} ${read.reason}`, `${read.hint}: the CA certificate in PEM form`);
  if (!read.text.includes("-----BEGIN CERTIFICATE-----")) throw optionError("--ca", `${file} holds no PEM certificate`, "give the CA certificate in PEM form (-----BEGIN CERTIFICATE-----)");
  return read.text;
}

export function parseBaseUrl(value: string, flag = "--target"): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw optionError(flag, `"${value}" is neither mock, live nor an absolute URL`, "use --target mock, --target live or --target https://host[:port]");
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") throw optionError(flag, `"${value}" must be an http(s) URL`, "use https://host[:port]");
  if (url.search || url.hash) throw optionError(flag, `"${value}" has a query or fragment`, "give the base URL only, e.g. https://host:8443");
  return url;
}

export async function urlTarget(options: TargetOptions, docs: DocumentModel[], resources: NamedResources): Promise<Target> {
  const url = parseBaseUrl(options.target);
  const refusal = insecureReason(url);
  if (refusal) throw optionError("--target", refusal, "use an https:// URL, or a loopback address for a local endpoint");
  const ca = options.caFile ? await readCa(options.caFile) : undefined;
  const base = url.href.replace(/\/$/, "");
  return {
    description: { kind: "url", url: base, detail: [options.subscription && `subscription ${options.subscription}`, options.allowMutations ? "mutations allowed" : "read-only"].filter(Boolean).join(", ") },
    baseUrl: base,
    token: () => (options.tokenEnv ? Promise.resolve(tokenFromEnv(options.tokenEnv)) : tokenFromAzureIdentity(`${url.origin}/.default`)),
    ca,
    caFile: options.caFile,
    insecureTls: options.insecureTls,
    examplesMode: options.examplesOnly === true,
    holdBack: mutationGate("url", options.allowMutations, docs, resources),
    close: async () => {},
  };
}
