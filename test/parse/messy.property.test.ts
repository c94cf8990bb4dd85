import fc from 'fast-check';
import path from 'node:path';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/errors.ts';
import { loadPrograms } from '../../src/programs/catalog.ts';
import { readHoursIntent } from '../../src/parse/hours-intent.ts';
import { parseLog } from '../../src/parse/log.ts';
import { plainOptions, HOURS_KEYS } from '../../src/parse/options.ts';
import { parseSchedule } from '../../src/meetings/parse.ts';
import { say, testServices } from '../helpers.ts';

const catalog = loadPrograms(path.resolve(import.meta.dirname, '../../data/programs'));
const program = catalog.get('wi-peer-mentor')!;
const today = DateTime.fromISO('2026-03-16', { zone: 'America/Chicago' });
const category = fc.constantFrom(...program.categories);
const minutes = fc.integer({ min: 1, max: 16 * 60 });
const daysAgo = fc.integer({ min: 0, max: 60 });
const lead = fc.constantFrom('', 'i did ', 'log ', 'I spent ', 'so i worked ', 'please log ');

describe('hours typed without the command (properties)', () => {
  it('offers exactly the entry that was written, and its Yes button logs the same entry', () => {
    fc.assert(
      fc.property(lead, minutes, category, daysAgo, (start, m, c, ago) => {
        const date = today.minus({ days: ago }).toISODate()!;
        const line = `${start}${m} min ${c.id} ${date}`;
        const intent = readHoursIntent(line, program, today)!;
        expect(intent.parsed).toMatchObject({ minutes: m, date, note: '' });
        expect(intent.parsed.category.id).toBe(c.id);
        const again = parseLog(intent.args.replace(/^log /, ''), program, today);
        expect([again.minutes, again.category.id, again.date, again.note]).toEqual([m, c.id, date, '']);
      }),
    );
  });

  it('never reads a question as hours to log, and never fails with anything but a plain message', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 120 }), (text) => {
        try {
          readHoursIntent(`${text}?`, program, today);
          expect(readHoursIntent(`${text}?`, program, today)).toBeUndefined();
          readHoursIntent(text, program, today);
        } catch (error) {
          expect(error).toBeInstanceOf(UserError);
        }
      }),
    );
  });

  it('reads nothing as hours in a line with no time in it', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z ]{0,60}$/), (text) => {
        expect(readHoursIntent(text.replace(/\b(an?|one|two|three|half)\b/g, 'x'), program, today)).toBeUndefined();
      }),
    );
  });
});

describe('key:value options (properties)', () => {
  it('"date:X" logs the same as "X", for every key', () => {
    fc.assert(
      fc.property(fc.constantFrom(...HOURS_KEYS), minutes, category, daysAgo, (key, m, c, ago) => {
        const date = today.minus({ days: ago }).toISODate()!;
        const plain = parseLog(`${m}min ${c.id} ${date}`, program, today);
        const keyed = parseLog(plainOptions(`${m}min ${c.id} ${key}:${date}`, HOURS_KEYS), program, today);
        expect(keyed).toEqual(plain);
      }),
    );
  });

  it('leaves text with no known key as it was (links and notes keep their colons)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (text) => {
        const safe = text.replace(new RegExp(`\\b(${HOURS_KEYS.join('|')}):`, 'gi'), '');
        expect(plainOptions(safe, HOURS_KEYS)).toBe(safe);
      }),
    );
  });
});

describe('programs and recurrence written the short way (properties)', () => {
  it('finds a program by its id, each alias, and any case', () => {
    for (const p of catalog.all())
      for (const name of [p.id, ...p.aliases]) {
        expect(catalog.find(name)?.id).toBe(p.id);
        expect(catalog.find(name.toUpperCase())?.id).toBe(p.id);
      }
  });

  it('"3rd wed" means the same as "every 3rd wed"', () => {
    const nth = fc.constantFrom('1st', '2nd', '3rd', '4th', 'last', 'first', 'second', 'third');
    const day = fc.constantFrom('monday', 'tue', 'wed', 'thursday', 'fri');
    fc.assert(
      fc.property(nth, day, fc.constantFrom('call', 'meeting', 'training'), (n, d, kind) => {
        const withEvery = parseSchedule(`"Peer chat" ${kind} every ${n} ${d} at 1pm`, today);
        const without = parseSchedule(`"Peer chat" ${kind} ${n} ${d} at 1pm`, today);
        expect(without).toEqual(withEvery);
      }),
    );
  });
});

describe('help that fits the reader', () => {
  it('GIVEN a mentor THEN /help hours does not show /hours approve, and /help ask does not show /ask reload', async () => {
    const s = await testServices();
    const hours = await say(s, 'mia', '/help hours');
    expect(hours).not.toContain('/hours approve');
    expect(hours).toContain('One-on-one mentoring (type 1on1)');
    expect(await say(s, 'mia', '/help ask')).not.toMatch(/\/ask reload|\/ask unanswered|\/ask answer/);
  });

  it('GIVEN a supervisor or a facilitator THEN their own examples are shown', async () => {
    const s = await testServices();
    await say(s, 'admin', '/admin role @sue supervisor');
    await say(s, 'admin', '/admin role @fran facilitator');
    expect(await say(s, 'sue', '/help hours')).toContain('/hours approve @alice');
    expect(await say(s, 'sue', '/help ask')).not.toContain('/ask reload');
    expect(await say(s, 'fran', '/help ask')).toContain('/ask reload');
    expect(await say(s, 'fran', '/help meet')).toContain('/meet schedule');
    expect(await say(s, 'mia', '/help meet')).not.toContain('/meet schedule');
    expect(await say(s, 'mia', '/help')).not.toContain('/team');
    expect(await say(s, 'sue', '/help')).toContain('/team');
  });
});
