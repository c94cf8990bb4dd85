import * as chrono from 'chrono-node';
import { DateTime } from 'luxon';
import { UserError } from '../errors.ts';
import type { Found } from './duration.ts';

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

const ISO = /(?<![\w/-])(\d{4})-(\d{1,2})-(\d{1,2})(?![\w/-])/;
const SLASH = /(?<![\w/:.-])(\d{1,2})\/(\d{1,2})(?:\/(\d{2}|\d{4}))?(?![\w/:.-])/;

export const DATE_EXAMPLES = 'today, yesterday, last friday, 3/4 or 2026-03-04';

/**
 * Finds a date in the text, in the collaborative's time zone, relative to `today`.
 * A month and day with no year is the nearest such day, ahead or behind; a weekday is the last one.
 */
export function findDate(text: string, today: DateTime, example: string): Found<string> | undefined {
  const iso = ISO.exec(text);
  if (iso) return found(real(Number(iso[1]), Number(iso[2]), Number(iso[3]), iso[0], example), text, iso);
  const slash = SLASH.exec(text);
  if (slash) {
    const year = slash[3] ? (slash[3].length === 2 ? 2000 + Number(slash[3]) : Number(slash[3])) : today.year;
    const date = real(year, Number(slash[1]), Number(slash[2]), slash[0], example);
    return found(slash[3] ? date : nearestYear(date, today), text, slash);
  }
  for (const phrase of PHRASES) {
    const m = phrase.exec(text);
    if (!m || !m[0].trim()) continue;
    const casual = casualDate(m[0], today);
    // A month and day with no year is the nearest one: "3/20" on March 16 is ahead (and refused
    // for hours, accepted for a hire date); "12/30" in January is last year.
    const date =
      casual && !/\d{4}/.test(m[0]) && /[a-z]{3}\w*\.?\s+\d|\d\s+(?:of\s+)?[a-z]{3}/i.test(m[0])
        ? nearestYear(casual, today)
        : casual;
    if (date) return found(date, text, m);
  }
  return undefined;
}

/** The same month and day last year, this year or next year, whichever is closest to today. */
function nearestYear(iso: string, today: DateTime): string {
  const date = DateTime.fromISO(iso);
  const options = [-1, 0, 1]
    .map((n) => date.set({ year: today.year + n }))
    .filter((d) => d.isValid && d.day === date.day);
  options.sort((a, b) => Math.abs(a.diff(today).toMillis()) - Math.abs(b.diff(today).toMillis()));
  return (options[0] ?? date).toISODate()!;
}

function found(value: string, text: string, m: RegExpExecArray): Found<string> {
  return { value, rest: text.slice(0, m.index) + ' ' + text.slice(m.index + m[0].length) };
}

function real(year: number, month: number, day: number, written: string, example: string): string {
  const date = DateTime.fromObject({ year, month, day });
  if (!date.isValid) throw new UserError('not-a-date', `"${written}" is not a real date.`, example);
  return date.toISODate();
}

/** chrono reads the phrase; weekdays and month-days never land in the future. */
function casualDate(phrase: string, today: DateTime): string | undefined {
  // chrono works in the process's zone: give it "today at noon" there, read back the calendar day.
  const reference = new Date(today.year, today.month - 1, today.day, 12);
  const result = chrono.casual.parse(phrase, reference, { forwardDate: false })[0];
  if (!result) return undefined;
  let date = DateTime.fromObject({
    year: result.start.get('year')!,
    month: result.start.get('month')!,
    day: result.start.get('day')!,
  });
  if (!date.isValid) return undefined;
  const iso = () => date.toISODate()!;
  // "next friday" is meant to be ahead: leave it there, so logging it is refused as a future date.
  if (iso() > today.toISODate()! && !/^\s*next\b/i.test(phrase)) {
    if (result.start.isCertain('weekday') && !result.start.isCertain('month')) date = date.minus({ weeks: 1 });
    else if (!result.start.isCertain('year')) date = date.minus({ years: 1 });
  }
  return iso();
}

/** "Monday, March 16". */
export function formatDate(iso: string): string {
  return DateTime.fromISO(iso).toFormat('cccc, LLLL d');
}

/** "Mar 16". */
export function shortDate(iso: string): string {
  return DateTime.fromISO(iso).toFormat('LLL d');
}
