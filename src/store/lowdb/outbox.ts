import type { Collection, OutboxItem, OutboxRepo } from '../port.ts';

/**
 * The outbox of the lowdb store, one records file per shard (one person's nudges, one
 * channel's reminders), so marking one message sent rewrites a few hundred bytes. Each step is
 * one atomic change of the shard's file; the store has one owner process, so a claim cannot race.
 */
export type StoredItem = Omit<OutboxItem, 'key'>;

/**
 * `instance` names this opening of the store. The store has one owner, so a message left in
 * "sending" by another opening was left by a process that stopped mid-send: it is sent again.
 */
export function recordsOutbox(open: (shard: string) => Promise<Collection<StoredItem>>, instance: string): OutboxRepo {
  const items = async (shard: string) =>
    (await (await open(shard)).all()).map(({ id, value }) => ({ ...value, key: id }));
  return {
    list: items,
    async enqueue(shard, wanted, at) {
      const box = await open(shard);
      let added = 0;
      for (const { key, target } of wanted) {
        if (await box.insert(key, { target, status: 'queued', queuedAt: at })) added += 1;
      }
      return added;
    },
    async claim(shard, limit, staleBefore) {
      const box = await open(shard);
      const claimed: OutboxItem[] = [];
      for (const item of await items(shard)) {
        if (claimed.length >= limit) break;
        const claimable = (i: StoredItem) =>
          i.status === 'queued' ||
          (i.status === 'sending' && (i.claimedBy !== instance || (i.claimedAt ?? '') < staleBefore));
        if (!claimable(item)) continue;
        const now = new Date().toISOString();
        let mine = false;
        const after = await box.update(item.key, (current) => {
          if (!current || !claimable(current)) return undefined;
          mine = true;
          return { ...current, status: 'sending', claimedAt: now, claimedBy: instance };
        });
        if (mine && after) claimed.push({ ...after, key: item.key });
      }
      return claimed;
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
