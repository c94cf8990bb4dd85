import { StoreError } from '../errors.ts';
import { SCHEMA_VERSION } from './schema.ts';

/**
 * Brings an older main file up to the current schema. Version 0 (no `version` field) kept all
 * hour entries inline under `hours: { personId: [...] }`; version 1 moves them to one file per
 * person. The moved entries are handed back so the store writes them before the main file.
 */
export function migrate(raw: unknown, file: string): { data: unknown; hours?: Record<string, unknown[]> } {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    throw new StoreError(file, 'is not a peerbot data file (expected a JSON object).');
  const data = raw as Record<string, unknown>;
  const version = data.version ?? 0;
  if (version === SCHEMA_VERSION) return { data };
  if (typeof version !== 'number' || version > SCHEMA_VERSION) {
    throw new StoreError(
      file,
      `has schema version ${String(version)}, made by a newer peerbot; this one reads version ${SCHEMA_VERSION}.`,
    );
  }
  const { hours, ...rest } = data;
  return {
    data: { people: {}, accounts: {}, collections: {}, ...rest, version: SCHEMA_VERSION },
    hours: (hours ?? undefined) as Record<string, unknown[]> | undefined,
  };
}
