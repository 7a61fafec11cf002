/**
 * The three real api-version pairs: each classification is complete and correct — every request tightening is
 * breaking, additive response and error changes are not, and wording changes are listed as non-breaking.
 */
import { describe, expect, it } from "vitest";
import { diffPaths } from "../../generator/diff/diff.ts";
import { REPO_ROOT } from "../helpers/cli.ts";

const specs = (path: string) => `${REPO_ROOT}/specs/${path}`;
const summary = async (oldPath: string, newPath: string) =>
  (await diffPaths(specs(oldPath), specs(newPath))).changes.map((c) => `${c.severity} ${c.side} ${c.rule}: ${c.message}`);

describe("rekey diff on the real api-version pairs", () => {
  it("apimanagement 2022-08-01 → 2024-05-01: subscriptionId becomes a UUID; the error schema moves to ARM's, adding fields only", async () => {
    expect(await summary("apimanagement/2022-08-01", "apimanagement/2024-05-01")).toEqual([
      'breaking request request-format-added: path parameter subscriptionId: format "uuid" added',
      "non-breaking response error-schema-extended: default error schema (fields added only): error.target added; " +
        "error.details[].details added; error.details[].additionalInfo added; error.additionalInfo added; " +
        "x-ms-client-flatten on error dropped (Azure SDK models change; rekey clients keep the wire shape)",
      'breaking request request-format-added: path parameter subscriptionId: format "uuid" added',
      "non-breaking response error-schema-extended: default error schema (fields added only): error.target added; " +
        "error.details[].details added; error.details[].additionalInfo added; error.additionalInfo added; " +
        "x-ms-client-flatten on error dropped (Azure SDK models change; rekey clients keep the wire shape)",
    ]);
  });

  it("maps 2023-06-01 → 2026-12-01: subscriptionId a UUID, accountName gains a pattern and minLength", async () => {
    expect(await summary("maps/2023-06-01", "maps/2026-12-01")).toEqual([
      'non-breaking request request-description-changed: path parameter subscriptionId: description now "The ID of the target subscription. The value must be an UUID."',
      'breaking request request-format-added: path parameter subscriptionId: format "uuid" added',
      "non-breaking request request-min-lowered: path parameter subscriptionId: minLength 1 removed",
      "breaking request request-pattern-added: path parameter accountName: pattern `^[^%&:\\\\/#?]+$` added",
      "breaking request request-min-raised: path parameter accountName: minLength none → 1",
      'non-breaking response response-description-changed: 200: description now "Azure operation completed successfully."',
      'non-breaking response response-description-changed: default: description now "An unexpected error response."',
    ]);
  });

  it("batch 2024-02-01 → 2026-08-01: common-types v5 constrain resourceGroupName and subscriptionId", async () => {
    expect(await summary("batch/2024-02-01", "batch/2026-08-01")).toEqual([
      'non-breaking request request-description-changed: path parameter subscriptionId: description now "The ID of the target subscription. The value must be an UUID."',
      'breaking request request-format-added: path parameter subscriptionId: format "uuid" added',
      'non-breaking request request-description-changed: path parameter resourceGroupName: description now "The name of the resource group. The name is case insensitive."',
      "breaking request request-pattern-added: path parameter resourceGroupName: pattern `^[-\\w\\._\\(\\)]+$` added",
      "breaking request request-min-raised: path parameter resourceGroupName: minLength none → 1",
      "breaking request request-max-lowered: path parameter resourceGroupName: maxLength none → 90",
      'non-breaking request request-description-changed: path parameter accountName: description now "A name for the Batch account which must be unique within the region. Ba…"',
      'non-breaking response response-description-changed: 200: description now "Azure operation completed successfully."',
      'non-breaking response response-description-changed: default: description now "An unexpected error response."',
    ]);
  });

  it("a version against itself has no changes", async () => {
    expect(await summary("maps/2026-12-01", "maps/2026-12-01")).toEqual([]);
  });
});
