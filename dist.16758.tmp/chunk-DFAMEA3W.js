import {
  UserError,
  problem,
  resourceAddress,
  resourceId
} from "./chunk-ZOVCPWKV.js";

// conformance/example-request.ts
function requestFromParameters(operation, values) {
  let path = operation.pathTemplate;
  const query = new URLSearchParams();
  const headers = {};
  for (const parameter of operation.parameters) {
    const value = values[parameter.name];
    if (value === void 0) continue;
    if (parameter.in === "path") path = path.replace(`{${parameter.name}}`, encodeURIComponent(String(value)));
    else if (parameter.in === "query") query.set(parameter.name, String(value));
    else if (parameter.in === "header") headers[parameter.name.toLowerCase()] = String(value);
  }
  let body;
  const bodyModel = operation.requestBody;
  if (bodyModel && values[bodyModel.name] !== void 0) {
    body = JSON.stringify(values[bodyModel.name]);
    headers["content-type"] = bodyModel.contentType;
  }
  const queryString = query.toString().replace(/%2F/gi, "/");
  return { method: operation.httpMethod.toUpperCase(), url: queryString ? `${path}?${queryString}` : path, headers, body };
}

// conformance/exchanges/operation-case.ts
function operationPrefix(c) {
  return `${c.doc.service}/${c.doc.apiVersion}/${c.operation.operationId}`;
}
function addressedResource(operation, values) {
  const shape = operation.armPath;
  if (!shape) return operation.pathTemplate.replace(/\{([^}]+)\}/g, (_, name) => String(values[name] ?? ""));
  return resourceId(resourceAddress(shape, Object.fromEntries(Object.entries(values).map(([k, v]) => [k, String(v)])))).toLowerCase();
}
function buildExchange(c, draft) {
  const values = draft.values ?? c.values;
  const request = requestFromParameters(c.operation, values);
  if (draft.rawBody !== void 0) {
    request.body = draft.rawBody;
    request.headers["content-type"] ??= c.operation.requestBody?.contentType ?? "application/json";
  }
  for (const [name, value] of Object.entries(draft.headers ?? {})) {
    if (value === void 0) delete request.headers[name.toLowerCase()];
    else request.headers[name.toLowerCase()] = value;
  }
  const exchange = {
    id: `${operationPrefix(c)}/${draft.kind}/${draft.name}`,
    kind: draft.kind,
    title: draft.title,
    service: c.doc.service,
    apiVersion: c.doc.apiVersion,
    operationId: c.operation.operationId,
    request,
    authorize: draft.authorize ?? true,
    expect: draft.expect,
    mutation: draft.mutation,
    resource: addressedResource(c.operation, { ...c.values, ...values }),
    scenario: draft.scenario,
    source: draft.source,
    checks: []
  };
  return { ...exchange, context: { doc: c.doc, operation: c.operation } };
}
function acceptedMutation(operation) {
  return ["get", "head", "options"].includes(operation.httpMethod) ? "never" : "always";
}

// conformance/targets/target-options.ts
function optionError(flag, message, hint) {
  return new UserError(problem("conform/options", { file: flag }, message, hint));
}
function tokenFromEnv(name) {
  const value = process.env[name];
  if (!value?.trim()) throw optionError("--token-env", `environment variable ${name} is not set or empty`, `export ${name}=<bearer token>, e.g. from \`az account get-access-token --query accessToken -o tsv\``);
  return value.trim().replace(/^Bearer\s+/i, "");
}
async function tokenFromAzureIdentity(scope) {
  let identity;
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
    const first = String(error.message ?? error).split("\n")[0];
    throw optionError("--target", `could not get a token for ${scope} from DefaultAzureCredential (${first})`, "sign in with `az login`, or pass --token-env NAME");
  }
}

export {
  addressedResource,
  buildExchange,
  acceptedMutation,
  optionError,
  tokenFromEnv,
  tokenFromAzureIdentity
};
