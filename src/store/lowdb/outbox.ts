import type { OutboxItem, OutboxRepo } from '../port.ts';
import type { BatchCollection } from './records.ts';

/**
 * The outbox of the lowdb store, one records file per shard (one person's nudges, one
 * channel's reminders), so marking one message sent rewrites a few hundred bytes. Each step is
 * one atomic change of the shard's file (a whole batch is one write); the store has one owner
 * process, so a claim cannot race.
 */
export type StoredItem = Omit<OutboxItem, 'key'>;

/**
 * `instance` names this opening of the store. The store has one owner, so a message left in
 * "sending" by another opening was left by a process that stopped mid-send: it is sent again.
 */
export function recordsOutbox(
  open: (shard: string) => Promise<BatchCollection<StoredItem>>,
  instance: string,
): OutboxRepo {
  const items = async (shard: string) =>
    (await (await open(shard)).all()).map(({ id, value }) => ({ ...value, key: id }));
  return {
    list: items,
    async enqueue(shard, wanted, at) {
      const box = await open(shard);
      return box.changeMany((records) => {
        const fresh = new Map<string, StoredItem>();
        for (const { key, target } of wanted)
          if (!(key in records) && !fresh.has(key)) fresh.set(key, { target, status: 'queued', queuedAt: at });
        return { result: fresh.size, set: [...fresh] };
      });
    },
    async claim(shard, limit, staleBefore) {
      const box = await open(shard);
      const now = new Date().toISOString();
      const claimable = (i: StoredItem) =>
        i.status === 'queued' ||
        (i.status === 'sending' && (i.claimedBy !== instance || (i.claimedAt ?? '') < staleBefore));
      return box.changeMany((records) => {
        const set: Array<[string, StoredItem]> = [];
        for (const [key, item] of Object.entries(records)) {
          if (set.length >= limit) break;
          if (claimable(item)) set.push([key, { ...item, status: 'sending', claimedAt: now, claimedBy: instance }]);
        }
        return { result: set.map(([key, item]) => ({ ...item, key })), set };
      });
    },
    async finish(shard, key, result) {
      const box = await open(shard);
      await box.update(key, (current) =>
        current
          ? {
              ...current,
              status: result.status,
              ...(result.at && result.status === 'sent' ? { sentAt: result.at } : {}),
              ...(result.to ? { to: result.to } : {}),
            }
          : undefined,
      );
    },
  };
}
