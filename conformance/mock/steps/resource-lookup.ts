/** Step 6: the subscription, resource group and resource the path names exist in the mock's state (ARM's 404s). */
import { resourceAddress } from "../../../kernel/index.ts";
import { armErrors } from "../arm-errors.ts";
import type { MockStep } from "../mock-exchange.ts";

export const lookUpResource: MockStep = (exchange) => {
  const shape = exchange.operation!.shape;
  if (!shape) return undefined;
  const address = resourceAddress(shape, exchange.parameters);
  exchange.address = address;
  const result = exchange.state.lookup(address, exchange.operation!.doc.apiVersion);
  if ("found" in result) {
    exchange.resource = result.found;
    return undefined;
  }
  if (result.missing === "subscription") return armErrors.subscriptionNotFound(address.subscriptionId);
  if (result.missing === "resourceGroup") return armErrors.resourceGroupNotFound(address.resourceGroup!);
  return armErrors.resourceNotFound("qualifiedName" in result ? result.qualifiedName : "", address.resourceGroup);
};
