import { DateTime } from 'luxon';
import type { Block, Reply } from '../message.ts';
import { reply } from '../message.ts';
import { QUIET_DAYS } from '../programs/deadlines.ts';
import type { Deadline } from '../programs/deadlines.ts';
import { daysBetween } from '../dates.ts';
import type { Person } from '../store/schema.ts';
import { displayName } from '../people.ts';
import { formatDate as day } from '../parse/date.ts';
import { splitAccount } from './delivery.ts';

/** Which reminder a deadline is at: 14, 7 or 1 days before, or late. */
export type Mark = '14' | '7' | '1' | 'overdue';

/** "It is due in 7 days, on Monday, March 23." (after the label on its own line, so a plural label still reads right) */
function dueText(d: Deadline): string {
  if (d.overdue) return `It was due on ${day(d.due)}. It is late now.`;
  if (d.daysLeft <= 0) return 'It is due today.';
  if (d.daysLeft === 1) return `It is due tomorrow, ${day(d.due)}.`;
  return `It is due in ${d.daysLeft} days, on ${day(d.due)}.`;
}

/** The real gap: days from the last day hours were logged to today (the deadline is QUIET_DAYS after it). */
function quietDays(d: Deadline): number {
  return d.since ? daysBetween(d.since, d.due) - d.daysLeft : QUIET_DAYS - d.daysLeft;
}

const MUTE_HINT: Block = { kind: 'context', text: 'To stop these reminders, type /deadlines mute' };

/** The nudge a mentor gets about their own deadline. */
export function mentorNudge(d: Deadline): Reply {
  if (d.kind === 'no-hours') {
    return reply([
      {
        kind: 'text',
        text: [
          `Reminder: you have not logged any hours for ${quietDays(d)} days.`,
          'Did you do internship work? Please log it.',
          'Example: /hours log 2h 1on1',
        ].join('\n'),
      },
      MUTE_HINT,
    ]);
  }
  const lines = [`Reminder: ${d.label}.`, dueText(d)];
  if (d.overdue) lines.push('Please talk with your supervisor about it.');
  return reply([
    { kind: 'text', text: lines.join('\n') },
    { kind: 'actions', buttons: [{ label: 'See my deadlines', command: 'deadlines', args: '' }] },
    MUTE_HINT,
  ]);
}

/** How to name a person in a command so the mention finds them again on any platform. */
function mentionOf(person: Person): string {
  const { platform, userId } = splitAccount(person.id);
  return platform === 'console' ? `@${userId}` : `<@${userId}>`;
}

/** The nudge a supervisor gets about one of their mentors. */
export function supervisorNudge(mentor: Person, d: Deadline): Reply {
  const name = displayName(mentor);
  const text =
    d.kind === 'no-hours'
      ? [`Reminder about ${name}:`, `${name} has not logged any hours for ${quietDays(d)} days.`]
      : [`Reminder about ${name}:`, `${d.label}.`, dueText(d)];
  return reply([
    { kind: 'text', text: text.join('\n') },
    { kind: 'actions', buttons: [{ label: `See ${name}'s deadlines`, command: 'deadlines', args: mentionOf(mentor) }] },
    MUTE_HINT,
  ]);
}

/** One supervisor's weekly summary: late and soon things, mentor by mentor. */
export function digestReply(weekOf: string, rows: Array<{ mentor: Person; deadlines: Deadline[] }>): Reply {
  const blocks: Block[] = [
    { kind: 'heading', text: `Your weekly summary for the week of ${DateTime.fromISO(weekOf).toFormat('LLLL d')}` },
  ];
  for (const { mentor, deadlines } of rows) {
    const late = deadlines.filter((d) => d.overdue || (d.kind === 'no-hours' && d.daysLeft <= 0));
    const soon = deadlines.filter((d) => !late.includes(d) && d.kind !== 'no-hours' && d.daysLeft <= 30);
    const lines = [displayName(mentor)];
    for (const d of late)
      lines.push(
        d.kind === 'no-hours'
          ? `  Late: no hours logged for ${quietDays(d)} days`
          : `  Late: ${d.label} (was due ${day(d.due)})`,
      );
    for (const d of soon) lines.push(`  Soon: ${d.label} (due ${day(d.due)})`);
    if (lines.length === 1) lines.push('  Nothing due in the next 30 days.');
    blocks.push({ kind: 'text', text: lines.join('\n') });
  }
  blocks.push({ kind: 'context', text: 'To see more, type /team' });
  return reply(blocks);
}
