import { StoreError } from '../errors.ts';
import { SCHEMA_VERSION } from './schema.ts';
import { versionProblem } from './lowdb/files.ts';

/**
 * Brings an older main file up to the current schema. Version 0 (no `version` field) kept all
 * hour entries inline under `hours: { personId: [...] }`; version 1 moves them to one file per
 * person. The moved entries are handed back so the store writes them before the main file.
 */
export function migrate(raw: unknown, file: string): { data: unknown; hours?: Record<string, unknown[]> } {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    throw new StoreError(file, 'is not a peerbot data file (expected a JSON object).');
  const data = raw as Record<string, unknown>;
  // No "version" at all is version 0 (the first layout, which always had "hours"), moved forward
  // below. A file with neither was not written by any peerbot: say so rather than guess.
  if (!('version' in data) && !('hours' in data))
    throw new StoreError(
      file,
      `has no "version" field, so it was not written by peerbot as it is. If it is a copy of a peerbot file, put back "version": ${SCHEMA_VERSION}.`,
    );
  const version = 'version' in data ? data.version : 0;
  if (version === SCHEMA_VERSION) return { data };
  if (version !== 0) throw new StoreError(file, versionProblem(version)!);
  const { hours, ...rest } = data;
  return {
    data: { people: {}, accounts: {}, collections: {}, ...rest, version: SCHEMA_VERSION },
    hours: (hours ?? undefined) as Record<string, unknown[]> | undefined,
  };
}
