/** TypeScript types for one document with openapi-typescript (paths, components, operations). */
import { requireCjs } from "../../kernel/index.ts";

type AnyRecord = Record<string, any>;

/** openapi-typescript needs no examples, and their external $refs would only be resolved for nothing. */
function withoutExamples(raw: unknown): unknown {
  if (Array.isArray(raw)) return raw.map(withoutExamples);
  if (!raw || typeof raw !== "object") return raw;
  const copy: AnyRecord = {};
  for (const [key, value] of Object.entries(raw)) if (key !== "x-ms-examples") copy[key] = withoutExamples(value);
  return copy;
}

/** Takes the raw document (not the model) so it can run in a worker thread. */
export async function emitTypes(raw: unknown): Promise<string> {
  const { default: openapiTS, astToString } = requireCjs("openapi-typescript") as typeof import("openapi-typescript");
  const ast = await openapiTS(withoutExamples(raw) as never, { silent: true });
  return astToString(ast);
}
