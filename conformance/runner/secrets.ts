/**
 * Keeps the token and every key value out of what the runner reports. Deny by default: an answer's body is shown only
 * where its documented response declares a field that is not secret (any other string by its shape, secret fields as
 * [REDACTED]), and every secret seen so far (the token, each key) is cut out of any text and property name, wherever
 * it appears.
 */
import { get } from "../../kernel/index.ts";
import { type BodyPaths, SecretScrubber, shapeOf, shownBody, valuesAt } from "../../client-runtime/redaction.ts";
import type { ExchangeResponse, ExchangeResult } from "../exchange.ts";

const NOTHING_SHOWN: BodyPaths = { shown: [], secret: [] };

export class SecretKeeper {
  private readonly secrets = new SecretScrubber();
  private readonly scrub = this.secrets.scrub;
  private seen = 0;

  /**
   * Grows whenever a secret may have been learned (every value remembered counts, known or not): what was redacted at
   * the current generation needs no second pass.
   */
  get generation(): number {
    return this.seen;
  }

  remember(values: Iterable<string>): void {
    for (const value of values) {
      this.secrets.add(value);
      this.seen++;
    }
  }

  /** Learns the key values an answer carries (at the documented response's secret paths). */
  learn(response: ExchangeResponse, secretPaths: readonly string[]): void {
    if (response.json !== undefined) this.remember(valuesAt(response.json, secretPaths));
  }

  /** The answer as reports may show it: its body by `paths` (a body that is not JSON by its shape), headers scrubbed. */
  response(response: ExchangeResponse, paths: BodyPaths): ExchangeResponse {
    const headers = scrubDeep(response.headers, this.scrub) as Record<string, string>;
    if (response.json === undefined) return { ...response, text: response.text && shapeOf(response.text), headers };
    const json = shownBody(response.json, paths, this.scrub);
    return { ...response, json, text: JSON.stringify(json), headers };
  }

  /**
   * A value a check quoted from the answer's body at `pointer`, as the shown answer has it there; by its shape when the
   * shown answer has nothing there (a body that is not JSON, a property name that had to be scrubbed).
   */
  quote(shown: ExchangeResponse, pointer: string, value: unknown): unknown {
    if (value === undefined || value === null) return value;
    const there = shown.json === undefined ? undefined : get(shown.json, pointer);
    return there !== undefined ? there : shownBody(value, NOTHING_SHOWN, this.scrub);
  }

  /**
   * The whole result with every secret seen so far cut out (failures' expected/actual, titles, curl, names).
   * `responseShownAt`: the generation its response was made by response() at; when no secret has been learned since,
   * the response is as redacted as it can be and is kept as it is.
   */
  result(result: ExchangeResult, responseShownAt?: number): ExchangeResult {
    if (responseShownAt !== this.seen || result.response === undefined) return scrubDeep(result, this.scrub) as ExchangeResult;
    const { response, ...rest } = result;
    return { ...(scrubDeep(rest, this.scrub) as Omit<ExchangeResult, "response">), response };
  }
}

/**
 * `value` with `scrub` applied to every string inside it, property names included: a copy where anything changed,
 * `value` itself where nothing did (most of a result holds no secret, and copying it all is the run's garbage).
 */
function scrubDeep(value: unknown, scrub: (text: string) => string): unknown {
  if (typeof value === "string") return scrub(value);
  if (Array.isArray(value)) {
    let copy: unknown[] | undefined;
    for (let i = 0; i < value.length; i++) {
      const item = scrubDeep(value[i], scrub);
      if (!copy && item !== value[i]) copy = value.slice(0, i);
      copy?.push(item);
    }
    return copy ?? value;
  }
  if (value && typeof value === "object") {
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record);
    let copy: Array<[string, unknown]> | undefined;
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i]!;
      const [name, item] = [scrub(key), scrubDeep(record[key], scrub)];
      if (!copy && (name !== key || item !== record[key])) copy = keys.slice(0, i).map((k) => [k, record[k]]);
      copy?.push([name, item]);
    }
    return copy ? Object.fromEntries(copy) : value;
  }
  return value;
}
