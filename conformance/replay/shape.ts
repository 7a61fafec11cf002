/** Reading a parsed recording: typed access that refuses a malformed entry with one line naming file#pointer. */
import { join, problem, UserError } from "../../kernel/index.ts";
import { NO_HOST } from "./route-recording.ts";

export type Json = Record<string, unknown>;

export function malformed(file: string, pointer: string, message: string, hint = "re-record it, or remove the entry"): UserError {
  return new UserError(problem("conform/replay", { file, pointer }, message, hint));
}

export function isObject(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value) && !(value instanceof Uint8Array);
}

/** The object at `name` of `parent` (at `pointer`), or a UserError. */
export function objectAt(parent: Json, name: string, file: string, pointer: string): Json {
  const value = parent[name];
  if (!isObject(value)) throw malformed(file, join(pointer, name), `expected an object, found ${kind(value)}`);
  return value;
}

export function stringAt(parent: Json, name: string, file: string, pointer: string): string {
  const value = parent[name];
  if (typeof value !== "string" || value === "") throw malformed(file, join(pointer, name), `expected a non-empty string, found ${kind(value)}`);
  return value;
}

/** A request URL: absolute, or a path (resolved against a host that is never contacted). */
export function urlAt(parent: Json, name: string, file: string, pointer: string): string {
  const value = stringAt(parent, name, file, pointer);
  if (!URL.canParse(value, NO_HOST)) throw malformed(file, join(pointer, name), "expected a URL");
  return value;
}

export function statusAt(parent: Json, name: string, file: string, pointer: string): number {
  const raw = parent[name];
  const value = typeof raw === "string" && /^\d{3}$/.test(raw) ? Number(raw) : raw;
  if (typeof value !== "number" || !Number.isInteger(value) || value < 0 || value > 999) {
    throw malformed(file, join(pointer, name), `expected an HTTP status code, found ${kind(raw)}`);
  }
  return value;
}

export function kind(value: unknown): string {
  if (value === undefined) return "nothing";
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (value instanceof Uint8Array) return "binary data";
  return typeof value === "object" ? "an object" : `a ${typeof value}`;
}
