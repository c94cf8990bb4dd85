import type { Context } from '../src/bot.ts';
import { UserError } from '../src/errors.ts';
import { textReply } from '../src/message.ts';
import type { Reply } from '../src/message.ts';
import { displayName, hasRole } from '../src/people.ts';
import type { Meeting } from '../src/meetings/meetings.ts';
import { findMeeting } from '../src/meetings/lookup.ts';
import { readDate } from '../src/parse/date.ts';
import { latestStarted, occurrenceOn, upcoming } from '../src/meetings/recurrence.ts';
import type { Occurrence } from '../src/meetings/recurrence.ts';
import { formatDay, formatWhen } from '../src/meetings/format.ts';
import { tell } from '../src/notify/tell.ts';

const WHO_EXAMPLE = '/meet who lc';

/** Names for a list of person ids, in the order of their names. */
async function names(ctx: Context, ids: string[]): Promise<string[]> {
  const people = await Promise.all(ids.map((id) => ctx.services.store.people.get(id)));
  return people.map((p, i) => (p ? displayName(p) : ids[i]!)).sort((a, b) => a.localeCompare(b));
}

function listed(label: string, people: string[]): string {
  return `${label} (${people.length}): ${people.length ? people.join(', ') : 'nobody'}`;
}

/** Who said yes or no for one date, and, once it has happened, who came and who said yes but missed it. */
async function occurrenceLines(ctx: Context, meeting: Meeting, o: Occurrence, happened: boolean): Promise<string[]> {
  const answers = Object.entries(meeting.rsvps[o.date] ?? {});
  const yes = answers.filter(([, a]) => a === 'yes').map(([id]) => id);
  const no = answers.filter(([, a]) => a === 'no').map(([id]) => id);
  const came = meeting.attended[o.date] ?? [];
  const lines = [listed('Said yes', await names(ctx, yes)), listed('Said no', await names(ctx, no))];
  if (happened) {
    lines.push(listed('Came', await names(ctx, came)));
    lines.push(
      listed(
        'Said yes but did not come',
        await names(
          ctx,
          yes.filter((id) => !came.includes(id)),
        ),
      ),
    );
  }
  return lines;
}

/** /meet who <id> [date]: for facilitators, the RSVPs of the next date and who came to the last one. */
export async function whoMeeting(ctx: Context, words: string[]): Promise<Reply> {
  if (!hasRole(ctx.actor, 'facilitator'))
    throw new UserError('not-allowed', 'Only a facilitator can see who is coming.', '/meet list');
  const meeting = await findMeeting(ctx.services, words[0], WHO_EXAMPLE);
  const { services } = ctx;
  const now = services.clock.now();
  const zone = services.config.tz;
  if (words.length > 1) {
    const example = `/meet who ${meeting.id} ${now.toISODate()}`;
    const date = readDate(words.slice(1).join(' '), now, example);
    const o = date ? occurrenceOn(meeting, zone, date) : undefined;
    if (!date || !o) throw new UserError('not-a-meeting-day', `${meeting.title} does not happen on that day.`, example);
    return textReply(
      `${meeting.title} on ${formatDay(o.date, zone, now)}:`,
      ...(await occurrenceLines(ctx, meeting, o, o.start <= now)),
    );
  }
  const lines: string[] = [];
  const next = upcoming(meeting, now, 1)[0];
  if (next) lines.push(`Next: ${formatWhen(next.start, now)}`, ...(await occurrenceLines(ctx, meeting, next, false)));
  const last = latestStarted(meeting, now);
  if (last) {
    if (lines.length) lines.push('');
    lines.push(`Last time: ${formatDay(last.date, zone, now)}`, ...(await occurrenceLines(ctx, meeting, last, true)));
  }
  if (!lines.length) return textReply(`${meeting.title} has no dates coming up and none that happened.`);
  return textReply(meeting.title, ...lines);
}

/** Everyone who said yes to a date hears that it changed (skipped, cancelled or moved), once. */
export async function tellYesSayers(
  ctx: Context,
  meeting: Meeting,
  dates: string[],
  what: string,
  event: string,
): Promise<number> {
  const ids = new Set(
    dates.flatMap((d) =>
      Object.entries(meeting.rsvps[d] ?? {})
        .filter(([, a]) => a === 'yes')
        .map(([id]) => id),
    ),
  );
  ids.delete(ctx.actor.person.id);
  await tell(
    ctx.services,
    [...ids].map((personId) => ({
      key: `meeting:${meeting.id}:${event}:${dates.join(',')}:${personId}`,
      personId,
      reply: textReply(what),
    })),
  );
  return ids.size;
}
