/**
 * schema: the body is JSON and valid against the schema documented for its status (ajv, JSON Schema 2020-12,
 * formats, every error collected; readOnly properties belong in answers). In a recording, a value the recorder
 * replaced is excused the rules only a real value could keep (format, pattern, length): it is listed as not judged.
 */
import { compiledSchema, get as valueAt, toViolations } from "../../kernel/index.ts";
import { type Check } from "./check.ts";
import { documentedResponse } from "./documented-response.ts";

export const schema: Check = {
  name: "schema",
  summary: "the body is JSON and valid against the schema documented for its status",
  severity: "failure",
  appliesTo: () => true,
  run: ({ exchange, response, ajv, recorded }) => {
    const { doc, operation } = exchange.context;
    const documented = documentedResponse(operation, response!.status);
    if (!documented?.schemaPointer) return [];
    if (response!.text.length === 0) {
      return [{ pointer: "", expected: "a JSON body", actual: "no body", notFromBody: true, message: `a ${response!.status} answer must have a body (${documented.schemaPointer})` }];
    }
    if (response!.json === undefined) {
      return [{ pointer: "", expected: "JSON", actual: response!.text, message: "the body is not valid JSON" }];
    }
    const validate = compiledSchema(ajv, doc, documented.schemaPointer);
    if (validate(response!.json)) return [];
    const violations = toViolations(validate.errors).filter((v) => {
      const value = valueAt(response!.json, v.instancePath);
      if (!recorded?.excused(v.keyword, value)) return true;
      recorded.notJudged(`${v.instancePath || "body"} ${v.keyword}: the recorder replaced the value`);
      return false;
    });
    return violations.map((v) => ({
      pointer: v.instancePath,
      expected: `${v.message} (${doc.file}#${v.schemaPointer})`,
      actual: valueAt(response!.json, v.instancePath),
      message: `${v.instancePath || "body"} ${v.message}`,
    }));
  },
};
