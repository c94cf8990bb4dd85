import { describe, expect, it } from 'vitest';
import { say, testServices } from '../helpers.ts';

// Today in these tests is Monday, March 16, 2026.
describe('an admin enrolling someone who starts soon', () => {
  it('reads a hire and internship start written without a year as this year, not last year', async () => {
    const s = await testServices();
    await say(s, 'admin', '/admin enroll @nina program:nc-peer-support hired:3/20 internship-start:3/23');
    expect(await s.store.people.get('nina')).toMatchObject({ hired: '2026-03-20', internshipStart: '2026-03-23' });
  });

  it('reads a date written without a year as the nearest one, around the new year', async () => {
    const s = await testServices({ PEERBOT_NOW: '2027-01-05T10:00:00-06:00' });
    await say(s, 'admin', '/admin enroll @max program:ma-cps hired:12/28 internship-start:1/11');
    expect(await s.store.people.get('max')).toMatchObject({ hired: '2026-12-28', internshipStart: '2027-01-11' });
  });
});
