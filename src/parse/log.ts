import type { DateTime } from 'luxon';
import { UserError } from '../errors.ts';
import type { Category, Program } from '../programs/schema.ts';
import { findCategory } from './category.ts';
import * as words from '../messages/hours.ts';
import { findDate } from './date.ts';
import { findBareHours, findDuration, formatDuration } from './duration.ts';

export const NOTE_LIMIT = 500;

/** An example that works in the person's own program (NC has no "shadowing"). */
export function logExample(program: Program): string {
  const category = program.categories.find((c) => c.id === 'shadowing') ?? program.categories[0]!;
  // The everyday word when the program names one ("policy", not "pss-policy").
  const word = category.word && !/\s/.test(category.word) ? category.word : category.id;
  return `/hours log 2h ${word} yesterday met with Sam`;
}

export interface ParsedLog {
  minutes: number;
  category: Category;
  date: string;
  note: string;
}

/**
 * Reads "/hours log" text in any order: a duration, a category, maybe a date; the rest is
 * the note. Text in quotes is always the note. Throws a UserError for anything it cannot use.
 */
export function parseLog(text: string, program: Program, today: DateTime): ParsedLog {
  // Quoted spans are set aside as placeholders so nothing inside them is read as a time,
  // a date or a category, then put back where they were.
  const example = logExample(program);
  const quotes: string[] = [];
  let rest = text.replace(/"[^"]*"|“[^”]*”/g, (q) => `\u0000${'Q'.repeat(quotes.push(q))}\u0000`);
  const unit = findDuration(rest, example);
  if (unit) rest = unit.rest;
  const date = findDate(rest, today, example);
  if (date) rest = date.rest;
  const duration = unit ?? findBareHours(rest, example);
  if (!duration) throw new UserError('duration-missing', words.DURATION_MISSING, example);
  if (!unit) rest = duration.rest;
  const iso = date?.value ?? today.toISODate()!;
  if (iso > today.toISODate()!) throw new UserError('date-in-future', words.FUTURE_DATE, example);
  const restore = (s: string) =>
    // eslint-disable-next-line no-control-regex -- NUL marks where a quoted phrase was set aside above
    s.replace(/\u0000(Q+)\u0000/g, (_, q: string) => quotes[q.length - 1]!);
  let found: ReturnType<typeof findCategory>;
  try {
    found = findCategory(rest, program.categories, example);
  } catch (error) {
    // The message quotes a word the person wrote: theirs, not a placeholder ("\u0000Q\u0000").
    if (error instanceof UserError) throw new UserError(error.id, restore(error.message), error.example, error.choices);
    throw error;
  }
  let note = restore(found.rest)
    .replace(/^\s*(note:|-|—|:)\s*/i, '')
    .replace(/\s+/g, ' ')
    .trim();
  // Two times in one line ("1 hr 1on1 and 1 hr group") are two entries: ask for one at a time.
  const second = findDuration(note.replace(/"[^"]*"|“[^”]*”/g, ' '), example);
  if (second)
    throw new UserError(
      'two-activities',
      words.twoTimes(formatDuration(duration.value), formatDuration(second.value)),
      `/hours log ${formatShort(duration.value)} ${found.category.id}, then /hours log ${formatShort(second.value)} …`,
    );
  const doubt = found.category.askWith?.words.find((w) => new RegExp(`\\b${w}\\b`, 'i').test(note));
  if (doubt) {
    const instead = program.categories.find((c) => c.id === found.category.askWith!.instead);
    throw new UserError(
      'category-doubtful',
      words.doubtful(found.category.label.toLowerCase(), instead?.label.toLowerCase() ?? 'something else', doubt),
      `/hours log ${formatShort(duration.value)} ${instead?.id ?? found.category.id} ${note}`,
      [found.category.id, ...(instead ? [instead.id] : [])],
    );
  }
  // A note that is one quoted span loses its quotes.
  if (/^("[^"]*"|“[^”]*”)$/.test(note)) note = note.slice(1, -1);
  if (note.length > NOTE_LIMIT) {
    throw new UserError('note-too-long', words.noteTooLongHas(note.length, NOTE_LIMIT), example);
  }
  return { minutes: duration.value, category: found.category, date: iso, note };
}

/** "2h" or "90min": a time written the way the bot reads it back. */
function formatShort(minutes: number): string {
  return minutes % 60 === 0 ? `${minutes / 60}h` : `${minutes}min`;
}
