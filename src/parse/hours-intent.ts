import type { DateTime } from 'luxon';
import { UserError } from '../errors.ts';
import type { Program } from '../programs/schema.ts';
import { findDuration } from './duration.ts';
import type { ParsedLog } from './log.ts';
import { parseLog } from './log.ts';

/**
 * Words people put before the hours when they don't type the command: "i did", "log", "hour
 * log". Before the time they carry nothing for the entry, so they are left out there.
 */
const FILLER = new Set([
  'i',
  'we',
  'did',
  'do',
  'done',
  'have',
  'had',
  'spent',
  'worked',
  'work',
  'log',
  'logged',
  'add',
  'added',
  'please',
  'pls',
  'just',
  'ok',
  'okay',
  'so',
  'hey',
  'hi',
  'and',
  'hour',
  'hours',
  'hrs',
  'hr',
  'record',
  'put',
  'in',
]);
/** Small words left in the note once the time, category and date are taken out ("2 hrs *of* shadowing"). */
const JOINERS = /^(?:(?:of|for|on|in|at|some|doing|the)(?:\s+|$))+/i;

/** A line that asks something is a question, even when it has hours in it ("do 2 hours of shadowing count?"). */
const QUESTION =
  /\?\s*$|^(?:how|what|when|where|why|who|which|whose|do|does|did\s+my|can|could|should|would|is|are|am|may|must|if)\b/i;

/** Words that say "log this": with one of them, a line that cannot be logged gets the reason, not /ask. */
const LOG_VERB = /\b(?:log|logged|add|added|did|spent|worked|record|recorded)\b/i;

export interface HoursIntent {
  parsed: ParsedLog;
  /** The /hours text that logs exactly this, for a Yes button: "log 2h shadowing 2026-03-17". */
  args: string;
}

/**
 * Reads a line typed without a command ("i did 2 hrs shadowing yesterday", "log 1h 1on1") as
 * hours to log, when it clearly is: a time with a unit, a known category, and not a question.
 * Returns undefined for anything else (it is then a question for /ask). A line that has a
 * time and is not a question, but that /hours log would refuse, throws that UserError, so
 * the person learns what to fix instead of having a log line saved as a question.
 */
export function readHoursIntent(text: string, program: Program, today: DateTime): HoursIntent | undefined {
  const line = text.trim().replace(/[.!]+$/, '');
  if (!line || QUESTION.test(line)) return undefined;
  let duration: ReturnType<typeof findDuration>;
  try {
    duration = findDuration(line, '/hours log 2h shadowing');
  } catch {
    // "0 hours", "30 hours": a time, but not one to log; the log parser says why below.
    duration = { value: 0, rest: line };
  }
  if (!duration) return undefined;
  // The words before the time, less the filler, then the rest as written.
  const timeAt = duration.value ? firstDigit(line) : 0;
  const head = line
    .slice(0, timeAt)
    .split(/\s+/)
    .filter((w) => w && !FILLER.has(w.toLowerCase()))
    .join(' ');
  let parsed: ParsedLog;
  try {
    parsed = parseLog(`${head} ${line.slice(timeAt)}`, program, today);
  } catch (error) {
    // "the meeting is 2 hours long" names no kind of hours: a remark or a question, not a log.
    const unnamed = error instanceof UserError && /^category-(missing|unknown)$/.test(error.id);
    if (unnamed && !LOG_VERB.test(line.slice(0, timeAt))) return undefined;
    throw error;
  }
  const note = parsed.note.replace(JOINERS, '').trim();
  const clean = { ...parsed, note };
  return { parsed: clean, args: logArgs(clean) };
}

/** The /hours arguments for a parsed entry, written so the log parser reads them back the same. */
export function logArgs(parsed: ParsedLog): string {
  const time = parsed.minutes % 60 === 0 ? `${parsed.minutes / 60}h` : `${parsed.minutes}min`;
  const note = parsed.note.replace(/["“”]/g, '').trim();
  return `log ${time} ${parsed.category.id} ${parsed.date}${note ? ` "${note}"` : ''}`;
}

/** Where the time starts: the first digit, or a time written in words ("two hours", "an hour"). */
function firstDigit(line: string): number {
  const m =
    /\d|\b(?:an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|half)\s+(?:h|hr|hrs|hour|hours)\b/i.exec(
      line,
    );
  return m ? m.index : 0;
}
