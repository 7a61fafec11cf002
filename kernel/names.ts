/** Identifier casing and grammar used for generated names; one place so the model, views, lint and tests agree. */

function words(text: string): string[] {
  return text
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1 $2")
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean);
}

export function pascalCase(text: string): string {
  // An all-caps word is an acronym: ARMClient → ArmClient.
  return words(text)
    .map((w) => w[0].toUpperCase() + (w.length > 1 && w === w.toUpperCase() ? w.slice(1).toLowerCase() : w.slice(1)))
    .join("");
}

export function camelCase(text: string): string {
  const pascal = pascalCase(text);
  return pascal ? pascal[0].toLowerCase() + pascal.slice(1) : pascal;
}

/**
 * An ASCII JavaScript IdentifierName: usable as a bare property name (`a.delete` is fine). Names outside ASCII are
 * treated as not identifiers, so they are quoted rather than trusted to every tool's Unicode tables.
 */
export function isIdentifier(text: string): boolean {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(text);
}

/** Words that cannot name a declaration in an ES module (strict mode), though they can name a property. */
const RESERVED_WORDS = new Set([
  "await", "break", "case", "catch", "class", "const", "continue", "debugger", "default", "delete", "do", "else",
  "enum", "export", "extends", "false", "finally", "for", "function", "if", "import", "in", "instanceof", "new",
  "null", "return", "super", "switch", "this", "throw", "true", "try", "typeof", "var", "void", "while", "with",
  "yield", "let", "static", "implements", "interface", "package", "private", "protected", "public",
  "arguments", "eval",
]);

export function isReservedWord(text: string): boolean {
  return RESERVED_WORDS.has(text);
}

/** Can name a declaration (`export function <name>`, `export * as <name>`): an identifier that is not reserved. */
export function isBindingName(text: string): boolean {
  return isIdentifier(text) && !isReservedWord(text);
}

/**
 * Names every plain object already answers to (`{}.constructor`, `{}.toString`, `__proto__`) plus `prototype`:
 * as a generated parameter or option name, an omitted value would read the inherited one instead of undefined.
 */
export function isObjectBuiltinName(text: string): boolean {
  return text === "prototype" || Object.getOwnPropertyNames(Object.prototype).includes(text);
}
