import { z } from 'zod';
import type { Services } from '../services.ts';
import type { Collection } from '../store/port.ts';
import { HourEntrySchema } from '../store/schema.ts';
import type { HistoryItem, HourEntry, NewHourEntry } from '../store/schema.ts';

/**
 * A per-person action history, kept on the entries themselves (the optional `history` field)
 * so it works with any store. A deleted entry is kept, with its history, in the
 * "hours-deleted" collection, so undo can bring it back.
 */

const DeletedSchema = z.object({
  personId: z.string(),
  entry: HourEntrySchema,
  /** Removed by /hours undo of the logging: kept for /hours history, never undone again. */
  undone: z.boolean().optional(),
  /** Brought back by /hours undo, under this new number: kept for /hours history, not undone twice. */
  restoredAs: z.string().optional(),
});
export type Deleted = z.infer<typeof DeletedSchema>;

export function deletedStore(services: Services): Promise<Collection<Deleted>> {
  return services.store.collection('hours-deleted', DeletedSchema);
}

async function deletedOf(services: Services, personId: string): Promise<Deleted[]> {
  // Only this person's deleted entries are read (on PostgreSQL the filter runs in the database).
  return (await (await deletedStore(services)).where({ personId })).map((r) => r.value);
}

/** The next action number for a person: one more than any action on their entries, kept or deleted. */
export async function nextAction(services: Services, personId: string, entries: HourEntry[]): Promise<number> {
  const deleted = await deletedOf(services, personId);
  const all = [...entries, ...deleted.map((d) => d.entry)].flatMap((e) => e.history ?? []);
  return all.reduce((n, h) => Math.max(n, h.n), 0) + 1;
}

export function historyItem(
  services: Services,
  by: string,
  action: HistoryItem['action'],
  n: number,
  before?: Partial<NewHourEntry>,
): HistoryItem {
  return { action, by, at: services.clock.now().toISO()!, n, ...(before ? { before } : {}) };
}

/**
 * Keeps a copy of an entry that is about to be deleted, with the deletion in its history.
 * `undone`: it goes because /hours undo took back the logging (undo must not bring it back).
 */
export async function keepDeleted(
  services: Services,
  personId: string,
  entry: HourEntry,
  item: HistoryItem,
  undone = false,
) {
  const kept = { ...entry, history: [...(entry.history ?? []), item] };
  await (
    await deletedStore(services)
  ).put(`${personId}:${entry.id}:${item.n}`, {
    personId,
    entry: kept,
    ...(undone ? { undone } : {}),
  });
}

/** Marks a deleted entry as brought back by undo, as `newId`: its history stays readable under the old number. */
export async function markRestored(services: Services, key: string, newId: string): Promise<void> {
  await (await deletedStore(services)).update(key, (d) => (d ? { ...d, restoredAs: newId } : undefined));
}

/** Every deleted copy of one entry number of a person (ids are never reused, so at most one, but old files may differ). */
export async function deletedEntries(services: Services, personId: string, id: string): Promise<Deleted[]> {
  return (await deletedOf(services, personId)).filter((d) => d.entry.id === id);
}

export type LastAction =
  | { kind: 'logged'; entry: HourEntry }
  | { kind: 'edited'; entry: HourEntry; item: HistoryItem }
  | { kind: 'deleted'; entry: HourEntry; key: string };

/**
 * The person's own last action that undo can reverse: logging, editing or deleting one of
 * their entries. Entries logged before history was kept count as logged, oldest first.
 */
export async function lastAction(
  services: Services,
  personId: string,
  entries: HourEntry[],
): Promise<LastAction | undefined> {
  let best: { rank: [number, number]; action: LastAction } | undefined;
  const consider = (rank: [number, number], action: LastAction) => {
    if (!best || rank[0] > best.rank[0] || (rank[0] === best.rank[0] && rank[1] > best.rank[1]))
      best = { rank, action };
  };
  for (const entry of entries) {
    // Hours the bot logged for a call (an origin) are not undone as "the entry I logged last".
    const mine = (entry.history ?? []).filter(
      (h) => h.by === personId && ((h.action === 'logged' && !entry.origin) || h.action === 'edited'),
    );
    const last = mine.at(-1);
    if (last)
      consider(
        [last.n, Number(entry.id)],
        last.action === 'logged' ? { kind: 'logged', entry } : { kind: 'edited', entry, item: last },
      );
    else if (!entry.history && !entry.origin) consider([0, Number(entry.id)], { kind: 'logged', entry });
  }
  const store = await deletedStore(services);
  for (const { id, value } of await store.where({ personId })) {
    if (value.undone || value.restoredAs) continue;
    const item = value.entry.history?.at(-1);
    if (item?.action === 'deleted' && item.by === personId)
      consider([item.n, 0], { kind: 'deleted', entry: value.entry, key: id });
  }
  return best?.action;
}
