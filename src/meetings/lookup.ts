import { UserError } from '../errors.ts';
import type { Services } from '../services.ts';
import type { Meeting } from './meetings.ts';
import { allMeetings, cancelledStore } from './meetings.ts';

/** Finds a series by its id, or failing that by a unique part of its title ("learning"). */
export async function findMeeting(services: Services, word: string | undefined, example: string): Promise<Meeting> {
  const meetings = await allMeetings(services);
  const ids = meetings.map((m) => m.id);
  if (!word)
    throw new UserError(
      'no-meeting',
      'Which meeting? Please add its short name.',
      example,
      ids.length ? ids : undefined,
    );
  const w = word.toLowerCase();
  const byId = meetings.find((m) => m.id === w);
  if (byId) return byId;
  // Before the title match: the short id of a cancelled series is a button on an old reminder.
  // Compared with ===, so a typed "constructor" is only ever a word.
  const cancelled = (await (await cancelledStore(services)).all()).find((r) => r.id === w)?.value;
  if (cancelled) throw new UserError('meeting-cancelled', `${cancelled.title} was cancelled.`, '/meet list');
  const byTitle = meetings.filter((m) => m.title.toLowerCase().includes(w));
  if (byTitle.length === 1) return byTitle[0]!;
  if (!meetings.length) throw new UserError('no-meetings', 'There are no meetings yet.', '/meet list');
  throw new UserError('unknown-meeting', `I can't find a meeting called "${word}".`, example, ids);
}
