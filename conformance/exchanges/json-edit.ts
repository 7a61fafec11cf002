/** Copy-on-write edits of JSON values at JSON pointers, for building request bodies that differ in one place. */
import { tokens } from "../../kernel/index.ts";

type Container = Record<string, unknown> | unknown[];

function edit(root: unknown, pointer: string, change: (parent: Container, key: string) => void): unknown {
  const path = tokens(pointer);
  if (path.length === 0) throw new Error("cannot edit the root in place");
  const copy = structuredClone(root);
  let node = copy as Container;
  for (const token of path.slice(0, -1)) {
    const next = (node as Record<string, unknown>)[token];
    if (next === null || typeof next !== "object") {
      (node as Record<string, unknown>)[token] = {};
    }
    node = (node as Record<string, unknown>)[token] as Container;
  }
  change(node, path[path.length - 1]);
  return copy;
}

/** `root` with the value at `pointer` set (missing objects on the way are created). */
export function setAt(root: unknown, pointer: string, value: unknown): unknown {
  if (pointer === "") return value;
  return edit(root ?? {}, pointer, (parent, key) => {
    (parent as Record<string, unknown>)[key] = value;
  });
}

/** `root` without the property at `pointer`. */
export function removeAt(root: unknown, pointer: string): unknown {
  return edit(root, pointer, (parent, key) => {
    if (Array.isArray(parent)) parent.splice(Number(key), 1);
    else delete parent[key];
  });
}
