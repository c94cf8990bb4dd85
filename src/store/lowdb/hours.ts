import path from 'node:path';
import { Low } from 'lowdb';
import { JSONFile } from 'lowdb/node';
import type { HoursRepo } from '../port.ts';
import { reviewed } from '../port.ts';
import { DAY_LIMIT_MINUTES, DayFullError } from '../port.ts';
import { SCHEMA_VERSION } from '../schema.ts';
import type { HourEntry, HoursFile } from '../schema.ts';
import type { Committer } from './commit.ts';

/** The file name of a person's hours: their id, safe for any file system. */
export function hoursFileName(personId: string): string {
  return `${encodeURIComponent(personId).replace(/\./g, '%2E')}.json`;
}

/** The hours file of one person, made (empty, not yet written) on first use. */
export function hoursFile(dir: string, personId: string, files: Map<string, Low<HoursFile>>): Low<HoursFile> {
  let file = files.get(personId);
  if (!file) {
    file = new Low<HoursFile>(new JSONFile<HoursFile>(path.join(dir, hoursFileName(personId))), {
      version: SCHEMA_VERSION,
      personId,
      nextId: 1,
      entries: [],
    });
    files.set(personId, file);
  }
  return file;
}

/** The next id: past the counter and past every id in use, so a reset counter never reuses one. */
export function nextEntryId(data: HoursFile): number {
  let max = 0;
  for (const e of data.entries) max = Math.max(max, Number(e.id) || 0);
  return Math.max(data.nextId, max + 1);
}

/** Minutes logged on a day, not counting entries marked not approved nor the entry `except`. */
export function dayTotal(entries: HourEntry[], date: string, except?: string): number {
  return entries
    .filter((e) => e.date === date && e.status !== 'rejected' && e.id !== except)
    .reduce((n, e) => n + e.minutes, 0);
}

/**
 * Hour entries in one small lowdb file per person: logging rewrites ~15 kB, however many
 * people the collaborative has. Every change is one commit of that person's file.
 */
export function lowdbHours(files: Map<string, Low<HoursFile>>, dir: string, committer: Committer): HoursRepo {
  const file = (personId: string) => hoursFile(dir, personId, files);
  const filePath = (personId: string) => path.join(dir, hoursFileName(personId));
  /** Replaces the entries (never changing entry objects in place), with an undo that puts them back. */
  const commitEntries = <R>(personId: string, change: (data: HoursFile) => { entries?: HourEntry[]; result: R }) => {
    const f = file(personId);
    return committer.commit(f, filePath(personId), () => {
      const before = { entries: f.data.entries, nextId: f.data.nextId };
      const { entries, result } = change(f.data);
      if (entries) f.data.entries = sortByDate(entries);
      return {
        result,
        changed: Boolean(entries),
        undo: () => Object.assign(f.data, before),
      };
    });
  };
  return {
    list: async (personId) => [...(files.get(personId)?.data.entries ?? [])],
    listMany: async (personIds) => new Map(personIds.map((id) => [id, [...(files.get(id)?.data.entries ?? [])]])),
    add: (personId, draft) =>
      commitEntries<{ entry: HourEntry; created: boolean }>(personId, (data) => {
        const same = data.entries.find(
          (e) => (draft.requestId && e.requestId === draft.requestId) || (draft.origin && e.origin === draft.origin),
        );
        if (same) return { result: { entry: same, created: false } };
        const already = dayTotal(data.entries, draft.date);
        if (draft.status !== 'rejected' && already + draft.minutes > DAY_LIMIT_MINUTES)
          throw new DayFullError(draft.date, already);
        const id = nextEntryId(data);
        const entry: HourEntry = { ...draft, id: String(id) };
        data.nextId = id + 1;
        return { entries: [...data.entries, entry], result: { entry, created: true } };
      }),
    update: (personId, id, patch) =>
      commitEntries<HourEntry | undefined>(personId, (data) => {
        const old = data.entries.find((e) => e.id === id);
        if (!old) return { result: undefined };
        const entry = { ...old, ...patch };
        const already = dayTotal(data.entries, entry.date, id);
        if (entry.status !== 'rejected' && already + entry.minutes > DAY_LIMIT_MINUTES)
          throw new DayFullError(entry.date, already);
        return { entries: data.entries.map((e) => (e.id === id ? entry : e)), result: { ...entry } };
      }),
    remove: (personId, id) =>
      commitEntries<HourEntry | undefined>(personId, (data) => {
        const old = data.entries.find((e) => e.id === id);
        if (!old) return { result: undefined };
        return { entries: data.entries.filter((e) => e !== old), result: old };
      }),
    review: (personId, ids, decision, by, options = {}) =>
      commitEntries<{ changed: HourEntry[]; unknown: string[] }>(personId, (data) => {
        const byId = new Map(data.entries.map((e) => [e.id, e]));
        const unknown = ids.filter((id) => !byId.has(id));
        if (unknown.length) return { result: { changed: [], unknown } };
        const wanted = new Set(ids);
        const { expected } = options;
        const fits = (e: HourEntry) => (expected ? expected.includes(e.status) : e.status !== decision);
        const changed: HourEntry[] = [];
        const entries = data.entries.map((e) => {
          if (!wanted.has(e.id) || !fits(e)) return e;
          const next = reviewed(e, decision, by, options);
          changed.push(next);
          return next;
        });
        return { entries: changed.length ? entries : undefined, result: { changed, unknown } };
      }),
    pending: async (personIds) => {
      const result = new Map<string, HourEntry[]>();
      for (const id of personIds) {
        const waiting = (files.get(id)?.data.entries ?? []).filter((e) => e.status === 'pending');
        if (waiting.length) result.set(id, waiting);
      }
      return result;
    },
  };
}

/** Entries stay oldest first by date, then by the order they were logged. */
function sortByDate(entries: HourEntry[]): HourEntry[] {
  return entries.sort((a, b) => (a.date === b.date ? Number(a.id) - Number(b.id) : a.date < b.date ? -1 : 1));
}
