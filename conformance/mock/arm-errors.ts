/**
 * ARM's refusals: status, code and message as Azure Resource Manager sends them (the codes of
 * Azure/azure-resource-manager-rpc and of Azure's recorded exchanges). Every step of the mock refuses with one of these; the body is rendered
 * later in the operation's own error schema (error-body.ts).
 */

export interface ArmErrorDetail {
  code: string;
  message: string;
  target?: string;
}

export interface ArmError {
  status: number;
  code: string;
  message: string;
  target?: string;
  details?: ArmErrorDetail[];
  /** `x-ms-failure-cause`: ARM's own refusals say gateway, the resource provider's say service. */
  cause: "gateway" | "service";
  headers?: Record<string, string>;
}

export const PUBLIC_AUTHORITY = "https://login.windows.net";

const gateway = (status: number, code: string, message: string, extra: Partial<ArmError> = {}): ArmError =>
  ({ status, code, message, cause: "gateway", ...extra });
const service = (status: number, code: string, message: string, extra: Partial<ArmError> = {}): ArmError =>
  ({ status, code, message, cause: "service", ...extra });

function challenge(tenantId: string | undefined, description: string): Record<string, string> {
  const authority = tenantId ? `${PUBLIC_AUTHORITY}/${tenantId}` : `${PUBLIC_AUTHORITY}/`;
  return { "www-authenticate": `Bearer authorization_uri="${authority}", error="invalid_token", error_description="${description}"` };
}

export const armErrors = {
  missingAuthorization: (tenantId?: string) =>
    gateway(401, "AuthenticationFailed", "Authentication failed. The 'Authorization' header is missing.",
      { headers: challenge(tenantId, "The authentication failed because of missing 'Authorization' header.") }),
  invalidAuthorizationHeader: (tenantId?: string) =>
    gateway(401, "AuthenticationFailedInvalidHeader", "Authentication failed. The 'Authorization' header is provided in an invalid format.",
      { headers: challenge(tenantId, "The authentication failed because of invalid 'Authorization' header.") }),
  invalidToken: (tenantId?: string) =>
    gateway(401, "InvalidAuthenticationToken", "The access token is invalid.", { headers: challenge(tenantId, "The access token is invalid.") }),
  expiredToken: (expiry: Date, now: Date, tenantId?: string) => {
    const message = `The access token expiry UTC time '${usDateTime(expiry)}' is earlier than current UTC time '${usDateTime(now)}'.`;
    return gateway(401, "ExpiredAuthenticationToken", message, { headers: challenge(tenantId, message) });
  },
  missingApiVersion: () =>
    gateway(400, "MissingApiVersionParameter", "The api-version query parameter (?api-version=) is required for all requests."),
  noRegisteredProvider: (apiVersion: string, type: string, supported: string[], locations: string[]) =>
    gateway(400, "NoRegisteredProviderFound",
      `No registered resource provider found for location '${locations[0] ?? "global"}' and API version '${apiVersion}' for type '${type}'. ` +
      `The supported api-versions are '${supported.join(", ")}'. The supported locations are '${locations.join(", ")}'.`),
  invalidApiVersion: (apiVersion: string, supported: string[]) =>
    gateway(400, "InvalidApiVersionParameter", `The api-version '${apiVersion}' is invalid. The supported versions are '${supported.join(",")}'.`),
  invalidSubscriptionId: (subscriptionId: string) =>
    gateway(400, "InvalidSubscriptionId", `The provided subscription identifier '${subscriptionId}' is malformed or invalid.`, { target: "subscriptionId" }),
  subscriptionNotFound: (subscriptionId: string) =>
    gateway(404, "SubscriptionNotFound", `The subscription '${subscriptionId}' could not be found.`),
  resourceGroupNotFound: (resourceGroup: string) =>
    gateway(404, "ResourceGroupNotFound", `Resource group '${resourceGroup}' could not be found.`),
  invalidResourceNamespace: (namespace: string) =>
    gateway(404, "InvalidResourceNamespace", `The resource namespace '${namespace}' is invalid.`),
  resourceNotFound: (qualifiedName: string, resourceGroup: string | undefined) =>
    service(404, "ResourceNotFound",
      `The Resource '${qualifiedName}' under resource group '${resourceGroup ?? ""}' was not found. For more details please go to https://aka.ms/ARMResourceNotFoundFix`),
  noRoute: (method: string, path: string) =>
    gateway(404, "NotFound", `No HTTP resource was found that matches the request URI '${path}' for method '${method}'.`),
  methodNotAllowed: (method: string, allowed: string[]) =>
    gateway(405, "MethodNotAllowed", `The requested resource does not support http method '${method}'.`, { headers: { allow: allowed.join(", ") } }),
  unsupportedMediaType: (sent: string | undefined, supported: string) =>
    service(415, "UnsupportedMediaType", `The content media type '${sent ?? "<null>"}' is not supported. Only '${supported}' is supported.`),
  invalidRequestContent: (detail: string, details?: ArmErrorDetail[], target?: string) =>
    service(400, "InvalidRequestContent", `The request content was invalid and could not be deserialized: '${detail}'.`, { details, target }),
  invalidParameter: (message: string, target: string, details?: ArmErrorDetail[]) =>
    service(400, "InvalidParameter", message, { target, details }),
  missingParameter: (name: string) =>
    service(400, "MissingParameter", `The required parameter '${name}' is missing.`, { target: name }),
  requestTooLarge: (limit: number) =>
    gateway(413, "RequestEntityTooLarge", `The request content length exceeds the limit of ${limit} bytes.`),
  badRequest: (message: string) => gateway(400, "BadRequest", message),
  throttled: (subscriptionId: string, operation: string, seconds: number) =>
    gateway(429, "SubscriptionRequestsThrottled",
      `Number of requests for subscription '${subscriptionId}' and operation '${operation}' exceeded the backend storage limit. Please try again after '${seconds}' seconds.`,
      { headers: { "retry-after": String(seconds) } }),
  internal: () => service(500, "InternalServerError", "An internal server error occurred. Please retry the request."),
  conflict: (status: number, code: string, message: string) => service(status, code, message),
  /** ARM's rule for operationResults/operationStatuses: an id unknown in this subscription is a 404 (async-api-reference.md). */
  operationNotFound: (operationId: string) =>
    service(404, "OperationNotFound", `The operation '${operationId}' was not found.`),
  /** The error object of an operation that ended Failed; the Location URL answers it as the request would have. */
  operationFailed: () =>
    service(400, "OperationFailed", "The asynchronous operation failed; the resource was not changed. Retry the request."),
  /** ARM requires error.code on Canceled too (async-api-reference.md, Azure-AsyncOperation resource format). */
  operationCanceled: () =>
    service(409, "OperationCanceled", "The asynchronous operation was canceled before it completed; the resource was not changed."),
};

/** ARM prints token times US-style: 8/17/2017 10:54:41 PM. */
function usDateTime(date: Date): string {
  const h = date.getUTCHours();
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${date.getUTCMonth() + 1}/${date.getUTCDate()}/${date.getUTCFullYear()} ${h % 12 || 12}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())} ${h < 12 ? "AM" : "PM"}`;
}
