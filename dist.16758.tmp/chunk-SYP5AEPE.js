// conformance/exchange.ts
function unitKey(exchange) {
  return exchange.scenario ? exchange.id.replace(/\/\d+$/, "") : exchange.id;
}
function operationKey(exchange) {
  return `${exchange.service}/${exchange.apiVersion}/${exchange.operationId}`;
}

export {
  unitKey,
  operationKey
};
