/**
 * The kernel's public surface: what generator/, conformance/, the CLI and the scripts may use. Specs are loaded,
 * linted and modelled here once; everything above reads the operation model and never re-derives it.
 */
export { loadSpecs, type LoadedSpecs } from "./load-specs.ts";
export { loadDocument } from "./load.ts";
export { parseSpecText } from "./spec-text.ts";
export { discoverSpecs, displayPath, isApiVersion, isStable, refFoldersOf, resolveSpecsDir, SPEC_FILE_NAME } from "./spec-files.ts";
export { isWithin, readConfinedFile, readInputFile, realFolder, type InputFile } from "./input-file.ts";
export { listFiles, treesHash } from "./file-tree.ts";
export { buildDocumentModel, errorResponse, secretPaths, shownPaths, successResponses, walkProperties } from "./model.ts";
export { deref } from "./deref.ts";
export type {
  DocumentModel, ExampleModel, FinalStateVia, LongRunningModel, OperationModel, ParameterModel, RequestBodyModel, ResponseModel,
} from "./model-types.ts";
export { FINAL_STATE_VIA, POLLING_HEADERS, RETRY_AFTER } from "./long-running.ts";
export { describeLocation, elementIndex, keyName, keyPointer, keyValue, ROTATION_SCHEMA } from "./rotation.ts";
export { type KeyFormat, type KeyLocation, type RotationSpec } from "./rotation-spec.ts";
export {
  armPathShape, parents, parseResourceId, qualifiedName, resourceAddress, resourceId, type ArmPathShape, type ResourceAddress,
} from "./arm-path.ts";
export {
  claimTypeNames, clientModuleExports, clientNames, ENTRY_POINT_NAMES, operationTypeNames, TYPES_MODULE_NAMES, typeNameOf,
} from "./generated-names.ts";
export { camelCase, isBindingName, isIdentifier, pascalCase } from "./names.ts";
export { get, getAt, join, remove, set, tokens } from "./json-pointer.ts";
export {
  compiledSchema, createAjv, schemaChecker, schemaRef, toViolations, validate, type Ajv, type SchemaViolation,
} from "./schema-validator.ts";
export { formatLocation, formatProblem, problem, UserError, type Problem } from "./user-error.ts";
export { printable, visible } from "./printable.ts";
export { requireCjs } from "./require-cjs.ts";
export { ASSETS_ROOT, CACHE_DIR, codeTrees, COMPILED, packageDir, rekeyVersion, REPO_ROOT } from "./repo-paths.ts";
