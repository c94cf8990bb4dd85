import { UserError } from '../errors.ts';

const HOURS = '(?:h|hr|hrs|hour|hours|hous|hrous|houres)';
const MINUTES = '(?:m|min|mins|minute|minutes|minuts)';
const NUM = '(\\d+(?:[.,]\\d+)?|\\.\\d+)';

const WORD_NUMBERS = [
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
];

/** Duration forms, tried in order; each matches a whole span of the text. */
const FORMS: Array<{ re: RegExp; minutes: (m: RegExpExecArray) => number }> = [
  // "1 1/2 hours", "3/4 hour": read before dates, so "1/2" is never January 2.
  {
    re: new RegExp(`(?<![\\w.:/-])(?:(\\d+)\\s+)?([13])/([24])\\s*${HOURS}\\b\\.?`, 'i'),
    minutes: (m) => (Number(m[1] ?? 0) + Number(m[2]) / Number(m[3])) * 60,
  },
  // "an hour and a half", "2 hours and a half", "2 and a half hours"
  {
    re: new RegExp(`(?<![\\w.:/-])(\\d+|an?|one)\\s*${HOURS}\\s+and\\s+a\\s+half\\b`, 'i'),
    minutes: (m) => (/^\\d/.test(m[1]!) ? Number(m[1]) : 1) * 60 + 30,
  },
  {
    re: new RegExp(`(?<![\\w.:/-])(\\d+)\\s+and\\s+a\\s+half\\s*${HOURS}\\b\\.?`, 'i'),
    minutes: (m) => Number(m[1]) * 60 + 30,
  },
  // "2 hrs 15 min", "1h30m", "1h30", "2 hours and 15 minutes"
  // Minutes without a unit must be two digits ("2h 15"), so "2h 1 on 1" is 2 hours of 1 on 1.
  {
    re: new RegExp(
      `(?<![\\w.:/-])(-?)${NUM}\\s*${HOURS}\\.?\\s*(?:and\\s*)?(?:(\\d+)\\s*${MINUTES}\\b\\.?|([0-5]\\d))(?![\\w:/-])`,
      'i',
    ),
    minutes: (m) => sign(m[1]) * (num(m[2]) * 60 + Number(m[3] ?? m[4])),
  },
  // "2h", "1.5 hours", "half an hour"
  { re: new RegExp(`(?<![\\w.:/-])(-?)${NUM}\\s*${HOURS}\\b\\.?`, 'i'), minutes: (m) => sign(m[1]) * num(m[2]) * 60 },
  // "90 min"
  { re: new RegExp(`(?<![\\w.:/-])(-?)${NUM}\\s*${MINUTES}\\b\\.?`, 'i'), minutes: (m) => sign(m[1]) * num(m[2]) },
  // "1:30"
  {
    re: /(?<![\w.:/-])(-?)(\d{1,2}):([0-5]\d)(?![\w:/])/,
    minutes: (m) => sign(m[1]) * (Number(m[2]) * 60 + Number(m[3])),
  },
  { re: /(?<![\w-])(half an? hour|half hour)\b/i, minutes: () => 30 },
  { re: /(?<![\w-])(an hour|one hour)\b/i, minutes: () => 60 },
  // "two hours", "three hrs": small numbers written as words.
  {
    re: new RegExp(`(?<![\\w-])(${WORD_NUMBERS.join('|')})\\s+${HOURS}\\b\\.?`, 'i'),
    minutes: (m) => (WORD_NUMBERS.indexOf(m[1]!.toLowerCase()) + 1) * 60,
  },
];

function num(s: string | undefined): number {
  return Number((s ?? '').replace(',', '.'));
}
function sign(s: string | undefined): number {
  return s === '-' ? -1 : 1;
}

export interface Found<T> {
  value: T;
  /** The text with the matched span taken out. */
  rest: string;
}

export const DURATION_EXAMPLES = '2h, 1.5 hours, 90 min, 2 hrs 15 min or 1:30';

/**
 * Finds a duration with a unit anywhere in the text. Throws for zero, negative or
 * over-24-hour amounts.
 */
export function findDuration(text: string, example: string): Found<number> | undefined {
  for (const form of FORMS) {
    const m = form.re.exec(text);
    if (m) return checked(form.minutes(m), text.slice(0, m.index) + ' ' + text.slice(m.index + m[0].length), example);
  }
  return undefined;
}

/** From this number on, a lone number is asked about (45 minutes or 45 hours?). */
const BARE_HOURS_MAX = 10;

/** A lone number with no unit, read as hours (below 10). Tried last, after dates are taken out. */
export function findBareHours(text: string, example: string): Found<number> | undefined {
  const bare = /(?<![\w.:/-])(-?\d+(?:\.\d+)?)(?![\w.:/-])/.exec(text);
  // "45" alone is more likely minutes than hours: ask, don't guess. Small numbers ("2") are hours.
  if (bare && Number(bare[1]) >= BARE_HOURS_MAX)
    throw new UserError(
      'duration-unit',
      `Is that ${bare[1]} minutes or ${bare[1]} hours? Please add min or h.`,
      example.replace(/\b\d+(?:\.\d+)?\s*(?:h|min)\b|\b2h\b/, `${bare[1]} min`),
    );
  if (bare)
    return checked(
      Number(bare[1]) * 60,
      text.slice(0, bare.index) + ' ' + text.slice(bare.index + bare[0].length),
      example,
    );
  return undefined;
}

function checked(minutes: number, rest: string, example: string): Found<number> {
  if (!Number.isFinite(minutes) || minutes <= 0) {
    throw new UserError('duration-not-positive', 'The time must be more than 0.', example);
  }
  const rounded = Math.round(minutes);
  if (rounded > 24 * 60)
    throw new UserError('duration-too-long', 'That is more than 24 hours. One entry can be 24 hours at most.', example);
  if (rounded < 1) throw new UserError('duration-not-positive', 'The time must be at least 1 minute.', example);
  return { value: rounded, rest };
}

/** "2 hours", "1 hour 30 minutes", "45 minutes". */
export function formatDuration(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  const hours = h ? `${h} ${h === 1 ? 'hour' : 'hours'}` : '';
  const mins = m ? `${m} ${m === 1 ? 'minute' : 'minutes'}` : '';
  return [hours, mins].filter(Boolean).join(' ') || '0 hours';
}

/** Hours as a short number for totals: 2, 1.5, 0.3. */
export function hoursOf(minutes: number): number {
  return Math.round((minutes / 60) * 10) / 10;
}
