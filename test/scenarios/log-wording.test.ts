import { describe, expect, it } from 'vitest';
import { say, testServices } from '../helpers.ts';

// Today in these tests is Monday, March 16, 2026.
describe('a mentor logging hours in their own words', () => {
  it('reads "2h 1 on 1" as 2 hours of one-on-one mentoring, not 2 hours 1 minute', async () => {
    const s = await testServices();
    await say(s, 'mia', '/hours log 2h 1 on 1');
    await say(s, 'mia', '/hours log 1.5 hours 1 on 1 yesterday');
    const entries = await s.store.hours.list('mia');
    expect(entries.map((e) => [e.minutes, e.category, e.date])).toEqual(
      [
        [90, 'mentoring-1on1', '2026-03-15'],
        [120, 'mentoring-1on1', '2026-03-16'],
      ].sort((a, b) => String(a[2]).localeCompare(String(b[2]))),
    );
  });

  it('still reads "2 hrs 15 min", "1h30" and "2h 15" as hours and minutes', async () => {
    const s = await testServices();
    // The same time twice on one day is asked about first, so each one says it means it ("again").
    for (const d of ['2 hrs 15 min', '1h30', '2h 15']) await say(s, 'mia', `/hours log ${d} shadowing again`);
    expect((await s.store.hours.list('mia')).map((e) => e.minutes).sort()).toEqual([135, 135, 90].sort());
  });

  it('reads halves and quarters of an hour, and never takes "1/2" for a date', async () => {
    const s = await testServices();
    const said = ['1 1/2 hours', 'an hour and a half', '2 and a half hours', '3/4 hour', '1/2 hr'];
    for (const d of said) await say(s, 'mia', `/hours log ${d} shadowing again`);
    const entries = await s.store.hours.list('mia');
    expect(entries.map((e) => e.minutes)).toEqual([90, 90, 150, 45, 30]);
    expect(entries.every((e) => e.date === '2026-03-16' && e.note === '')).toBe(true);
  });

  it('reads hours written as a word, like "two hours"', async () => {
    const s = await testServices();
    await say(s, 'mia', '/hours log two hours shadowing');
    await say(s, 'mia', '/hours log three hrs 1on1');
    expect((await s.store.hours.list('mia')).map((e) => e.minutes)).toEqual([120, 180]);
  });
});
