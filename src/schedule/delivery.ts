import { z } from 'zod';
import type { Adapter } from '../adapter.ts';
import type { Platform } from '../bot.ts';
import type { Reply } from '../message.ts';
import type { Services } from '../services.ts';
import { storeInbox } from './inbox.ts';

/** Who a scheduled message is for: a person (by direct message) or a channel. */
export const TargetSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('person'), personId: z.string() }),
  z.object({ type: z.literal('channel'), platform: z.enum(['console', 'slack', 'discord']), channelId: z.string() }),
]);
export type Target = z.infer<typeof TargetSchema>;

/** "slack:U1" -> slack / U1; a plain id is a console user. */
export function splitAccount(key: string): { platform: Platform; userId: string } {
  const m = /^(slack|discord):(.+)$/.exec(key);
  return m ? { platform: m[1] as Platform, userId: m[2]! } : { platform: 'console', userId: key };
}

function adapterFor(adapters: Adapter[], platform: Platform): Adapter | undefined {
  return platform === 'console' ? undefined : adapters.find((a) => a.platform === platform);
}

/** Can this target be reached now? A person always can (the inbox); a channel only on a configured platform. */
export function reachable(adapters: Adapter[], target: Target): boolean {
  return target.type === 'person' || adapterFor(adapters, target.platform) !== undefined;
}

/**
 * Sends one message and says where it went: the person's first account on a configured
 * platform gets a direct message; with none, it waits in their inbox for their next message.
 * A failing platform throws, so the caller keeps the message queued for the next check.
 */
export async function deliver(services: Services, adapters: Adapter[], target: Target, reply: Reply): Promise<string> {
  if (target.type === 'channel') {
    const adapter = adapterFor(adapters, target.platform);
    if (!adapter) throw new Error(`no ${target.platform} adapter to post to channel ${target.channelId}`);
    await adapter.postToChannel(target.channelId, reply);
    return `${target.platform}:#${target.channelId}`;
  }
  const keys = [...new Set([...(await services.store.people.accountsOf(target.personId)), target.personId])];
  for (const key of keys) {
    const { platform, userId } = splitAccount(key);
    const adapter = adapterFor(adapters, platform);
    if (!adapter) continue;
    await adapter.sendDirect(userId, reply);
    return key;
  }
  await (services.inbox ?? storeInbox(services.store)).put(target.personId, reply);
  return target.personId;
}
