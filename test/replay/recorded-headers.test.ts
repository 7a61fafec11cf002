import { describe, expect, it } from "vitest";
import { headerRecord } from "../../conformance/replay/recording.ts";

describe("headers read from a recording", () => {
  it("joins repeated names case-insensitively and keeps names that are Object.prototype's own", () => {
    const headers = headerRecord([
      ["Content-Type", "application/json"],
      ["x-ms-request-id", ["a", "b"]],
      ["X-MS-REQUEST-ID", 7],
      ["constructor", "c"],
      ["__proto__", "p"],
      ["toString", null],
    ]);
    expect({ ...headers }).toEqual({
      "content-type": "application/json",
      "x-ms-request-id": "a, b, 7",
      constructor: "c",
      ["__proto__"]: "p", // computed: a literal __proto__ would set the prototype
    });
    expect(Object.keys(headers)).toContain("__proto__");
    expect(headers.tostring).toBeUndefined();
  });
});
