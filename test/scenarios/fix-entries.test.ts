import { describe, expect, it } from 'vitest';
import { say, testServices } from '../helpers.ts';

// Today in these tests is Monday, March 16, 2026.
async function mentorWithSupervisor() {
  const s = await testServices();
  await say(s, 'admin', '/admin enroll @mia supervisor:@sue');
  return s;
}

describe('a mentor fixing an entry', () => {
  it('sends a fixed entry that was not approved back to the supervisor to approve', async () => {
    const s = await mentorWithSupervisor();
    await say(s, 'mia', '/hours log 2h shadowing');
    await say(s, 'sue', '/hours reject @mia 1');
    await say(s, 'mia', '/hours edit 1 1on1');
    const [entry] = await s.store.hours.list('mia');
    expect(entry).toMatchObject({ category: 'mentoring-1on1', status: 'pending' });
    expect(await say(s, 'sue', '/hours approve @mia')).toMatch(/#1/);
  });

  it('changes both the time and the date when both are given', async () => {
    const s = await mentorWithSupervisor();
    await say(s, 'mia', '/hours log 2h shadowing');
    await say(s, 'mia', '/hours edit 1 yesterday 3h');
    const [entry] = await s.store.hours.list('mia');
    expect(entry).toMatchObject({ minutes: 180, date: '2026-03-15' });
  });

  it('refuses an edit that says both a time and an unknown word, and changes nothing', async () => {
    const s = await mentorWithSupervisor();
    await say(s, 'mia', '/hours log 2h shadowing');
    expect(await say(s, 'mia', '/hours edit 1 3h zzz')).toMatch(/kind of hours/i);
    const [entry] = await s.store.hours.list('mia');
    expect(entry).toMatchObject({ minutes: 120, date: '2026-03-16', category: 'shadowing' });
  });
});
