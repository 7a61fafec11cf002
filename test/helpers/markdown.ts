/**
 * The repository's Markdown as markdown-it reads it: the documents a reader follows (README.md and docs/*.md), their
 * links, headings (with GitHub's anchors), code spans and fenced blocks.
 */
import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { REPO_ROOT } from "../../kernel/index.ts";

export interface Token {
  type: string;
  tag: string;
  info: string;
  content: string;
  attrs: Array<[string, string]> | null;
  children: Token[] | null;
}

const MarkdownIt = createRequire(import.meta.url)("markdown-it") as new (options: object) => { parse(src: string, env: object): Token[] };
const markdown = new MarkdownIt({ html: true });

/** README.md and every docs/*.md, as paths relative to the repository root. */
export function userDocuments(): string[] {
  const docs = readdirSync(join(REPO_ROOT, "docs")).filter((name) => name.endsWith(".md")).sort();
  return ["README.md", ...docs.map((name) => `docs/${name}`)];
}

export function parse(file: string): Token[] {
  return parseText(readFileSync(join(REPO_ROOT, file), "utf8"));
}

export function parseText(text: string): Token[] {
  return markdown.parse(text, {});
}

/** Every token, inline children included, in document order. */
export function flatten(tokens: Token[]): Token[] {
  return tokens.flatMap((t) => [t, ...flatten(t.children ?? [])]);
}

export function links(tokens: Token[]): string[] {
  return flatten(tokens).flatMap((t) => {
    const attr = t.type === "link_open" ? "href" : t.type === "image" ? "src" : undefined;
    const value = attr && t.attrs?.find(([name]) => name === attr)?.[1];
    return value ? [value] : [];
  });
}

/**
 * GitHub's heading anchors: the heading's text (code spans included, without their backticks) lower-cased, every
 * character that is not a letter, digit, space, `-` or `_` dropped, spaces turned into `-`; a repeated anchor gets
 * `-1`, `-2`, … in document order.
 */
export function anchors(tokens: Token[]): Set<string> {
  const seen = new Map<string, number>();
  const out = new Set<string>();
  tokens.forEach((t, i) => {
    if (t.type !== "heading_open") return;
    const text = (tokens[i + 1]?.children ?? []).filter((c) => c.type === "text" || c.type === "code_inline").map((c) => c.content).join("");
    const base = text.toLowerCase().replace(/[^\p{L}\p{N}\s_-]/gu, "").trim().replace(/\s/g, "-");
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    out.add(n === 0 ? base : `${base}-${n}`);
  });
  return out;
}

/** The text of the fenced block that follows the heading `heading` (its first fence with the given info string). */
export function fenceAfterHeading(tokens: Token[], heading: string, info: string): string | undefined {
  const at = tokens.findIndex((t, i) => t.type === "heading_open" && tokens[i + 1]?.content === heading);
  if (at < 0) return undefined;
  return tokens.slice(at).find((t) => t.type === "fence" && t.info.trim() === info)?.content;
}
