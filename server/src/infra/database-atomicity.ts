import { z } from 'zod';

/**
 * The part of a `buildInfo` reply that says whether single-document writes
 * are atomic. MongoDB's has no `ferretdbVersion`; FerretDB's has, and the
 * project's patched FerretDB build (scripts/services/ferretdb-atomic-writes.patch)
 * adds `switchboardAtomicWrites: true`.
 */
const buildInfoSchema = z.object({
  version: z.string().catch('(version unknown)'),
  // Any value at all means FerretDB: a malformed one must not pass for MongoDB.
  ferretdbVersion: z.unknown().optional(),
  switchboardAtomicWrites: z.unknown().optional(),
});

export interface DatabaseKind {
  /** What the server is, for the start-up log: `MongoDB 7.0.14`, `FerretDB v1.24.1 (atomic writes)`. */
  description: string;
  /** Why Switchboard cannot run on it, or null when it can. */
  refusal: string | null;
}

/**
 * Switchboard relies on the database applying each write to one document
 * atomically (a conditional claim has one winner, `$inc` loses nothing), as
 * MongoDB does. Unpatched FerretDB v1 reads, changes and rewrites documents
 * with no isolation between connections, so it is refused with the fix.
 */
export function classifyDatabase(buildInfo: unknown): DatabaseKind {
  const info = buildInfoSchema.parse(typeof buildInfo === 'object' && buildInfo !== null ? buildInfo : {});
  if (info.ferretdbVersion === undefined) return { description: `MongoDB ${info.version}`, refusal: null };
  const version = info.ferretdbVersion;
  const ferret = `FerretDB ${typeof version === 'string' ? version : JSON.stringify(version)}`;
  if (info.switchboardAtomicWrites === true) return { description: `${ferret} (atomic writes)`, refusal: null };
  return {
    description: ferret,
    refusal:
      `MONGODB_URI: points at ${ferret} built without Switchboard's atomic writes patch ` +
      '(its buildInfo has no switchboardAtomicWrites). Unpatched FerretDB does not apply concurrent writes to one ' +
      'document atomically (an $inc is lost, a conditional claim has two winners), and Switchboard relies on that ' +
      'as MongoDB gives it. Unset MONGODB_URI so that `pnpm start` and the tests start the patched build ' +
      '(scripts/services builds it with Go), or point MONGODB_URI at MongoDB 6+.',
  };
}
