/**
 * Values a recorder wrote in place of real ones. Sanitised recordings are normal, and such a value must not fail a
 * rule a real value would have passed. A string is a placeholder when it is, ignoring case:
 *   - a sanitiser's replacement word: "Sanitized" (Azure/azure-sdk-tools, test-proxy RecordedTestSanitizer.SanitizeValue),
 *     "REDACTED", "[REDACTED]", "hidden" (Azure CLI's CredentialReplacer), "fake", or one of them inside a longer value
 *     at a word boundary ("https://Sanitized.azure-api.net", "fakeendpoint" does not count: it is a name);
 *   - the all-zero GUID 00000000-0000-0000-0000-000000000000 (the subscription id every Azure recorder substitutes);
 *   - a moniker Azure CLI's name replacer writes for a random name: "clitest" then letters or dots and six digits
 *     (clitest.rg000001, clitest000002).
 * Only the rules a placeholder cannot keep are waived for it — format, pattern, minLength, maxLength (placeholders.ts
 * is asked by the schema, request and header checks); its type, presence and enum membership are judged as always.
 */

const WORDS = ["sanitized", "redacted", "hidden", "fake"];
const WORD = new RegExp(`(^|[^a-z0-9])\\[?(${WORDS.join("|")})\\]?($|[^a-z0-9])`, "i");
const ZERO_GUID = /^0{8}-0{4}-0{4}-0{4}-0{12}$/;
const CLI_MONIKER = /^clitest[a-z.]*\d{6}$/i;

/** The schema keywords a placeholder is excused from. */
export const WAIVED_FOR_PLACEHOLDERS: ReadonlySet<string> = new Set(["format", "pattern", "minLength", "maxLength"]);

export function isPlaceholder(value: unknown): boolean {
  if (typeof value !== "string" || value === "") return false;
  return WORD.test(value) || ZERO_GUID.test(value) || CLI_MONIKER.test(value);
}
