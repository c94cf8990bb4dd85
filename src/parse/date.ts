// The English parser alone: the package root loads every locale (about 0.7 s more at start).
import * as chrono from 'chrono-node/en';
import { distance } from 'fastest-levenshtein';
import { DateTime } from 'luxon';
import { UserError } from '../errors.ts';
import { MIN_YEAR, latestYear } from '../dates.ts';
import type { Found } from './duration.ts';

/**
 * The one date reader of the bot: hours, edits, hire dates, milestones and meetings all read
 * dates here, so "yesterday" means the same day everywhere and every date is checked against
 * the same years (MIN_YEAR to next year).
 */

const WEEKDAY = '(?:mon|tue|tues|wed|weds|thu|thur|thurs|fri|sat|sun)(?:day|nesday|sday|urday|rsday)?';
const MONTH = '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?';

/**
 * Phrases that are dates. Only these spans go to chrono, so a note like "I may call Sam"
 * never turns into a date. Numeric dates are checked strictly first: 2026-13-45 is an error,
 * not part of the note.
 */
const PHRASES = [
  // "tomorrow" is read too, so it is refused as a future date instead of becoming the note.
  /\b(?:today|yesterday|day before yesterday|tomorrow)\b/i,
  new RegExp(`\\b(?:last|this|past|on|next)?\\s*${WEEKDAY}\\b`, 'i'),
  /\b\d{1,2}\s+days?\s+ago\b/i,
  new RegExp(`\\b${MONTH}\\s+\\d{1,2}(?:st|nd|rd|th)?(?:,?\\s+\\d{4})?\\b`, 'i'),
  new RegExp(`\\b\\d{1,2}(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH}(?:,?\\s+\\d{4})?\\b`, 'i'),
];

/** "the 17th", "on the 3rd": a day of the month with no month. "the" is needed, so "my 3rd visit" stays a note. */
const DAY_OF_MONTH = /\b(?:on\s+)?the\s+(\d{1,2})(?:st|nd|rd|th)\b/i;

const ISO = /(?<![\w/-])(\d{4})-(\d{1,2})-(\d{1,2})(?![\w/-])/;
const SLASH = /(?<![\w/:.-])(\d{1,2})\/(\d{1,2})(?:\/(\d{2}|\d{4}))?(?![\w/:.-])/;

export const DATE_EXAMPLES = 'today, yesterday, last friday, 3/4 or 2026-03-04';

/**
 * Finds a date in the text, in the collaborative's time zone, relative to `today`.
 * A month and day with no year is the nearest such day, ahead or behind; a weekday is the last
 * one; "the 17th" is the last 17th (this month or last).
 */
export function findDate(text: string, today: DateTime, example: string): Found<string> | undefined {
  const iso = ISO.exec(text);
  if (iso) return found(real(Number(iso[1]), Number(iso[2]), Number(iso[3]), iso[0], today, example), text, iso);
  const slash = SLASH.exec(text);
  if (slash) {
    const year = slash[3] ? fullYear(slash[3], today) : today.year;
    const date = real(year, Number(slash[1]), Number(slash[2]), slash[0], today, example);
    return found(slash[3] ? date : nearestYear(date, today), text, slash);
  }
  const nth = DAY_OF_MONTH.exec(text);
  if (nth) return found(lastDayOfMonth(Number(nth[1]), nth[0], today, example), text, nth);
  for (const phrase of PHRASES) {
    const m = phrase.exec(text);
    if (!m || !m[0].trim()) continue;
    const casual = casualDate(m[0], today, false);
    // A month and day with no year is the nearest one: "3/20" on March 16 is ahead (and refused
    // for hours, accepted for a hire date); "12/30" in January is last year.
    const date =
      casual && !/\d{4}/.test(m[0]) && /[a-z]{3}\w*\.?\s+\d|\d\s+(?:of\s+)?[a-z]{3}/i.test(m[0])
        ? nearestYear(casual, today)
        : casual;
    if (date) return found(inYears(date, m[0].trim(), today, example), text, m);
  }
  return undefined;
}

/** A whole text that is one date, past or ahead ("attended tc last monday", "skip lc 4/14"). */
export function readDate(text: string, today: DateTime, example: string): string | undefined {
  const date = findDate(text.trim(), today, example);
  return date && !date.rest.trim() ? date.value : undefined;
}

/**
 * A whole text that is a date today or ahead ("3/24", "next tuesday", "march 24"), for
 * planning: a month and day with no year that has passed means next year.
 */
export function readFutureDate(text: string, today: DateTime, example: string): string | undefined {
  const t = text.trim();
  const todayIso = today.toISODate()!;
  const numeric = ISO.exec(t) ?? SLASH.exec(t);
  if (numeric && numeric[0].length === t.length) {
    const date = findDate(t, today, example)!.value;
    if (!ISO.test(t) && !numeric[3] && date < todayIso) return DateTime.fromISO(date).plus({ years: 1 }).toISODate()!;
    return date;
  }
  // No date is written in more than a few words ("wednesday, september 30th, 2026"), and chrono's
  // time grows with the text: 2,000 characters of "1.5 hours" took it a second.
  if (t.length > DATE_WORDS_MAX) return undefined;
  const date = casualDate(t, today, true);
  return date ? inYears(date, t, today, example) : undefined;
}

/** The longest text read whole as a date. */
const DATE_WORDS_MAX = 48;

/** A day name as typed ("thursday", "thurs", "Thu", "thrusday"): exact names and abbreviations first, typos last. */
export function readWeekday(word: string): (typeof WEEKDAYS)[number] | undefined {
  const w = word.toLowerCase().replace(/[.,]$/, '');
  const exact = WEEKDAYS.find((d) => d === w || d === w.replace(/s$/, ''));
  if (exact) return exact;
  const abbreviation = ABBREVIATIONS.get(w);
  if (abbreviation) return abbreviation;
  if (w.length < 5) return undefined;
  // A typo: the one closest day name, and only when no other is as close ("thrusday", not "tuesday").
  const ranked = WEEKDAYS.map((d) => ({ d, n: distance(d, w) })).sort((a, b) => a.n - b.n);
  return ranked[0]!.n <= 2 && ranked[1]!.n > ranked[0]!.n ? ranked[0]!.d : undefined;
}

export const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;
const ABBREVIATIONS = new Map<string, (typeof WEEKDAYS)[number]>([
  ...(['mo', 'mon'] as const).map((a) => [a, 'monday'] as const),
  ...(['tu', 'tue', 'tues'] as const).map((a) => [a, 'tuesday'] as const),
  ...(['we', 'wed', 'weds'] as const).map((a) => [a, 'wednesday'] as const),
  ...(['th', 'thu', 'thur', 'thurs'] as const).map((a) => [a, 'thursday'] as const),
  ...(['fr', 'fri'] as const).map((a) => [a, 'friday'] as const),
  ...(['sa', 'sat'] as const).map((a) => [a, 'saturday'] as const),
  ...(['su', 'sun'] as const).map((a) => [a, 'sunday'] as const),
]);

/** The same month and day last year, this year or next year, whichever is closest to today. */
function nearestYear(iso: string, today: DateTime): string {
  const date = DateTime.fromISO(iso);
  const options = [-1, 0, 1]
    .map((n) => date.set({ year: today.year + n }))
    .filter((d) => d.isValid && d.day === date.day);
  options.sort((a, b) => Math.abs(a.diff(today).toMillis()) - Math.abs(b.diff(today).toMillis()));
  return (options[0] ?? date).toISODate()!;
}

/** The latest day `day` of a month that is today or before: "the 17th" on March 16 is February 17. */
function lastDayOfMonth(day: number, written: string, today: DateTime, example: string): string {
  for (let back = 0; back < 12; back++) {
    const month = today.startOf('month').minus({ months: back });
    const date = month.set({ day });
    if (date.isValid && date.month === month.month && date <= today) return date.toISODate()!;
  }
  throw new UserError('not-a-date', `"${written.trim()}" is not a day of the month.`, example);
}

/** "26" is 2026 and "99" is 1999: a two-digit year is the one in MIN_YEAR..next year. */
function fullYear(written: string, today: DateTime): number {
  if (written.length === 4) return Number(written);
  const y = 2000 + Number(written);
  return y > latestYear(today.year) ? y - 100 : y;
}

function found(value: string, text: string, m: RegExpExecArray): Found<string> {
  return { value, rest: text.slice(0, m.index) + ' ' + text.slice(m.index + m[0].length) };
}

function real(year: number, month: number, day: number, written: string, today: DateTime, example: string): string {
  checkYear(year, written, today, example);
  const date = DateTime.fromObject({ year, month, day });
  if (!date.isValid) throw new UserError('not-a-date', `"${written}" is not a real date.`, example);
  return date.toISODate();
}

function inYears(iso: string, written: string, today: DateTime, example: string): string {
  checkYear(Number(iso.slice(0, 4)), written, today, example);
  return iso;
}

/** Years a person could mean: MIN_YEAR (1900) to next year. The store checks the same lower bound on load. */
function checkYear(year: number, written: string, today: DateTime, example: string): void {
  const latest = latestYear(today.year);
  if (year >= MIN_YEAR && year <= latest) return;
  throw new UserError(
    'year-out-of-range',
    `"${written}" has the year ${year}. Please use a year from ${MIN_YEAR} to ${latest}.`,
    example,
  );
}

/** chrono reads the phrase. Looking back (hours), weekdays and month-days never land ahead; looking ahead, never behind. */
function casualDate(phrase: string, today: DateTime, ahead: boolean): string | undefined {
  // chrono works in the process's zone: give it "today at noon" there, read back the calendar day.
  const reference = new Date(today.year, today.month - 1, today.day, 12);
  const result = chrono.casual.parse(phrase, reference, { forwardDate: ahead })[0];
  if (!result) return undefined;
  if (ahead && result.text.length < phrase.trim().length - 1) return undefined;
  let date = DateTime.fromObject({
    year: result.start.get('year')!,
    month: result.start.get('month')!,
    day: result.start.get('day')!,
  });
  if (!date.isValid) return undefined;
  const iso = () => date.toISODate()!;
  // "next friday" is meant to be ahead: leave it there, so logging it is refused as a future date.
  if (!ahead && iso() > today.toISODate()! && !/^\s*next\b/i.test(phrase)) {
    if (result.start.isCertain('weekday') && !result.start.isCertain('month')) date = date.minus({ weeks: 1 });
    else if (!result.start.isCertain('year')) date = date.minus({ years: 1 });
  }
  return iso();
}

/** "Monday, March 16", or "Sunday, June 1, 2025" when it is not in the year of `today` (default: this year). */
export function formatDate(iso: string, today?: string): string {
  const date = DateTime.fromISO(iso);
  const year = today ? Number(today.slice(0, 4)) : DateTime.now().year;
  return date.toFormat(date.year === year ? 'cccc, LLLL d' : 'cccc, LLLL d, yyyy');
}

/** "Mar 16", or "Jun 1, 2025" in another year. */
export function shortDate(iso: string, today?: string): string {
  const date = DateTime.fromISO(iso);
  const year = today ? Number(today.slice(0, 4)) : DateTime.now().year;
  return date.toFormat(date.year === year ? 'LLL d' : 'LLL d, yyyy');
}
