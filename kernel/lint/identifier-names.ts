/**
 * Lint rule "identifier-names": every name the generator turns into an identifier can become one, and no two
 * become the same. Names come from operationIds (group and method), parameters (x-ms-client-name, else the
 * camelCased wire name), info.x-ms-code-generation-settings.name and the service folder (the package namespace).
 * The emitter's escapers (views/escape.ts) throw, as a bug, on anything this rule lets through.
 */
import { get, join } from "../json-pointer.ts";
import type { OperationModel, ParameterModel } from "../model-types.ts";
import { camelCase, isBindingName, isIdentifier, isObjectBuiltinName, pascalCase } from "../names.ts";
import { problem, type Problem } from "../user-error.ts";
import { ARM_CLIENT_OPTION_NAMES, CLIENT_MODULE_NAMES, clientNames, operationTypeNames } from "../generated-names.ts";
import type { LintContext, LintRule } from "./lint-context.ts";

const RULE = "identifier-names";
const IDENTIFIER_HINT = "use letters, digits, _ or $, starting with a letter";
const CLIENT_NAME_POINTER = "/info/x-ms-code-generation-settings/name";
const OWN_NAMES = "used by the client module itself";

/** Why a generated name cannot be used, or undefined when it can. */
function unusable(name: string): string | undefined {
  if (name === "") return "has no letters or digits";
  if (/^\d/.test(name)) return "starts with a digit";
  return undefined;
}

export const identifierNames: LintRule = (ctx) => {
  const named = operationNames(ctx);
  return [
    ...clientName(ctx),
    ...named.problems,
    ...parameterNames(ctx),
    ...declarationClashes(ctx, named.operations),
    ...methodClashes(ctx, named.operations),
    ...ctx.doc.operations.flatMap((op) => argumentClashes(ctx, op)),
    ...optionClashes(ctx),
  ];
};

/** info.x-ms-code-generation-settings.name (else the service folder) names the client; the folder names its namespace. */
function clientName({ doc, at }: LintContext): Problem[] {
  const problems: Problem[] = [];
  const written = get(doc.raw, CLIENT_NAME_POINTER);
  if (written !== undefined) {
    const why = typeof written !== "string" ? "is not a string" : !isIdentifier(written) ? "is not an identifier" : unusable(pascalCase(written));
    if (why) {
      problems.push(problem(RULE, at(CLIENT_NAME_POINTER), `client name ${JSON.stringify(written)} ${why}`, `name the client like MapsClient (${IDENTIFIER_HINT})`));
    }
  } else {
    const why = unusable(pascalCase(doc.service));
    if (why) {
      problems.push(problem(RULE, at(""), `the client name comes from the service folder "${doc.service}", which ${why}`,
        "set info.x-ms-code-generation-settings.name to a name like MapsClient"));
    }
  }
  const namespace = camelCase(doc.service);
  if (!isBindingName(namespace)) {
    problems.push(problem(RULE, at(""), `the service folder "${doc.service}" would be exported as "${namespace}", which cannot name a namespace`,
      "rename the service folder (e.g. after the resource provider)"));
  }
  return problems;
}

/** Group_Method: each side of every "_" has text, and each part camelCases to a name starting with a letter. */
function operationNames({ doc, at }: LintContext): { problems: Problem[]; operations: OperationModel[] } {
  const problems: Problem[] = [];
  const operations: OperationModel[] = [];
  const seen = new Set<string>();
  for (const op of doc.operations) {
    const written = (get(doc.raw, op.pointer) as Record<string, unknown>).operationId;
    if (typeof written !== "string" || written === "" || seen.has(written)) continue; // missing or repeated: reported by operation-id
    seen.add(written);
    const where = at(join(op.pointer, "operationId"));
    const parts = written.split("_");
    if (parts.some((part) => part === "")) {
      problems.push(problem(RULE, where, `operationId "${written}" has an empty part around "_"`,
        "write Group_Method (e.g. Accounts_RegenerateKeys) with text on both sides of each _"));
      continue;
    }
    const names: Array<[kind: string, from: string, name: string]> = parts.length > 1
      ? [["group", parts[0], op.group], ["method", parts.slice(1).join("_"), op.methodName]]
      : [["method", written, op.methodName]];
    const bad = names.filter(([, , name]) => unusable(name));
    for (const [kind, from, name] of bad) {
      const source = from === name ? "" : ` (from "${from}")`;
      problems.push(problem(RULE, where, `operationId "${written}": its ${kind} name "${name}"${source} ${unusable(name)}`,
        "start each _-separated part of the operationId with a letter"));
    }
    if (bad.length === 0) operations.push(op);
  }
  return { problems, operations };
}

/** x-ms-client-name, else the camelCased wire name, must be an identifier no plain object already has. */
function parameterNames({ doc, at }: LintContext): Problem[] {
  const problems: Problem[] = [];
  const seen = new Set<string>();
  for (const p of doc.operations.flatMap((op) => op.parameters)) {
    if (seen.has(p.pointer)) continue; // a shared component parameter is reported once
    seen.add(p.pointer);
    if (p.name === "__proto__") {
      problems.push(problem(RULE, at(join(p.pointer, "name")), `parameter name "__proto__" would set the prototype of the objects the client builds`,
        "rekey cannot generate a parameter of this name; rename it"));
      continue;
    }
    const written = writtenClientName(doc.raw, p);
    if (written !== undefined) {
      const pointer = at(join(p.pointer, "x-ms-client-name"));
      if (typeof written !== "string" || !isIdentifier(written)) {
        problems.push(problem(RULE, pointer, `x-ms-client-name ${JSON.stringify(written)} is not an identifier`, IDENTIFIER_HINT));
      } else if (isObjectBuiltinName(written)) {
        problems.push(problem(RULE, pointer, `x-ms-client-name "${written}" is a name every JavaScript object already has`, "choose another name"));
      }
      continue;
    }
    const why = unusable(p.clientName) ?? (isObjectBuiltinName(p.clientName) ? "is a name every JavaScript object already has" : undefined);
    if (why) {
      problems.push(problem(RULE, at(join(p.pointer, "name")), `parameter "${p.name}" would be called "${p.clientName}" in generated code, which ${why}`,
        `add x-ms-client-name with another name (${IDENTIFIER_HINT})`));
    }
  }
  return problems;
}

function writtenClientName(raw: unknown, p: ParameterModel): unknown {
  return (get(raw, p.pointer) as Record<string, unknown>)["x-ms-client-name"];
}

function clientNamePointer(raw: unknown, p: ParameterModel): string {
  return join(p.pointer, writtenClientName(raw, p) === undefined ? "name" : "x-ms-client-name");
}

/**
 * Top-level declarations of the client module (and members of the client object) that two names would share,
 * or that the module already uses for its imports. Operations whose names are unusable are left out.
 */
function declarationClashes({ doc, at }: LintContext, operations: OperationModel[]): Problem[] {
  const problems: Problem[] = [];
  const taken = new Map<string, string>(CLIENT_MODULE_NAMES.map((n) => [n, OWN_NAMES]));
  /** Declares the names for their owner, or says (once) which one is taken; true when all were free. */
  const claim = (declared: string[], owner: string, pointer: string): boolean => {
    const name = declared.find((n) => taken.has(n));
    if (name === undefined) {
      for (const n of declared) taken.set(n, `declared for ${owner}`);
      return true;
    }
    const holder = taken.get(name)!;
    problems.push(problem(RULE, at(pointer), `${owner} would declare "${name}", which is already ${holder}`,
      holder === OWN_NAMES ? "choose another name" : "rename one of them (names that differ only in case or punctuation become the same)"));
    return false;
  };
  const names = clientNames(doc);
  if (typeof doc.clientName === "string" && !unusable(pascalCase(doc.clientName))) {
    const pointer = get(doc.raw, CLIENT_NAME_POINTER) === undefined ? "" : CLIENT_NAME_POINTER;
    claim([names.clientTypeName, names.optionsTypeName, names.factoryName], `client name "${doc.clientName}"`, pointer);
  }
  const members = new Map<string, string>([["raw", "the client's raw member"]]);
  for (const op of operations) {
    const pointer = join(op.pointer, "operationId");
    const owner = `operationId "${op.operationId}"`;
    const groupType = op.group && !members.has(op.group) ? [names.groupTypeName(op.group)] : [];
    if (!claim([...groupType, ...Object.values(operationTypeNames(op))], owner, pointer)) continue;
    const member = op.group || op.methodName;
    const holder = members.get(member);
    if (holder !== undefined && holder !== `group "${op.group}"`) {
      problems.push(problem(RULE, at(pointer), `${owner} would add "${member}" to the client, which already has ${holder}`, "rename the operationId"));
    } else members.set(member, op.group ? `group "${op.group}"` : `method "${op.methodName}"`);
  }
  return problems;
}

/**
 * The methods of one group (or of the client itself): an operation's method, and for a long-running one also
 * begin<Method> and resume<Method> (generator/views/operation-view.ts), which another operation's method must not be.
 */
function methodClashes({ at }: LintContext, operations: OperationModel[]): Problem[] {
  const problems: Problem[] = [];
  /** group + member → who adds it, and whether as a long-running extra (two plain methods clash in declarationClashes). */
  const taken = new Map<string, { owner: string; extra: boolean }>();
  for (const op of operations) {
    const method = pascalCase(op.methodName);
    const members = [{ name: op.methodName, extra: false }, ...(op.longRunning ? [`begin${method}`, `resume${method}`].map((name) => ({ name, extra: true })) : [])];
    const clash = members.find((m) => {
      const holder = taken.get(`${op.group}/${m.name}`);
      return holder !== undefined && (holder.extra || m.extra);
    });
    if (clash) {
      problems.push(problem(RULE, at(join(op.pointer, "operationId")),
        `operationId "${op.operationId}" would add the method "${clash.name}", which ${taken.get(`${op.group}/${clash.name}`)!.owner} already adds (a long-running operation also adds begin… and resume…)`,
        "rename one of the operationIds"));
      continue;
    }
    for (const m of members) taken.set(`${op.group}/${m.name}`, { owner: `operationId "${op.operationId}"`, extra: m.extra });
  }
  return problems;
}

/** A method's arguments: one per method parameter, plus `body`. */
function argumentClashes({ doc, at }: LintContext, op: OperationModel): Problem[] {
  const problems: Problem[] = [];
  const taken = new Map<string, string>(op.requestBody ? [["body", "the request body"]] : []);
  for (const p of op.parameters.filter((x) => x.binding === "method")) {
    const holder = taken.get(p.clientName);
    if (holder === undefined) taken.set(p.clientName, `parameter "${p.name}"`);
    else {
      problems.push(problem(RULE, at(clientNamePointer(doc.raw, p)),
        `parameter "${p.name}" of ${op.operationId} would be the argument "${p.clientName}", which is already ${holder}`, "set x-ms-client-name to another name"));
    }
  }
  return problems;
}

/** Client-level parameters become options of the client factory, beside the runtime's own options. */
function optionClashes({ doc, at }: LintContext): Problem[] {
  const problems: Problem[] = [];
  const taken = new Map<string, string>(ARM_CLIENT_OPTION_NAMES.map((n) => [n, "an option of every client"]));
  const seen = new Set<string>();
  for (const p of doc.operations.flatMap((op) => op.parameters).filter((x) => x.binding === "client")) {
    if (seen.has(`${p.in}:${p.name}`)) continue;
    seen.add(`${p.in}:${p.name}`);
    const holder = taken.get(p.clientName);
    if (holder === undefined) taken.set(p.clientName, `client parameter "${p.name}"`);
    else {
      problems.push(problem(RULE, at(clientNamePointer(doc.raw, p)),
        `client parameter "${p.name}" would be the client option "${p.clientName}", which is already ${holder}`, "set x-ms-client-name to another name"));
    }
  }
  return problems;
}
