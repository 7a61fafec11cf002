/**
 * content-type: bodies come with the documented JSON media type; a body-less answer (204) has neither body nor
 * Content-Type. Media types compare without their parameters: ARM answers `application/json; charset=utf-8`
 * (Azure/azure-cli, src/azure-cli/azure/cli/command_modules/maps/tests/latest/recordings/test_create_maps_account.yaml)
 * and its 204s and empty 200s carry no Content-Type at all. A Content-Type on an answer without a body is only a
 * warning: there is nothing for a client to decode with it.
 */
import type { Check, CheckFailure } from "./check.ts";
import { mediaType } from "../media-type.ts";
import { documentedResponse } from "./documented-response.ts";

export const contentType: Check = {
  name: "content-type",
  summary: "JSON bodies carry the documented Content-Type; 204 and other body-less answers carry no body and no Content-Type",
  severity: "failure",
  appliesTo: () => true,
  run: ({ exchange, response }) => {
    const { status, headers, text } = response!;
    const actual = headers["content-type"];
    const documented = documentedResponse(exchange.context.operation, status);
    const bodyless = status === 204 || status === 304 || (documented !== undefined && documented.contentType === undefined);
    if (bodyless) {
      const failures: CheckFailure[] = [];
      const length = Math.max(text.length, Number(headers["content-length"] ?? 0) || 0);
      if (length > 0) failures.push({ pointer: "", expected: "no body", actual: `${length} bytes`, notFromBody: true, message: `a ${status} answer must have no body` });
      if (actual !== undefined) {
        const severity = length > 0 ? "failure" : "warning";
        failures.push({ pointer: "", expected: "no Content-Type", actual, notFromBody: true, severity, message: `a ${status} answer without a body should not send Content-Type` });
      }
      return failures;
    }
    const expected = documented?.contentType;
    if (!expected) return [];
    if (actual === undefined) return [{ pointer: "", expected, actual: null, notFromBody: true, message: `no Content-Type on a ${status} answer (expected ${expected})` }];
    if (mediaType(actual) !== mediaType(expected)) return [{ pointer: "", expected, actual, notFromBody: true, message: `Content-Type is ${actual}, expected ${expected}` }];
    return [];
  },
};
