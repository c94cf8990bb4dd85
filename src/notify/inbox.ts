import { z } from 'zod';
import type { Block, Button, Reply } from '../message.ts';
import { waitingMessages } from '../messages/digest.ts';
import type { Inbox } from '../services.ts';
import type { Store } from '../store/port.ts';

const ReplySchema = z.custom<Reply>(
  (v) => typeof v === 'object' && v !== null && Array.isArray((v as { blocks?: unknown }).blocks),
  'must be a reply',
);
const WaitingSchema = z.object({ replies: z.array(ReplySchema) });

/**
 * Messages for a person with no platform to reach them (a console user): kept in the store
 * and shown with their next reply, so a nudge survives a restart until it is read.
 */
export function storeInbox(store: Store): Inbox {
  // One small file per person, so keeping a message never rewrites everyone's.
  const open = (personId: string) => store.collection(`inbox/${personId}`, WaitingSchema);
  return {
    async put(personId, reply) {
      const inbox = await open(personId);
      await inbox.update(personId, (current) => ({ replies: [...(current?.replies ?? []), reply] }));
    },
    async take(personId) {
      const inbox = await open(personId);
      // Read and emptied in one step: two replies at once never both show the same nudge.
      if (!(await inbox.get(personId))) return [];
      return (await inbox.take(personId))?.replies ?? [];
    },
  };
}

/**
 * Messages that waited for someone's next reply, shown as one: a count, each message once
 * (a reminder repeated by several checks shows once), and the buttons gathered at the end.
 */
export function waitingAsOne(replies: Reply[]): Block[] {
  const seen = new Set<string>();
  const texts: Block[][] = [];
  const buttons = new Map<string, Button>();
  for (const r of replies) {
    const body = r.blocks.filter((b) => b.kind !== 'actions');
    const id = JSON.stringify(body);
    for (const b of r.blocks)
      if (b.kind === 'actions') for (const button of b.buttons) buttons.set(`${button.command} ${button.args}`, button);
    if (seen.has(id)) continue;
    seen.add(id);
    texts.push(body);
  }
  const blocks: Block[] = [waitingMessages(texts.length)];
  texts.forEach((body, i) => blocks.push(...(i ? [{ kind: 'divider' as const }] : []), ...body));
  if (buttons.size) blocks.push({ kind: 'actions', buttons: [...buttons.values()] });
  return blocks;
}
