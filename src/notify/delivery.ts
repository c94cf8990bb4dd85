import { z } from 'zod';
import type { Adapter } from '../adapter.ts';
import type { Platform } from '../bot.ts';
import type { Reply } from '../message.ts';
import type { Services } from '../services.ts';
import { storeInbox } from './inbox.ts';
import type { Inbox } from '../services.ts';

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

/** How a message will travel: through a platform adapter, or into the store's inbox. */
export type Route =
  { kind: 'adapter'; to: string; send(reply: Reply): Promise<void> } | { kind: 'inbox'; to: string; personId: string };

/**
 * A person is reached by direct message on their first account on a configured platform;
 * with none, the message waits in their inbox for their next message. A channel is reached
 * only on a configured platform.
 */
export async function route(services: Services, adapters: Adapter[], target: Target): Promise<Route> {
  if (target.type === 'channel') {
    const adapter = adapterFor(adapters, target.platform);
    if (!adapter) throw new Error(`no ${target.platform} adapter to post to channel ${target.channelId}`);
    return {
      kind: 'adapter',
      to: `${target.platform}:#${target.channelId}`,
      send: (reply) => adapter.postToChannel(target.channelId, reply),
    };
  }
  const keys = [...new Set([...(await services.store.people.accountsOf(target.personId)), target.personId])];
  for (const key of keys) {
    const { platform, userId } = splitAccount(key);
    const adapter = adapterFor(adapters, platform);
    if (adapter) return { kind: 'adapter', to: key, send: (reply) => adapter.sendDirect(userId, reply) };
  }
  return { kind: 'inbox', to: target.personId, personId: target.personId };
}

export function inboxOf(services: Services): Inbox {
  return services.inbox ?? storeInbox(services.store);
}
