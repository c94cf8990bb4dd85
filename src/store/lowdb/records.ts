import type { Low } from 'lowdb';
import type { Collection } from '../port.ts';
import type { RecordsFile } from '../schema.ts';
import type { Committer } from './commit.ts';

/** A collection that can also change several of its records in one write (the outbox's batches). */
export interface BatchCollection<T> extends Collection<T> {
  /**
   * `apply` reads the records and returns the ones to set; they are set and written in one
   * commit (or none of them, when the write fails). Returns what `apply` returned.
   */
  changeMany<R>(apply: (records: Readonly<Record<string, T>>) => { result: R; set: Array<[string, T]> }): Promise<R>;
}

/** One feature's records in their own lowdb file; each change is one commit of that file. */
export function recordsCollection<T>(
  file: Low<RecordsFile>,
  filePath: string,
  committer: Committer,
): BatchCollection<T> {
  const records = () => file.data.records as Record<string, T>;
  /** Sets (or, with undefined, deletes) one record, with an undo that puts back what was there. */
  const set = (id: string, value: T | undefined) => {
    const map = records();
    const had = id in map;
    const before = map[id];
    if (value === undefined) delete map[id];
    else map[id] = value;
    return () => {
      if (had) map[id] = before as T;
      else delete map[id];
    };
  };
  const change = <R>(apply: () => { result: R; value?: T; remove?: string; id?: string }) =>
    committer.commit(file, filePath, () => {
      const { result, value, id, remove } = apply();
      if (remove !== undefined) return { result, changed: true, undo: set(remove, undefined) };
      if (id === undefined || value === undefined) return { result, changed: false, undo: () => undefined };
      return { result, changed: true, undo: set(id, value) };
    });
  return {
    all: async () => Object.entries(records()).map(([id, value]) => ({ id, value })),
    get: async (id) => records()[id],
    where: async (fields) =>
      Object.entries(records())
        .filter(([, value]) => Object.entries(fields).every(([k, v]) => (value as Record<string, unknown>)[k] === v))
        .map(([id, value]) => ({ id, value })),
    put: (id, value) => change(() => ({ result: undefined, id, value })),
    insert: (id, value) => change(() => (id in records() ? { result: false } : { result: true, id, value })),
    update: (id, fn) =>
      change(() => {
        const current = records()[id];
        const next = fn(current);
        return next === undefined ? { result: current } : { result: next, id, value: next };
      }),
    delete: (id) => change(() => (id in records() ? { result: true, remove: id } : { result: false })),
    take: (id) => change(() => (id in records() ? { result: records()[id], remove: id } : { result: undefined })),
    changeMany: (apply) =>
      committer.commit(file, filePath, () => {
        const { result, set: wanted } = apply(records());
        const undos = wanted.map(([id, value]) => set(id, value));
        return { result, changed: undos.length > 0, undo: () => undos.reverse().forEach((u) => u()) };
      }),
  };
}
