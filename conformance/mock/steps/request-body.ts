/**
 * Step 5: the request body — its media type (415), that it is JSON at all (400 InvalidRequestContent), and that it
 * matches the operation's schema, with one `details` entry per violation naming the field. Enum values match in
 * any case; the body continues with them in their spec spelling (canonical-enums.ts).
 */
import { mediaType } from "../../media-type.ts";
import { type SchemaViolation, tokens, toViolations } from "../../../kernel/index.ts";
import { armErrors } from "../arm-errors.ts";
import { canonicalValue } from "../canonical-enums.ts";
import type { MockStep } from "../mock-exchange.ts";

const UTF8 = new TextDecoder("utf-8", { fatal: true });
/** Violations that mean the body cannot be read as the model at all, as ARM's deserializer reports them. */
const DESERIALIZATION = new Set(["type", "required"]);

/** "keyType", "properties.keyType", or the body's name for the body itself. */
function target(violation: SchemaViolation, bodyName: string): string {
  const path = tokens(violation.instancePath);
  return path.length === 0 ? bodyName : path.join(".");
}

export const validateRequestBody: MockStep = (exchange) => {
  const spec = exchange.operation!.body;
  if (!spec) return undefined;
  const raw = exchange.request.body;
  const sentType = exchange.request.headers["content-type"];
  if (!raw || raw.length === 0) {
    if (spec.model.required) return armErrors.invalidRequestContent("The request body is required.", undefined, spec.model.name);
    return undefined;
  }
  const expected = spec.model.contentType.toLowerCase();
  if (mediaType(sentType) !== expected) return armErrors.unsupportedMediaType(sentType, expected);
  let body: unknown;
  try {
    body = JSON.parse(UTF8.decode(raw));
  } catch (e) {
    const detail = e instanceof SyntaxError ? e.message : "The body is not valid UTF-8.";
    return armErrors.invalidRequestContent(detail, undefined, spec.model.name);
  }
  const valid = canonicalValue(spec.validate, body);
  if (!valid) {
    const violations = toViolations(spec.validate.errors);
    const details = violations.map((v) => ({
      code: DESERIALIZATION.has(v.keyword) ? "InvalidRequestContent" : "InvalidParameter",
      target: target(v, spec.model.name),
      message: `'${target(v, spec.model.name)}' ${v.message}.`,
    }));
    const first = details[0];
    if (first.code === "InvalidRequestContent") return armErrors.invalidRequestContent(first.message, details, first.target);
    return armErrors.invalidParameter(`The request body is invalid: ${details.map((d) => d.message).join(" ")}`, first.target, details);
  }
  exchange.body = valid.value;
  return undefined;
};
