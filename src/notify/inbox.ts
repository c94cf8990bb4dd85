import { z } from 'zod';
import type { Reply } from '../message.ts';
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
