/**
 * CommonJS packages (typescript, ajv, swagger-parser, openapi-typescript's CJS build) are loaded with require:
 * importing them as ESM makes Node lex their whole source for named exports, which costs ~0.3 s for typescript.
 */
import { createRequire } from "node:module";

export const requireCjs: NodeJS.Require = createRequire(import.meta.url);
