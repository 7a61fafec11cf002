/**
 * A request refused because the server's certificate is not trusted says, on one line, how to trust it: the raw
 * Node error (UNABLE_TO_VERIFY_LEAF_SIGNATURE, …) names the symptom, never the fix.
 */

/** Node's (OpenSSL's) codes for a certificate the client does not trust, or one that does not fit the host. */
export const TLS_TRUST_ERROR_CODES: readonly string[] = [
  "UNABLE_TO_VERIFY_LEAF_SIGNATURE", "UNABLE_TO_GET_ISSUER_CERT", "UNABLE_TO_GET_ISSUER_CERT_LOCALLY",
  "SELF_SIGNED_CERT_IN_CHAIN", "DEPTH_ZERO_SELF_SIGNED_CERT", "CERT_UNTRUSTED", "CERT_HAS_EXPIRED", "CERT_NOT_YET_VALID",
  "ERR_TLS_CERT_ALTNAME_INVALID",
];

export function isTlsTrustCode(code: string | undefined): boolean {
  return code !== undefined && TLS_TRUST_ERROR_CODES.includes(code);
}

/**
 * How to trust the certificate behind `code`, in one line: `option` is the caller's own way to pass a CA (the
 * client's `ca` option, the CLI's `--ca <ca.pem>`). Expired and wrong-host certificates are not a missing CA.
 */
export function tlsTrustHint(code: string, option: string): string {
  if (code === "CERT_HAS_EXPIRED" || code === "CERT_NOT_YET_VALID") {
    return "the server's certificate is outside its validity period: renew it (a local mock makes a fresh one at each start), or check this machine's clock";
  }
  if (code === "ERR_TLS_CERT_ALTNAME_INVALID") {
    return "the server's certificate does not name this host: use a host name the certificate lists (the rekey mock's names localhost and 127.0.0.1)";
  }
  return `the server's certificate is not trusted: pass its CA certificate with ${option}, or run Node with NODE_EXTRA_CA_CERTS=<ca.pem> (\`rekey mock --tls --ca-out ca.pem\` writes the mock's)`;
}
