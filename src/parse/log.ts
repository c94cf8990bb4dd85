import type { DateTime } from 'luxon';
import { UserError } from '../errors.ts';
import type { Category, Program } from '../programs/schema.ts';
import { findCategory } from './category.ts';
import { findDate } from './date.ts';
import { findBareHours, findDuration } from './duration.ts';

export const LOG_EXAMPLE = '/hours log 2h shadowing yesterday met with Sam';
export const NOTE_LIMIT = 500;

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
  const quoted = /"([^"]*)"|“([^”]*)”/.exec(text);
  let rest = quoted ? text.slice(0, quoted.index) + ' ' + text.slice(quoted.index + quoted[0].length) : text;
  const unit = findDuration(rest, LOG_EXAMPLE);
  if (unit) rest = unit.rest;
  const date = findDate(rest, today, LOG_EXAMPLE);
  if (date) rest = date.rest;
  const duration = unit ?? findBareHours(rest, LOG_EXAMPLE);
  if (!duration) throw new UserError('duration-missing', 'How long was it? Add the time, like 2h or 90 min.', LOG_EXAMPLE);
  if (!unit) rest = duration.rest;
  const iso = date?.value ?? today.toISODate()!;
  if (iso > today.toISODate()!) throw new UserError('date-in-future', 'That date is in the future. You can only log hours you already did.', LOG_EXAMPLE);
  const found = findCategory(rest, program.categories, LOG_EXAMPLE);
  const note = [found.rest, quoted?.[1] ?? quoted?.[2] ?? ''].join(' ').replace(/^\s*(note:|-|—|:)\s*/i, '').replace(/\s+/g, ' ').trim();
  if (note.length > NOTE_LIMIT) {
    throw new UserError('note-too-long', `The note is too long: ${note.length} characters. It can be ${NOTE_LIMIT} at most.`, LOG_EXAMPLE);
  }
  return { minutes: duration.value, category: found.category, date: iso, note };
}
