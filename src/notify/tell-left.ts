import { createHash } from 'node:crypto';
import type { Reply } from '../message.ts';
import { plainText } from '../message.ts';
import type { Services } from '../services.ts';
import { inboxOf } from './delivery.ts';
import { tell } from './tell.ts';
import type { Notice } from './tell.ts';

/**
 * Runs `work`, which leaves messages for people in their inbox (the policy follow-up does),
 * and tells each of them now instead, through `tell()`: a direct message on Slack or Discord,
 * or the console inbox when no platform reaches them. `event` names what happened (for
 * example "answer:1a2b3c4d:<time>"), so repeating the command tells nobody twice.
 */
export async function tellWhatIsLeft<T>(
  services: Services,
  event: string,
  work: (services: Services) => Promise<T>,
): Promise<{ result: T; told: number }> {
  const left: Array<{ personId: string; reply: Reply }> = [];
  const inbox = inboxOf(services);
  const collecting: Services = {
    ...services,
    inbox: {
      put: async (personId, reply) => {
        left.push({ personId, reply });
      },
      take: (personId) => inbox.take(personId),
    },
  };
  const result = await work(collecting);
  const notices: Notice[] = left.map(({ personId, reply }) => ({
    key: `${event}:${personId}:${digest(plainText(reply))}`,
    personId,
    reply,
  }));
  await tell(services, notices);
  return { result, told: new Set(left.map((l) => l.personId)).size };
}

function digest(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 12);
}
