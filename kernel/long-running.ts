/**
 * ARM's asynchronous operations as the operation model holds them: `x-ms-long-running-operation` and
 * `x-ms-long-running-operation-options` read once, checked against the operation's responses, so the generated
 * poller, the mock's operation-status resources and the runner's asynchronous checks all read the same facts.
 *
 * Sources: AutoRest's extension reference (Azure/autorest docs/extensions/readme.md, "x-ms-long-running-operation"
 * and "x-ms-long-running-operation-options"); ARM's async contract (Azure/azure-resource-manager-rpc
 * v1.0/async-api-reference.md: 202 with Location and/or Azure-AsyncOperation, optional Retry-After in seconds).
 */
import { get, join } from "./json-pointer.ts";
import type { FinalStateVia, LongRunningModel, OperationModel } from "./model-types.ts";
import { type Problem, problem } from "./user-error.ts";

export const FINAL_STATE_VIA: readonly FinalStateVia[] = ["azure-async-operation", "location", "original-uri", "operation-location"];

/** The header each final-state-via reads (original-uri reads the request's own URL). */
const FINAL_STATE_HEADER: Partial<Record<FinalStateVia, string>> = {
  "azure-async-operation": "Azure-AsyncOperation",
  location: "Location",
  "operation-location": "Operation-Location",
};

/** Headers of an accepted answer that tell a client where, and how soon, to poll. */
export const POLLING_HEADERS = ["Azure-AsyncOperation", "Location", "Operation-Location"] as const;
export const RETRY_AFTER = "Retry-After";

/**
 * AutoRest's default when a spec does not say: POST and DELETE finish at Location, PUT and PATCH at the original
 * URI (the resource itself).
 */
function defaultFinalState(httpMethod: string): FinalStateVia {
  return httpMethod === "put" || httpMethod === "patch" ? "original-uri" : "location";
}

type AnyRecord = Record<string, any>;

/** The canonical names of the headers a response declares (OpenAPI header names are case-insensitive). */
function declaredHeaders(raw: unknown, responsePointer: string): string[] {
  const headers = (get(raw, join(responsePointer, "headers")) ?? {}) as AnyRecord;
  const canonical = [...POLLING_HEADERS, RETRY_AFTER] as string[];
  return Object.keys(headers).map((name) => canonical.find((c) => c.toLowerCase() === name.toLowerCase()) ?? name);
}

export interface LongRunningRead {
  longRunning?: LongRunningModel;
  problems: Problem[];
}

/** Reads an operation's long-running extensions; problems say where they contradict its responses. */
export function readLongRunning(doc: { file: string; raw: unknown }, operation: OperationModel): LongRunningRead {
  const op = get(doc.raw, operation.pointer) as AnyRecord;
  const flag = op?.["x-ms-long-running-operation"];
  const options = op?.["x-ms-long-running-operation-options"] as AnyRecord | undefined;
  const problems: Problem[] = [];
  const at = (pointer: string) => ({ file: doc.file, pointer });
  const rule = "long-running-operation";
  if (flag === undefined) {
    if (options !== undefined) {
      problems.push(problem(rule, at(join(operation.pointer, "x-ms-long-running-operation-options")),
        "x-ms-long-running-operation-options on an operation that is not long-running", "add x-ms-long-running-operation: true, or remove the options"));
    }
    return { problems };
  }
  if (typeof flag !== "boolean") {
    problems.push(problem(rule, at(join(operation.pointer, "x-ms-long-running-operation")),
      "x-ms-long-running-operation must be true or false", "write true or false"));
    return { problems };
  }
  if (!flag) return { problems };

  let finalStateVia = defaultFinalState(operation.httpMethod);
  let finalStateViaWritten = false;
  if (options !== undefined) {
    const optionsPointer = join(operation.pointer, "x-ms-long-running-operation-options");
    const written = options && typeof options === "object" ? options["final-state-via"] : undefined;
    if (!options || typeof options !== "object" || Array.isArray(options)) {
      problems.push(problem(rule, at(optionsPointer), "x-ms-long-running-operation-options must be an object", "write { final-state-via: location }"));
    } else if (written !== undefined && !FINAL_STATE_VIA.includes(written)) {
      problems.push(problem(rule, at(join(optionsPointer, "final-state-via")),
        `final-state-via ${JSON.stringify(written)} is not one of ${FINAL_STATE_VIA.join(", ")}`, "use one of those values"));
    } else if (written !== undefined) {
      finalStateVia = written;
      finalStateViaWritten = true;
    }
  }
  if (finalStateVia === "original-uri" && operation.httpMethod === "post") {
    problems.push(problem(rule, at(join(operation.pointer, "x-ms-long-running-operation-options", "final-state-via")),
      "final-state-via original-uri on a POST: an action's URL cannot be read back", "use location or azure-async-operation"));
  }

  const accepted = operation.responses.filter((r) => r.status === "202" || r.status === "201");
  if (accepted.length === 0) {
    problems.push(problem(rule, at(join(operation.pointer, "responses")),
      "a long-running operation declares no 202 (or 201) response", "declare the 202 Accepted answer with its polling headers"));
    return { problems };
  }
  const acceptedResponse = accepted.find((r) => r.status === "202") ?? accepted[0]!;
  const headers = declaredHeaders(doc.raw, acceptedResponse.pointer);
  const finalHeader = FINAL_STATE_HEADER[finalStateVia];
  if (!POLLING_HEADERS.some((h) => headers.includes(h))) {
    problems.push(problem(rule, at(join(acceptedResponse.pointer, "headers")),
      `the ${acceptedResponse.status} response of a long-running operation declares no polling header`,
      "declare Location and/or Azure-AsyncOperation"));
  } else if (finalHeader && !headers.includes(finalHeader)) {
    problems.push(problem(rule, at(join(acceptedResponse.pointer, "headers")),
      `final-state-via ${finalStateVia} reads the ${finalHeader} header, which the ${acceptedResponse.status} response does not declare`,
      `declare ${finalHeader} on it, or name the header it does declare in final-state-via`));
  }
  const finalStatuses = operation.responses
    .filter((r) => /^2\d\d$/.test(r.status) && r.status !== acceptedResponse.status)
    .map((r) => r.status);
  return {
    longRunning: {
      finalStateVia,
      finalStateViaWritten,
      acceptedStatus: acceptedResponse.status,
      declaredHeaders: headers,
      finalStatuses,
    },
    problems,
  };
}
