/**
 * The words of /hours that are built from parts. Every user-facing line of a feature lives in
 * its message module, so a reviewer can read them together and scripts/lint-messages.ts can
 * measure them.
 */
import { formatDate } from '../parse/date.ts';
import { formatDuration } from '../parse/duration.ts';

/** "Log 2 hours of shadowing for yesterday?": the question for hours typed without the command. */
export function logOffer(minutes: number, categoryLabel: string, date: string, today: string): string {
  return `Log ${formatDuration(minutes)} of ${categoryLabel.toLowerCase()} for ${dayWords(date, today)}?`;
}

/** "today", "yesterday, Sunday, March 15", or "Monday, March 16": the day named, so nobody has to work it out. */
export function dayWords(date: string, today: string): string {
  if (date === today) return 'today';
  const yesterday = new Date(`${today}T12:00:00Z`);
  yesterday.setUTCDate(yesterday.getUTCDate() - 1);
  if (date === yesterday.toISOString().slice(0, 10)) return `yesterday, ${formatDate(date, today)}`;
  return formatDate(date, today);
}

export const LOG_OFFER_YES = 'Yes, log it';
export const LOG_OFFER_NO = 'No';
export const LOG_CANCELLED = ['OK. I did not save anything.', 'To log hours, type: /hours log 2h shadowing'];

/** "2 hours of shadowing on Monday, March 16": an entry, the same way in every reply. */
export function entryWhat(minutes: number, label: string, date: string, today: string): string {
  return `${formatDuration(minutes)} of ${label.toLowerCase()} on ${formatDate(date, today)}`;
}

// /hours list
export const LIST_COUNT = 'Give the number of entries to show, like 5.';
export const noHoursYet = (name?: string) =>
  name ? `${name} has not logged any hours yet.` : 'You have not logged any hours yet.';
export const countWords = (n: number) => `${n} ${n === 1 ? 'entry' : 'entries'}`;
export const yourLast = (count: string) => `Your last ${count}:`;
export const theirLast = (count: string, name: string) => `Last ${count} of ${name}:`;
export const FIX_HINT = 'To fix one, use its number. Example: /hours delete 3';
export const approveHint = (mention: string, id: string) =>
  `To approve one, use its number. Example: /hours approve @${mention} ${id}`;

// Finding one of my entries
export const WHICH_ENTRY = 'Which entry? Give its number from /hours list.';
export const noSuchEntry = (id: string) => `You have no entry #${id}. Type /hours list to see your entries.`;
export const alreadyApproved = (id: string) =>
  `Entry #${id} is already approved. Ask your supervisor if it needs a change.`;
export const maybeDeleted = (id: string) => [
  `There is no entry #${id}. It may already be deleted.`,
  'Type /hours list to see your entries.',
];

// /hours delete, /hours undo, /hours edit
export const deleted = (id: string, what: string) => `Deleted #${id}: ${what}.`;
export const NOTHING_TO_UNDO = 'There is nothing to undo.';
export const undoneDelete = (id: string, what: string) => `Undone: the entry you deleted is back, as #${id}: ${what}.`;
export const undoApproved = (id: string) => [
  `Your last change was to #${id}, and it is approved now, so I did not undo it.`,
  'Ask your supervisor if it needs a change.',
];
export const undoneLog = (id: string, what: string) => `Undone: I deleted #${id}, the entry you logged last: ${what}.`;
export const undoneEdit = (id: string, what: string) => [`Undone: your last change to #${id}.`, `Now: ${what}.`];
export const EDIT_NOTHING = 'What should change? Give a new time, category, date or "note".';
export const noteTooLong = (limit: number) => `The note is too long. It can have ${limit} letters at most.`;
export const FUTURE_DATE = 'That date is in the future. You can only log hours you already did.';
export const dayOver24 = (day: string) => `That would make more than 24 hours on ${day}.`;
export const changed = (id: string, what: string, note: string) => [
  `Changed #${id}.`,
  `Now: ${what}.${note ? `\nNote: ${note}` : ''}`,
];

// /hours log
export const saved = (what: string, created: boolean) =>
  created ? `Saved: ${what}.` : `I already saved this: ${what}.`;
export const noteLine = (note: string) => `Note: ${note}`;
export const notCounted = (why: string, id: string) =>
  `⚠ These hours are dated ${why}, so they do not count.\nYour supervisor will see this.\nIs the date wrong? Fix it: /hours edit ${id} <date>`;
export const UNDO = 'Undo';
export const dayFull = (day: string, already: string) =>
  `That would make more than 24 hours on ${day}.\nYou already logged ${already} that day.`;
export const loggedTwice = (id: string, time: string, day: string) =>
  `You already logged this: #${id}, ${time} on ${day}.\nI did not save it again.`;
export const logAgainHint = (line: string) => `Log it again? Type /hours log ${line} again`;
export const LOG_AGAIN = 'Log it again';
export const DURATION_MISSING = 'How long was it? Add the time, like 2h or 90 min.';
export const twoTimes = (a: string, b: string) => `I see two times: ${a} and ${b}. Please log each one on its own.`;
export const doubtful = (kind: string, instead: string, word: string) =>
  `Was this ${kind}, or ${instead}? Your note says "${word}". Please name the kind.`;
export const noteTooLongHas = (has: number, limit: number) =>
  `The note is too long. It has ${has} letters. It can have ${limit} at most.`;

// /hours (totals)
export const whoseHours = (program: string, name?: string) =>
  `${name ? `Hours of ${name}` : 'Your hours'} (${program})`;
export const NO_HOURS = 'No hours logged yet.\nExample: /hours log 2h shadowing';
export const waitingPart = (time: string) => ` (+${time} waiting for approval)`;
export const ONLY_APPROVED = 'Only approved hours count toward the goal. Type /hours list to see each entry.';
