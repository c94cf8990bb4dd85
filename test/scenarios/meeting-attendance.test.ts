import { describe, expect, it } from 'vitest';
import { say, testServices } from '../helpers.ts';

// Today in these tests is Monday, March 16, 2026, 10:00 in Chicago.
async function weeklyCall() {
  const s = await testServices({ PEERBOT_NOW: '2026-03-20T16:00:00-05:00' });
  await say(s, 'admin', '/admin role @fran facilitator');
  await say(s, 'fran', '/meet schedule "Peer call" teleconference weekly friday 14:00 90m');
  return s;
}

describe('a mentor saying they attended a call', () => {
  it('refuses call hours that would make the day pass 24 hours, and stores nothing', async () => {
    const s = await weeklyCall();
    await say(s, 'mia', '/hours log 23h shadowing today');
    const reply = await say(s, 'mia', '/meet attended pc');
    expect(reply).toMatch(/24 hours/);
    const entries = await s.store.hours.list('mia');
    expect(entries.map((e) => e.minutes)).toEqual([23 * 60]);
    expect(await say(s, 'mia', '/meet attended pc')).toMatch(/24 hours/);
  });

  it('offers past dates of the call, not future ones, when the date is wrong', async () => {
    const s = await weeklyCall();
    const reply = await say(s, 'mia', '/meet attended pc 3/18');
    expect(reply).toMatch(/does not happen/);
    expect(reply).toContain('2026-03-20');
    expect(reply).not.toContain('2026-03-27');
  });
});
