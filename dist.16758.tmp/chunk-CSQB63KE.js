// conformance/mock/arm-errors.ts
var PUBLIC_AUTHORITY = "https://login.windows.net";
var gateway = (status, code, message, extra = {}) => ({ status, code, message, cause: "gateway", ...extra });
var service = (status, code, message, extra = {}) => ({ status, code, message, cause: "service", ...extra });
function challenge(tenantId, description) {
  const authority = tenantId ? `${PUBLIC_AUTHORITY}/${tenantId}` : `${PUBLIC_AUTHORITY}/`;
  return { "www-authenticate": `Bearer authorization_uri="${authority}", error="invalid_token", error_description="${description}"` };
}
var armErrors = {
  missingAuthorization: (tenantId) => gateway(
    401,
    "AuthenticationFailed",
    "Authentication failed. The 'Authorization' header is missing.",
    { headers: challenge(tenantId, "The authentication failed because of missing 'Authorization' header.") }
  ),
  invalidAuthorizationHeader: (tenantId) => gateway(
    401,
    "AuthenticationFailedInvalidHeader",
    "Authentication failed. The 'Authorization' header is provided in an invalid format.",
    { headers: challenge(tenantId, "The authentication failed because of invalid 'Authorization' header.") }
  ),
  invalidToken: (tenantId) => gateway(401, "InvalidAuthenticationToken", "The access token is invalid.", { headers: challenge(tenantId, "The access token is invalid.") }),
  expiredToken: (expiry, now, tenantId) => {
    const message = `The access token expiry UTC time '${usDateTime(expiry)}' is earlier than current UTC time '${usDateTime(now)}'.`;
    return gateway(401, "ExpiredAuthenticationToken", message, { headers: challenge(tenantId, message) });
  },
  missingApiVersion: () => gateway(400, "MissingApiVersionParameter", "The api-version query parameter (?api-version=) is required for all requests."),
  noRegisteredProvider: (apiVersion, type, supported, locations) => gateway(
    400,
    "NoRegisteredProviderFound",
    `No registered resource provider found for location '${locations[0] ?? "global"}' and API version '${apiVersion}' for type '${type}'. The supported api-versions are '${supported.join(", ")}'. The supported locations are '${locations.join(", ")}'.`
  ),
  invalidApiVersion: (apiVersion, supported) => gateway(400, "InvalidApiVersionParameter", `The api-version '${apiVersion}' is invalid. The supported versions are '${supported.join(",")}'.`),
  invalidSubscriptionId: (subscriptionId) => gateway(400, "InvalidSubscriptionId", `The provided subscription identifier '${subscriptionId}' is malformed or invalid.`, { target: "subscriptionId" }),
  subscriptionNotFound: (subscriptionId) => gateway(404, "SubscriptionNotFound", `The subscription '${subscriptionId}' could not be found.`),
  resourceGroupNotFound: (resourceGroup) => gateway(404, "ResourceGroupNotFound", `Resource group '${resourceGroup}' could not be found.`),
  invalidResourceNamespace: (namespace) => gateway(404, "InvalidResourceNamespace", `The resource namespace '${namespace}' is invalid.`),
  resourceNotFound: (qualifiedName, resourceGroup) => service(
    404,
    "ResourceNotFound",
    `The Resource '${qualifiedName}' under resource group '${resourceGroup ?? ""}' was not found. For more details please go to https://aka.ms/ARMResourceNotFoundFix`
  ),
  noRoute: (method, path) => gateway(404, "NotFound", `No HTTP resource was found that matches the request URI '${path}' for method '${method}'.`),
  methodNotAllowed: (method, allowed) => gateway(405, "MethodNotAllowed", `The requested resource does not support http method '${method}'.`, { headers: { allow: allowed.join(", ") } }),
  unsupportedMediaType: (sent, supported) => service(415, "UnsupportedMediaType", `The content media type '${sent ?? "<null>"}' is not supported. Only '${supported}' is supported.`),
  invalidRequestContent: (detail, details, target) => service(400, "InvalidRequestContent", `The request content was invalid and could not be deserialized: '${detail}'.`, { details, target }),
  invalidParameter: (message, target, details) => service(400, "InvalidParameter", message, { target, details }),
  missingParameter: (name) => service(400, "MissingParameter", `The required parameter '${name}' is missing.`, { target: name }),
  requestTooLarge: (limit) => gateway(413, "RequestEntityTooLarge", `The request content length exceeds the limit of ${limit} bytes.`),
  badRequest: (message) => gateway(400, "BadRequest", message),
  throttled: (subscriptionId, operation, seconds) => gateway(
    429,
    "SubscriptionRequestsThrottled",
    `Number of requests for subscription '${subscriptionId}' and operation '${operation}' exceeded the backend storage limit. Please try again after '${seconds}' seconds.`,
    { headers: { "retry-after": String(seconds) } }
  ),
  internal: () => service(500, "InternalServerError", "An internal server error occurred. Please retry the request."),
  conflict: (status, code, message) => service(status, code, message)
};
function usDateTime(date) {
  const h = date.getUTCHours();
  const pad = (n) => String(n).padStart(2, "0");
  return `${date.getUTCMonth() + 1}/${date.getUTCDate()}/${date.getUTCFullYear()} ${h % 12 || 12}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())} ${h < 12 ? "AM" : "PM"}`;
}

export {
  armErrors
};
