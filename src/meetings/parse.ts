import { distance } from 'fastest-levenshtein';
import { DateTime } from 'luxon';
import { UserError } from '../errors.ts';
import { findDuration } from '../parse/duration.ts';
import { readFutureDate, readWeekday } from '../parse/date.ts';
import { KINDS } from './meetings.ts';
import type { MeetingKind, Recurrence } from './meetings.ts';
import { wordTable } from '../lookup.ts';

export const SCHEDULE_EXAMPLE =
  '/meet schedule "Learning Collaborative" meeting every 2nd tuesday 10:00 90m https://zoom.us/j/123';

export interface ScheduleRequest {
  title: string;
  kind: MeetingKind;
  recurrence: Recurrence;
  time: string;
  minutes: number;
  link?: string;
}

/** Splits on spaces, keeping "quoted titles" (straight or curly quotes) together. */
export function words(text: string): string[] {
  return [...text.matchAll(/"([^"]*)"|“([^”]*)”|'([^']*)'|(\S+)/g)].map((m) => m[1] ?? m[2] ?? m[3] ?? m[4]!);
}

const KIND_WORDS = wordTable<MeetingKind>({
  meeting: 'meeting',
  meet: 'meeting',
  lc: 'meeting',
  collaborative: 'meeting',
  teleconference: 'teleconference',
  telecon: 'teleconference',
  call: 'teleconference',
  phone: 'teleconference',
  teleconf: 'teleconference',
  training: 'training',
  class: 'training',
  other: 'other',
});
const RECURRENCE_WORDS = new Set(['once', 'weekly', 'every', 'monthly', 'each']);

function kindOf(word: string): MeetingKind | undefined {
  const w = word.toLowerCase().replace(/s$/, '');
  const known = KIND_WORDS.get(w);
  if (known) return known;
  return KINDS.find((k) => k.length > 5 && distance(k, w) <= 2);
}

/** Day names are read by the one date reader: "thursday" is Thursday before any typo is guessed. */
const weekdayOf = readWeekday;

const NTH = wordTable<1 | 2 | 3 | 4 | -1>({
  '1': 1,
  '1st': 1,
  first: 1,
  '2': 2,
  '2nd': 2,
  second: 2,
  '3': 3,
  '3rd': 3,
  third: 3,
  '4': 4,
  '4th': 4,
  fourth: 4,
  last: -1,
});

/** "10:00", "10am", "10:30 pm", "2pm", "noon" -> "HH:mm". */
const TIME = /^(?:(\d{1,2})(?::(\d{2}))?\s*(am|pm|a\.m\.|p\.m\.)|(\d{1,2}):(\d{2})|noon)$/i;

export function timeOf(word: string): string | undefined {
  const m = TIME.exec(word.trim());
  if (!m) return undefined;
  if (/^noon$/i.test(word.trim())) return '12:00';
  let hour = Number(m[1] ?? m[4]);
  const minute = Number(m[2] ?? m[5] ?? 0);
  const meridiem = m[3]?.[0]?.toLowerCase();
  if (meridiem && (hour < 1 || hour > 12)) return undefined;
  if (meridiem === 'p' && hour < 12) hour += 12;
  if (meridiem === 'a' && hour === 12) hour = 0;
  if (hour > 23 || minute > 59) return undefined;
  return `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
}

function recurrenceError(): UserError {
  return new UserError('bad-recurrence', 'I could not tell when it repeats.', SCHEDULE_EXAMPLE, [
    'once 2026-04-02',
    'weekly tuesday',
    'every 2nd tuesday',
    'every last friday',
    'monthly 15',
  ]);
}

/** Reads the recurrence at the start of `rest`; returns it and how many words it used. */
function readRecurrence(rest: string[], today: DateTime): { recurrence: Recurrence; used: number } {
  const [first = '', second = '', third = ''] = rest.map((w) => w.toLowerCase());
  if (first === 'once' || first === 'on') {
    // The date may be one word ("3/24") or a few ("march 24", "next tuesday").
    // ...but it stops before the time, the duration or the link.
    const stop = rest.findIndex(
      (w, i) =>
        i > 0 &&
        (timeOf(w) !== undefined || /^(https?:|tel:|www\.)/i.test(w) || /^\d+(\.\d+)?(m|h|min|mins|hr|hrs)$/i.test(w)),
    );
    const most = (stop === -1 ? rest.length : stop) - 1;
    for (let n = Math.min(3, most); n >= 1; n--) {
      const date = readFutureDate(rest.slice(1, 1 + n).join(' '), today, SCHEDULE_EXAMPLE);
      if (date) return { recurrence: { type: 'once', date }, used: 1 + n };
    }
    throw new UserError(
      'bad-date',
      'I could not read the date.',
      '/meet schedule "Retreat planning" other once 2026-04-02 13:00 2h',
    );
  }
  if (first === 'weekly') {
    const weekday = weekdayOf(second);
    if (!weekday) throw recurrenceError();
    return { recurrence: { type: 'weekly', weekday }, used: 2 };
  }
  // "3rd wed", "monthly 3rd wed", "weekly on tuesday": the same as with "every", which people leave out.
  if (NTH.get(first) && weekdayOf(second))
    return { recurrence: { type: 'nth', nth: NTH.get(first)!, weekday: weekdayOf(second)! }, used: 2 };
  if (first === 'monthly' && NTH.get(second) && weekdayOf(third))
    return { recurrence: { type: 'nth', nth: NTH.get(second)!, weekday: weekdayOf(third)! }, used: 3 };
  if (first === 'weekly' && second === 'on' && weekdayOf(third))
    return { recurrence: { type: 'weekly', weekday: weekdayOf(third)! }, used: 3 };
  if (first === 'every' || first === 'each') {
    const nth = NTH.get(second);
    if (nth && weekdayOf(third)) return { recurrence: { type: 'nth', nth, weekday: weekdayOf(third)! }, used: 3 };
    if (weekdayOf(second)) return { recurrence: { type: 'weekly', weekday: weekdayOf(second)! }, used: 2 };
    throw recurrenceError();
  }
  if (first === 'monthly') {
    const day = Number(second.replace(/(st|nd|rd|th)$/, ''));
    if (!Number.isInteger(day) || day < 1 || day > 31) throw recurrenceError();
    return { recurrence: { type: 'monthly', day }, used: 2 };
  }
  throw recurrenceError();
}

/** Where the recurrence starts: "every", "weekly", ... or an "3rd wed" written without "every". */
function startsRecurrence(tokens: string[], i: number): boolean {
  const w = tokens[i]!.toLowerCase();
  if (RECURRENCE_WORDS.has(w)) return true;
  return NTH.get(w) !== undefined && weekdayOf(tokens[i + 1]?.toLowerCase() ?? '') !== undefined;
}

/**
 * The title is quoted, or runs up to the recurrence ("every", "weekly", ...); the word just
 * before the recurrence is the kind when it is one (typos allowed), else the kind is "meeting".
 */
function readTitleAndKind(tokens: string[], quoted: boolean): { title: string; kind: MeetingKind; rest: string[] } {
  let title: string;
  let kind: MeetingKind = 'meeting';
  let rest: string[];
  if (quoted) {
    title = tokens[0]!;
    rest = tokens.slice(1);
    if (rest[0] && !startsRecurrence(rest, 0) && rest[0].toLowerCase() !== 'on') {
      const k = kindOf(rest[0]);
      if (!k) throw new UserError('bad-kind', `I don't know the kind "${rest[0]}".`, SCHEDULE_EXAMPLE, [...KINDS]);
      kind = k;
      rest = rest.slice(1);
    }
  } else {
    const at = tokens.findIndex((w, i) => i > 0 && startsRecurrence(tokens, i));
    if (at === -1) throw recurrenceError();
    const k = at > 1 ? kindOf(tokens[at - 1]!) : undefined;
    // "monthly call 3rd wed": the kind word stays in the title when the rest would be "monthly" alone.
    const keepKind = k !== undefined && at === 2 && RECURRENCE_WORDS.has(tokens[0]!.toLowerCase());
    title = tokens.slice(0, k && !keepKind ? at - 1 : at).join(' ');
    kind = k ?? 'meeting';
    rest = tokens.slice(at);
  }
  title = title.trim();
  if (!title) throw new UserError('no-title', 'Please start with the meeting name.', SCHEDULE_EXAMPLE);
  if (title.length > 120)
    throw new UserError('title-too-long', 'The name is too long. Please use 120 letters or fewer.', SCHEDULE_EXAMPLE);
  return { title, kind, rest };
}

/** Forgiving reading of `/meet schedule <title> <kind> <recurrence> <time> [duration] [link]`. */
export function parseSchedule(text: string, today: DateTime): ScheduleRequest {
  const all = words(text)
    .map((w) => w.trim())
    .filter(Boolean);
  // "10 am" is one time: join a lone am/pm to the number before it.
  // (Pushed in place: copying the list for every word made 32 KB of "x x x" take seconds.)
  const tokens: string[] = [];
  for (const w of all) {
    if (/^(am|pm|a\.m\.|p\.m\.)$/i.test(w) && tokens.length) tokens[tokens.length - 1] += w;
    else tokens.push(w);
  }
  if (!tokens.length)
    throw new UserError(
      'no-title',
      'Please give the meeting a name, a kind, when it repeats and a time.',
      SCHEDULE_EXAMPLE,
    );
  const { title, kind, rest: afterKind } = readTitleAndKind(tokens, /^["“']/.test(text.trim()));
  let rest = afterKind;
  const { recurrence, used } = readRecurrence(rest, today);
  rest = rest.slice(used);
  const timeAt = rest.findIndex((w) => timeOf(w.replace(/^at$/i, '')) !== undefined);
  if (timeAt === -1) throw new UserError('no-time', 'Please add the start time, like 10:00 or 2pm.', SCHEDULE_EXAMPLE);
  const time = timeOf(rest[timeAt]!)!;
  rest = rest.filter((w, i) => i !== timeAt && !/^at$/i.test(w));
  const linkAt = rest.findIndex((w) => /^(https?:\/\/|tel:|www\.)/i.test(w) || /^\+?\d[\d-]{6,}$/.test(w));
  const link = linkAt >= 0 ? rest.slice(linkAt).join(' ') : undefined;
  const between = (linkAt >= 0 ? rest.slice(0, linkAt) : rest).join(' ');
  const duration = between.trim() ? findDuration(between, SCHEDULE_EXAMPLE) : undefined;
  if (between.trim() && !duration) {
    throw new UserError(
      'extra-words',
      `I did not understand "${between.trim()}". After the time, add how long it is (like 90m) and a link.`,
      SCHEDULE_EXAMPLE,
    );
  }
  if (link && link.length > 500) throw new UserError('link-too-long', 'The link is too long.', SCHEDULE_EXAMPLE);
  return { title, kind, recurrence, time, minutes: duration?.value ?? 60, ...(link ? { link } : {}) };
}
