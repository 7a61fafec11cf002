/**
 * Keeps the token and every key value out of what the runner reports: values at a response's x-ms-secret paths are
 * replaced, and every secret seen so far (the token, each key) is cut out of any text, wherever it appears.
 */
import { redactPaths, scrubber, scrubDeep, valuesAt } from "../../generator/runtime/redaction.ts";
import type { ExchangeResponse, ExchangeResult } from "../exchange.ts";

export class SecretKeeper {
  private readonly secrets = new Set<string>();
  private scrub: (text: string) => string = (text) => text;

  remember(values: Iterable<string>): void {
    let added = false;
    for (const value of values) {
      if (value && !this.secrets.has(value)) {
        this.secrets.add(value);
        added = true;
      }
    }
    if (added) this.scrub = scrubber(this.secrets);
  }

  /** Learns the key values an answer carries (at the documented response's secret paths). */
  learn(response: ExchangeResponse, secretPaths: readonly string[]): void {
    if (response.json !== undefined) this.remember(valuesAt(response.json, secretPaths));
  }

  response(response: ExchangeResponse, secretPaths: readonly string[]): ExchangeResponse {
    if (response.json === undefined) return { ...response, text: this.scrub(response.text), headers: scrubDeep(response.headers, this.scrub) as Record<string, string> };
    const json = scrubDeep(redactPaths(response.json, secretPaths), this.scrub);
    return { ...response, json, text: JSON.stringify(json), headers: scrubDeep(response.headers, this.scrub) as Record<string, string> };
  }

  /** The whole result with every remembered secret cut out (failures' expected/actual, titles, curl). */
  result(result: ExchangeResult): ExchangeResult {
    return scrubDeep(result, this.scrub) as ExchangeResult;
  }
}
