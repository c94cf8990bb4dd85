import { describe, expect, it } from 'vitest';
import { makeClock } from '../../src/clock.ts';
import { say, testServices } from '../helpers.ts';

describe('what "today" and "yesterday" mean in the collaborative time zone', () => {
  it('uses the local day, not the UTC day, late in the evening', () => {
    // 04:30 UTC on Nov 2 is still Nov 1, 22:30 in Chicago (the day daylight saving ends).
    expect(makeClock('America/Chicago', '2026-11-02T04:30:00Z').today()).toBe('2026-11-01');
    expect(makeClock('Europe/Berlin', '2026-11-02T04:30:00Z').today()).toBe('2026-11-02');
  });

  it('logs "yesterday" as the day before across the spring switch (a 23-hour day)', async () => {
    // 00:30 on Monday March 9, 2026 in Chicago; Sunday March 8 had only 23 hours.
    const s = await testServices({ PEERBOT_NOW: '2026-03-09T00:30:00-05:00' });
    await say(s, 'alice', '/hours log 1h shadowing yesterday');
    await say(s, 'alice', '/hours log 1h shadowing today');
    expect((await s.store.hours.list('alice')).map((e) => e.date)).toEqual(['2026-03-08', '2026-03-09']);
  });

  it('logs "yesterday" as the day before across the fall switch (a 25-hour day)', async () => {
    // 23:30 on Sunday Nov 1, 2026 in Chicago, the day clocks went back.
    const s = await testServices({ PEERBOT_NOW: '2026-11-02T05:30:00Z' });
    await say(s, 'alice', '/hours log 1h shadowing yesterday');
    expect((await s.store.hours.list('alice'))[0]?.date).toBe('2026-10-31');
  });

  it('refuses a bad PEERBOT_NOW or time zone with an example', () => {
    expect(() => makeClock('America/Chicago', 'soon')).toThrow(/Example: 2026-03-04T10:00:00-06:00/);
    expect(() => makeClock('Mars/Olympus')).toThrow(/not a time zone/);
  });
});
