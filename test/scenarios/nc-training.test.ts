import { describe, expect, it } from 'vitest';
import { say, testServices } from '../helpers.ts';

// Today in these tests is Monday, March 16, 2026. Nina was hired 40 days ago.
describe('NC peer support staff in their first 90 days', () => {
  it('does not count extra hours of one training toward the trainings still missing', async () => {
    const s = await testServices();
    await say(s, 'admin', '/admin enroll @nina program:nc-peer-support hired:2026-02-04 supervisor:@sue');
    await say(s, 'nina', '/hours log 13h motivational interviewing 3/1');
    await say(s, 'nina', '/hours log 12h mi 3/2');
    await say(s, 'sue', '/hours approve @nina all');
    const cert = await say(s, 'sue', '/cert @nina');
    expect(cert).toMatch(/Training within 90 days of hire: \S+ 13 of 31 hours/);
    expect(cert).not.toMatch(/25 of 31/);
  });
});
