/**
 * The runtime's one entry: generated clients and indexes import the runtime only through this file, so the
 * package's dist/ holds it as a single module (one module to load instead of a dozen).
 */
export { type ArmClient, type ArmClientOptions, type CallOptions, type ClientSpec, type OperationSpec, type RequestSpec, createArmClient } from "./arm-client.js";
export { CLOUDS, type CloudName, type CloudOptions, type CloudSettings, resolveCloud } from "./clouds.js";
export type { AccessToken, Credential, GetTokenOptions, TokenCredential } from "./credentials.js";
export {
  type AnyRekeyError, type FailedOperationStatus, type HttpErrorStatus, type HttpOtherStatus, type HttpStatusRange, isRekeyError,
  isRekeyServiceError, RekeyError, type RekeyErrorKind, type RekeyFailure, RekeyOperationFailedError, RekeyOptionsError,
  RekeyResponseTooLargeError, RekeyServiceError, RekeyThrottledError, RekeyTimeoutError, RekeyTransportError, RekeyValidationError,
  type StatusClass, type StatusClassOf,
} from "./errors.js";
export type { Example } from "./examples.js";
export { DEFAULT_OPERATION_TIMEOUT_MS, DEFAULT_POLL_INTERVAL_MS, type LongRunningSpec, type OperationStatus, type Poller, type PollerOptions } from "./poller.js";
export type { RetryOptions } from "./retry.js";
export { TLS_TRUST_ERROR_CODES, tlsTrustHint } from "./tls-hint.js";
export { assertValid, type Validator } from "./validation.js";
