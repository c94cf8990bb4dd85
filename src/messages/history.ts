import { formatDuration } from '../parse/duration.ts';
import { shortDate } from '../parse/date.ts';

/**
 * The words of /hours history: one line per change to an entry, who did it and when, in
 * plain words ("Sue Lee approved it on Tuesday, March 17 at 2:05 PM"). Builders only: the
 * facts come from src/hours/entry-history.ts.
 */

/** An entry as people read it: "2 hours of shadowing on Mar 2". */
export interface EntryFacts {
  minutes: number;
  /** The category's label. */
  activity: string;
  date: string;
  note: string;
}

/** One field an edit changed, from and to. */
export type Change =
  | { field: 'minutes'; from: number; to: number }
  | { field: 'date' | 'activity' | 'note'; from: string; to: string }
  | { field: 'back-for-approval' };

export type HistoryEvent =
  | { action: 'logged'; who: string; when: string; what: EntryFacts; fromMeeting: boolean }
  | { action: 'edited'; who: string; when: string; changes: Change[] }
  | { action: 'approved'; who: string; when: string }
  | { action: 'rejected'; who: string; when: string; reason?: string }
  | { action: 'deleted'; who: string; when: string; byUndo: boolean };

export function entryText(e: EntryFacts, today: string): string {
  return `${formatDuration(e.minutes)} of ${e.activity.toLowerCase()} on ${shortDate(e.date, today)}`;
}

function changeText(c: Change, today: string): string {
  switch (c.field) {
    case 'minutes':
      return `the time from ${formatDuration(c.from)} to ${formatDuration(c.to)}`;
    case 'date':
      return `the date from ${shortDate(c.from, today)} to ${shortDate(c.to, today)}`;
    case 'activity':
      return `the activity from ${c.from.toLowerCase()} to ${c.to.toLowerCase()}`;
    case 'note':
      return c.to ? `the note to "${c.to}"` : 'and took out the note';
    case 'back-for-approval':
      return 'and sent it back to be approved';
  }
}

/** "Sue Lee approved it on Tuesday, March 17 at 2:05 PM." */
export function historyLine(e: HistoryEvent, today: string): string {
  switch (e.action) {
    case 'logged':
      return e.fromMeeting
        ? `I logged it on ${e.when}, when ${e.who === 'You' ? 'you said you' : `${e.who} said they`} came to the call: ${entryText(e.what, today)}.`
        : `${e.who} logged it on ${e.when}: ${entryText(e.what, today)}.`;
    case 'edited': {
      const changes = e.changes.map((c) => changeText(c, today));
      return `${e.who} changed it on ${e.when}${changes.length ? `: ${changes.join(', ')}` : ''}.`;
    }
    case 'approved':
      return `${e.who} approved it on ${e.when}.`;
    case 'rejected':
      return `${e.who} did not approve it on ${e.when}.${e.reason ? ` Reason: ${e.reason}` : ''}`;
    case 'deleted':
      return e.byUndo ? `${e.who} took it back with /hours undo on ${e.when}.` : `${e.who} deleted it on ${e.when}.`;
  }
}

/** The first line: which entry, whose, and how it stands now. */
export function historyHeading(id: string, whose: string | undefined, now: string): string {
  return `History of entry #${id}${whose ? ` of ${whose}` : ''}: ${now}`;
}

/** "1 hour 30 minutes of shadowing on Mar 12, approved." */
export function keptNow(what: EntryFacts, status: string, today: string): string {
  return `${entryText(what, today)}, ${status}.`;
}

export function deletedNow(what: EntryFacts, today: string): string {
  return `deleted. It was ${entryText(what, today)}.`;
}

export function restoredLine(newId: string): string {
  return `Then /hours undo brought it back as #${newId}. To see it: /hours history ${newId}`;
}

export function noSuchEntry(id: string, whose: string | undefined, forMentor = false): string {
  if (whose) return `${whose} has no entry #${id}.`;
  if (forMentor) return `You have no entry #${id} of your own. For a mentor's entry, name them.`;
  return `You have no entry #${id}. Type /hours list to see your entries.`;
}

export const HISTORY_EXAMPLE = '/hours history 3';
export const HISTORY_WHICH = 'Which entry? Give its number from /hours list.';
