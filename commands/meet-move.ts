import type { Context } from '../src/bot.ts';
import { UserError } from '../src/errors.ts';
import { textReply } from '../src/message.ts';
import type { Reply } from '../src/message.ts';
import { hasRole } from '../src/people.ts';
import type { Meeting } from '../src/meetings/meetings.ts';
import { meetingStore } from '../src/meetings/meetings.ts';
import { findMeeting } from '../src/meetings/lookup.ts';
import { timeOf } from '../src/meetings/parse.ts';
import { readDate, readFutureDate } from '../src/parse/date.ts';
import { isSkipped, MOVE_LIMIT_DAYS, occurrenceOn, occurrencesBetween } from '../src/meetings/recurrence.ts';
import { formatDay, formatWhen } from '../src/meetings/format.ts';
import { tellYesSayers } from './meet-people.ts';

const EXAMPLE = '/meet move lc 3/10 3/12 2pm';

/**
 * /meet move <id> <date> <new date> [time]: one date of a series moves; the RSVPs go with it,
 * and everyone who said yes is told.
 */
export async function moveMeeting(ctx: Context, words: string[]): Promise<Reply> {
  if (!hasRole(ctx.actor, 'facilitator'))
    throw new UserError('not-allowed', 'Only a facilitator can move a meeting.', '/meet list');
  const meeting = await findMeeting(ctx.services, words[0], EXAMPLE);
  const [fromWord, toWord, ...timeWords] = words.slice(1);
  if (!fromWord || !toWord)
    throw new UserError('move-dates', 'Which date moves, and to when? Write both dates.', EXAMPLE);
  const { services } = ctx;
  const now = services.clock.now();
  const zone = services.config.tz;
  const from = readDate(fromWord, now, EXAMPLE);
  const occurrence = from ? occurrenceOn(meeting, zone, from) : undefined;
  if (!from || !occurrence)
    throw new UserError('not-a-meeting-day', `${meeting.title} does not happen on ${fromWord}.`, EXAMPLE);
  const when = formatDay(occurrence.date, zone, now);
  if (isSkipped(occurrence))
    throw new UserError('was-cancelled', `${meeting.title} on ${when} was cancelled.`, EXAMPLE);
  if (occurrence.start < now)
    throw new UserError('in-the-past', `${meeting.title} on ${when} has already started.`, EXAMPLE);
  const to = readFutureDate(toWord, now, EXAMPLE);
  if (!to) throw new UserError('bad-date', `I could not read the date "${toWord}".`, EXAMPLE);
  const time = timeWords.length ? timeOf(timeWords.join('').toLowerCase()) : undefined;
  if (timeWords.length && !time)
    throw new UserError('bad-time', `I could not read the time "${timeWords.join(' ')}".`, EXAMPLE);
  const original = occurrence.movedFrom ?? occurrence.date;
  const days = Math.abs((Date.parse(to) - Date.parse(original)) / 86_400_000);
  if (days > MOVE_LIMIT_DAYS)
    throw new UserError(
      'move-too-far',
      `A date can move at most ${MOVE_LIMIT_DAYS} days. Schedule a new meeting instead.`,
      EXAMPLE,
    );
  const clash = occurrencesBetween(meeting, zone, to, to).find((o) => o.date !== occurrence.date);
  if (clash)
    throw new UserError('move-clash', `${meeting.title} already happens on ${formatDay(to, zone, now)}.`, EXAMPLE);
  const at = { date: to, time: time ?? occurrence.start.toFormat('HH:mm') };
  // One change in the store: the answers people gave for the old date hold for the new one.
  const updated = await (
    await meetingStore(services)
  ).update(meeting.id, (m): Meeting | undefined =>
    m ? { ...m, moved: { ...m.moved, [original]: at }, rsvps: moveKey(m.rsvps, occurrence.date, to) } : undefined,
  );
  if (!updated) throw new UserError('meeting-cancelled', `${meeting.title} was cancelled.`, '/meet list');
  const moved = occurrenceOn(updated, zone, to)!;
  const told = await tellYesSayers(
    ctx,
    updated,
    [to],
    [`${meeting.title} has moved.`, `It was on ${when}.`, `Now it is ${formatWhen(moved.start, now)}.`].join('\n'),
    `moved-to-${to}`,
  );
  return textReply(
    `OK. ${meeting.title} on ${when} is now on ${formatWhen(moved.start, now)}.`,
    ...(told ? [`I told the ${told === 1 ? '1 person' : `${told} people`} who said they would come.`] : []),
  );
}

function moveKey<T>(record: Record<string, T>, from: string, to: string): Record<string, T> {
  const { [from]: value, ...rest } = record;
  return value === undefined ? record : { ...rest, [to]: value };
}
