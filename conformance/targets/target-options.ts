/** What the user says about where to run: the options every target reads, resolved once from flags and config. */
import { problem, UserError } from "../../kernel/index.ts";

export interface TargetOptions {
  /** "mock", "live", or a base URL. */
  target: string;
  /** mock: break the contract in one named way. */
  fault?: string;
  /** mock: how long its long-running operations stay InProgress, in ms (default CONFORM_LRO_DURATION_MS). */
  lroDurationMs?: number;
  /** mock: answer with the documented examples instead of state. */
  examplesOnly?: boolean;
  /** Name of the environment variable that holds a bearer token. */
  tokenEnv?: string;
  /** URL, and live with --endpoint: PEM file of a CA to trust (self-signed endpoints). */
  caFile?: string;
  /** URL: accept any certificate. */
  insecureTls?: boolean;
  /** live */
  cloud?: string;
  /** live: another ARM endpoint than the cloud's (a private or regional endpoint, or a stand-in for tests). */
  endpoint?: string;
  /** live and URL: the user's subscription (a URL target without one keeps each example's). */
  subscription?: string;
  /** live and URL: parameter values per operation (operationId, service, service/operationId or service/api-version/operationId). */
  resources?: Record<string, Record<string, string>>;
  /** live and URL: also send exchanges that may change the resources named (mutation-gate.ts). */
  allowMutations?: boolean;
}

export function optionError(flag: string, message: string, hint: string): UserError {
  return new UserError(problem("conform/options", { file: flag }, message, hint));
}

/** The bearer token in the environment variable --token-env names. */
export function tokenFromEnv(name: string): string {
  const value = process.env[name];
  if (!value?.trim()) throw optionError("--token-env", `environment variable ${name} is not set or empty`, `export ${name}=<bearer token>, e.g. from \`az account get-access-token --query accessToken -o tsv\``);
  return value.trim().replace(/^Bearer\s+/i, "");
}

/** A token from @azure/identity's DefaultAzureCredential — the optional dependency is loaded only here. */
export async function tokenFromAzureIdentity(scope: string): Promise<string> {
  let identity: typeof import("@azure/identity");
  try {
    identity = await import("@azure/identity");
  } catch {
    throw optionError("--target", "no token: @azure/identity is not installed", "npm install @azure/identity, or pass --token-env NAME");
  }
  try {
    const token = await new identity.DefaultAzureCredential().getToken(scope);
    if (!token?.token) throw new Error("no token");
    return token.token;
  } catch (error) {
    const first = String((error as Error).message ?? error).split("\n")[0];
    throw optionError("--target", `could not get a token for ${scope} from DefaultAzureCredential (${first})`, "sign in with `az login`, or pass --token-env NAME");
  }
}
