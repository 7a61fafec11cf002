/** Identifier casing used for generated names; one place so the model, views and tests agree. */

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

/** A valid JavaScript identifier? (used to decide whether a property key needs quotes) */
export function isIdentifier(text: string): boolean {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(text);
}
