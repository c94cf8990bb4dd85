import { describe, expect, it } from 'vitest';
import { say, testServices } from '../helpers.ts';

// Today in these tests is Monday, March 16, 2026.
describe('a mentor logging hours with a date word', () => {
  it('refuses hours logged for tomorrow and stores nothing', async () => {
    const s = await testServices();
    const reply = await say(s, 'mia', '/hours log 2h shadowing tomorrow');
    expect(reply).toMatch(/future/i);
    expect(await s.store.hours.list('mia')).toHaveLength(0);
  });

  it('refuses a milestone marked for tomorrow and records nothing', async () => {
    const s = await testServices();
    await say(s, 'admin', '/admin enroll @max program:ma-cps');
    await say(s, 'admin', '/admin role @fran facilitator');
    const reply = await say(s, 'fran', '/cert mark @max written-exam tomorrow');
    expect(reply).not.toMatch(/not a step/i);
    expect(await say(s, 'fran', '/cert @max')).toMatch(/Written exam: not done yet/);
  });
});
