/**
 * ARM's resource providers read enum values in any case — Azure PowerShell sends `{"keyType":"Primary"}` where the
 * spec says `primary`, and the primary key is rotated (Azure/azure-powershell, src/Maps/Maps.Test/SessionRecords/
 * Microsoft.Azure.Commands.Maps.Test.ScenarioTests.MapsAccountTests/TestNewAccountKey.json); names in a URL are
 * case-insensitive too (APIM's tenant/ACCESS is tenant/access). So the mock validates a request value with every
 * enum matched in any case, open or closed (the RP's deserializer ignores case either way), and from then on works
 * with the canonical, spec-spelled value: behaviour never sees "Primary", only "primary".
 */
import type { ValidateFunction } from "ajv/dist/2020.js";
import { validateCaseInsensitive } from "../../client-runtime/case-insensitive-enums.ts";

/** The value with each enum member in its spec spelling, or undefined when it is invalid even so (see `validate.errors`). */
export function canonicalValue(validate: ValidateFunction, value: unknown): { value: unknown } | undefined {
  return validateCaseInsensitive(validate, value, EVERY_ENUM);
}

const EVERY_ENUM = () => true;
