import type { DateTime } from 'luxon';
import type { Adapter } from '../adapter.ts';
import { reply } from '../message.ts';
import type { Reply } from '../message.ts';
import type { Services } from '../services.ts';
import { allMeetings } from '../meetings/meetings.ts';
import { upcoming } from '../meetings/recurrence.ts';
import type { Occurrence } from '../meetings/recurrence.ts';
import { reachable } from './delivery.ts';
import type { Target } from './delivery.ts';
import { formatWhen } from '../meetings/format.ts';
import { formatDuration } from '../parse/duration.ts';
import { rsvpButtons } from '../../commands/meet-actions.ts';
import { sendOnce } from './outbox.ts';
import type { Planned, Sent } from './outbox.ts';
import { inQuietHours } from './quiet.ts';
import { tell } from './tell.ts';
import { remindersBlocked } from '../messages/reach.ts';

type Lead = 'day' | 'hour';

/**
 * Which reminder an occurrence is due for now: from 24 hours before it, the day-before one;
 * from 1 hour before, the hour-before one (a late check sends only the nearer one).
 * The day-before one waits for the end of quiet hours; the hour-before one cannot wait.
 */
function reminderDue(occurrence: Occurrence, now: DateTime): Lead | undefined {
  if (now >= occurrence.start) return undefined;
  if (now >= occurrence.start.minus({ hours: 1 })) return 'hour';
  if (now >= occurrence.start.minus({ hours: 24 }) && !inQuietHours(now)) return 'day';
  return undefined;
}

function reminderReply(o: Occurrence, lead: Lead, now: DateTime): Reply {
  const { meeting } = o;
  const soon = lead === 'hour' ? `${meeting.title} starts in 1 hour.` : `${meeting.title} is tomorrow.`;
  const lines = [soon, `When: ${formatWhen(o.start, now)}, for ${formatDuration(meeting.minutes)}.`];
  if (meeting.link) lines.push(`Join here: ${meeting.link}`);
  lines.push('Will you come?');
  return reply([{ kind: 'text', text: lines.join('\n') }, rsvpButtons(meeting)], { private: false });
}

/** Reminders due now for meetings scheduled in a channel on a platform that is running. */
async function planReminders(services: Services, adapters: Adapter[], now: DateTime): Promise<Planned[]> {
  const planned: Planned[] = [];
  for (const meeting of await allMeetings(services)) {
    if (!meeting.channelId) continue;
    const target: Target = { type: 'channel', platform: meeting.platform, channelId: meeting.channelId };
    if (!reachable(adapters, target)) continue;
    for (const o of upcoming(meeting, now, 2, 3)) {
      const lead = reminderDue(o, now);
      if (lead) planned.push({ key: `${meeting.id}|${o.date}|${lead}`, target, part: reminderReply(o, lead, now) });
    }
  }
  return planned;
}

export async function runReminderCheck(
  services: Services,
  adapters: Adapter[],
  options: { dryRun?: boolean } = {},
): Promise<Sent[]> {
  const now = services.clock.now();
  const meetings = new Map((await allMeetings(services)).map((m) => [m.id, m]));
  return sendOnce(services, adapters, 'reminders', await planReminders(services, adapters, now), {
    ...options,
    // The channel is closed to the bot: its facilitator hears once, by direct message.
    onClosed: async (target, keys, error) => {
      const meeting = meetings.get(keys[0]!.split('|')[0]!);
      if (!meeting || target.type !== 'channel') return;
      await tell(services, [
        {
          key: `reminders-blocked|${meeting.id}|${target.platform}:${target.channelId}`,
          personId: meeting.createdBy,
          reply: remindersBlocked(meeting.title, error.reason, target.platform),
        },
      ]);
    },
  });
}
