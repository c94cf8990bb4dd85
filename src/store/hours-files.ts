import path from 'node:path';
import { Low } from 'lowdb';
import { JSONFile } from 'lowdb/node';
import type { HoursRepo } from './port.ts';
import { SCHEMA_VERSION } from './schema.ts';
import type { HoursFile } from './schema.ts';

/** The hours file of one person, made (empty, not yet written) on first use. */
export function hoursFile(dir: string, personId: string, files: Map<string, Low<HoursFile>>): Low<HoursFile> {
  let file = files.get(personId);
  if (!file) {
    const name = `${encodeURIComponent(personId).replace(/\./g, '%2E')}.json`;
    file = new Low<HoursFile>(new JSONFile<HoursFile>(path.join(dir, name)), {
      version: SCHEMA_VERSION,
      personId,
      nextId: 1,
      entries: [],
    });
    files.set(personId, file);
  }
  return file;
}

/**
 * Hour entries in one small lowdb file per person: logging rewrites ~15 kB, however many
 * people the collaborative has. Adding is idempotent on the request id and on the origin.
 */
export function lowdbHours(
  files: Map<string, Low<HoursFile>>,
  dir: string,
  save: (file: Low<HoursFile>) => Promise<void>,
): HoursRepo {
  const file = (personId: string) => hoursFile(dir, personId, files);
  return {
    list: async (personId) => [...(files.get(personId)?.data.entries ?? [])],
    add: async (personId, draft) => {
      const f = file(personId);
      const same = f.data.entries.find(
        (e) => (draft.requestId && e.requestId === draft.requestId) || (draft.origin && e.origin === draft.origin),
      );
      if (same) return { entry: same, created: false };
      const entry = { ...draft, id: String(f.data.nextId), createdAt: new Date().toISOString() };
      f.data.nextId += 1;
      f.data.entries.push(entry);
      sortByDate(f.data.entries);
      await save(f);
      return { entry, created: true };
    },
    update: async (personId, id, patch) => {
      const f = files.get(personId);
      const entry = f?.data.entries.find((e) => e.id === id);
      if (!f || !entry) return undefined;
      Object.assign(entry, patch);
      sortByDate(f.data.entries);
      await save(f);
      return { ...entry };
    },
    remove: async (personId, id) => {
      const f = files.get(personId);
      const index = f?.data.entries.findIndex((e) => e.id === id) ?? -1;
      if (!f || index < 0) return undefined;
      const [removed] = f.data.entries.splice(index, 1);
      await save(f);
      return removed;
    },
  };
}

/** Entries stay oldest first by date, then by the order they were logged. */
function sortByDate(entries: HoursFile['entries']): void {
  entries.sort((a, b) => (a.date === b.date ? Number(a.id) - Number(b.id) : a.date < b.date ? -1 : 1));
}
