import type { Adapter } from '../adapter.ts';
import { plainText } from '../message.ts';
import type { Reply } from '../message.ts';
import type { Services } from '../services.ts';
import { inboxOf, route, TargetSchema } from './delivery.ts';
import type { Target } from './delivery.ts';

/** A message a check wants sent. The key names it for ever, so it is sent once. */
export interface Planned {
  key: string;
  target: Target;
  reply: Reply;
}

export interface Sent {
  key: string;
  /** Where it went ("slack:U1", "alice") or, in a dry run, who it is for. */
  to: string;
  text: string;
}

/** The message on one line, without its small print: what `npm run nudge` prints. */
export function oneLine(reply: Reply): string {
  const main = { ...reply, blocks: reply.blocks.filter((b) => b.kind !== 'context') };
  // A line that ends a sentence is followed by a space; a heading or a name by a " · ".
  return plainText(main, { hints: false })
    .split(/\s*\n+\s*/)
    .filter(Boolean)
    .reduce((text, line) => (text ? `${text}${/[.!?:]$/.test(text) ? ' ' : ' · '}${line}` : line), '');
}

/**
 * Sends each planned message exactly once, across restarts. Every message is first written
 * to the store as "queued" (so a crash can never skip it), then delivered, then marked
 * "sent" (so a restart never sends it again). A queued message left by a crash is delivered
 * by the next check if the check still wants it, and dropped if not (done, muted, or a later
 * mark took over). One gap remains that no store can close: a crash after the platform (or
 * the inbox) took a message but before "sent" was written repeats that one message.
 */
export async function sendOnce(
  services: Services,
  adapters: Adapter[],
  name: string,
  planned: Planned[],
  options: { dryRun?: boolean } = {},
): Promise<Sent[]> {
  // One small file of records per person (or channel), so marking a message sent rewrites a
  // few hundred bytes, not every message ever sent: 8,000 first-day nudges stay quick.
  const shards = new Map<string, Planned[]>();
  for (const p of planned) shards.set(shardOf(name, p.target), [...(shards.get(shardOf(name, p.target)) ?? []), p]);
  const sent: Sent[] = [];
  for (const [shard, plans] of shards) sent.push(...(await sendShard(services, adapters, shard, plans, options)));
  return sent;
}

function shardOf(name: string, target: Target): string {
  return target.type === 'person' ? `${name}/${target.personId}` : `${name}/#${target.platform}:${target.channelId}`;
}

/** A message claimed but not finished for this long (a crash mid-send) may be claimed again. */
const STALE_CLAIM_MS = 10 * 60_000;

async function sendShard(
  services: Services,
  adapters: Adapter[],
  shard: string,
  planned: Planned[],
  options: { dryRun?: boolean },
): Promise<Sent[]> {
  const { outbox } = services.store;
  const wanted = new Map(planned.map((p) => [p.key, p]));
  if (options.dryRun) {
    const known = new Map((await outbox.list(shard)).map((r) => [r.key, r.status]));
    return planned
      .filter((p) => (known.get(p.key) ?? 'queued') === 'queued')
      .map((p) => ({
        key: p.key,
        to: p.target.type === 'person' ? p.target.personId : `${p.target.platform}:#${p.target.channelId}`,
        text: oneLine(p.reply),
      }));
  }
  const now = () => services.clock.now().toISO()!;
  // Queued before anything is sent, so a crash never skips one; a key once known is never queued again.
  await outbox.enqueue(
    shard,
    planned.map((p) => ({ key: p.key, target: p.target })),
    now(),
  );
  // Claimed (queued -> sending) in one step: another instance running the same check gets none of these.
  const staleBefore = new Date(Date.now() - STALE_CLAIM_MS).toISOString();
  const claimed = await outbox.claim(shard, 1000, staleBefore);
  const sent: Sent[] = [];
  const inbox = inboxOf(services);
  for (const item of claimed) {
    const plan = wanted.get(item.key);
    const target = TargetSchema.safeParse(item.target);
    if (!plan || !target.success) {
      await outbox.finish(shard, item.key, { status: 'dropped' });
      continue;
    }
    try {
      const way = await route(services, adapters, target.data);
      if (way.kind === 'inbox') await inbox.put(way.personId, plan.reply);
      else await way.send(plan.reply);
      await outbox.finish(shard, item.key, { status: 'sent', at: now(), to: way.to });
      sent.push({ key: item.key, to: way.to, text: oneLine(plan.reply) });
    } catch (error) {
      services.log.warn(`could not send ${shard} ${item.key}; it stays queued for the next check`, error);
      await outbox.finish(shard, item.key, { status: 'queued' }).catch(() => undefined);
    }
  }
  return sent;
}
