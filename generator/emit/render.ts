/** Handlebars templates from generator/templates; they only interpolate what a tested view model computed. */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type HandlebarsType from "handlebars";
import { TEMPLATES_DIR } from "../generator-paths.ts";
import { requireCjs } from "../../kernel/index.ts";
import type { Code, Markdown } from "../views/escape.ts";

let instance: typeof Handlebars | undefined;
const compiled = new Map<string, HandlebarsTemplateDelegate>();

function handlebars(): typeof Handlebars {
  if (instance) return instance;
  instance = (requireCjs("handlebars") as typeof HandlebarsType).create();
  for (const file of readdirSync(TEMPLATES_DIR)) {
    if (!file.endsWith(".hbs") || file.split(".").length > 2) continue; // partials are name.hbs
    const name = file.replace(/\.hbs$/, "").replace(/-(\w)/g, (_, c: string) => c.toUpperCase());
    instance.registerPartial(name, readFileSync(join(TEMPLATES_DIR, file), "utf8"));
  }
  return instance;
}

/**
 * What a template may interpolate: text escaped for the template's language (escape.ts), flags and lists and
 * records of those. A plain string field is a type error, so spec text cannot reach a template unescaped.
 */
type Interpolable<T, Text> = T extends Text | boolean | number | undefined ? T
  : T extends readonly (infer Item)[] ? ReadonlyArray<Interpolable<Item, Text>>
  : T extends string ? never
  : T extends object ? { [K in keyof T]: Interpolable<T[K], Text> }
  : never;

type TextOf<Name extends string> = Name extends `${string}.md` ? Markdown : Code;

/**
 * Renders templates/<name>.hbs (e.g. "client.ts") with a view model. Handlebars' own escaping is HTML's, the wrong
 * one for TypeScript, so it is off: views escape for the right place.
 */
export function render<Name extends string, View extends object>(name: Name, view: View & Interpolable<View, TextOf<Name>>): string {
  let template = compiled.get(name);
  if (!template) {
    template = handlebars().compile(readFileSync(join(TEMPLATES_DIR, `${name}.hbs`), "utf8"), { noEscape: true, strict: true });
    compiled.set(name, template);
  }
  return template(view);
}
