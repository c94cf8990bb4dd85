import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { createServices } from '../../src/app.ts';
import { silentLogger } from '../../src/services.ts';
import { say, testServices } from '../helpers.ts';
import { findDate } from '../../src/parse/date.ts';
import { findDuration, formatDuration } from '../../src/parse/duration.ts';
import { isRealDate } from '../../src/store/schema.ts';
import { UserError } from '../../src/errors.ts';

const TODAY = DateTime.fromISO('2026-03-16', { zone: 'America/Chicago' });
const day = fc.date({
  min: new Date('1900-01-01T12:00:00Z'),
  max: new Date('2026-03-16T12:00:00Z'),
  noInvalidDate: true,
});
const iso = (d: Date) => d.toISOString().slice(0, 10);
/** The ways a person writes a date the bot reads: 2026-03-04 and 3/4/2026. */
const written = (d: Date) => fc.constantFrom(iso(d), `${d.getUTCMonth() + 1}/${d.getUTCDate()}/${d.getUTCFullYear()}`);
/** The ways a person writes a time: 2h 15 min, 135 min, 2:15, 2h. */
const duration = fc.integer({ min: 1, max: 24 * 60 }).chain((m) =>
  fc
    .constantFrom(
      `${m} min`,
      m % 60 ? `${Math.floor(m / 60)}h ${m % 60} min` : `${m / 60}h`,
      `${Math.floor(m / 60)}:${String(m % 60).padStart(2, '0')}`,
    )
    .filter((t) => !/^0h /.test(t) && !/^0:/.test(t))
    .map((text) => ({ m, text })),
);

describe('every accepted date and time loads again and shows the same value', () => {
  it('logs through the bot into a real store, reopens it, and finds the same date and minutes', async () => {
    const s = await testServices();
    const expected: Array<{ user: string; date: string; minutes: number }> = [];
    let n = 0;
    await fc.assert(
      fc.asyncProperty(
        day.chain((d) => written(d).map((text) => ({ d, text }))),
        duration,
        async ({ d, text }, time) => {
          const user = `p${++n}`;
          const reply = await say(s, user, `/hours log ${time.text} shadowing ${text}`);
          expect(reply).toContain('Saved');
          expected.push({ user, date: iso(d), minutes: time.m });
        },
      ),
      { numRuns: 40 },
    );
    await s.store.close();
    const again = await createServices(s.config, silentLogger);
    for (const { user, date, minutes } of expected) {
      const [entry] = await again.store.hours.list(user);
      expect(entry).toMatchObject({ date, minutes });
      const list = await say(again, user, '/hours list');
      expect(list).toContain(formatDuration(minutes));
    }
  });

  it('refuses any year before 1900 or after next year, and what it accepts passes the load check', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 9999 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 28 }),
        (y, m, d) => {
          const text = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
          let value: string | undefined;
          try {
            value = findDate(`2h shadowing ${text}`, TODAY, 'x')?.value;
          } catch (error) {
            expect(error).toBeInstanceOf(UserError);
            expect(y < 1900 || y > 2027).toBe(true);
            return;
          }
          expect(y >= 1900 && y <= 2027).toBe(true);
          expect(isRealDate(value!)).toBe(true);
        },
      ),
    );
  });

  it('reads every written time back as the same minutes', () => {
    fc.assert(
      fc.property(duration, ({ m, text }) => {
        expect(findDuration(`${text} shadowing`, 'x')?.value).toBe(m);
      }),
    );
  });
});
