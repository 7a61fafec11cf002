/** The ARM shape of a path template: levels, action, and a parameter that follows the action. */
import { describe, expect, it } from "vitest";
import { armPathShape, fullType } from "../../kernel/arm-path.ts";

const SEARCH = "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Search/searchServices/{searchServiceName}/regenerateAdminKey/{keyKind}";
const TENANT = "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.ApiManagement/service/{serviceName}/tenant/{accessName}";

describe("armPathShape", () => {
  it("a POST's parameter after the action segment is the action's, and the resource is the one before it", () => {
    const shape = armPathShape(SEARCH, "post")!;
    expect(shape.types).toEqual(["searchServices"]);
    expect(shape.nameParameters).toEqual(["searchServiceName"]);
    expect(shape.action).toBe("regenerateAdminKey");
    expect(shape.actionParameters).toEqual(["keyKind"]);
    expect(fullType(shape)).toBe("Microsoft.Search/searchServices");
  });

  it("a nested resource addressed by GET/PUT stays a child resource", () => {
    for (const method of ["get", "put", undefined]) {
      const shape = armPathShape(TENANT, method)!;
      expect(shape.types).toEqual(["service", "tenant"]);
      expect(shape.nameParameters).toEqual(["serviceName", "accessName"]);
      expect(shape.action).toBeUndefined();
      expect(shape.actionParameters).toEqual([]);
    }
  });

  it("a trailing literal action keeps every level before it, without action parameters", () => {
    const shape = armPathShape(`${TENANT}/regeneratePrimaryKey`, "post")!;
    expect(shape.types).toEqual(["service", "tenant"]);
    expect(shape.action).toBe("regeneratePrimaryKey");
    expect(shape.actionParameters).toEqual([]);
  });

  it("a POST on a top-level type/{name} is not turned into an action of nothing", () => {
    const shape = armPathShape("/subscriptions/{s}/providers/Example.Things/things/{thingName}", "post")!;
    expect(shape.types).toEqual(["things"]);
    expect(shape.action).toBeUndefined();
  });

  it("a path that is not ARM-shaped has no shape", () => {
    expect(armPathShape("/keys/{name}/rotate", "post")).toBeUndefined();
  });
});
