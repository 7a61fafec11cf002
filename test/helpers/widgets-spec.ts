/** Edits of the widgets fixture spec (test/generator/fixtures) that tests share. */

/** Adds a second operation, a GET on the widgets collection with the given operationId. */
export const withSecondOperation = (operationId: string) => (text: string) => text.replace("components:\n", [
  "  /subscriptions/{subscriptionId}/providers/Example.Widgets/widgets:",
  "    get:",
  `      operationId: ${operationId}`,
  "      parameters:",
  "        - $ref: '#/components/parameters/SubscriptionIdParameter'",
  "        - $ref: '#/components/parameters/ApiVersionParameter'",
  "      x-ms-examples: { List: { parameters: { subscriptionId: s, api-version: '2024-01-01' }, responses: { '204': {} } } }",
  "      responses:",
  "        '204': { description: none }",
  "        default: { description: Error., content: { application/json: { schema: { $ref: '#/components/schemas/CloudError' } } } }",
  "components:\n"].join("\n"));
