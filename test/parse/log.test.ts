import { describe, expect, it } from 'vitest';
import { DateTime } from 'luxon';
import path from 'node:path';
import { loadPrograms } from '../../src/programs/catalog.ts';
import { parseLog } from '../../src/parse/log.ts';
import { UserError } from '../../src/errors.ts';

const program = loadPrograms(path.resolve(import.meta.dirname, '../../data/programs')).get('wi-peer-mentor')!;
// Monday, March 16, 2026 in Chicago.
const today = DateTime.fromISO('2026-03-16', { zone: 'America/Chicago' });
const parse = (text: string) => parseLog(text, program, today);

function rejected(text: string): UserError {
  try {
    parse(text);
  } catch (error) {
    if (error instanceof UserError) return error;
    throw error;
  }
  throw new Error(`expected "${text}" to be refused`);
}

describe('reading /hours log as a person means it', () => {
  it.each([
    ['2h shadowing', 120],
    ['1.5 hours shadowing', 90],
    ['90 min shadowing', 90],
    ['2 hrs 15 min shadowing', 135],
    ['1:30 shadowing', 90],
    ['1h30 shadowing', 90],
    ['half an hour shadowing', 30],
  ])('reads the duration in "%s" as %i minutes', (text, minutes) => {
    expect(parse(text).minutes).toBe(minutes);
  });

  it.each([
    ['2h shadowing today', '2026-03-16'],
    ['2h shadowing yesterday', '2026-03-15'],
    ['2h shadowing last friday', '2026-03-13'],
    ['2h shadowing friday', '2026-03-13'],
    ['2h shadowing 3/4', '2026-03-04'],
    ['2h shadowing 2026-03-04', '2026-03-04'],
    ['2h shadowing March 4', '2026-03-04'],
    ['2h shadowing 12/30', '2025-12-30'],
  ])('reads the date in "%s" as %s', (text, date) => {
    expect(parse(text).date).toBe(date);
  });

  it('takes duration, category and date in any order; the rest is the note', () => {
    const parsed = parse('yesterday 1on1 met with Sam about his bus route 90 min');
    expect(parsed).toMatchObject({ minutes: 90, date: '2026-03-15', note: 'met with Sam about his bus route' });
    expect(parsed.category.id).toBe('mentoring-1on1');
    expect(parsed.category.faceToFace).toBe(true);
  });

  it.each([
    ['2h 1on1', 'mentoring-1on1'],
    ['2h one on one', 'mentoring-1on1'],
    ['2h 1-on-1', 'mentoring-1on1'],
    ['2h group mentoring', 'mentoring-group'],
    ['2h co-facilitating', 'co-facilitating'],
    ['2h telecon', 'teleconference'],
    ['2h shadowng', 'shadowing'],
    ['2h ltc system', 'ltc-system'],
    ['2h staff meeting', 'staff-meetings'],
  ])('understands the category in "%s"', (text, id) => {
    expect(parse(text).category.id).toBe(id);
  });

  it('keeps a quoted note whole, even with category words in it', () => {
    expect(parse('2h shadowing "group, then 1on1"').note).toBe('group, then 1on1');
  });

  it('keeps a category word later in the note as part of the note', () => {
    const parsed = parse('2h shadowing then a group lunch');
    expect(parsed.category.id).toBe('shadowing');
    expect(parsed.note).toBe('then a group lunch');
  });

  it('does not read "may" in a note as a date', () => {
    expect(parse('2h shadowing I may call Sam').date).toBe('2026-03-16');
  });
});

describe('refusing what cannot be right', () => {
  it.each([
    ['-2h shadowing', 'duration-not-positive'],
    ['0h shadowing', 'duration-not-positive'],
    ['0 min shadowing', 'duration-not-positive'],
    ['25h shadowing', 'duration-too-long'],
    ['2026-13-45 2h shadowing', 'not-a-date'],
    ['2/30 2h shadowing', 'not-a-date'],
    ['2h shadowing next friday', 'date-in-future'],
    ['2h shadowing 2026-04-01', 'date-in-future'],
    ['2h shadowing 3/20', 'date-in-future'],
    ['2h shadowing March 20', 'date-in-future'],
    ['2h juggling', 'category-unknown'],
    ['2h', 'category-missing'],
    ['shadowing', 'duration-missing'],
    [`2h shadowing ${'x'.repeat(501)}`, 'note-too-long'],
  ])('refuses "%s" (%s) with an example', (text, id) => {
    const error = rejected(text);
    expect(error.id).toBe(id);
    expect(error.example).toMatch(/^\/hours/);
  });

  it('names a few kinds in words when it does not know one, never a list of 13 codes', () => {
    const choices = rejected('2h juggling').choices!;
    expect(choices).toContain('shadowing');
    expect(choices.length).toBeLessThanOrEqual(5);
    expect(choices.join(', ')).not.toMatch(/ltc|mentoring-1on1|agency-training/);
    expect(choices.at(-1)).toBe('and more');
  });
});

describe('quoted notes', () => {
  it('asks for the time, not "more than 0", when only a quoted note is given', () => {
    expect(rejected('shadowing "met 0 people"').id).toBe('duration-missing');
  });
  it('keeps quotes inside a longer note where they were', () => {
    expect(parse('1h 1on1 said "hi", then left').note).toBe('said "hi", then left');
  });
});

describe('asking back when a word fits two categories', () => {
  it('asks one-on-one or group for plain "mentoring"', () => {
    const error = rejected('2h mentoring');
    expect(error.id).toBe('category-ambiguous');
    expect(error.message).toBe('Did you mean one-on-one mentoring or group mentoring?');
    expect(error.example).toMatch(/mentoring-1on1/);
  });

  it('takes the first word of a name when only one category starts with it', () => {
    expect(parse('2h agency visit').category.id).toBe('agency-training');
  });
});
