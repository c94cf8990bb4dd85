import { DateTime } from 'luxon';
import type { Block, Reply } from '../message.ts';
import { reply } from '../message.ts';
import { QUIET_DAYS } from '../programs/deadlines.ts';
import type { Deadline } from '../programs/deadlines.ts';
import { daysBetween } from '../dates.ts';
import type { Person } from '../store/schema.ts';
import { displayName } from '../people.ts';
import { formatDate as day } from '../parse/date.ts';

/**
 * The words of deadline reminders: one message per person per check, everything in it in
 * priority order (late things first). A person with one thing due gets the short form.
 */

/** "It is due in 7 days, on Monday, March 23." (after the label on its own line, so a plural label still reads right) */
export function dueText(d: Deadline): string {
  if (d.overdue) return `It was due on ${day(d.due)}. It is late now.`;
  if (d.daysLeft <= 0) return 'It is due today.';
  if (d.daysLeft === 1) return `It is due tomorrow, ${day(d.due)}.`;
  return `It is due in ${d.daysLeft} days, on ${day(d.due)}.`;
}

/** The real gap: days from the last day hours were logged to today (the deadline is QUIET_DAYS after it). */
export function quietDays(d: Deadline): number {
  return d.since ? daysBetween(d.since, d.due) - d.daysLeft : QUIET_DAYS - d.daysLeft;
}

/** Late, or "no hours for 14 days" once the 14 days are up. */
export function isLate(d: Deadline): boolean {
  return d.overdue || (d.kind === 'no-hours' && d.daysLeft <= 0);
}

/** A label about someone else's step reads "their agency" to the supervisor, not "your agency". */
function forSupervisor(label: string): string {
  return label.replace(/\byour\b/g, 'their').replace(/\bYour\b/g, 'Their');
}

const LOG_EXAMPLE = 'Example: /hours log 2h 1on1';

// --- a mentor's own reminders -------------------------------------------------------------

function ownLines(d: Deadline): string[] {
  if (d.kind === 'no-hours')
    return [`You have not logged any hours for ${quietDays(d)} days.`, 'Did you do internship work? Please log it.'];
  const lines = [`${d.label}.`, dueText(d)];
  if (d.overdue) lines.push('Please talk with your supervisor about it.');
  return lines;
}

/**
 * Everything due for one person, in one message. No invitation to mute: these are required
 * steps, and /deadlines says how to mute for anyone who looks.
 */
export function ownReminder(deadlines: Deadline[]): Reply {
  const sorted = bySoonest(deadlines);
  const blocks: Block[] = [];
  if (sorted.length === 1) {
    const [first, ...rest] = ownLines(sorted[0]!);
    const lead = `Reminder: ${sorted[0]!.kind === 'no-hours' ? first!.replace(/^You/, 'you') : first}`;
    const text = [lead, ...rest, ...(sorted[0]!.kind === 'no-hours' ? [LOG_EXAMPLE] : [])];
    blocks.push({ kind: 'text', text: text.join('\n') });
  } else {
    blocks.push({ kind: 'heading', text: `You have ${sorted.length} reminders` });
    const late = sorted.filter(isLate);
    const soon = sorted.filter((d) => !isLate(d));
    if (late.length) blocks.push({ kind: 'text', text: ['Late:', ...late.map(bullet(ownLines))].join('\n') });
    if (soon.length) blocks.push({ kind: 'text', text: ['Coming up:', ...soon.map(bullet(ownLines))].join('\n') });
    if (sorted.some((d) => d.kind === 'no-hours')) blocks.push({ kind: 'context', text: LOG_EXAMPLE });
  }
  blocks.push({ kind: 'actions', buttons: [{ label: 'See my deadlines', command: 'deadlines', args: '' }] });
  return reply(blocks);
}

// --- a supervisor's reminders about their mentors ------------------------------------------

export interface MentorDeadline {
  mentor: Person;
  deadline: Deadline;
}

/** Entries that wait for one supervisor's approval. */
export interface Waiting {
  /** How many entries wait, in all. */
  count: number;
  /** Mentors with entries that have waited more than 7 days, and how many each. */
  old: Array<{ mentor: Person; count: number }>;
}

export interface SupervisorDigest {
  /** Monday of the week when the weekly summary is part of this message. */
  weekOf?: string;
  /** Mentors in the weekly summary (all of them), to name those with nothing due. */
  mentors?: Person[];
  /** The mentors' deadlines to show: the ones due a reminder now, and in a weekly summary all within 30 days. */
  items: MentorDeadline[];
  waiting: Waiting;
  /** Show the "entries waited more than 7 days" line (a reminder is due for it now). */
  oldDue: boolean;
}

/** How many days ahead a weekly summary looks. */
export const SUMMARY_DAYS = 30;

function mentorLine({ mentor, deadline: d }: MentorDeadline): string {
  const name = displayName(mentor);
  if (d.kind === 'no-hours') return `${name} has not logged any hours for ${quietDays(d)} days.`;
  const when = d.overdue ? `was due ${day(d.due)}` : d.daysLeft <= 0 ? 'due today' : `due ${day(d.due)}`;
  const who = d.doneBy === 'agency' ? ' You or the agency do this step.' : '';
  return `${name}: ${forSupervisor(d.label)} (${when}).${who}`;
}

function entries(n: number): string {
  return n === 1 ? '1 entry' : `${n} entries`;
}

/** "12 entries wait for your approval." */
export function waitingText(count: number): string {
  return count === 1 ? '1 entry waits for your approval.' : `${count} entries wait for your approval.`;
}

function oldText(waiting: Waiting): string {
  return `Waiting more than 7 days: ${waiting.old.map((o) => `${displayName(o.mentor)} (${entries(o.count)})`).join(', ')}.`;
}

/** One message for a supervisor: late things, long-waiting entries, the approval count, then what is due soon. */
export function supervisorDigest(digest: SupervisorDigest): Reply {
  const { items, waiting, weekOf } = digest;
  const unique = [...new Map(items.map((i) => [i.deadline.id, i])).values()];
  const late = unique.filter((i) => isLate(i.deadline)).sort(byItem);
  const soon = unique.filter((i) => !isLate(i.deadline)).sort(byItem);
  const blocks: Block[] = [];
  const review = {
    kind: 'actions' as const,
    buttons: [{ label: 'Review entries', command: 'hours', args: 'approve' }],
  };
  // One reminder about one mentor, nothing else: the short form.
  if (!weekOf && unique.length === 1 && !(digest.oldDue && waiting.old.length)) {
    const { mentor, deadline: d } = unique[0]!;
    const name = displayName(mentor);
    const text =
      d.kind === 'no-hours'
        ? [`Reminder about ${name}:`, `${name} has not logged any hours for ${quietDays(d)} days.`]
        : [`Reminder about ${name}:`, `${forSupervisor(d.label)}.`, dueText(d)];
    if (d.doneBy === 'agency') text.push('You or the agency do this step.');
    if (waiting.count) text.push(waitingText(waiting.count));
    blocks.push({ kind: 'text', text: text.join('\n') });
    blocks.push({
      kind: 'actions',
      buttons: [
        { label: `See ${name}'s deadlines`, command: 'deadlines', args: `@${mentor.id}` },
        ...(waiting.count ? review.buttons : []),
      ],
    });
    return reply(blocks);
  }
  blocks.push({
    kind: 'heading',
    text: weekOf
      ? `Your weekly summary for the week of ${DateTime.fromISO(weekOf).toFormat('LLLL d')}`
      : 'Reminders about your mentors',
  });
  if (late.length) blocks.push({ kind: 'text', text: ['Late:', ...late.map(mentorLine)].join('\n') });
  if (digest.oldDue && waiting.old.length) blocks.push({ kind: 'text', text: oldText(waiting) });
  if (waiting.count) blocks.push({ kind: 'text', text: waitingText(waiting.count) }, review);
  const soonTitle = weekOf ? `Due in the next ${SUMMARY_DAYS} days:` : 'Coming up:';
  if (soon.length) blocks.push({ kind: 'text', text: [soonTitle, ...soon.map(mentorLine)].join('\n') });
  if (weekOf && digest.mentors) {
    const busy = new Set(unique.map((i) => i.mentor.id));
    const free = digest.mentors.filter((m) => !busy.has(m.id)).map(displayName);
    if (free.length)
      blocks.push({ kind: 'text', text: `Nothing due in the next ${SUMMARY_DAYS} days: ${free.join(', ')}.` });
  }
  blocks.push({ kind: 'actions', buttons: [{ label: 'See my team', command: 'team', args: '' }] });
  return reply(blocks);
}

function bullet(lines: (d: Deadline) => string[]): (d: Deadline) => string {
  return (d) => `• ${lines(d).join(' ')}`;
}

function bySoonest(list: Deadline[]): Deadline[] {
  return [...list].sort((a, b) =>
    isLate(a) !== isLate(b) ? (isLate(a) ? -1 : 1) : a.due < b.due ? -1 : a.due > b.due ? 1 : 0,
  );
}

function byItem(a: MentorDeadline, b: MentorDeadline): number {
  if (a.deadline.due !== b.deadline.due) return a.deadline.due < b.deadline.due ? -1 : 1;
  return displayName(a.mentor).localeCompare(displayName(b.mentor));
}

// --- an admin's weekly word about mentors with no supervisor ------------------------------

/** "2 mentors have no supervisor: Ana, Ben." with the command that fixes it. */
export function adminSummary(unsupervised: Person[]): Reply {
  const names = unsupervised.map(displayName).join(', ');
  const head =
    unsupervised.length === 1
      ? `1 mentor has no supervisor: ${names}.`
      : `${unsupervised.length} mentors have no supervisor: ${names}.`;
  return reply([
    { kind: 'heading', text: 'For admins: mentors with no supervisor' },
    {
      kind: 'text',
      text: [
        head,
        'Until they have one, only an admin can approve their hours.',
        'To add one: /admin enroll @alice supervisor:@sue',
      ].join('\n'),
    },
    { kind: 'actions', buttons: [{ label: 'See them', command: 'admin', args: 'people no-supervisor' }] },
  ]);
}

// --- waiting messages shown at the next reply (the console) --------------------------------

/** Several messages that waited for a person's next reply, shown as one. */
export function waitingMessages(count: number): Block {
  return { kind: 'text', text: count === 1 ? 'A message for you:' : `${count} messages for you:` };
}
