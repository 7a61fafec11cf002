/**
 * The HTTP request an x-ms-examples file describes: path parameters substituted (percent-encoded), query and
 * header parameters set, the body (named by x-ms-requestBody-name) serialised. The mock's tests and the
 * conformance runner build requests this one way.
 */
import type { OperationModel } from "../kernel/index.ts";

export interface HttpRequestSpec {
  method: string;
  /** Path and query, e.g. /subscriptions/…/regenerateKey?api-version=2023-06-01 */
  url: string;
  headers: Record<string, string>;
  body?: string;
}

export function requestFromParameters(operation: OperationModel, values: Record<string, unknown>): HttpRequestSpec {
  let path = operation.pathTemplate;
  const query = new URLSearchParams();
  const headers: Record<string, string> = {};
  for (const parameter of operation.parameters) {
    const value = values[parameter.name];
    if (value === undefined) continue;
    if (parameter.in === "path") path = path.replace(`{${parameter.name}}`, encodeURIComponent(String(value)));
    else if (parameter.in === "query") query.set(parameter.name, String(value));
    else if (parameter.in === "header") headers[parameter.name.toLowerCase()] = String(value);
  }
  let body: string | undefined;
  const bodyModel = operation.requestBody;
  if (bodyModel && values[bodyModel.name] !== undefined) {
    body = JSON.stringify(values[bodyModel.name]);
    headers["content-type"] = bodyModel.contentType;
  }
  const queryString = query.toString().replace(/%2F/gi, "/");
  return { method: operation.httpMethod.toUpperCase(), url: queryString ? `${path}?${queryString}` : path, headers, body };
}
