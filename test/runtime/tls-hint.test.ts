/**
 * The one-line hint a TLS trust failure carries (client-runtime/tls-hint.ts), for each code Node reports. The
 * client and conform over real HTTPS are tested in test/generated/error-kinds.test.ts, test/mock/tls-clients.test.ts
 * and test/conformance/cli-conform.test.ts.
 */
import { describe, expect, it } from "vitest";
import { isTlsTrustCode, TLS_TRUST_ERROR_CODES, tlsTrustHint } from "../../client-runtime/tls-hint.ts";

describe("tlsTrustHint", () => {
  it.each(["UNABLE_TO_VERIFY_LEAF_SIGNATURE", "SELF_SIGNED_CERT_IN_CHAIN", "DEPTH_ZERO_SELF_SIGNED_CERT", "UNABLE_TO_GET_ISSUER_CERT_LOCALLY"])(
    "%s: names the caller's option, NODE_EXTRA_CA_CERTS and where the mock writes its CA", (code) => {
      const hint = tlsTrustHint(code, "--ca <ca.pem>");
      expect(hint).toBe("the server's certificate is not trusted: pass its CA certificate with --ca <ca.pem>, or run Node with NODE_EXTRA_CA_CERTS=<ca.pem> (`rekey mock --tls --ca-out ca.pem` writes the mock's)");
    });

  it("an expired certificate and one for another host are not a missing CA", () => {
    expect(tlsTrustHint("CERT_HAS_EXPIRED", "--ca <ca.pem>")).toMatch(/^the server's certificate is outside its validity period: renew it/);
    expect(tlsTrustHint("ERR_TLS_CERT_ALTNAME_INVALID", "--ca <ca.pem>")).toMatch(/^the server's certificate does not name this host/);
  });

  it("every hint is one line", () => {
    for (const code of TLS_TRUST_ERROR_CODES) expect(tlsTrustHint(code, "the client's `ca` option")).not.toMatch(/[\r\n]/);
  });

  it("other codes carry none", () => {
    expect(TLS_TRUST_ERROR_CODES.filter(isTlsTrustCode)).toEqual(TLS_TRUST_ERROR_CODES);
    for (const code of ["ECONNREFUSED", "ECONNRESET", "ENOTFOUND", "EPROTO", undefined]) expect(isTlsTrustCode(code)).toBe(false);
  });
});
