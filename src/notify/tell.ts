import { z } from 'zod';
import type { Reply } from '../message.ts';
import type { Services } from '../services.ts';
import { inboxOf, route } from './delivery.ts';

/** A message for one person about something another person did (a rejected entry, a moved meeting). */
export interface Notice {
  /** Names the event for ever, so the person hears about it once however often the command is repeated. */
  key: string;
  personId: string;
  reply: Reply;
}

const ToldSchema = z.object({ at: z.string(), to: z.string() });

/**
 * Tells people now: by direct message on a platform they use, or, with none running (the
 * console) or when the platform refuses, with their next reply. Each notice is recorded once
 * it is delivered, so repeating the command does not tell them twice (a crash between the two
 * can repeat one notice, never lose it).
 */
export async function tell(services: Services, notices: Notice[]): Promise<void> {
  if (!notices.length) return;
  const told = await services.store.collection('notices', ToldSchema);
  const inbox = inboxOf(services);
  for (const notice of notices) {
    if (await told.get(notice.key)) continue;
    const way = await route(services, services.adapters ?? [], { type: 'person', personId: notice.personId });
    let to = way.to;
    if (way.kind === 'adapter') {
      try {
        await way.send(notice.reply);
      } catch (error) {
        services.log.warn(`could not send notice ${notice.key} to ${way.to}; it waits for their next message`, error);
        to = notice.personId;
        await inbox.put(notice.personId, notice.reply);
      }
    } else await inbox.put(notice.personId, notice.reply);
    await told.put(notice.key, { at: services.clock.now().toISO()!, to });
  }
}
