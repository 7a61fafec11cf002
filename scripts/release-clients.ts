/**
 * npm run release:clients [-- --publish [--dry-run] [--provenance] [--registry <url>]] | [-- --verify-only <tgz>]
 *
 * Releases @rekey/clients: checks generated/ is what specs/ and the generator produce (`rekey generate --check`),
 * builds generated/dist/, packs it into packs/rekey-clients-<version>.tgz and verifies that tarball (see
 * release/verify-tarball.ts). With --publish, and only when all of that passed, `npm publish`es the verified
 * tarball (public access; --dry-run, --provenance and --registry are handed to npm publish alone: the verification
 * installs from the npm cache of the configured registry). --verify-only verifies a tarball built
 * elsewhere and publishes nothing. Any failure is one line on stderr and exit 2.
 */
import { releaseClients } from "./release/command.ts";

process.exitCode = await releaseClients(process.argv.slice(2));
