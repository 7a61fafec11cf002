/** Handlebars templates from generator/templates; they only interpolate what a tested view model computed. */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type HandlebarsType from "handlebars";
import { TEMPLATES_DIR } from "../repo-paths.ts";
import { requireCjs } from "../require-cjs.ts";

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

/** Renders templates/<name>.hbs (e.g. "client.ts") with a view model. */
export function render(name: string, view: object): string {
  let template = compiled.get(name);
  if (!template) {
    template = handlebars().compile(readFileSync(join(TEMPLATES_DIR, `${name}.hbs`), "utf8"), { noEscape: true, strict: true });
    compiled.set(name, template);
  }
  return template(view);
}
