/** Which of the operation's documented responses describes an answer: its exact status, then 4XX-style, then default. */
import type { OperationModel, ResponseModel } from "../../kernel/index.ts";

export function documentedResponse(operation: OperationModel, status: number): ResponseModel | undefined {
  const code = String(status);
  return operation.responses.find((r) => r.status === code)
    ?? operation.responses.find((r) => r.status.toUpperCase() === `${code[0]}XX`)
    ?? operation.responses.find((r) => r.status === "default");
}
