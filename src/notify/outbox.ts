import type { Adapter } from '../adapter.ts';
import { plainText } from '../message.ts';
import type { Reply } from '../message.ts';
import type { Services } from '../services.ts';
import type { OutboxItem } from '../store/port.ts';
import { inboxOf, route, TargetSchema } from './delivery.ts';
import type { Target } from './delivery.ts';
import { ChannelClosedError } from '../adapter.ts';

/**
 * Something a check wants sent. The key names it for ever, so it is sent once. `part` is the
 * message itself, or (with `compose`) one item of a message that gathers a person's items.
 */
export interface Planned<P = Reply> {
  key: string;
  target: Target;
  part: P;
}

export interface SendOptions<P> {
  dryRun?: boolean;
  /**
   * Gathers everything queued for one target into one message (a digest). Without it, each
   * part is a message of its own.
   */
  compose?: (parts: P[], target: Target) => Reply;
  /** A channel the bot cannot post in: the message is dropped (it never will get through) and this is told. */
  onClosed?: (target: Target, keys: string[], error: ChannelClosedError) => Promise<void>;
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
export async function sendOnce<P = Reply>(
  services: Services,
  adapters: Adapter[],
  name: string,
  planned: Planned<P>[],
  options: SendOptions<P> = {},
): Promise<Sent[]> {
  // One small file of records per person (or channel), so marking a message sent rewrites a
  // few hundred bytes, not every message ever sent: 8,000 first-day nudges stay quick.
  const shards = new Map<string, Planned<P>[]>();
  for (const p of planned) {
    const shard = shardOf(name, p.target);
    const plans = shards.get(shard);
    if (plans) plans.push(p);
    else shards.set(shard, [p]);
  }
  // A few shards at a time: a store that gathers calls made together (PostgreSQL) writes each
  // step of these in one statement. Each shard is one person or channel, so order within it holds.
  const work = [...shards];
  const results: Sent[][] = [];
  // Platform messages still go out one at a time, in order: a platform that hangs holds up the
  // rest as before, and no platform gets more at once than before.
  let lane: Promise<unknown> = Promise.resolve();
  const oneAtATime = <T>(send: () => Promise<T>): Promise<T> => {
    const turn = lane.then(send);
    lane = turn.catch(() => undefined);
    return turn;
  };
  let next = 0;
  const worker = async () => {
    while (next < work.length) {
      const at = next++;
      const [shard, plans] = work[at]!;
      results[at] = await sendShard(services, adapters, shard, plans, options, oneAtATime);
    }
  };
  await Promise.all(Array.from({ length: Math.min(SHARDS_AT_ONCE, work.length) }, worker));
  return results.flat();
}

/** How many messages of one shard one claim takes. */
const CLAIM_BATCH = 1000;

/** How many people (or channels) one check sends to at the same time. */
const SHARDS_AT_ONCE = 8;

function shardOf(name: string, target: Target): string {
  return target.type === 'person' ? `${name}/${target.personId}` : `${name}/#${target.platform}:${target.channelId}`;
}

/** A message claimed but not finished for this long (a crash mid-send) may be claimed again. */
const STALE_CLAIM_MS = 10 * 60_000;

async function sendShard<P>(
  services: Services,
  adapters: Adapter[],
  shard: string,
  planned: Planned<P>[],
  options: SendOptions<P>,
  oneAtATime: <T>(send: () => Promise<T>) => Promise<T>,
): Promise<Sent[]> {
  const { outbox } = services.store;
  const wanted = new Map(planned.map((p) => [p.key, p]));
  const messagesOf = (plans: Planned<P>[]): Array<{ keys: string[]; reply: Reply; target: Target }> =>
    options.compose
      ? plans.length
        ? [
            {
              keys: plans.map((p) => p.key),
              reply: options.compose(
                plans.map((p) => p.part),
                plans[0]!.target,
              ),
              target: plans[0]!.target,
            },
          ]
        : []
      : plans.map((p) => ({ keys: [p.key], reply: p.part as Reply, target: p.target }));
  if (options.dryRun) {
    const known = new Map((await outbox.list(shard)).map((r) => [r.key, r.status]));
    return messagesOf(planned.filter((p) => (known.get(p.key) ?? 'queued') === 'queued')).map((m) => ({
      key: m.keys.join(' '),
      to: m.target.type === 'person' ? m.target.personId : `${m.target.platform}:#${m.target.channelId}`,
      text: oneLine(m.reply),
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
  // A thousand at a time, until none are left: a supervisor of 50 can have more than 1,000 items, still one message.
  const claimed: OutboxItem[] = [];
  for (;;) {
    const batch = await outbox.claim(shard, CLAIM_BATCH, staleBefore);
    claimed.push(...batch);
    if (batch.length < CLAIM_BATCH) break;
  }
  const plans: Planned<P>[] = [];
  const dropped: Promise<void>[] = [];
  for (const item of claimed) {
    const plan = wanted.get(item.key);
    const target = TargetSchema.safeParse(item.target);
    if (!plan || !target.success) dropped.push(outbox.finish(shard, item.key, { status: 'dropped' }));
    else plans.push({ ...plan, target: target.data });
  }
  await Promise.all(dropped);
  const sent: Sent[] = [];
  const inbox = inboxOf(services);
  for (const message of messagesOf(plans)) {
    const finishAll = async (result: Parameters<typeof outbox.finish>[2]) => {
      await Promise.all(message.keys.map((key) => outbox.finish(shard, key, result)));
    };
    try {
      const way = await route(services, adapters, message.target);
      const delivered = () => finishAll({ status: 'sent', at: now(), to: way.to });
      if (way.kind === 'inbox') {
        await inbox.put(way.personId, message.reply);
        await delivered();
      } else
        // Marked sent before the next platform message goes: as when one message went at a time.
        await oneAtATime(async () => {
          await way.send(message.reply);
          await delivered();
        });
      sent.push({ key: message.keys.join(' '), to: way.to, text: oneLine(message.reply) });
    } catch (error) {
      if (error instanceof ChannelClosedError && options.onClosed) {
        services.log.warn(`cannot post ${shard} ${message.keys.join(' ')}: ${error.message}; dropped`);
        await finishAll({ status: 'dropped' });
        await options
          .onClosed(message.target, message.keys, error)
          .catch((e: unknown) => services.log.warn(`could not say that ${shard} cannot be posted`, e));
        continue;
      }
      services.log.warn(`could not send ${shard} ${message.keys.join(' ')}; it stays queued for the next check`, error);
      await finishAll({ status: 'queued' }).catch(() => undefined);
    }
  }
  return sent;
}
